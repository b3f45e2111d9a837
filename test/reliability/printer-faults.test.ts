import test from 'ava';
import {faultCases, runPrinterFaults} from '../soak/printer-fault-suite.js';

test('every printer fault at every step: classified, never marked printed unless accepted while ready, and one retry prints exactly one slip', async t => {
	const figures = await runPrinterFaults({repeats: 1});
	t.deepEqual(
		{losses: figures.losses, duplicates: figures.duplicates, violations: figures.violations},
		{losses: 0, duplicates: 0, violations: []},
	);
	t.is(figures.cases, faultCases.length);
});
