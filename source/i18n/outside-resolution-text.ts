import {channelNames, type Transaction} from '../domain/transaction.js';
import type {OutsideNote, OutsideResolution, OutsideResolutionKind} from '../domain/outside-resolution.js';
import {formatScreen} from '../domain/money.js';
import {formatDateTime} from '../domain/time-format.js';
import type {Language} from './language.js';
import type {Advice} from './messages.js';

/** An outside resolution as a refusal tells it: the note and the zone its time is read in. */
export type OutsideRefusalDetail = OutsideNote & {timeZone: string};

type OutsideText = {
	/** "already refunded at WeChat Pay on …; nothing to void here"; without a note (an audit row), in general words. */
	refusal: (note: OutsideRefusalDetail | undefined) => Advice;
	/** Command-line advice for the same refusal. */
	commandAdvice: string;
	/** The detail screen's rows for a QR sale's order numbers (none for a card sale). */
	orderRows: (sale: Pick<Transaction, 'platformOrderNo' | 'merchantOrderNo'>) => Array<[string, string]>;
	/** The detail screen's rows for a sale's outside resolution. */
	detailRows: (resolution: OutsideResolution, timeZone: string) => Array<[string, string]>;
};

const englishVerb: Record<OutsideResolutionKind, string> = {
	refund: 'refunded',
	revocation: 'revoked',
	'card-void': 'voided',
	'card-return': 'returned',
};

const chineseVerb: Record<OutsideResolutionKind, string> = {
	refund: '退款',
	revocation: '撤销',
	'card-void': '撤销',
	'card-return': '退货',
};

/** Where a card void was made: the acquirer's terminal, not a platform. */
function englishPlace(note: OutsideNote): string {
	return note.kind === 'card-void' || note.kind === 'card-return' ? 'the bank terminal' : channelNames.en[note.channel];
}

function chinesePlace(note: OutsideNote): string {
	return note.kind === 'card-void' || note.kind === 'card-return' ? '银行终端' : channelNames.zh[note.channel];
}

export const outsideResolutionText: Record<Language, OutsideText> = {
	en: {
		refusal: note => ({
			message:
				note === undefined
					? 'already refunded outside this counter; nothing to void here'
					: `already ${englishVerb[note.kind]} at ${englishPlace(note)} on ${formatDateTime(note.resolvedAt, note.timeZone)}; nothing to void here`,
			advice: 'the money is already back with the customer; the detail screen (Enter) shows the refund',
		}),
		orderRows: sale => [
			...(sale.platformOrderNo === undefined ? [] : [['Platform order no.', sale.platformOrderNo] as [string, string]]),
			...(sale.merchantOrderNo === undefined ? [] : [['Merchant order no.', sale.merchantOrderNo] as [string, string]]),
		],
		commandAdvice: 'nothing to do: the money is already back with the customer (posvoid reconcile lists it)',
		detailRows: (resolution, timeZone) => [
			['Undone outside', `${englishVerb[resolution.kind]} at ${englishPlace(resolution)}`],
			['Undone at', formatDateTime(resolution.resolvedAt, timeZone)],
			['Refund no.', resolution.resolutionNo ?? '—'],
			['Refunded', formatScreen(resolution.amount)],
			['From the bill', `${resolution.sourceFile}, line ${resolution.sourceLine}`],
		],
	},
	'zh-CN': {
		refusal: note => ({
			message:
				note === undefined
					? '已在本柜台之外退款,此处无需撤销'
					: `已于 ${formatDateTime(note.resolvedAt, note.timeZone)} 在${chinesePlace(note)}${chineseVerb[note.kind]},此处无需撤销`,
			advice: '款项已退回顾客;详情页(Enter)显示该笔退款',
		}),
		orderRows: sale => [
			...(sale.platformOrderNo === undefined ? [] : [['平台订单号', sale.platformOrderNo] as [string, string]]),
			...(sale.merchantOrderNo === undefined ? [] : [['商户订单号', sale.merchantOrderNo] as [string, string]]),
		],
		commandAdvice: '无需操作:款项已退回顾客(posvoid reconcile 会列出)',
		detailRows: (resolution, timeZone) => [
			['外部处理', `已在${chinesePlace(resolution)}${chineseVerb[resolution.kind]}`],
			['处理时间', formatDateTime(resolution.resolvedAt, timeZone)],
			['退款单号', resolution.resolutionNo ?? '—'],
			['退款金额', formatScreen(resolution.amount)],
			['来自账单', `${resolution.sourceFile} 第 ${resolution.sourceLine} 行`],
		],
	},
};
