// Printers and print servers that answer DLE EOT twice, with stale bytes, with ASB blocks or with the
// previous status, at every step of a slip: whatever the replies, a slip the printer stopped reading
// part way (paper out after K bytes) is never "printed", and a whole one is printed and confirmed.
import fc from 'fast-check';
import {startPrinterEmulator, type EmulatorQuirk} from '../../source/printing/emulator/printer-emulator.js';
import {printBytes, type PrinterChecks} from '../../source/printing/printer-transport.js';
import {renderSlipEscPos} from '../../source/printing/render-escpos.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {addressOf, profile, sampleVoid} from '../printing/fixtures.js';
import {emptyFigures, noteHang, noteViolation, type SuiteFigures} from './figures.js';

const misleading: EmulatorQuirk[] = ['stale-at-connect', 'double-status', 'asb', 'previous-status'];

const checksArbitrary = fc.constantFrom<[string, PrinterChecks]>(
	['GS r 1', {status: {kind: 'dle-eot', answers: [1, 2, 4]}, confirmation: 'gs-r'}],
	['GS ( H', {status: {kind: 'dle-eot', answers: [1, 2, 4]}, confirmation: 'gs-h'}],
	['GS r 1, no status check', {status: {kind: 'none'}, confirmation: 'gs-r'}],
);

export async function runStatusReplies(options: {runs: number; seed?: number}): Promise<SuiteFigures> {
	const figures = emptyFigures('printer faults: stale, doubled and unsolicited status');
	const printer = profile({columns: 32});
	const slip = renderSlipEscPos(buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 2}), printer.model);
	const {length} = slip.bytes;
	const cases = fc.sample(
		fc.record({
			quirks: fc.subarray(misleading, {minLength: 1}),
			checks: checksArbitrary,
			// Paper runs out after this many bytes of the slip; past its length the slip prints whole.
			cutAfter: fc.integer({min: 1, max: length + 200}),
		}),
		{numRuns: options.runs, seed: options.seed},
	);
	for (const {
		quirks,
		checks: [checkName, checks],
		cutAfter,
	} of cases) {
		figures.cases++;
		const cut = cutAfter < length;
		const emulator = await startPrinterEmulator({
			columns: 32,
			quirks,
			...(cut ? {fault: 'paper-out-mid' as const, paperOutAfterBytes: cutAfter} : {}),
		});
		const where = `${quirks.join('+')}, ${checkName}, paper out after ${cut ? cutAfter : 'never'} of ${length} bytes`;
		try {
			const started = performance.now();
			const outcome = await printBytes(slip.bytes, addressOf(emulator), checks);
			if (performance.now() - started > 15_000) {
				noteHang(figures, `${where}: ${Math.round(performance.now() - started)} ms`);
			}

			if (cut) {
				figures.faults++;
				if (outcome.ok) {
					figures.losses++;
					noteViolation(figures, `${where}: a cut-off slip was reported printed`);
				}
			} else if (!(outcome.ok && outcome.confirmed)) {
				noteViolation(figures, `${where}: a whole slip was not printed and confirmed (${JSON.stringify(outcome)})`);
			}
		} finally {
			await emulator.close();
		}
	}

	figures.notes = {'slip bytes': length};
	return figures;
}
