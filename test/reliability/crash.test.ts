import test from 'ava';
import {runImportCrash, runMigrationCrash, runVoidCrash} from '../soak/crash-suite.js';
import type {SuiteFigures} from '../soak/figures.js';

// The short versions of `npm run soak`'s crash suites; the soak runs the same code with large counts.
const broken = (figures: SuiteFigures) => ({
	losses: figures.losses,
	duplicates: figures.duplicates,
	violations: figures.violations,
});
const none = {losses: 0, duplicates: 0, violations: []};

test('voids killed with SIGKILL at random moments leave every acknowledged void whole and nothing half-done', async t => {
	const figures = await runVoidCrash({rounds: 12, lanes: 2});
	t.deepEqual(broken(figures), none);
	t.is(figures.cases, 12);
	t.true(Number(figures.notes['acknowledged voids'] ?? 0) > 0, 'the worker acknowledged no void before its kill');
});

test('a process killed while creating and migrating databases leaves each file at one whole schema version', async t => {
	const figures = await runMigrationCrash({rounds: 6});
	t.deepEqual(broken(figures), none);
	t.is(figures.cases, 6);
});

test('posvoid import killed part-way leaves all of the file or none of it', async t => {
	const figures = await runImportCrash({rounds: 3, rows: 3000});
	t.deepEqual(broken(figures), none);
	t.is(figures.cases, 3);
});
