import {batchRowsDigest, settlementAuditDetail} from '../domain/audit-books.js';
import {summarise, type BatchSummary} from '../domain/batch-summary.js';
import {formatScreen} from '../domain/money.js';
import {formatTime} from '../domain/time-format.js';
import {saleLabel} from '../domain/transaction.js';
import type {PrinterFailure} from '../printing/printer-failure.js';
import {printBytes} from '../printing/printer-transport.js';
import type {SlipModel} from '../printing/slip-model.js';
import type {BatchRow} from '../store/batches-store.js';
import type {SettlementRefusal} from '../domain/settlement-refusal.js';
import {UserError} from '../user-error.js';
import type {Authenticated} from './auth-service.js';
import {ensureOpenBatch, nextFreeBatchNo} from './batch-service.js';
import {bytesFor, previewFor, printerAddress, printerChecksFor} from './print-service.js';
import {lastReconciliation, type LastReconciliation} from './reconcile-service.js';
import {reportModel} from './report-slips.js';
import type {ServiceContext} from './service-context.js';

export class SettlementError extends UserError {
	override name = 'SettlementError';
	readonly refusal: SettlementRefusal;
	/** The operator or batch the refusal names. */
	readonly subject: string;
	constructor(refusal: SettlementRefusal, subject: string, message: string) {
		super(message);
		this.refusal = refusal;
		this.subject = subject;
	}
}

export {batchSummary} from './report-slips.js';

/** One batch closed by a settlement: its figures as settled, and its queued report. */
export type SettledBatch = {batch: BatchRow; summary: BatchSummary; printJobId: number};

/**
 * The open batch settled, and the batch opened after it. `earlier` holds older batches that were
 * still open (an older posvoid's import could leave some): they settle in the same step, each with
 * its own report, so no sale stays voidable after settlement.
 */
export type Settlement = SettledBatch & {nextBatch: BatchRow; earlier: SettledBatch[]};

/** The open batch, its figures, and how many of its voids wait for their platform's answer (settlement waits for them). */
export type OpenBatchFigures = {batch: BatchRow; summary: BatchSummary; inDoubt: number};

/** Everything open on the counter: the open batch, and the figures of every unsettled batch of the terminal together. */
export function openBatchSummary(context: ServiceContext): OpenBatchFigures {
	const batch = ensureOpenBatch(context);
	const {store, config} = context;
	return store.read(() => {
		const open = store.batches.open(config.terminalId);
		return {
			batch,
			summary: summarise(open.flatMap(row => store.settlement.channelTotals(row.id))),
			inDoubt: open.reduce((count, row) => count + store.voidRequests.openInBatch(row.id).length, 0),
		};
	});
}

/**
 * Settles everything open: in one transaction, closes the open batch (and any older unsettled one),
 * opens the next batch number no batch of the terminal has used, and queues each settlement report.
 * Voids of a settled batch are refused from then on. With `expectedBatchNo` (the batch whose figures
 * the supervisor saw), a batch settled elsewhere meanwhile is not replaced by the next, empty one.
 */
export function settleBatch(context: ServiceContext, supervisor: Authenticated, expectedBatchNo?: string): Settlement {
	if (supervisor.role !== 'supervisor') {
		throw new SettlementError(
			'not-supervisor',
			supervisor.operatorNo,
			`operator ${supervisor.operatorNo} is not a supervisor: settlement needs a supervisor's password`,
		);
	}

	const {store, config} = context;
	ensureOpenBatch(context);
	return store.immediate(() => {
		const now = context.now();
		const batch = store.batches.currentOpen(config.terminalId);
		const moved = expectedBatchNo !== undefined && batch?.batchNo !== expectedBatchNo;
		if (!batch || moved) {
			throw new SettlementError(
				'settled-elsewhere',
				batch?.batchNo ?? expectedBatchNo ?? '',
				'the batch was settled from another window a moment ago: nothing was changed',
			);
		}

		// A void at its platform with no answer yet may still move money in the batch: its figures are not known.
		const inDoubt = store.batches.open(config.terminalId).flatMap(open => store.voidRequests.openInBatch(open.id));
		if (inDoubt.length > 0) {
			const list = inDoubt
				.map(
					request =>
						`  #${request.id} ${saleLabel({voucherNo: request.saleVoucherNo, platformOrderNo: request.platformOrderNo})} ${formatScreen(request.amount)} ${request.platform} ${formatTime(request.requestedAt, config.timeZone)}`,
				)
				.join('\n');
			throw new SettlementError(
				'voids-in-doubt',
				list,
				`${inDoubt.length} void(s) of the batch are in doubt at their platform: resolve them first (posvoid voids --resolve)\n${list}`,
			);
		}

		const settled = store.batches.open(config.terminalId).map((open): SettledBatch => {
			if (!store.batches.settle(open.id, supervisor.operatorNo, now)) {
				throw new Error(`batch ${open.id} was settled under the write lock`);
			}

			const summary = summarise(store.settlement.channelTotals(open.id));
			const printJobId = store.printJobs.insert({kind: 'settlement-report', batchId: open.id, reprint: false}, now);
			store.audit.append(
				{
					operatorNo: supervisor.operatorNo,
					event: 'settlement',
					result: 'ok',
					record: `batch:${open.batchNo}`,
					detail: settlementAuditDetail(
						summary,
						config.terminalId,
						batchRowsDigest(store.settlement.batchRows(open.id)),
					),
				},
				now,
			);
			return {batch: {...open, settledAt: now, settledBy: supervisor.operatorNo}, summary, printJobId};
		});
		const main = settled.find(entry => entry.batch.id === batch.id)!;
		const nextBatchNo = nextFreeBatchNo(context, batch.batchNo);
		const nextId = store.batches.insert(config.terminalId, nextBatchNo, now);
		return {
			...main,
			nextBatch: store.batches.get(nextId)!,
			earlier: settled.filter(entry => entry !== main),
		};
	});
}

/** Queues another copy of a settled batch's report, marked REPRINT. */
export function reprintSettlement(
	context: ServiceContext,
	batchNo: string,
	operator: Authenticated | undefined,
): number {
	const {store, config} = context;
	return store.immediate(() => {
		const batch = store.batches.byNumber(config.terminalId, batchNo.padStart(6, '0'));
		if (!batch?.settledAt) {
			throw new SettlementError(
				'not-settled',
				batchNo,
				`batch ${batchNo} of terminal ${config.terminalId} is not settled: there is no settlement report to reprint`,
			);
		}

		const now = context.now();
		const jobId = store.printJobs.insert({kind: 'settlement-report', batchId: batch.id, reprint: true}, now);
		store.audit.append(
			{
				operatorNo: operator?.operatorNo,
				event: 'reprint',
				result: 'ok',
				record: `batch:${batch.batchNo}`,
				detail: `job ${jobId}`,
			},
			now,
		);
		return jobId;
	});
}

export type ShiftReport = {
	batch: BatchRow;
	summary: BatchSummary;
	preview: string;
	/** The last reconciliation against the platforms' bills, when there has been one. */
	lastReconciliation?: LastReconciliation;
};

/** The shift summary (X report): the open batch's figures without closing it. */
export function shiftReport(context: ServiceContext, operatorNo: string): ShiftReport & {model: SlipModel} {
	const {batch, summary} = openBatchSummary(context);
	const reconciled = lastReconciliation(context);
	const model = reportModel(context, batch, 'shift', operatorNo, context.now(), false, summary, reconciled);
	const report = {batch, summary, model, preview: previewFor(context, model)};
	return reconciled === undefined ? report : {...report, lastReconciliation: reconciled};
}

/** Prints the shift summary straight away; it is a look at the figures, not a record, so it is not queued. */
export async function printShiftReport(
	context: ServiceContext,
	operatorNo: string,
): Promise<{ok: true; confirmed: boolean; preview: string} | {ok: false; failure: PrinterFailure; preview: string}> {
	const report = shiftReport(context, operatorNo);
	const {bytes} = bytesFor(context, report.model);
	const outcome = await printBytes(bytes, printerAddress(context), printerChecksFor(context.config));
	return outcome.ok
		? {ok: true, confirmed: outcome.confirmed, preview: report.preview}
		: {ok: false, failure: outcome.failure, preview: report.preview};
}
