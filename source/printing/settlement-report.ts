import {formatAnchor, type AuditAnchor} from '../domain/audit-chain.js';
import type {BatchSummary, ChannelTotals} from '../domain/batch-summary.js';
import {singleLine} from '../domain/display-text.js';
import {formatPlain, formatSlip as formatSlipFullWidth} from '../domain/money.js';
import {formatDateTime} from '../domain/time-format.js';
import {merchantLines, type MerchantFields} from './merchant-lines.js';
import {cut, feed, labelValue, rule, slipHeader, text, type SlipLine, type SlipModel} from './slip-model.js';
import {channelLabel, commonLabel, say as sayLabel, type Label, type SlipLabels} from './slip-labels.js';

export type SettlementReportInput = MerchantFields & {
	kind: 'settlement' | 'shift';
	batchNo: string;
	openedAt: number;
	/** When the batch was settled, or when the shift summary was taken. */
	at: number;
	timeZone: string;
	summary: BatchSummary;
	/** The audit row that recorded the settlement, printed so the paper can later prove the log whole up to it. */
	auditAnchor?: AuditAnchor;
	/** The shift summary's note of the last reconciliation against the platforms' bills. */
	lastReconciliation?: {at: number; unmatched: number};
};

const label = {
	...commonLabel,
	settlement: ['结算总计单', 'SETTLEMENT'],
	shift: ['交班汇总 X', 'SHIFT SUMMARY X'],
	notSettled: ['未结算,仅供核对', 'NOT SETTLED: FOR CHECKING ONLY'],
	openedAt: ['开始时间', 'OPENED'],
	settledAt: ['结算时间', 'SETTLED'],
	takenAt: ['统计时间', 'TAKEN'],
	sales: ['消费', 'SALES'],
	voids: ['撤销', 'VOIDS'],
	fees: ['手续费', 'FEES'],
	feesBack: ['退回手续费', 'FEES BACK'],
	total: ['合计', 'TOTAL'],
	net: ['净额', 'NET'],
	netFees: ['净手续费', 'NET FEES'],
	auditAnchor: ['审计锚点', 'AUDIT ANCHOR'],
	lastReconciled: ['上次对账', 'LAST RECONCILED'],
	unmatched: ['不符', 'UNMATCHED'],
} as const satisfies Record<string, Label>;

/** The settlement report (结算总计单) or the shift summary (X report) of one batch. */
export function buildSettlementReport(
	input: SettlementReportInput,
	options: {reprint: boolean; labels?: SlipLabels},
): SlipModel {
	const say = (words: Label) => sayLabel(words, options.labels);
	// On a code page the amounts are ASCII only, so none depends on the printer's yen glyph.
	const formatSlip = options.labels === 'english' ? formatPlain : formatSlipFullWidth;
	const field = (value: string) => singleLine(value).trim();
	const counted = (words: Label, count: number) => `${say(words)} ${count}`;
	const totals = (row: Omit<ChannelTotals, 'channel'>): SlipLine[] => [
		labelValue(counted(label.sales, row.salesCount), formatSlip(row.salesAmount), {indent: 2}),
		labelValue(counted(label.voids, row.voidsCount), formatSlip(-row.voidsAmount), {indent: 2}),
		labelValue(say(label.fees), formatSlip(row.salesFees), {indent: 2}),
		labelValue(say(label.feesBack), formatSlip(-row.voidsFees), {indent: 2}),
	];

	const lines: SlipLine[] = [
		...slipHeader(
			say(input.kind === 'settlement' ? label.settlement : label.shift),
			options.reprint,
			say(label.reprint),
		),
	];
	if (input.kind === 'shift') {
		lines.push(text(say(label.notSettled), {align: 'centre'}));
	}

	lines.push(
		rule(),
		...merchantLines(input, {labels: options.labels, stackMerchantNo: true}),
		labelValue(say(label.batchNo), field(input.batchNo)),
		labelValue(say(label.openedAt), formatDateTime(input.openedAt, input.timeZone), {stacked: true}),
		labelValue(
			say(input.kind === 'settlement' ? label.settledAt : label.takenAt),
			formatDateTime(input.at, input.timeZone),
			{stacked: true},
		),
	);
	for (const row of input.summary.channels) {
		lines.push(rule(), labelValue(say(channelLabel[row.channel]), ''), ...totals(row));
	}

	lines.push(
		rule('='),
		labelValue(say(label.total), ''),
		...totals(input.summary.total),
		labelValue(counted(label.net, input.summary.netCount), formatSlip(input.summary.netAmount), {
			indent: 2,
			bold: true,
		}),
		labelValue(say(label.netFees), formatSlip(input.summary.netFees), {
			indent: 2,
		}),
	);
	if (input.lastReconciliation) {
		const {at, unmatched} = input.lastReconciliation;
		lines.push(
			rule(),
			labelValue(say(label.lastReconciled), formatDateTime(at, input.timeZone), {stacked: true}),
			labelValue(say(label.unmatched), String(unmatched), {indent: 2, bold: unmatched > 0}),
		);
	}

	if (input.auditAnchor) {
		lines.push(rule(), labelValue(say(label.auditAnchor), formatAnchor(input.auditAnchor), {stacked: true}));
	}

	lines.push(feed(2), cut());
	return {lines};
}
