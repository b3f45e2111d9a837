import type {PrintJobSubject} from '../domain/print-job-subject.js';
import {isPrinterFailureKind, type QueueFailureKind} from '../domain/print-failure.js';
import {storedFailure, type PrinterFailure} from '../printing/printer-failure.js';
import {
	printBytes,
	queryPrinterStatus,
	sessionDeadlineMs,
	type PrinterAddress,
	type PrinterReadiness,
} from '../printing/printer-transport.js';
import {renderSlipEscPos} from '../printing/render-escpos.js';
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
	| {ok: true; jobId: number; preview: string; unencodable: string[]; recorded: boolean}
	| {ok: false; jobId: number; failure: QueueFailure; preview: string; recorded: boolean};

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
			authCode: transaction.authCode,
			referenceNo: voidRow.referenceNo,
			createdAt: voidRow.createdAt,
			timeZone: config.timeZone,
			amount: transaction.amount,
			currency: transaction.currency,
			originalVoucherNo: transaction.voucherNo,
			reason: voidRow.reason,
			approverNo: voidRow.approverNo,
			// The bank terminal's number is the void's own reference, already on the slip.
			platformRefundNo: store.voidRequests.voidPlatformNo(voidRow.id),
		},
		{
			columns: config.printer.columns,
			reprint: job.reprint,
			copies: config.printer.copies,
			labels: config.printer.encoding === 'gb18030' ? 'bilingual' : 'english',
		},
	);
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
	const {columns, encoding, nativeQr, cut} = context.config.printer;
	return renderSlipText(model, columns, {encoding, nativeQr, cut});
}

/** A slip model as the bytes the configured printer expects, with the characters it printed as `?`. */
export function bytesFor(context: ServiceContext, model: SlipModel): {bytes: Uint8Array; unencodable: string[]} {
	const {columns, encoding, nativeQr, cut} = context.config.printer;
	return renderSlipEscPos(model, {columns, encoding, nativeQr, cut});
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
	const {bytes, unencodable} = bytesFor(context, model);
	onProgress?.('sending');
	const outcome = await printBytes(bytes, printerAddress(context));
	const record = job.voidId === undefined ? `batch:${job.batchId}` : `void:${job.voidId}`;
	const recordAfterPrinting = (write: () => void): boolean =>
		busyAsFalse(() => {
			store.immediate(write);
		});

	if (outcome.ok) {
		// The printer has answered. With the database busy now, the job stays 'printing'; the queue later
		// shows it as interrupted (maybe on paper, so its retry says REPRINT) and the clerk sees the answer.
		const recorded = recordAfterPrinting(() => {
			store.printJobs.markPrinted(jobId, context.now());
			const note = unencodable.length > 0 ? `; printed as ? : ${unencodable.join('')}` : '';
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
		return {ok: true, jobId, preview, unencodable, recorded};
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
	const longest = sessionDeadlineMs(context.config.printer) + 60_000;
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
	return queryPrinterStatus(printerAddress(context));
}
