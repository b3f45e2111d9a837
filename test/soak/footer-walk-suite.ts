// The footer's promise under random keys: the console in process, printing to a real emulator, takes
// random key walks (every key the keymap names, typed digits and passwords now and then). The router
// reports each key, and a key the footer offered that did nothing, or one that acted unoffered, breaks it.
import fc from 'fast-check';
import {startPrinterEmulator} from '../../source/printing/emulator/printer-emulator.js';
import type {KeyReport} from '../../source/ui/keyboard.js';
import {keymap} from '../../source/ui/keymap.js';
import {addSale} from '../helpers/fixture.js';
import {keys} from '../helpers/keys.js';
import {consoleFixture, password, press, type Rendered} from '../helpers/console-ui.js';
import {emptyFigures, noteHang, noteViolation, type SuiteFigures} from './figures.js';

/** What a terminal sends for the keymap's keys that are not their own label. Ctrl+C and q end the console. */
const sequences: Record<string, string> = {
	'↑ k': keys.up,
	'↓ j': keys.down,
	PgUp: keys.pageUp,
	PgDn: keys.pageDown,
	Home: keys.home,
	End: keys.end,
	Enter: keys.enter,
	Esc: keys.escape,
	'1–9': '4',
	'Ctrl+U': '\u0015',
};
const keyPresses = [...new Set(keymap.map(binding => binding.label))]
	.filter(label => label !== 'Ctrl+C' && label !== 'q')
	.map(label => sequences[label] ?? label);

/** One step of a walk: a key, or what a clerk types into a field (an operator number, the password). */
const stepArbitrary = fc.oneof(
	{weight: 8, arbitrary: fc.constantFrom(...keyPresses)},
	{weight: 1, arbitrary: fc.constantFrom('00', '01', password, `${password}\r`, '128.50')},
);

/** Presses `sequence` and waits until the router has heard every key of it; false when it never did. */
async function pressHeard(instance: Rendered, reports: KeyReport[], sequence: string): Promise<boolean> {
	const before = reports.length;
	await press(instance, sequence);
	const deadline = performance.now() + 5000;
	while (reports.length === before) {
		if (performance.now() > deadline) {
			return false;
		}

		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	return true;
}

/** Waits (at most 5 s) until nothing on screen is still being checked, sent or printed. */
async function settle(instance: Rendered): Promise<void> {
	const deadline = performance.now() + 5000;
	while (/checking|voiding|printing|sending/i.test(instance.lastFrame() ?? '') && performance.now() < deadline) {
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}

	await new Promise(resolve => {
		setTimeout(resolve, 1500);
	});
}

export async function runFooterWalk(options: {runs: number; steps: number; seed?: number}): Promise<SuiteFigures> {
	const figures = emptyFigures('footer promise: random key walks');
	const walks = fc.sample(fc.array(stepArbitrary, {minLength: options.steps, maxLength: options.steps}), {
		numRuns: options.runs,
		seed: options.seed,
	});
	for (const [run, walk] of walks.entries()) {
		const emulator = await startPrinterEmulator({host: '127.0.0.1', port: 0, columns: 32});
		const reports: KeyReport[] = [];
		const fixture = await consoleFixture({
			seed(seeded) {
				addSale(seeded.context, {voucherNo: '000102', amount: 2000, createdAt: seeded.clock.now - 120_000});
				addSale(seeded.context, {voucherNo: '000101', amount: 12_850});
				addSale(seeded.context, {voucherNo: '000103', amount: 900_000, channel: 'wechat'});
				seeded.context.config.printer = {
					...seeded.context.config.printer,
					host: emulator.host,
					port: emulator.port,
					connectTimeoutMs: 500,
					writeTimeoutMs: 1000,
				};
			},
			onKeyReport(report) {
				reports.push(report);
			},
		});
		try {
			for (const [index, sequence] of walk.entries()) {
				figures.cases++;
				// A typed word is heard as one key (a paste) or one per character; either way it is heard.
				if (!(await pressHeard(fixture.instance, reports, sequence))) {
					noteHang(figures, `walk ${run}, step ${index}: ${JSON.stringify(sequence)} was never heard`);
					break;
				}
			}

			for (const report of reports) {
				if (report.violation) {
					noteViolation(figures, `walk ${run}: ${report.violation} (offered: ${report.offeredLabels.join(' ')})`);
				}
			}

			figures.faults += reports.length;
			// A password check or a print still running finishes before its database closes.
			await settle(fixture.instance);
		} finally {
			fixture.close();
			await emulator.close();
		}
	}

	figures.notes = {walks: options.runs, 'keys heard': figures.faults};
	return figures;
}
