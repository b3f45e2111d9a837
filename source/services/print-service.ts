import type {PrintJobSubject} from '../domain/print-job-subject.js';
import type {Transaction} from '../domain/transaction.js';
import {isPrinterFailureKind, type QueueFailureKind} from '../domain/print-failure.js';
import {storedFailure, type PrinterFailure} from '../printing/printer-failure.js';
import {
	printBytes,
	queryPrinterStatus,
	sessionDeadlineMs,
	type PrinterAddress,
	type PrinterChecks,
	type PrinterReadiness,
} from '../printing/printer-transport.js';
import type {Config} from '../config.js';
import {describeSubstitution, labelsForModel, resolvePrinterModel} from '../printing/printer-profiles.js';
import {renderSlipEscPos, type RenderedSlip} from '../printing/render-escpos.js';
import type {Substitution} from '../printing/text-encoding.js';
import {renderSlipText} from '../printing/render-text.js';
import type {SlipModel} from '../printing/slip-model.js';
import {buildVoidSlip} from '../printing/void-slip.js';
import type {PrintJobRow} from '../store/print-jobs-store.js';
import {DatabaseBusyError} from '../store/store-errors.js';
import type {VoidRow} from '../store/voids-store.js';
import {UserError} from '../user-error.js';
import type {Authenticated} from './auth-service.js';
import {claimerState, currentClaimer} from './process-claim.js';
import {settlementReportModel} from './report-slips.js';
import type {ServiceContext} from './service-context.js';

/** What the screens need of the printing layer, so that ui/ talks to services only. */
export type {PrinterFailure, PrinterFailureKind} from '../printing/printer-failure.js';
export type {PrintFailureKind, QueueFailureKind} from '../domain/print-failure.js';
export type {PrinterReadiness} from '../printing/printer-transport.js';
export type {Substitution} from '../printing/text-encoding.js';

/** Why a queued job was not sent: a printer failure, or the queue's own state. */
export type QueueFailure = PrinterFailure | {kind: QueueFailureKind; detail: string};

/** A failure of the printer itself, worth showing as the printer's state; not the queue's or the database's. */
export function isPrinterFailure(failure: QueueFailure): failure is PrinterFailure {
	return isPrinterFailureKind(failure.kind);
}

/**
 * `recorded` is false when the printer answered but the database was busy, so the job's new state
 * was not written: the queue later shows it as interrupted, and the caller says so now.
 */
export type PrintResult =
	| {
			ok: true;
			jobId: number;
			preview: string;
			unencodable: string[];
			/** What the printer could not print as itself and was printed as instead (the readme's substitution policy). */
			substitutions: Substitution[];
			recorded: boolean;
			/**
			 * False: the printer took every byte but cannot confirm it printed them; the job is "sent,
			 * unconfirmed" until the clerk answers (answerUnconfirmed).
			 */
			confirmed: boolean;
	  }
	| {ok: false; jobId: number; failure: QueueFailure; preview: string; recorded: boolean};

/** What the clerk's answer about an unconfirmed slip did; `not-unconfirmed` when the job was not waiting for one. */
export type SlipAnswer =
	| {ok: true; jobId: number; state: 'printed' | 'pending'}
	| {ok: false; reason: 'busy' | 'no-job' | 'not-unconfirmed'; state?: PrintJobRow['state']};

/** A reprint queued, or why not: the database was busy (nothing was written), or there is no such void. */
export type ReprintAnswer = {ok: true; jobId: number} | {ok: false; reason: 'busy' | 'no-void'};

/** Jobs found abandoned and failed; `busy` when the database was busy for some, which are looked at next time. */
export type InterruptedJobs = {failed: number; busy: boolean};

export type PrintProgress = 'checking' | 'sending' | 'done';

export type PrintJobView = {job: PrintJobRow; subject: PrintJobSubject};
export type {PrintJobSubject} from '../domain/print-job-subject.js';

export class PrintQueueError extends UserError {
	override name = 'PrintQueueError';
}

function voidSlipModel(context: ServiceContext, job: PrintJobRow): SlipModel {
	const {store, config} = context;
	const voidRow = job.voidId === undefined ? undefined : store.voids.get(job.voidId);
	const transaction = voidRow ? store.transactions.get(voidRow.transactionId) : undefined;
	const batch = voidRow ? store.batches.get(voidRow.batchId) : undefined;
	if (!voidRow || !transaction || !batch) {
		throw new Error(`print job ${job.id} points at a missing void`);
	}

	return buildVoidSlip(
		{
			merchantName: config.merchant.name,
			merchantNo: config.merchant.number,
			terminalId: voidRow.terminalId,
			operatorNo: voidRow.operatorNo,
			cardMasked: transaction.cardMasked,
			channel: transaction.channel,
			batchNo: batch.batchNo,
			voucherNo: voidRow.voucherNo,
			referenceNo: voidRow.referenceNo,
			createdAt: voidRow.createdAt,
			timeZone: config.timeZone,
			amount: transaction.amount,
			currency: transaction.currency,
			originalVoucherNo: transaction.voucherNo,
			originalAuthCode: transaction.authCode,
			originalReferenceNo: transaction.referenceNo,
			originalCreatedAt: transaction.createdAt,
			reason: voidRow.reason,
			approverNo: voidRow.approverNo,
			// The bank terminal's number is the void's own reference, already on the slip.
			platformRefundNo: store.voidRequests.voidPlatformNo(voidRow.id),
		},
		{
			columns: resolvePrinterModel(config).paper.columns.fontA,
			reprint: job.reprint,
			copies: config.printer.copies,
			labels: labelsForModel(resolvePrinterModel(config)),
		},
	);
}

/**
 * What the configured printer will substitute on the slip of voiding this sale for this reason, found
 * by laying the slip out before the void commits (the readme's substitution policy). The void's own
 * numbers are digits, which every printer prints, so stand-ins take their place.
 */
export function voidSlipSubstitutions(
	context: ServiceContext,
	sale: Pick<
		Transaction,
		| 'cardMasked'
		| 'channel'
		| 'authCode'
		| 'referenceNo'
		| 'amount'
		| 'currency'
		| 'voucherNo'
		| 'createdAt'
		| 'terminalId'
	>,
	voidBy: {operatorNo: string; reason: string; approverNo?: string},
): Substitution[] {
	const {config} = context;
	const printer = resolvePrinterModel(config);
	const model = buildVoidSlip(
		{
			merchantName: config.merchant.name,
			merchantNo: config.merchant.number,
			terminalId: sale.terminalId,
			operatorNo: voidBy.operatorNo,
			cardMasked: sale.cardMasked,
			channel: sale.channel,
			batchNo: '000000',
			voucherNo: '000000',
			referenceNo: '000000000000',
			createdAt: sale.createdAt,
			timeZone: config.timeZone,
			amount: sale.amount,
			currency: sale.currency,
			originalVoucherNo: sale.voucherNo,
			originalAuthCode: sale.authCode,
			originalReferenceNo: sale.referenceNo,
			originalCreatedAt: sale.createdAt,
			reason: voidBy.reason,
			approverNo: voidBy.approverNo,
		},
		{
			columns: printer.paper.columns.fontA,
			reprint: false,
			copies: config.printer.copies,
			labels: labelsForModel(printer),
		},
	);
	return renderSlipEscPos(model, printer).substitutions;
}

/** Builds the printable model of a job from the records it prints, as they are now. */
function slipModel(context: ServiceContext, job: PrintJobRow): SlipModel {
	// After a failure once sending had begun, some or all of the slip may already be on paper: the next
	// attempt says 重打印 REPRINT, so two whole copies are never both taken for originals.
	const markedJob = mayHavePrinted(job) ? {...job, reprint: true} : job;
	return markedJob.kind === 'void-slip' ? voidSlipModel(context, markedJob) : settlementReportModel(context, markedJob);
}

/** Whether an earlier attempt of this job may have put paper out: it failed after sending began. */
export function mayHavePrinted(job: PrintJobRow): boolean {
	return job.state !== 'printed' && job.mayHavePrinted;
}

/**
 * What the configured printer can answer: the status check before a slip and the confirmation after
 * it. Every print path asks this one function (part A's printer profile will feed it).
 */
/** What the configured printer's profile answers before and after a slip: every print path asks it. */
export function printerChecksFor(config: Pick<Config, 'printer'>): PrinterChecks {
	const {status, confirmation} = config.printer.model;
	return {status, confirmation};
}

export function printerAddress(context: ServiceContext): PrinterAddress {
	const {host, port, connectTimeoutMs, writeTimeoutMs} = context.config.printer;
	return {host, port, connectTimeoutMs, writeTimeoutMs};
}

function jobOrThrow(context: ServiceContext, jobId: number): PrintJobRow {
	const job = context.store.printJobs.get(jobId);
	if (!job) {
		throw new PrintQueueError(`there is no print job ${jobId}`);
	}

	return job;
}

/** A slip model as the configured printer will lay it out: the on-screen preview text. */
export function previewFor(context: ServiceContext, model: SlipModel): string {
	return renderSlipText(model, resolvePrinterModel(context.config));
}

/** A slip model as the bytes the configured printer expects, with the substitutions made for what it cannot print. */
export function bytesFor(context: ServiceContext, model: SlipModel): RenderedSlip {
	return renderSlipEscPos(model, resolvePrinterModel(context.config));
}

/** The slip of a job as plain text, exactly as the printer will lay it out: the on-screen preview. */
export function slipPreview(context: ServiceContext, jobId: number): string {
	return previewFor(context, slipModel(context, jobOrThrow(context, jobId)));
}

/**
 * Prints one queued job: claims it (pending|failed → printing, one more attempt), sends it, and records
 * printed only when the transport completed with the printer reporting ready; otherwise failed with
 * the classified reason. Every step is persisted, so a crash leaves the job visible in the queue.
 */
export async function printJob(
	context: ServiceContext,
	jobId: number,
	onProgress?: (step: PrintProgress) => void,
): Promise<PrintResult> {
	// One job at a time per console: a slip printed after Esc left an online void running must not
	// share the printer's one connection with the slip the clerk prints meanwhile.
	const before = printing.get(context) ?? Promise.resolve();
	const mine = before.then(async () => printOneJob(context, jobId, onProgress));
	printing.set(
		context,
		mine.then(
			() => undefined,
			() => undefined,
		),
	);
	return mine;
}

const printing = new WeakMap<ServiceContext, Promise<void>>();

async function printOneJob(
	context: ServiceContext,
	jobId: number,
	onProgress?: (step: PrintProgress) => void,
): Promise<PrintResult> {
	const {store} = context;
	// A job left 'printing' by a process that died is failed first, so this attempt takes it (as a REPRINT).
	const abandoned = failIfAbandoned(context, jobOrThrow(context, jobId));
	const job = jobOrThrow(context, jobId);
	const model = slipModel(context, job);
	const preview = previewFor(context, model);
	if (abandoned === 'busy') {
		return {ok: false, jobId, failure: {kind: 'database-busy', detail: 'busy'}, preview, recorded: false};
	}

	let claimed: boolean;
	try {
		claimed = store.immediate(() => store.printJobs.claim(jobId, context.now(), currentClaimer()));
	} catch (error) {
		if (error instanceof DatabaseBusyError) {
			return {
				ok: false,
				jobId,
				failure: {kind: 'database-busy', detail: error.message},
				preview,
				recorded: false,
			};
		}

		throw error;
	}

	if (!claimed) {
		const current = jobOrThrow(context, jobId);
		const kind = current.state === 'printed' ? 'already-printed' : 'in-progress';
		return {ok: false, jobId, failure: {kind, detail: current.state}, preview, recorded: true};
	}

	onProgress?.('checking');
	const {bytes, unencodable, substitutions} = bytesFor(context, model);
	onProgress?.('sending');
	const outcome = await printBytes(bytes, printerAddress(context), printerChecksFor(context.config));
	const record = job.voidId === undefined ? `batch:${job.batchId}` : `void:${job.voidId}`;
	const recordAfterPrinting = (write: () => void): boolean =>
		busyAsFalse(() => {
			store.immediate(write);
		});

	if (outcome.ok && !outcome.confirmed) {
		// Every byte went out, but this printer cannot say whether it printed them: the clerk will.
		const recorded = recordAfterPrinting(() => {
			store.printJobs.markSent(jobId, context.now());
			store.audit.append(
				{
					event: 'print',
					result: 'ok',
					record,
					detail: `job ${jobId} ${job.kind}${job.reprint ? ' reprint' : ''}: sent, unconfirmed`,
				},
				context.now(),
			);
		});
		onProgress?.('done');
		return {ok: true, jobId, preview, unencodable, substitutions, recorded, confirmed: false};
	}

	if (outcome.ok) {
		// The printer has answered. With the database busy now, the job stays 'printing'; the queue later
		// shows it as interrupted (maybe on paper, so its retry says REPRINT) and the clerk sees the answer.
		const recorded = recordAfterPrinting(() => {
			store.printJobs.markPrinted(jobId, context.now());
			const note =
				substitutions.length > 0
					? `; substituted: ${substitutions.map(entry => describeSubstitution(entry)).join(', ')}`
					: '';
			store.audit.append(
				{
					event: 'print',
					result: 'ok',
					record,
					detail: `job ${jobId} ${job.kind}${job.reprint ? ' reprint' : ''}${note}`,
				},
				context.now(),
			);
		});
		onProgress?.('done');
		return {ok: true, jobId, preview, unencodable, substitutions, recorded, confirmed: true};
	}

	const {failure} = outcome;
	const recorded = recordAfterPrinting(() => {
		store.printJobs.markFailed(jobId, storedFailure(failure), context.now(), failure.afterSend === true);
		store.audit.append(
			{event: 'print-failed', result: 'failed', record, detail: `job ${jobId}: ${failure.kind}`},
			context.now(),
		);
	});
	onProgress?.('done');
	return {ok: false, jobId, failure, preview, recorded};
}

/** What a waiting job prints, as data for the queue's line. */
function viewOf(context: ServiceContext, job: PrintJobRow): PrintJobView {
	if (job.kind === 'void-slip' && job.voidId !== undefined) {
		const voidRow: VoidRow | undefined = context.store.voids.get(job.voidId);
		const transaction = voidRow ? context.store.transactions.get(voidRow.transactionId) : undefined;
		if (voidRow && transaction) {
			return {
				job,
				subject: {
					kind: 'void-slip',
					voucherNo: voidRow.voucherNo,
					saleVoucherNo: transaction.voucherNo,
					amount: transaction.amount,
					reprint: job.reprint,
				},
			};
		}
	}

	const batch = job.batchId === undefined ? undefined : context.store.batches.get(job.batchId);
	return {job, subject: {kind: 'settlement-report', batchNo: batch?.batchNo, reprint: job.reprint}};
}

/** Pending, failed and interrupted jobs, oldest first: a person retries them; nothing is replayed on its own. */
export function waitingJobs(context: ServiceContext): PrintJobView[] {
	return context.store.printJobs.waiting().map(job => viewOf(context, job));
}

export function recentJobs(context: ServiceContext, limit: number): PrintJobView[] {
	return context.store.printJobs.recent(limit).map(job => viewOf(context, job));
}

export function waitingCount(context: ServiceContext): number {
	return context.store.printJobs.waitingCount();
}

const interruptedError = 'reset: interrupted while printing; the slip may be incomplete';

/**
 * Whether a 'printing' job's attempt has certainly ended. Its claimer, when it ran on this PC, is
 * asked directly: a dead process is known at once, whatever the clock says. Otherwise (another PC,
 * a row from before claims were recorded, or a live process whose last write found the database
 * busy) the job is taken for abandoned once its claim is further from now than any live attempt
 * can last, in either direction, so a clock stepped back does not hold it for longer.
 */
function isAbandoned(context: ServiceContext, job: PrintJobRow, now: number): boolean {
	if (job.state !== 'printing') {
		return false;
	}

	if (job.claimedBy !== undefined && job.claimedBy !== currentClaimer() && claimerState(job.claimedBy) === 'dead') {
		return true;
	}

	// The longest a live attempt can take, with a minute's margin.
	const longest = sessionDeadlineMs(context.config.printer, 0, printerChecksFor(context.config)) + 60_000;
	return Math.abs(now - job.updatedAt) > longest;
}

/** Whether an abandoned job was failed now; 'busy' when it is abandoned but the database was busy. */
function failIfAbandoned(context: ServiceContext, job: PrintJobRow): boolean | 'busy' {
	const now = context.now();
	if (!isAbandoned(context, job, now)) {
		return false;
	}

	try {
		return context.store.immediate(() => context.store.printJobs.failAbandoned(job, interruptedError, now));
	} catch (error) {
		if (error instanceof DatabaseBusyError) {
			return 'busy';
		}

		throw error;
	}
}

/**
 * Jobs left 'printing' by a process that stopped mid-slip become failed with a reason, so they show in
 * the queue for a person to retry. A job a live attempt is printing is left alone.
 */
export function markInterruptedJobs(context: ServiceContext): InterruptedJobs {
	const answer: InterruptedJobs = {failed: 0, busy: false};
	for (const job of context.store.printJobs.printing()) {
		const failed = failIfAbandoned(context, job);
		if (failed === 'busy') {
			answer.busy = true;
		} else if (failed) {
			answer.failed++;
		}
	}

	return answer;
}

/** Runs a write; false when the database was busy and nothing was written. */
function busyAsFalse(write: () => void): boolean {
	try {
		write();
		return true;
	} catch (error) {
		if (error instanceof DatabaseBusyError) {
			return false;
		}

		throw error;
	}
}

/** Queues a new copy of a void's slip, marked REPRINT. */
export function reprintVoid(
	context: ServiceContext,
	voidId: number,
	operator: Authenticated | undefined,
): ReprintAnswer {
	const {store} = context;
	try {
		return store.immediate((): ReprintAnswer => {
			const voidRow = store.voids.get(voidId);
			if (!voidRow) {
				return {ok: false, reason: 'no-void'};
			}

			const now = context.now();
			const jobId = store.printJobs.insert({kind: 'void-slip', voidId, reprint: true}, now);
			store.audit.append(
				{
					operatorNo: operator?.operatorNo,
					event: 'reprint',
					result: 'ok',
					record: `void:${voidId}`,
					detail: `job ${jobId}, void ${voidRow.voucherNo}`,
				},
				now,
			);
			return {ok: true, jobId};
		});
	} catch (error) {
		if (error instanceof DatabaseBusyError) {
			return {ok: false, reason: 'busy'};
		}

		throw error;
	}
}

/** A void a voucher number names: by the void's own voucher (on its slip) or by its sale's. */
export type VoidMatch = VoidRow & {saleVoucherNo: string; batchNo: string; matchedAs: 'void' | 'sale'};

/**
 * Every void of this terminal that a voucher number names, newest first: the void's own voucher, or
 * the voided sale's. More than one is ambiguous (several batches, or one batch whose numbers collided
 * before posvoid kept sales and voids in one sequence): the caller asks which, never picks one.
 */
export function voidsForVoucher(
	context: ServiceContext,
	voucherNo: string,
	narrow: {batchNo?: string; kind?: 'void' | 'sale'} = {},
): VoidMatch[] {
	const {store, config} = context;
	return store.read(() =>
		store.voids
			.findByEitherVoucher(voucherNo)
			.filter(row => row.terminalId === config.terminalId)
			.flatMap((row): VoidMatch[] => [
				...(row.voucherNo === voucherNo ? [{...row, matchedAs: 'void' as const}] : []),
				...(row.saleVoucherNo === voucherNo ? [{...row, matchedAs: 'sale' as const}] : []),
			])
			.filter(
				match =>
					(narrow.batchNo === undefined || match.batchNo === narrow.batchNo) &&
					(narrow.kind === undefined || match.matchedAs === narrow.kind),
			),
	);
}

export async function checkPrinter(context: ServiceContext): Promise<PrinterReadiness> {
	return queryPrinterStatus(printerAddress(context), printerChecksFor(context.config));
}

/**
 * The clerk's answer about a slip sent to a printer that cannot confirm it: it came out (the job is
 * printed) or it did not (the job waits again, marked REPRINT, so a partial copy is never taken for
 * the original). Audited either way; nothing changes for a job that is not waiting for an answer.
 */
export function answerUnconfirmed(
	context: ServiceContext,
	jobId: number,
	cameOut: boolean,
	operator: Authenticated | undefined,
): SlipAnswer {
	const {store} = context;
	try {
		return store.immediate((): SlipAnswer => {
			const job = store.printJobs.get(jobId);
			if (!job) {
				return {ok: false, reason: 'no-job'};
			}

			const now = context.now();
			const changed = cameOut
				? store.printJobs.markSeen(jobId, now)
				: store.printJobs.markNotSeen(
						jobId,
						'not-seen: the clerk saw no slip come out; it prints again as REPRINT',
						now,
					);
			if (!changed) {
				return {ok: false, reason: 'not-unconfirmed', state: job.state};
			}

			store.audit.append(
				{
					operatorNo: operator?.operatorNo,
					event: cameOut ? 'print' : 'print-failed',
					result: cameOut ? 'ok' : 'failed',
					record: job.voidId === undefined ? `batch:${job.batchId}` : `void:${job.voidId}`,
					detail: cameOut
						? `job ${jobId} ${job.kind}: the clerk saw it come out`
						: `job ${jobId}: not-seen: the clerk saw no slip; queued again as REPRINT`,
				},
				now,
			);
			return {ok: true, jobId, state: cameOut ? 'printed' : 'pending'};
		});
	} catch (error) {
		if (error instanceof DatabaseBusyError) {
			return {ok: false, reason: 'busy'};
		}

		throw error;
	}
}

/** Slips sent to a printer that cannot confirm them, waiting for the clerk's answer: the status bar's count. */
export function unconfirmedCount(context: ServiceContext): number {
	return context.store.printJobs.unconfirmedCount();
}
