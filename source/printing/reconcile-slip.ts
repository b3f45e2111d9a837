import {singleLine} from '../domain/display-text.js';
import type {ReconcileKind} from '../domain/reconcile-kind.js';
import {formatDateTime} from '../domain/time-format.js';
import {merchantLines, type MerchantFields} from './merchant-lines.js';
import {say as sayLabel, type Label, type SlipLabels} from './slip-labels.js';
import {cut, feed, labelValue, rule, slipHeader, text, type SlipLine, type SlipModel} from './slip-model.js';

export type ReconcileSlipInput = MerchantFields & {
	at: number;
	timeZone: string;
	days: readonly string[];
	files: number;
	matched: number;
	counts: Readonly<Record<ReconcileKind, number>>;
	unmatched: number;
	/** The first unmatched lines, named by their numbers; the counts above are complete. */
	lines: ReadonlyArray<{kind: ReconcileKind; key: string}>;
};

const label = {
	title: ['对账单', 'RECONCILIATION'],
	at: ['对账时间', 'RECONCILED'],
	days: ['账单日期', 'BILL DAYS'],
	files: ['账单文件', 'BILL FILES'],
	matched: ['相符', 'MATCHED'],
	unmatched: ['不符', 'UNMATCHED'],
	allMatched: ['全部相符', 'ALL MATCHED'],
	more: ['其余见 CSV', 'MORE IN THE CSV'],
} as const satisfies Record<string, Label>;

export const reconcileKindLabel: Record<ReconcileKind, Label> = {
	'missing-here': ['POSVOID 无此交易', 'NOT IN POSVOID'],
	'missing-in-bill': ['账单无此交易', 'NOT IN THE BILL'],
	'void-not-seen': ['撤销未见于平台', 'VOID NOT SEEN'],
	'refunded-outside': ['外部退款', 'REFUNDED OUTSIDE'],
	'amount-mismatch': ['金额不符', 'AMOUNT DIFFERS'],
	'fee-mismatch': ['手续费不符', 'FEE DIFFERS'],
	'bad-line': ['账单行错误', 'BAD BILL LINE'],
};

/** The reconciliation slip: when, which days, the counts by kind, and the first unmatched lines by number. */
export function buildReconcileSlip(
	input: ReconcileSlipInput,
	options: {labels?: SlipLabels; listed?: number} = {},
): SlipModel {
	const say = (words: Label) => sayLabel(words, options.labels);
	const lines: SlipLine[] = [
		...slipHeader(say(label.title), false),
		rule(),
		...merchantLines(input, {labels: options.labels, stackMerchantNo: true}),
		labelValue(say(label.at), formatDateTime(input.at, input.timeZone), {stacked: true}),
		labelValue(say(label.days), input.days.join(' '), {stacked: true}),
		labelValue(say(label.files), String(input.files)),
		rule(),
		labelValue(say(label.matched), String(input.matched)),
		labelValue(say(label.unmatched), String(input.unmatched), {bold: true}),
	];
	for (const [kind, words] of Object.entries(reconcileKindLabel) as Array<[ReconcileKind, Label]>) {
		if (input.counts[kind] > 0) {
			lines.push(labelValue(say(words), String(input.counts[kind]), {indent: 2}));
		}
	}

	if (input.unmatched === 0) {
		lines.push(rule(), text(say(label.allMatched), {align: 'centre', bold: true}));
	} else {
		lines.push(rule());
		const listed = input.lines.slice(0, options.listed ?? 20);
		for (const line of listed) {
			lines.push(labelValue(say(reconcileKindLabel[line.kind]), singleLine(line.key).trim(), {stacked: true}));
		}

		if (input.unmatched > listed.length) {
			lines.push(text(say(label.more)));
		}
	}

	lines.push(feed(2), cut());
	return {lines};
}
