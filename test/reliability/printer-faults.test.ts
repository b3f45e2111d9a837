import test from 'ava';
import {faultCases, runPrinterFaults} from '../soak/printer-fault-suite.js';

test('every printer fault at every step: classified, never marked printed unless accepted while ready, and one retry prints exactly one slip', async t => {
	// Longer timeouts than the soak's, so a busy machine cannot turn a slow answer into a timeout here.
	const figures = await runPrinterFaults({repeats: 1, connectTimeoutMs: 600, writeTimeoutMs: 600});
	t.deepEqual(
		{losses: figures.losses, duplicates: figures.duplicates, violations: figures.violations},
		{losses: 0, duplicates: 0, violations: []},
	);
	t.is(figures.cases, faultCases.length);
});
