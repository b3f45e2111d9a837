import test from 'ava';
import {runBadInput} from '../soak/bad-input-suite.js';

test('hostile search queries, import rows, configuration, operator and merchant names: no crash, clear messages, nothing written, no control byte out', async t => {
	const figures = await runBadInput({runs: 60});
	t.deepEqual(figures.violations, []);
	t.deepEqual({losses: figures.losses, duplicates: figures.duplicates}, {losses: 0, duplicates: 0});
	t.true(figures.cases >= 6 * 3);
});
