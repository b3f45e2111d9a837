import fs from 'node:fs';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import {defaultConfig} from '../../source/config.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {openStore} from '../../source/store/store.js';
import {runCli} from './cli.js';
import {startEmulatorProcess, type EmulatorProcess} from './emulator-process.js';
import {addSale} from './fixture.js';
import {keys, startPty, type PtyOptions, type PtyTerminal} from './pty-terminal.js';
import {tempFolder} from './temp-db.js';

export const supervisor = {number: '00', password: 'boss-pass'};
export const cashier = {number: '01', password: 'clerk-pass'};

export type Counter = {folder: string; db: string; vouchers: string[]};

/**
 * A counter database made the way a counter is set up: `posvoid init` (supervisor 00) and
 * `posvoid operator add` (cashier 01) through the built binary, with production password hashing.
 * Then one completed sale per amount, dated a minute ago so today's list shows them, vouchers from
 * 000500 up (the last one is the newest, at the top of the list).
 */
export async function makeCounter(t: ExecutionContext, amounts: number[]): Promise<Counter> {
	const folder = tempFolder(t, 'posvoid-e2e-');
	const db = path.join(folder, 'counter.db');
	const init = await runCli(['init', '--db', db, '--password-stdin'], {input: `${supervisor.password}\n`, cwd: folder});
	if (init.code !== 0) {
		throw new Error(`posvoid init failed: ${init.stderr}`);
	}

	const add = await runCli(['operator', 'add', cashier.number, '--name', 'Li', '--db', db, '--password-stdin'], {
		input: `${supervisor.password}\n${cashier.password}\n`,
		cwd: folder,
	});
	if (add.code !== 0) {
		throw new Error(`posvoid operator add failed: ${add.stderr}`);
	}

	const store = openStore(db);
	try {
		const context = createServiceContext(store, {...defaultConfig(), database: db});
		const vouchers = amounts.map((amount, index) => {
			const voucherNo = String(500 + index).padStart(6, '0');
			addSale(context, {amount, voucherNo, createdAt: context.now() - 60_000 + index * 1000});
			return voucherNo;
		});
		return {folder, db, vouchers};
	} finally {
		store.close();
	}
}

export type Printer = EmulatorProcess & {
	/** Where the emulator saves each job as .txt (what the paper shows) and .bin. */
	outDir: string;
	/** How many jobs the emulator has finished receiving. */
	jobCount: () => number;
	/** The text of job `number` as saved by the emulator, once it is saved. */
	jobText: (number: number) => Promise<string>;
};

/**
 * The real `posvoid printer` process, 58 mm paper (32 columns, as the default configuration), saving
 * jobs; `extra` are more of its flags (`--quirk no-confirmation`).
 */
export async function startPrinter(
	t: ExecutionContext,
	folder: string,
	fault?: string,
	extra: readonly string[] = [],
): Promise<Printer> {
	const outDir = path.join(folder, 'slips');
	const emulator = await startEmulatorProcess([
		'--columns',
		'32',
		'--out',
		outDir,
		...(fault === undefined ? [] : ['--fault', fault]),
		...extra,
	]);
	t.teardown(emulator.stop);
	const jobCount = () => emulator.output().match(/^--- end of job \d+$/gm)?.length ?? 0;
	return {
		...emulator,
		outDir,
		jobCount,
		async jobText(number) {
			await emulator.waitFor(new RegExp(`^--- end of job ${number}$`, 'm'));
			const saved = new RegExp(String.raw`^--- job ${number} at .*saved (?<file>\S+\.txt)$`, 'm').exec(
				emulator.output(),
			);
			if (!saved?.groups?.['file']) {
				throw new Error(`the emulator did not say where it saved job ${number}:\n${emulator.output()}`);
			}

			return fs.readFileSync(saved.groups['file'], 'utf8');
		},
	};
}

/** The console (`posvoid` with no command) in a pseudo-terminal, in English, on the counter's database and printer. */
export function startConsole(
	t: ExecutionContext,
	counter: Counter,
	printer: Printer,
	options: PtyOptions = {},
): PtyTerminal {
	const terminal = startPty(['--db', counter.db, '--lang', 'en', '--printer', `127.0.0.1:${printer.port}`], {
		cwd: counter.folder,
		...options,
	});
	t.teardown(() => {
		terminal.kill();
	});
	return terminal;
}

/** Types `text`, waits until the screen shows it was taken (`echo`: the text, or its mask), then presses Enter. */
export async function typeAndEnter(terminal: PtyTerminal, text: string, echo: string | RegExp): Promise<void> {
	await terminal.press(text, echo);
	terminal.write(keys.enter);
}

export const stars = (text: string) => '*'.repeat(text.length);

/**
 * The list's title once a search for `query` is applied. The list counts its rows after the first
 * frame, so the line may or may not end with the position ("1 / 1") yet: both are the search.
 */
export function searchTitle(query: string): RegExp {
	return new RegExp(String.raw`^Search: ${query}(?: +\d[\d,]* / \d[\d,]*)?$`, 'm');
}

/** Signs in and waits for today's list. */
export async function signIn(terminal: PtyTerminal, operator = cashier): Promise<string> {
	await terminal.waitFor('Operator number:');
	await typeAndEnter(terminal, operator.number, `Operator number: ${operator.number}`);
	await terminal.waitFor('Password:');
	await typeAndEnter(terminal, operator.password, `Password: ${stars(operator.password)}`);
	return terminal.waitFor(/^Today \d{4}-\d{2}-\d{2}(?:\s+[\d,]+ \/ [\d,]+)?$/m);
}

/** From the list, with the sale highlighted: v, the cashier's password, the first reason; waits on the confirm screen. */
export async function voidUpToConfirm(terminal: PtyTerminal): Promise<string> {
	await terminal.press('v', 'your password again:');
	await typeAndEnter(terminal, cashier.password, `your password again: ${stars(cashier.password)}`);
	await terminal.waitFor('Reason for the void');
	terminal.write(keys.enter);
	return terminal.waitFor('Confirm void? y/n');
}

/** The lines of a slip, trailing spaces and trailing blank lines removed, for comparing screen and paper. */
export function slipLines(text: string): string[] {
	const lines = text.split('\n').map(line => line.trimEnd());
	while (lines.length > 0 && lines.at(-1) === '') {
		lines.pop();
	}

	return lines;
}

/** The slip preview as the result screen shows it: the lines between its header and the footer. */
export function previewOnScreen(screen: string): string[] {
	const lines = screen.split('\n');
	const start = lines.findIndex(line => line.startsWith('── Slip preview'));
	// The footer is the frame's last line, and it always ends with `? help`.
	const footer = lines.findIndex((line, index) => index > start && /\? help\s*$/.test(line));
	if (start === -1 || footer === -1) {
		throw new Error(`no slip preview on the screen:\n${screen}`);
	}

	return slipLines(lines.slice(start + 1, footer).join('\n'));
}

export type DiskState = {
	status: string | undefined;
	voids: Array<{voucher_no: string; operator_no: string; approver_no: string | undefined; reason: string}>;
	printJobs: Array<{state: string; attempts: number; last_error: string | undefined}>;
	/** Rows in the whole file, not only this sale's. */
	totals: {voids: number; printJobs: number};
};

/** What the database file holds about one sale, read through a read-only connection of its own. */
export function diskState(db: string, voucherNo: string): DiskState {
	const connection = openSqlite(db, {readonly: true, fileMustExist: true});
	try {
		const sale = connection.prepare('SELECT id, status FROM transactions WHERE voucher_no = ?').get(voucherNo) as
			{id: number; status: string} | undefined;
		const voids = connection
			.prepare('SELECT voucher_no, operator_no, approver_no, reason FROM voids WHERE transaction_id = ?')
			.all(sale?.id ?? -1) as DiskState['voids'];
		const printJobs = connection
			.prepare(
				'SELECT p.state, p.attempts, p.last_error FROM print_jobs p JOIN voids v ON v.id = p.void_id WHERE v.transaction_id = ? ORDER BY p.id',
			)
			.all(sale?.id ?? -1) as DiskState['printJobs'];
		const count = (table: 'voids' | 'print_jobs') =>
			(connection.prepare(`SELECT count(*) AS n FROM ${table}`).get() as {n: number}).n;
		return {status: sale?.status, voids, printJobs, totals: {voids: count('voids'), printJobs: count('print_jobs')}};
	} finally {
		connection.close();
	}
}

/** Presses q on the list and waits for the console to exit; its exit status. */
export async function quit(terminal: PtyTerminal): Promise<number> {
	terminal.write('q');
	const {exitCode} = await terminal.exited;
	return exitCode;
}

/** The index of each pattern's first match in `lines`, each one searched after the previous match (-1 when missing). */
export function positionsInOrder(lines: readonly string[], patterns: readonly RegExp[]): number[] {
	const positions: number[] = [];
	let from = 0;
	for (const pattern of patterns) {
		const at = lines.slice(from).findIndex(line => pattern.test(line));
		positions.push(at === -1 ? -1 : from + at);
		from = at === -1 ? lines.length : from + at + 1;
	}

	return positions;
}
