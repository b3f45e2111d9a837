// The footer's promise under random keys: the console in process, printing to a real emulator, takes
// random key walks (every key the keymap names, typed digits and passwords now and then). The router
// reports each key, and a key the footer offered that did nothing, or one that acted unoffered, breaks it.
// Every other walk has WeChat Pay and Alipay online against the platform simulator and cards
// terminal-assisted, so the steps of a void that reaches the money are walked too.
import fc from 'fast-check';
import {startPrinterEmulator} from '../../source/printing/emulator/printer-emulator.js';
import type {KeyReport} from '../../source/ui/keyboard.js';
import {keymap} from '../../source/ui/keymap.js';
import {addSale} from '../helpers/fixture.js';
import {addQrSale, onlinePayments, startSimulator} from '../helpers/online-platforms.js';
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

/**
 * One step of a walk: a key, or what a clerk types into a field (an operator number, the password), or
 * now and then a whole void asked for in a row (sign in as 01, v, the password, reason 1, y), each key
 * once the one before is heard: a random walk alone almost never gets a void as far as its platform.
 */
const stepArbitrary = fc.oneof(
	{weight: 16, arbitrary: fc.constantFrom(...keyPresses).map(key => [key])},
	{weight: 2, arbitrary: fc.constantFrom('00', '01', password, `${password}\r`, '128.50').map(typed => [typed])},
	{weight: 1, arbitrary: fc.constant(['01\r', `${password}\r`, 'v', `${password}\r`, '1', 'y'])},
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

/** Presses one step's keys, each once the one before is heard; false when one never was. */
async function walkStep(
	instance: Rendered,
	reports: KeyReport[],
	step: readonly string[],
	figures: SuiteFigures,
): Promise<boolean> {
	for (const sequence of step) {
		figures.cases++;
		// A typed word is heard as one key (a paste) or one per character; either way it is heard.
		if (!(await pressHeard(instance, reports, sequence))) {
			return false;
		}

		if (step.length > 1) {
			// The password check and the screen after it, before the next key of the void.
			await new Promise(resolve => {
				setTimeout(resolve, 250);
			});
		}
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
	// How many voids the online walks sent to a platform: the walks reached those steps.
	let onlineVoids = 0;
	for (const [run, walk] of walks.entries()) {
		const emulator = await startPrinterEmulator({host: '127.0.0.1', port: 0, columns: 32});
		let now: () => number = () => 0;
		const simulator = run % 2 === 1 ? await startSimulator(() => now()) : undefined;
		const reports: KeyReport[] = [];
		const fixture = await consoleFixture({
			seed(seeded) {
				now = seeded.context.now;
				addSale(seeded.context, {voucherNo: '000102', amount: 2000, createdAt: seeded.clock.now - 120_000});
				addSale(seeded.context, {voucherNo: '000101', amount: 12_850});
				if (simulator) {
					seeded.context.config.payments = onlinePayments(simulator);
					addQrSale(seeded.context, simulator, 'wechat', {voucherNo: '000103', amount: 900_000});
					addQrSale(seeded.context, simulator, 'alipay', {voucherNo: '000104'});
				} else {
					addSale(seeded.context, {voucherNo: '000103', amount: 900_000, channel: 'wechat'});
				}

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
			for (const [index, step] of walk.entries()) {
				if (!(await walkStep(fixture.instance, reports, step, figures))) {
					noteHang(figures, `walk ${run}, step ${index}: ${JSON.stringify(step)} was never heard`);
					break;
				}
			}

			for (const report of reports) {
				if (report.violation) {
					noteViolation(figures, `walk ${run}: ${report.violation} (offered: ${report.offeredLabels.join(' ')})`);
				}
			}

			figures.faults += reports.length;
			onlineVoids += fixture.store.voidRequests.recent('', 100).length;
			// A password check or a print still running finishes before its database closes.
			await settle(fixture.instance);
		} finally {
			fixture.close();
			await emulator.close();
			await simulator?.close();
		}
	}

	figures.notes = {
		walks: options.runs,
		'online walks': Math.floor(options.runs / 2),
		'online voids sent': onlineVoids,
		'keys heard': figures.faults,
	};
	return figures;
}
