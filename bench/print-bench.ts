import net from 'node:net';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import type {PrinterModel} from '../source/printing/printer-profile.js';
import {labelsForModel} from '../source/printing/printer-profiles.js';
import {startPrinterEmulator, type Emulator} from '../source/printing/emulator/printer-emulator.js';
import {printBytes, type PrinterAddress} from '../source/printing/printer-transport.js';
import {renderSlipEscPos} from '../source/printing/render-escpos.js';
import {buildVoidSlip, type VoidSlipInput} from '../source/printing/void-slip.js';
import {printerModel, sampleVoid, type PrinterKeys} from '../test/printing/fixtures.js';
import type {BenchRow} from './bench-row.js';
import {measureAsync, percentile, resultOf, roundMs} from './bench-stats.js';

export type PrintBenchRow = BenchRow;

const runs = 300;
const warmUp = 30;

const input: VoidSlipInput = sampleVoid();

/** The least a print can cost on loopback: connect, write the same bytes, end, wait for the printer to close. */
async function rawSend(bytes: Uint8Array, emulator: Emulator): Promise<void> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({host: emulator.host, port: emulator.port});
		socket.setNoDelay(true);
		socket.on('connect', () => {
			socket.end(bytes);
		});
		socket.on('error', reject);
		socket.on('close', () => {
			resolve();
		});
		socket.resume();
	});
}

async function benchProfile(name: string, keys: PrinterKeys & {copies: number}): Promise<PrintBenchRow> {
	const printer: PrinterModel = printerModel(keys);
	const profile = {columns: printer.paper.columns.fontA, copies: keys.copies};
	const emulator = await startPrinterEmulator({model: printer});
	try {
		const address: PrinterAddress = {
			host: emulator.host,
			port: emulator.port,
			connectTimeoutMs: 3000,
			writeTimeoutMs: 5000,
		};
		const labels = labelsForModel(printer);
		let slipBytes = 0;
		const slip = await measureAsync(runs, warmUp, async () => {
			const model = buildVoidSlip(input, {
				columns: profile.columns,
				reprint: false,
				copies: profile.copies,
				labels,
			});
			const {bytes} = renderSlipEscPos(model, printer);
			const outcome = await printBytes(bytes, address);
			if (!outcome.ok) {
				throw new Error(`bench print failed: ${outcome.failure.kind} ${outcome.failure.detail}`);
			}

			slipBytes = bytes.length;
		});
		const fixed = renderSlipEscPos(
			buildVoidSlip(input, {
				columns: profile.columns,
				reprint: false,
				copies: profile.copies,
				labels,
			}),
			printer,
		).bytes;
		const baseline = await measureAsync(runs, warmUp, async () => rawSend(fixed, emulator));
		// The share of the time spent before the network: layout and encoding only.
		const layout = await measureAsync(runs, warmUp, async () => {
			renderSlipEscPos(
				buildVoidSlip(input, {
					columns: profile.columns,
					reprint: false,
					copies: profile.copies,
					labels,
				}),
				printer,
			);
		});
		return resultOf(name, slip, baseline, {slip_bytes: slipBytes, layout_p50_ms: roundMs(percentile(layout, 0.5))});
	} finally {
		await emulator.close();
	}
}

/**
 * From a void's slip input to the printer's last byte accepted, over loopback to the emulator:
 * layout, encoding, status check, send, status after the slip, close. The baseline sends the same
 * bytes with a bare connect, write and end.
 */
export async function runPrintBench(): Promise<PrintBenchRow[]> {
	return [
		await benchProfile('print void slip 58 mm (32 col, GB18030, 2 copies)', {
			columns: 32,
			encoding: 'gb18030',
			nativeQr: true,
			cut: true,
			copies: 2,
		}),
		await benchProfile('print void slip 80 mm (48 col, GB18030, 2 copies)', {
			columns: 48,
			encoding: 'gb18030',
			nativeQr: true,
			cut: true,
			copies: 2,
		}),
		await benchProfile('print void slip 80 mm (48 col, CP858, 2 copies)', {
			columns: 48,
			encoding: 'cp858',
			nativeQr: true,
			cut: true,
			copies: 2,
		}),
		// The raster-QR profile: each copy's QR symbol is encoded and sent as a GS v 0 image.
		await benchProfile('print void slip clone-58 (32 col, GBK, raster QR, 2 copies)', {
			profile: 'clone-58',
			copies: 2,
		}),
	];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const rows = await runPrintBench();
	console.table(rows.map(({extra, ...row}) => ({...row, ...extra})));
}
