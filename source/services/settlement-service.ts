import type {Language} from '../config.js';
import {summarise, type BatchSummary} from '../domain/batch-summary.js';
import {formatBatchNo} from '../domain/voucher.js';
import {describeFailure} from '../printing/printer-failure.js';
import {printBytes} from '../printing/printer-transport.js';
import type {SlipModel} from '../printing/slip-model.js';
import type {BatchRow} from '../store/batches-store.js';
import {UserError} from '../user-error.js';
import type {Authenticated} from './auth-service.js';
import {ensureOpenBatch} from './batch-service.js';
import {bytesFor, previewFor, printerAddress} from './print-service.js';
import {batchSummary, reportModel} from './report-slips.js';
import type {ServiceContext} from './service-context.js';

export class SettlementError extends UserError {
	override name = 'SettlementError';
}

export {batchSummary} from './report-slips.js';

export type Settlement = {batch: BatchRow; summary: BatchSummary; nextBatch: BatchRow; printJobId: number};

/** The open batch and its figures, for the shift summary (X report) and the settlement screen. */
export function openBatchSummary(context: ServiceContext): {batch: BatchRow; summary: BatchSummary} {
	const batch = ensureOpenBatch(context);
	return {batch, summary: batchSummary(context, batch.id)};
}

/**
 * Settles the open batch: in one transaction, closes it, opens the next (batch number + 1) and queues
 * the settlement report. Voids of the settled batch are refused from then on. With `expectedBatchNo`
 * (the batch whose figures the supervisor saw), a batch settled elsewhere meanwhile is not replaced
 * by the next, empty one.
 */
export function settleBatch(context: ServiceContext, supervisor: Authenticated, expectedBatchNo?: string): Settlement {
	if (supervisor.role !== 'supervisor') {
		throw new SettlementError(
			`operator ${supervisor.operatorNo} is not a supervisor: settlement needs a supervisor's password`,
		);
	}

	const {store, config} = context;
	ensureOpenBatch(context);
	return store.immediate(() => {
		const now = context.now();
		const batch = store.batches.currentOpen(config.terminalId);
		const moved = expectedBatchNo !== undefined && batch?.batchNo !== expectedBatchNo;
		if (!batch || moved || !store.batches.settle(batch.id, supervisor.operatorNo, now)) {
			throw new SettlementError('the batch was settled from another window a moment ago: nothing was changed');
		}

		const summary = summarise(store.settlement.channelTotals(batch.id));
		const nextBatchNo = formatBatchNo((Number(batch.batchNo) % 999_999) + 1);
		const nextId =
			store.batches.byNumber(config.terminalId, nextBatchNo)?.id ??
			store.batches.insert(config.terminalId, nextBatchNo, now);
		const printJobId = store.printJobs.insert({kind: 'settlement-report', batchId: batch.id, reprint: false}, now);
		store.audit.append(
			{
				operatorNo: supervisor.operatorNo,
				event: 'settlement',
				result: 'ok',
				record: `batch:${batch.batchNo}`,
				detail: `sales ${summary.total.salesCount} ${summary.total.salesAmount}, voids ${summary.total.voidsCount} ${summary.total.voidsAmount}, net ${summary.netAmount}`,
			},
			now,
		);
		return {
			batch: {...batch, settledAt: now, settledBy: supervisor.operatorNo},
			summary,
			nextBatch: store.batches.get(nextId)!,
			printJobId,
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

export type ShiftReport = {batch: BatchRow; summary: BatchSummary; preview: string};

/** The shift summary (X report): the open batch's figures without closing it. */
export function shiftReport(context: ServiceContext, operatorNo: string): ShiftReport & {model: SlipModel} {
	const {batch, summary} = openBatchSummary(context);
	const model = reportModel(context, batch, 'shift', operatorNo, context.now(), false);
	return {batch, summary, model, preview: previewFor(context, model)};
}

/** Prints the shift summary straight away; it is a look at the figures, not a record, so it is not queued. */
export async function printShiftReport(
	context: ServiceContext,
	operatorNo: string,
	language: Language,
): Promise<{ok: true; preview: string} | {ok: false; message: string; advice: string; preview: string}> {
	const report = shiftReport(context, operatorNo);
	const {bytes} = bytesFor(context, report.model);
	const outcome = await printBytes(bytes, printerAddress(context));
	return outcome.ok
		? {ok: true, preview: report.preview}
		: {ok: false, ...describeFailure(outcome.failure, language), preview: report.preview};
}
