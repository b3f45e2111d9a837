import {summarise, type BatchSummary} from '../domain/batch-summary.js';
import {labelsForModel, resolvePrinterModel} from '../printing/printer-profiles.js';
import {buildSettlementReport} from '../printing/settlement-report.js';
import type {SlipModel} from '../printing/slip-model.js';
import type {BatchRow} from '../store/batches-store.js';
import type {PrintJobRow} from '../store/print-jobs-store.js';
import type {ServiceContext} from './service-context.js';

export function batchSummary(context: ServiceContext, batchId: number): BatchSummary {
	return context.store.read(() => summarise(context.store.settlement.channelTotals(batchId)));
}

/** The settlement report or shift summary of a batch, from its rows as they are now. */
export function reportModel(
	context: ServiceContext,
	batch: BatchRow,
	kind: 'settlement' | 'shift',
	operatorNo: string,
	at: number,
	reprint: boolean,
	/** The figures to print, when they are not the batch's own (the shift summary covers everything open). */
	summary?: BatchSummary,
	/** The shift summary's note of the last reconciliation against the platforms' bills. */
	lastReconciliation?: {at: number; unmatched: number},
): SlipModel {
	const {config, store} = context;
	return buildSettlementReport(
		{
			kind,
			merchantName: config.merchant.name,
			merchantNo: config.merchant.number,
			terminalId: batch.terminalId,
			operatorNo,
			batchNo: batch.batchNo,
			openedAt: batch.openedAt,
			at,
			timeZone: config.timeZone,
			summary: summary ?? batchSummary(context, batch.id),
			auditAnchor: kind === 'settlement' ? store.audit.settlementAnchor(batch.batchNo, at) : undefined,
			lastReconciliation,
		},
		{reprint, labels: labelsForModel(resolvePrinterModel(config))},
	);
}

/** The model of a queued settlement report. */
export function settlementReportModel(context: ServiceContext, job: PrintJobRow): SlipModel {
	const batch = job.batchId === undefined ? undefined : context.store.batches.get(job.batchId);
	if (!batch?.settledAt || !batch.settledBy) {
		throw new Error(`print job ${job.id} points at a batch that is not settled`);
	}

	return reportModel(context, batch, 'settlement', batch.settledBy, batch.settledAt, job.reprint);
}
