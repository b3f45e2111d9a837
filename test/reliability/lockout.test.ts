import test from 'ava';
import {runAuthBadInput, runClaimClockSteps, runIdleClockSteps, runLockoutSequences} from '../soak/lockout-suite.js';

test('random wrong, right and unknown guesses across lock ends and clock steps follow the lockout model', async t => {
	const figures = await runLockoutSequences({runs: 12});
	t.deepEqual(figures.violations, []);
	t.true(figures.cases >= 12);
	t.true(Number(figures.notes['guesses after a lock ended']) > 0, "the sequences crossed a lock's end");
});

test('print-job claims by live, dead and unaskable processes, with the clock stepped either way', async t => {
	const figures = await runClaimClockSteps({runs: 40});
	t.deepEqual(figures.violations, []);
	t.is(figures.cases, 40);
});

test('the idle lock comes while the wall clock steps back and forth', async t => {
	const figures = await runIdleClockSteps({runs: 4});
	t.deepEqual(figures.violations, []);
});

test('hostile standard input, passwords and repeated configuration keys', async t => {
	const figures = await runAuthBadInput({runs: 30});
	t.deepEqual(figures.violations, []);
	t.is(figures.notes['repeated configuration keys held'], 1);
});
