import test from 'ava';
import {runContest, runLockHolder} from '../soak/concurrency-suite.js';

test('2 to 4 processes voiding the same sales: each voided once, every loser told already voided, no busy error shown', async t => {
	const figures = await runContest({sales: 300, perRound: 150});
	t.deepEqual(
		{losses: figures.losses, duplicates: figures.duplicates, violations: figures.violations},
		{losses: 0, duplicates: 0, violations: []},
	);
	t.is(figures.cases, 300);
	t.true(figures.faults >= 300, 'fewer losing attempts than sales');
});

test('a write lock held past the busy timeout gives every write "another program is using the database", and the write succeeds once it is released', async t => {
	const figures = await runLockHolder({rounds: 1});
	t.deepEqual(figures.violations, []);
	t.is(figures.cases, 5);
});
