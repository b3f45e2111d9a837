import fs from 'node:fs';
import {ReplyReader} from '../../source/printing/printer-replies.js';
import {sessionDeadlineMs} from '../../source/printing/printer-transport.js';
import {paperStatusOf} from '../../source/printing/status-commands.js';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {printFailureText} from '../../source/i18n/print-failure-text.js';
import type {PrinterFailureKind} from '../../source/printing/printer-failure.js';
import {
	startPrinterEmulator,
	type Emulator,
	type PrinterFault,
} from '../../source/printing/emulator/printer-emulator.js';
import {printJob, slipPreview, type PrintResult} from '../../source/services/print-service.js';
import type {ServiceContext} from '../../source/services/service-context.js';
import {voidTransaction} from '../../source/services/void-service.js';
import type {PrintJobRow} from '../../source/store/print-jobs-store.js';
import {openStore} from '../../source/store/store.js';
import {readVoidInvariants} from '../helpers/void-invariants.js';
import {testClock} from '../helpers/test-clock.js';
import {refusedPort, startBacklogFullPort, startSilentListener, type Blackhole} from './blackhole.js';
import {startFaultProxy, type FaultProxy, type ProxyAction} from './fault-proxy.js';
import {addNote, emptyFigures, noteHang, noteViolation, randomInt, type SuiteFigures} from './figures.js';
import {createSalesDatabase, serviceContext} from './sales-database.js';

/** Where in a job the fault begins. */
export type FaultStep = 'before connect' | 'at the status query' | 'mid-send';

export type FaultName =
	| Exclude<PrinterFault, 'slow' | 'paper-out-mid'>
	| 'slow (too slow)'
	| 'slow (fast enough)'
	| 'refused'
	| 'unreachable (backlog full)'
	| 'unreachable (accepts, never answers)'
	| 'connection dropped'
	| 'connection goes silent';

type Expectation = PrinterFailureKind | 'printed';

type FaultCase = {fault: FaultName; step: FaultStep; expect: Expectation[]};

const printerSteps: FaultStep[] = ['before connect', 'at the status query', 'mid-send'];

/** Every fault at every step where it can happen, with the classifications a clerk may be shown. */
export const faultCases: FaultCase[] = [
	...(
		[
			['paper-out', ['paper-out']],
			['cover-open', ['cover-open']],
			['offline', ['offline']],
			['error', ['printer-error']],
			['stall', ['timeout']],
			['slow (too slow)', ['timeout']],
			['reset', ['reset']],
			['near-end', ['printed']],
			['slow (fast enough)', ['printed']],
		] as Array<[FaultName, Expectation[]]>
	).flatMap(([fault, expect]) => printerSteps.map(step => ({fault, step, expect}))),
	{fault: 'connection dropped', step: 'at the status query', expect: ['unreachable']},
	{fault: 'connection dropped', step: 'mid-send', expect: ['reset']},
	{fault: 'connection goes silent', step: 'at the status query', expect: ['timeout']},
	{fault: 'connection goes silent', step: 'mid-send', expect: ['timeout']},
	{fault: 'refused', step: 'before connect', expect: ['unreachable']},
	{fault: 'unreachable (backlog full)', step: 'before connect', expect: ['unreachable']},
	{fault: 'unreachable (accepts, never answers)', step: 'before connect', expect: ['timeout']},
];

export type PrinterFaultOptions = {
	/** How many times each case runs. */
	repeats: number;
	connectTimeoutMs?: number;
	writeTimeoutMs?: number;
};

/** Event-loop and database slack above the transport's own bound before a call counts as a hang. */
const hangSlackMs = 750;

/** The emulator's own fault for each case that is not a socket-level one. */
const emulatorFaults: Record<FaultName, {fault: PrinterFault; byteRate?: number} | undefined> = {
	'paper-out': {fault: 'paper-out'},
	'near-end': {fault: 'near-end'},
	'cover-open': {fault: 'cover-open'},
	offline: {fault: 'offline'},
	error: {fault: 'error'},
	stall: {fault: 'stall'},
	reset: {fault: 'reset'},
	'slow (too slow)': {fault: 'slow', byteRate: 40},
	'slow (fast enough)': {fault: 'slow', byteRate: 400_000},
	refused: undefined,
	'unreachable (backlog full)': undefined,
	'unreachable (accepts, never answers)': undefined,
	'connection dropped': undefined,
	'connection goes silent': undefined,
};

type Ports = {proxy: number; refused: number; backlogFull: number; silent: number};

/** Where the job goes and what the proxy does on the way, for one case; a fault before connect is set now. */
function planFault(
	fault: FaultName,
	step: FaultStep,
	ports: Ports,
	emulator: Emulator,
): {port: number; action?: ProxyAction} {
	const socketPorts: Partial<Record<FaultName, number>> = {
		refused: ports.refused,
		'unreachable (backlog full)': ports.backlogFull,
		'unreachable (accepts, never answers)': ports.silent,
	};
	const port = socketPorts[fault];
	if (port !== undefined) {
		return {port};
	}

	// The status query is 9 bytes; mid-send is somewhere in the first 400 bytes of the slip after it.
	const atByte = step === 'mid-send' ? 9 + randomInt(1, 400) : 0;
	if (fault === 'connection dropped' || fault === 'connection goes silent') {
		return {port: ports.proxy, action: {kind: fault === 'connection dropped' ? 'drop' : 'silence', atByte}};
	}

	const emulated = emulatorFaults[fault]!;
	const hook = () => {
		emulator.setFault(emulated.fault, emulated.byteRate);
	};

	if (step === 'before connect') {
		hook();
		return {port: ports.proxy};
	}

	return {port: ports.proxy, action: {kind: 'hook', run: hook, atByte}};
}

/**
 * Slips the emulator printed whole (its paper shows exactly the job's preview) on a connection the
 * client closed properly. Cut-off jobs do not count; whole ones on a reset connection are counted apart.
 */
function wholeSlips(emulator: Emulator, preview: string | readonly string[], onReset = false): number {
	const texts = typeof preview === 'string' ? [preview] : preview;
	return emulator.jobs.filter(job => texts.includes(job.text) && job.interrupted === onReset).length;
}

type FirstTry = {
	where: string;
	expect: Expectation[];
	language: 'en' | 'zh-CN';
	result: PrintResult;
	acceptedWhileReady: boolean;
	stored: PrintJobRow;
};

/** The first attempt: classified as expected, explained to the clerk, and recorded as it happened. */
function checkFirstTry(
	figures: SuiteFigures,
	{where, expect, language, result, acceptedWhileReady, stored}: FirstTry,
): void {
	const outcome: Expectation = result.ok ? 'printed' : (result.failure.kind as Expectation);
	if (!expect.includes(outcome)) {
		noteViolation(figures, `${where}: classified ${outcome}, expected ${expect.join(' or ')}`);
	}

	if (result.ok) {
		if (!acceptedWhileReady) {
			figures.losses++;
			noteViolation(figures, `${where}: marked printed, but the printer did not accept the whole slip while ready`);
		}

		if (stored.state !== 'printed') {
			noteViolation(figures, `${where}: printed, but the job is ${stored.state}`);
		}

		return;
	}

	const description = printFailureText(messagesFor(language), result.failure);
	if (description.message.length === 0 || description.advice.length === 0) {
		noteViolation(figures, `${where}: the failure has no message or advice for the clerk`);
	}

	if (stored.state !== 'failed' || !stored.lastError?.startsWith(`${result.failure.kind}:`)) {
		noteViolation(
			figures,
			`${where}: failed (${result.failure.kind}), but the job is ${stored.state} (${stored.lastError})`,
		);
	}
}

/** A void's slip as first sent, and as its retry is printed (marked REPRINT after a failure mid-slip). */
type Tracked = {where: string; preview: string; retryPreview?: string; cutOffByFault: number};

/** One whole slip accepted while ready per void: none is a lost slip, two a doubled one. */
function countSlips(figures: SuiteFigures, emulator: Emulator, previews: Tracked[]): void {
	let whole = 0;
	let late = 0;
	for (const {where, preview, retryPreview, cutOffByFault} of previews) {
		const texts = retryPreview === undefined || retryPreview === preview ? [preview] : [preview, retryPreview];
		const slips = wholeSlips(emulator, texts) - cutOffByFault;
		late += wholeSlips(emulator, texts, true);
		whole += slips;
		if (slips === 0) {
			figures.losses++;
			noteViolation(figures, `${where}: no whole slip ever printed for this void`);
		} else if (slips > 1) {
			figures.duplicates += slips - 1;
			noteViolation(figures, `${where}: ${slips} whole slips printed for one void`);
		}
	}

	figures.notes['whole slips'] = whole;
	figures.notes['cut-off jobs'] = emulator.jobs.length - whole - late;
	// The bytes were already inside a printer slower than the timeouts when posvoid gave up and reset
	// the connection: its paper may show them whole. The retry's copy then says 重打印 REPRINT.
	figures.notes['whole on a connection given up on'] = late;
}

/** What the printer saw: the slip whole, and a GS r 1 answer after it that reports paper. */
function printerVerdict(
	emulator: Emulator,
	replies: Uint8Array | undefined,
	preview: string,
): {acceptedWhileReady: boolean; cutOffByFault: number} {
	const whole = wholeSlips(emulator, preview);
	const confirmation = new ReplyReader()
		.push(replies ?? new Uint8Array(0))
		.findLast(reply => reply.kind === 'in-sequence-status');
	const notReady = confirmation?.kind === 'in-sequence-status' && paperStatusOf(confirmation.byte).paperEnd;
	return {
		acceptedWhileReady: whole === 1 && confirmation !== undefined && !notReady,
		// The printer took the bytes but said it could not print them (paper ran out, cover opened…):
		// the emulator's paper shows the slip whole, a real printer's would not.
		cutOffByFault: notReady ? whole : 0,
	};
}

type Retry = {
	context: ServiceContext;
	emulator: Emulator;
	printJobId: number;
	tracked: Tracked;
	where: string;
	language: 'en' | 'zh-CN';
	failed: boolean;
};

/** After recovery a failed job's retry prints exactly one whole slip; a printed job is never printed again. */
async function retryAfterRecovery(
	figures: SuiteFigures,
	{context, emulator, printJobId, tracked, where, failed}: Retry,
) {
	if (failed) {
		const retryPreview = slipPreview(context, printJobId);
		tracked.retryPreview = retryPreview;
		const beforeRetry = wholeSlips(emulator, retryPreview);
		const retry = await printJob(context, printJobId);
		const added = wholeSlips(emulator, retryPreview) - beforeRetry;
		if (!retry.ok || added !== 1) {
			noteViolation(
				figures,
				`${where}: the retry after recovery ${retry.ok ? 'printed' : retry.failure.kind}, ${added} whole slips`,
			);
		}
	}

	const again = await printJob(context, printJobId);
	if (again.ok || again.failure.kind !== 'already-printed') {
		noteViolation(
			figures,
			`${where}: printing a printed job again answered ${again.ok ? 'printed' : again.failure.kind}`,
		);
	}
}

/**
 * Printer faults: each case voids a sale, prints its slip with the fault injected at its step, checks
 * the outcome against what the printer saw, then recovers the printer and retries: exactly one more
 * slip must come out, and a further retry must print nothing.
 */
export async function runPrinterFaults(options: PrinterFaultOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('printer faults');
	const connectTimeoutMs = options.connectTimeoutMs ?? 300;
	const writeTimeoutMs = options.writeTimeoutMs ?? 300;
	// Connecting, three status queries, the slip's pieces (each answered within the write timeout), confirmation, close.
	const boundMs = sessionDeadlineMs({connectTimeoutMs, writeTimeoutMs}) + hangSlackMs;
	const cases = faultCases.flatMap(faultCase => Array.from({length: options.repeats}, () => faultCase));
	const database = createSalesDatabase(cases.length, 'posvoid-printer-');
	const store = openStore(database.file, {create: false});
	const base = serviceContext(store, database.file);
	const printer = {
		...base.config.printer,
		host: '127.0.0.1',
		port: 9,
		connectTimeoutMs,
		writeTimeoutMs,
		columns: 32 as const,
	};
	const context = {...base, config: {...base.config, printer}};
	const emulator = await startPrinterEmulator({columns: 32});
	const proxy: FaultProxy = await startFaultProxy(emulator.port);
	const backlogFull: Blackhole = await startBacklogFullPort();
	const silent: Blackhole = await startSilentListener();
	const ports: Ports = {
		proxy: proxy.port,
		refused: await refusedPort(),
		backlogFull: backlogFull.port,
		silent: silent.port,
	};
	let longestMs = 0;
	let printedOnFirstTry = 0;
	const previews: Tracked[] = [];

	try {
		for (const [index, {fault, step, expect}] of cases.entries()) {
			const where = `${fault} ${step} #${index}`;
			const language = index % 2 === 0 ? 'en' : 'zh-CN';
			const voided = voidTransaction(context, {
				transactionId: database.ids[index]!,
				operator: {operatorNo: '01', name: 'soak', role: 'cashier', at: testClock()},
				reason: 'printer soak',
			});
			if (!voided.ok) {
				noteViolation(figures, `${where}: the void was refused: ${voided.reason}`);
				continue;
			}

			const {printJobId} = voided;
			const plan = planFault(fault, step, ports, emulator);
			printer.port = plan.port;
			proxy.arm(plan.action);
			const preview = slipPreview(context, printJobId);
			const tracked: Tracked = {where, preview, cutOffByFault: 0};
			previews.push(tracked);
			const started = performance.now();
			const result: PrintResult = await printJob(context, printJobId);
			const elapsed = performance.now() - started;
			longestMs = Math.max(longestMs, elapsed);
			figures.cases++;
			figures.faults++;
			addNote(figures, `${result.ok ? 'printed' : result.failure.kind}`);
			if (elapsed > boundMs) {
				noteHang(figures, `${where}: printJob took ${Math.round(elapsed)} ms, bound ${boundMs} ms`);
			}

			const verdict = printerVerdict(emulator, plan.port === proxy.port ? proxy.lastReplies() : undefined, preview);
			tracked.cutOffByFault = verdict.cutOffByFault;
			const {acceptedWhileReady} = verdict;
			checkFirstTry(figures, {
				where,
				expect,
				language,
				result,
				acceptedWhileReady,
				stored: store.printJobs.get(printJobId)!,
			});
			if (result.ok) {
				printedOnFirstTry++;
			}

			// Recovery: the printer is fixed and reachable again.
			emulator.setFault(undefined);
			proxy.arm(undefined);
			printer.port = proxy.port;
			await retryAfterRecovery(figures, {context, emulator, printJobId, tracked, where, language, failed: !result.ok});
		}

		const invariants = readVoidInvariants(store);
		const notPrinted = store.db
			.prepare(`SELECT count(*) FROM print_jobs WHERE state <> 'printed'`)
			.pluck()
			.get() as number;
		if (
			invariants.integrity !== 'ok' ||
			!invariants.auditChainOk ||
			invariants.voids !== figures.cases ||
			invariants.voidPrintJobs !== figures.cases ||
			invariants.voidedTransactions !== figures.cases
		) {
			noteViolation(figures, `after the faults: ${JSON.stringify(invariants)} for ${figures.cases} voids`);
		}

		figures.losses += notPrinted;
		figures.duplicates += invariants.duplicateVouchers;
		// Every job the printer ever finished is in now, a late one from a connection given up on too.
		await emulator.close();
		countSlips(figures, emulator, previews);
		figures.notes['printed on the first try'] = printedOnFirstTry;
		figures.notes['longest call ms'] = Math.round(longestMs);
		figures.notes['bound ms'] = boundMs;
	} finally {
		store.close();
		await proxy.close();
		await emulator.close();

		await backlogFull.close();
		await silent.close();
		fs.rmSync(database.directory, {recursive: true, force: true});
	}

	return figures;
}
