// The console's own speed, measured as a person at the counter sees it: the built binary in a real
// pseudo-terminal on a one-million-row database, each figure beside a baseline from the same run and
// the same pty size. A frame counts once a headless xterm has processed it.
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import {spawn as spawnPty, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {openSqlite} from '../source/store/sqlite-driver.js';
import {defaultConfig} from '../source/config.js';
import {startOfDay} from '../source/domain/time-format.js';
import {addOperator} from '../source/services/operator-service.js';
import {owaspScrypt} from '../source/services/password-hash.js';
import {createServiceContext} from '../source/services/service-context.js';
import {openStore} from '../source/store/store.js';
import type {BenchRow} from './bench-row.js';
import {percentile, resultOf, roundMs} from './bench-stats.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const posvoid = path.join(repoRoot, 'dist/posvoid.js');
const inkHello = path.join(repoRoot, 'dist/ink-hello.js');
const databaseFile = path.join(import.meta.dirname, 'ui-bench.db');
const seedRows = 1_000_000;

const columns = 100;
const rows = 30;
const startUpRuns = 12;
const keySamples = 250;
const keyWarmUp = 20;
/** PgDn presses before any key is measured: about 600 × 24 rows deep into today's list. */
const pagesDeep = 600;

/** A cashier whose password hash is cheap to check (scrypt N = 2^10), so sign-in measures the console, not scrypt. */
const quickCashier = {number: '02', password: 'quick-pass'};
/** A cashier with the production hash (scrypt N = 2^17), as `posvoid operator add` makes one. */
const productionCashier = {number: '01', password: 'clerk-pass'};

const keyCodes = {down: '\u001B[B', pageDown: '\u001B[6~'};
const endOfFrame = '\u001B[?2026l';

type Pty = {
	pty: IPty;
	screen: () => string;
	/** Resolves once the xterm has processed output that makes `done` true. */
	until: (done: () => boolean) => Promise<void>;
	/** Raw output since the last call. */
	takeOutput: () => string;
	exited: Promise<void>;
};

/** `node script args` in a pty read by a headless xterm, as test/helpers/pty-terminal.ts does for posvoid. */
function startPty(args: string[], cwd: string): Pty {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const pty = spawnPty(process.execPath, args, {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd,
		env: {...process.env, CI: 'false', TERM: 'xterm-256color', LANG: 'en_US.UTF-8', FORCE_COLOR: '0'},
	});
	let output = '';
	const listeners = new Set<() => void>();
	pty.onData(data => {
		output += data;
		terminal.write(data, () => {
			for (const listener of listeners) {
				listener();
			}
		});
	});
	const exited = new Promise<void>(resolve => {
		pty.onExit(() => {
			resolve();
		});
	});
	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	};

	return {
		pty,
		screen,
		async until(done) {
			return new Promise<void>((resolve, reject) => {
				const check = () => {
					if (done()) {
						clearTimeout(timer);
						listeners.delete(check);
						resolve();
					}
				};

				const timer = setTimeout(() => {
					listeners.delete(check);
					reject(new Error(`the screen never got there; it shows:\n${screen()}`));
				}, 30_000);
				listeners.add(check);
				check();
			});
		},
		takeOutput() {
			const taken = output;
			output = '';
			return taken;
		},
		exited,
	};
}

async function stop(terminal: Pty): Promise<void> {
	terminal.pty.kill();
	await terminal.exited;
}

function run(args: string[], input?: string): void {
	const result = spawnSync(process.execPath, [posvoid, ...args], {
		cwd: os.tmpdir(),
		input,
		stdio: [input === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'],
	});
	if (result.status !== 0) {
		throw new Error(`posvoid ${args.join(' ')} exited with ${result.status}`);
	}
}

/** True when the file's newest sale is from today (the console's default list would otherwise be empty). */
function hasTodaysRows(file: string): boolean {
	if (!fs.existsSync(file)) {
		return false;
	}

	const connection = openSqlite(file, {readonly: true});
	try {
		const newest = connection.prepare('SELECT coalesce(max(created_at), 0) FROM transactions').pluck().get() as number;
		return newest >= startOfDay(Date.now(), defaultConfig().timeZone);
	} finally {
		connection.close();
	}
}

/**
 * Bench/ui-bench.db: `posvoid init`, then `posvoid seed --rows 1000000` (seven days ending now, so
 * about 143 000 of them today), then the two cashiers. Made again when its newest day is not today.
 */
async function ensureDatabase(): Promise<void> {
	if (hasTodaysRows(databaseFile)) {
		return;
	}

	console.error(`ui bench: seeding ${databaseFile} with ${seedRows} rows ending now (about a minute)…`);
	const building = `${databaseFile}.building`;
	for (const file of [databaseFile, building].flatMap(name => [name, `${name}-wal`, `${name}-shm`])) {
		fs.rmSync(file, {force: true});
	}

	run(['init', '--db', building, '--password-stdin'], 'boss-pass\n');
	run(['seed', '--rows', String(seedRows), '--db', building]);
	const store = openStore(building);
	try {
		const context = createServiceContext(store, {...defaultConfig(), database: building});
		const cashier = (operatorNo: string, password: string) => ({
			operatorNo,
			name: `Bench ${operatorNo}`,
			role: 'cashier' as const,
			password,
		});
		await addOperator(context, cashier(productionCashier.number, productionCashier.password), owaspScrypt);
		await addOperator(context, cashier(quickCashier.number, quickCashier.password), {log2N: 10, r: 8, p: 1});
	} finally {
		store.close();
	}

	fs.renameSync(building, databaseFile);
}

function ensureBuilt(): void {
	for (const [file, args] of [
		[posvoid, []],
		[inkHello, ['bench/ink-hello.tsx']],
	] as const) {
		if (!fs.existsSync(file)) {
			const built = spawnSync(process.execPath, ['scripts/build.js', ...args], {cwd: repoRoot, stdio: 'inherit'});
			if (built.status !== 0) {
				throw new Error(`building ${file} failed`);
			}
		}
	}
}

/** The printer emulator in its own process, so the console's background status checks have a printer to ask. */
async function startPrinter(): Promise<{port: number; stop: () => void}> {
	const child = spawn(process.execPath, [posvoid, 'printer', '--port', '0', '--columns', '32'], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	child.stdout.setEncoding('utf8');
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout.on('data', (chunk: string) => {
			output += chunk;
			const listening = /listening on 127\.0\.0\.1:(?<port>\d+)/.exec(output);
			if (listening?.groups?.['port']) {
				resolve(Number(listening.groups['port']));
			}
		});
		child.once('exit', code => {
			reject(new Error(`the printer emulator exited with ${code}: ${output}`));
		});
	});
	return {
		port,
		stop() {
			child.kill();
		},
	};
}

type Folder = {cwd: string; printerFlag: string};

const todayTitle = /^Today \d{4}-\d{2}-\d{2}$/m;

/** Starts the console and signs `cashier` in; the times from spawn to the sign-in frame and from Enter to the list frame. */
async function signInTimes(
	folder: Folder,
	cashier: {number: string; password: string},
): Promise<{toSignIn: number; toList: number; terminal: Pty}> {
	const started = performance.now();
	const terminal = startPty(
		[posvoid, '--db', databaseFile, '--lang', 'en', '--printer', folder.printerFlag, '--idle-minutes', '600'],
		folder.cwd,
	);
	await terminal.until(() => terminal.screen().includes('Operator number:'));
	const toSignIn = performance.now() - started;
	terminal.pty.write(cashier.number);
	await terminal.until(() => terminal.screen().includes(`Operator number: ${cashier.number}`));
	terminal.pty.write('\r');
	await terminal.until(() => terminal.screen().includes('Password:'));
	terminal.pty.write(cashier.password);
	await terminal.until(() => terminal.screen().includes(`Password: ${'*'.repeat(cashier.password.length)}`));
	const entered = performance.now();
	terminal.pty.write('\r');
	await terminal.until(() => todayTitle.test(terminal.screen()) && terminal.screen().includes('›'));
	return {toSignIn, toList: performance.now() - entered, terminal};
}

async function helloToFirstFrame(folder: Folder): Promise<number> {
	const started = performance.now();
	const terminal = startPty([inkHello], folder.cwd);
	await terminal.until(() => terminal.screen().includes('hello, counter'));
	const elapsed = performance.now() - started;
	await stop(terminal);
	return elapsed;
}

const sorted = (samples: number[]) => samples.toSorted((a, b) => a - b);

async function startUpRows(folder: Folder): Promise<BenchRow[]> {
	const hello: number[] = [];
	const ours: number[] = [];
	const toSignIn: number[] = [];
	const toList: number[] = [];
	const production: number[] = [];
	// One warm-up of each (file cache), then alternate so both see the same machine.
	await helloToFirstFrame(folder);
	const warmUp = await signInTimes(folder, quickCashier);
	await stop(warmUp.terminal);
	for (let index = 0; index < startUpRuns; index++) {
		hello.push(await helloToFirstFrame(folder));
		const quick = await signInTimes(folder, quickCashier);
		await stop(quick.terminal);
		toSignIn.push(quick.toSignIn);
		toList.push(quick.toList);
		ours.push(quick.toSignIn + quick.toList);
		const slow = await signInTimes(folder, productionCashier);
		await stop(slow.terminal);
		production.push(slow.toList);
	}

	const p50 = (samples: number[]) => roundMs(percentile(sorted(samples), 0.5));
	return [
		resultOf(
			'start-up to first list frame (1M rows): spawn → sign-in frame + Enter → list frame, cheap-hash cashier (vs Ink hello world spawn → frame)',
			sorted(ours),
			sorted(hello),
			{
				spawn_to_sign_in_p50_ms: p50(toSignIn),
				enter_to_list_p50_ms: p50(toList),
			},
		),
		resultOf(
			'sign-in with the production scrypt hash (N=2^17): Enter → list frame (vs the same with a cheap hash)',
			sorted(production),
			sorted(toList),
			{scrypt_share_p50_ms: roundMs(p50(production) - p50(toList))},
		),
	];
}

/** The line of the highlighted row, with its place on the screen: it changes on every ↓ and PgDn. */
function selection(screen: string): string {
	const lines = screen.split('\n');
	const index = lines.findIndex(line => line.startsWith('›'));
	return `${index}:${lines[index] ?? ''}`;
}

/**
 * Time from writing `key` to the pty until the xterm has processed a whole frame (Ink's end of
 * synchronized update) in which `changed` holds. Clock and printer-status frames do not count.
 */
async function keyToFrame(terminal: Pty, key: string, changed: (before: string, after: string) => boolean) {
	const before = terminal.screen();
	terminal.takeOutput();
	let seen = '';
	const started = performance.now();
	terminal.pty.write(key);
	await terminal.until(() => {
		seen += terminal.takeOutput();
		return seen.includes(endOfFrame) && changed(before, terminal.screen());
	});
	return performance.now() - started;
}

async function sampleKey(terminal: Pty, key: string, changed: (before: string, after: string) => boolean) {
	const samples: number[] = [];
	for (let index = 0; index < keyWarmUp + keySamples; index++) {
		const elapsed = await keyToFrame(terminal, key, changed);
		if (index >= keyWarmUp) {
			samples.push(elapsed);
		}
	}

	return sorted(samples);
}

/** The baseline program: raw Node, stdin in raw mode, redraws one counter line per key as a synchronized frame. */
const echoProgram = String.raw`
process.stdin.setRawMode(true);
let count = 0;
process.stdout.write('ready\n');
process.stdin.on('data', data => {
	if (data.includes(3)) process.exit(0);
	count++;
	process.stdout.write('\u001B[?2026h\r› key ' + count + '\u001B[K\u001B[?2026l');
});`;

async function keyRows(folder: Folder): Promise<BenchRow[]> {
	const {terminal} = await signInTimes(folder, quickCashier);
	const moved = (before: string, after: string) => selection(before) !== selection(after);
	let down: number[];
	let pageDown: number[];
	let depth = 0;
	try {
		for (let index = 0; index < pagesDeep; index++) {
			await keyToFrame(terminal, keyCodes.pageDown, moved);
		}

		depth = pagesDeep * (rows - 1 - 2 - 3);
		down = await sampleKey(terminal, keyCodes.down, moved);
		pageDown = await sampleKey(terminal, keyCodes.pageDown, moved);
	} finally {
		await stop(terminal);
	}

	const echo = startPty(['-e', echoProgram], folder.cwd);
	let baseline: number[];
	try {
		await echo.until(() => echo.screen().includes('ready'));
		baseline = await sampleKey(echo, 'j', (before, after) => before !== after);
	} finally {
		await stop(echo);
	}

	const extra = (samples: number[]) => ({
		p95_ms: roundMs(percentile(samples, 0.95)),
		rows_deep_at_start: depth,
	});
	const baselineName = 'vs raw Node redrawing one line per key in the same pty';
	return [
		resultOf(`key ↓ to frame, deep in the 1M-row list (${baselineName})`, down, baseline, extra(down)),
		resultOf(`key PgDn to frame, deep in the 1M-row list (${baselineName})`, pageDown, baseline, extra(pageDown)),
	];
}

/** Builds what is missing, seeds the database when stale, and runs `measure` beside a printer emulator. */
async function withConsoleBench(measure: (folder: Folder) => Promise<BenchRow[]>): Promise<BenchRow[]> {
	ensureBuilt();
	await ensureDatabase();
	const printer = await startPrinter();
	const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'posvoid-ui-bench-'));
	try {
		return await measure({cwd, printerFlag: `127.0.0.1:${printer.port}`});
	} finally {
		printer.stop();
		fs.rmSync(cwd, {recursive: true, force: true});
	}
}

/** Start-up to the first list frame on a one-million-row database against an Ink hello world bundled the same way. */
export async function runStartUpBench(): Promise<BenchRow[]> {
	return withConsoleBench(startUpRows);
}

/** Key-to-frame latency for ↓ and PgDn deep in the one-million-row list. */
export async function runKeyBench(): Promise<BenchRow[]> {
	return withConsoleBench(keyRows);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const results = [...(await runStartUpBench()), ...(await runKeyBench())];
	console.table(
		results.map(row => ({
			name: row.name,
			'p50 ms': row.p50_ms,
			'p99 ms': row.p99_ms,
			'p95 ms': row.extra?.['p95_ms'] ?? '',
			'baseline p50 ms': row.baseline_p50_ms,
			ratio: row.ratio,
		})),
	);
	console.log(JSON.stringify(results, undefined, '\t'));
}
