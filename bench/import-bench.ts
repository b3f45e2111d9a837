import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {openEngineConnection} from '../source/store/sqlite-driver.js';
import type {BenchRow} from './bench-row.js';
import {writeAcquirerExport, writeWechatBill} from './bill-files.js';

const benchFolder = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchFolder);
const binary = path.join(root, 'dist', 'posvoid.js');
const peakRss = path.join(benchFolder, 'peak-rss.mjs');
const rows = Number(process.env['POSVOID_BENCH_IMPORT_ROWS'] ?? 1_000_000);
/** How often a second connection asks for the write lock while the import runs, as a void would. */
const probeEveryMs = 100;

type Format = 'wechat' | 'acquirer';
type Run = {ms: number; peakRssMiB: number; stdout: string};

/** The bill of `rows` rows, written once into bench/ (about 260 MB) and reused by later runs. */
async function billFile(format: Format): Promise<string> {
	const file = path.join(benchFolder, `${format}-${rows}.csv`);
	if (!fs.existsSync(file)) {
		console.error(`writing ${file} (once; reused by later runs)…`);
		await (format === 'wechat' ? writeWechatBill(file, rows) : writeAcquirerExport(file, rows));
	}

	return file;
}

/** Runs node with the peak-RSS preload; resolves with its wall time, peak RSS and output. */
async function runNode(args: string[], onTick?: () => void): Promise<Run> {
	const rssFile = path.join(os.tmpdir(), `posvoid-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
	const started = performance.now();
	const child = spawn(process.execPath, ['--import', pathToFileURL(peakRss).href, ...args], {
		env: {...process.env, POSVOID_BENCH_RSS: rssFile, CI: 'false'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Uint8Array) => {
		stdout += String(chunk);
	});
	child.stderr.on('data', (chunk: Uint8Array) => {
		stderr += String(chunk);
	});
	const timer = onTick ? setInterval(onTick, probeEveryMs) : undefined;
	const code = await new Promise<number | undefined>(resolve => {
		child.once('exit', resolve);
	});
	const ms = performance.now() - started;
	clearInterval(timer);
	if (code !== 0) {
		throw new Error(`${args.join(' ')} exited ${code}: ${stderr}`);
	}

	const peakRssMiB = Number(fs.readFileSync(rssFile, 'utf8')) / 1024 / 1024;
	fs.rmSync(rssFile, {force: true});
	return {ms, peakRssMiB, stdout};
}

/** A new counter database made by `posvoid init`, as a user makes one. */
async function newDatabase(folder: string, name: string): Promise<{db: string; config: string}> {
	const db = path.join(folder, `${name}.db`);
	const config = path.join(folder, `${name}-config.json`);
	const child = spawn(process.execPath, [binary, 'init', '--db', db, '--config', config, '--password-stdin'], {
		stdio: ['pipe', 'ignore', 'pipe'],
	});
	child.stdin.end('bench-password\nbench-password\n');
	const code = await new Promise<number | undefined>(resolve => {
		child.once('exit', resolve);
	});
	if (code !== 0) {
		throw new Error(`posvoid init for the import bench exited ${code}`);
	}

	return {db, config};
}

function salesIn(db: string): number {
	const connection = openEngineConnection(db);
	try {
		return (connection.prepare('SELECT count(*) AS count FROM transactions').get() as {count: number}).count;
	} finally {
		connection.close();
	}
}

/**
 * Asks for the write lock on its own connection every 100 ms while the import runs, as a void at the
 * counter does (BEGIN IMMEDIATE, then straight back): the longest wait is how long a void would wait.
 */
function writeProbe(db: string): {tick: () => void; longestMs: () => number; probes: () => number; close: () => void} {
	let connection: ReturnType<typeof openEngineConnection> | undefined;
	let longest = 0;
	let probes = 0;
	return {
		tick() {
			if (!fs.existsSync(`${db}-wal`)) {
				return;
			}

			connection ??= openEngineConnection(db);
			connection.exec('PRAGMA busy_timeout = 60000');
			const started = performance.now();
			connection.exec('BEGIN IMMEDIATE');
			connection.exec('ROLLBACK');
			longest = Math.max(longest, performance.now() - started);
			probes++;
		},
		longestMs: () => longest,
		probes: () => probes,
		close() {
			connection?.close();
		},
	};
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function benchFormat(format: Format, folder: string): Promise<BenchRow> {
	const file = await billFile(format);
	const raw = await newDatabase(folder, `raw-${format}`);
	const rawRun = await runNode([path.join(benchFolder, 'raw-import.mjs'), format, file, raw.db]);
	const ours = await newDatabase(folder, `ours-${format}`);
	const probe = writeProbe(ours.db);
	let oursRun: Run;
	try {
		oursRun = await runNode(
			[binary, 'import', file, '--db', ours.db, '--config', ours.config, '--lang', 'en'],
			probe.tick,
		);
	} finally {
		probe.close();
	}

	const imported = salesIn(ours.db);
	const inserted = Number(rawRun.stdout.trim());
	if (imported !== rows || inserted !== rows) {
		throw new Error(`import bench: posvoid imported ${imported} and the raw baseline ${inserted} of ${rows} rows`);
	}

	const rowsPerSecond = rows / (oursRun.ms / 1000);
	const rawRowsPerSecond = rows / (rawRun.ms / 1000);
	return {
		name: `import ${rows / 1e6}M-row ${format === 'wechat' ? 'WeChat Pay bill' : 'acquirer export'}`,
		p50_ms: round(oursRun.ms, 0),
		p99_ms: round(oursRun.ms, 0),
		baseline_p50_ms: round(rawRun.ms, 0),
		ratio: round(oursRun.ms / rawRun.ms, 2),
		extra: {
			rows,
			rows_per_s: Math.round(rowsPerSecond),
			raw_rows_per_s: Math.round(rawRowsPerSecond),
			rows_per_s_ratio: round(rowsPerSecond / rawRowsPerSecond, 2),
			peak_rss_mib: round(oursRun.peakRssMiB),
			raw_peak_rss_mib: round(rawRun.peakRssMiB),
			longest_write_wait_ms: round(probe.longestMs()),
			write_probes: probe.probes(),
		},
	};
}

/**
 * Import throughput (issue 12): `posvoid import` of a 1M-row WeChat Pay bill and a 1M-row acquirer
 * export, the built binary as a user runs it, beside the raw baseline in the same run (bench/raw-import.mjs:
 * csv-parse, one prepared INSERT, one transaction, synchronous=FULL, the same schema). Each process
 * measures its own peak RSS. Meanwhile a second connection asks for the write lock every 100 ms:
 * the longest wait is what a void at the counter waits. Target: ≥ 0.5× the raw rows/s, RSS < 200 MiB.
 */
export async function runImportBench(): Promise<BenchRow[]> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'posvoid-import-bench-'));
	try {
		// POSVOID_BENCH_IMPORT_FORMATS=wechat runs one format only (while tuning).
		const formats = (process.env['POSVOID_BENCH_IMPORT_FORMATS'] ?? 'wechat,acquirer').split(',') as Format[];
		const results: BenchRow[] = [];
		for (const format of formats) {
			results.push(await benchFormat(format, folder));
		}

		return results;
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	for (const row of await runImportBench()) {
		console.log(JSON.stringify(row));
	}
}
