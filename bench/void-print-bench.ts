import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import {defaultConfig} from '../source/config.js';
import {startPrinterEmulator} from '../source/printing/emulator/printer-emulator.js';
import {ensureOpenBatch} from '../source/services/batch-service.js';
import {printJob} from '../source/services/print-service.js';
import {createServiceContext} from '../source/services/service-context.js';
import {voidTransaction} from '../source/services/void-service.js';
import {openStore} from '../source/store/store.js';
import type {BenchRow} from './bench-row.js';
import {measureAsync, percentile, resultOf, roundMs} from './bench-stats.js';

const runs = 300;
const warmUp = 30;

/**
 * From a committed void to its slip accepted by the printer: the real print queue (claim, render,
 * status check, send, status after the slip, mark printed) against the emulator on loopback. The
 * baseline sends the same bytes with a bare connect, write and end.
 */
export async function runVoidPrintBench(): Promise<BenchRow[]> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'posvoid-bench-'));
	const emulator = await startPrinterEmulator({columns: 32});
	const store = openStore(path.join(directory, 'bench.db'));
	try {
		const base = defaultConfig();
		const config = {...base, printer: {...base.printer, host: emulator.host, port: emulator.port}};
		const context = createServiceContext(store, config);
		const batch = ensureOpenBatch(context);
		const ids = store.immediate(() =>
			Array.from({length: runs + warmUp}, (_, index) =>
				store.transactions.insert(
					{
						voucherNo: String(index + 1).padStart(6, '0'),
						referenceNo: String(331_125_000_000 + index),
						authCode: 'A1B2C3',
						batchNo: batch.batchNo,
						terminalId: config.terminalId,
						merchantId: config.merchant.number,
						channel: 'debit',
						cardMasked: '622848******0018',
						amount: 12_850,
						fee: 64,
						currency: 'CNY',
						createdAt: Date.now() - 60_000,
						operatorNo: '01',
					},
					batch.id,
				),
			),
		);
		const operator = {operatorNo: '01', name: 'bench', role: 'cashier' as const, at: Date.now()};
		let slipBytes = 0;
		const samples: number[] = [];
		for (const [index, id] of ids.entries()) {
			const outcome = voidTransaction(context, {
				transactionId: id,
				operator: {...operator, at: Date.now()},
				reason: 'bench',
			});
			if (!outcome.ok) {
				throw new Error(`bench void refused: ${outcome.detail}`);
			}

			// The clock starts once the void is committed.
			const start = performance.now();
			const printed = await printJob(context, outcome.printJobId);
			const elapsed = performance.now() - start;
			if (!printed.ok) {
				throw new Error(`bench print failed: ${printed.failure.kind}: ${printed.failure.detail}`);
			}

			if (index >= warmUp) {
				samples.push(elapsed);
			}
		}

		const lastJob = emulator.jobs.at(-1);
		slipBytes = lastJob?.bytes.length ?? 0;
		const bytes = lastJob?.bytes ?? new Uint8Array();
		const baseline = await measureAsync(
			runs,
			warmUp,
			async () =>
				new Promise<void>((resolve, reject) => {
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
				}),
		);
		const sorted = samples.toSorted((a, b) => a - b);
		return [
			resultOf('committed void → slip printed (print queue, 58 mm, 2 copies)', sorted, baseline, {
				slip_bytes: slipBytes,
				p95_ms: roundMs(percentile(sorted, 0.95)),
				runs,
			}),
		];
	} finally {
		store.close();
		await emulator.close();
		fs.rmSync(directory, {recursive: true, force: true});
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.table(await runVoidPrintBench());
}
