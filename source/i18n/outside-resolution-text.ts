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
	/** The import's closing lines about refunds and voids it read. */
	importLines: (figures: {matched: number; unmatched: number; alreadyKnown: number}) => string[];
	/** One refund or void whose sale is unknown, reported after the import. */
	unmatchedLine: (line: number, kind: OutsideResolutionKind, refersTo: string, amount: string) => string;
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
		importLines({matched, unmatched, alreadyKnown}) {
			const lines = [`${matched} refunds or voids recorded against their sales`];
			if (alreadyKnown > 0) {
				lines.push(`${alreadyKnown} refunds or voids were already recorded: not added again`);
			}

			if (unmatched > 0) {
				lines.push(
					`${unmatched} refunds or voids refer to a sale this database does not have: kept unmatched for reconciliation (posvoid reconcile); import the bill of the sale's day`,
				);
			}

			return lines;
		},
		unmatchedLine: (line, kind, refersTo, amount) =>
			`line ${line}: ${kind} of ${amount} for sale ${refersTo}, which is not in this database: kept for reconciliation`,
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
		importLines({matched, unmatched, alreadyKnown}) {
			const lines = [`${matched} 笔退款或撤销已记到原交易`];
			if (alreadyKnown > 0) {
				lines.push(`${alreadyKnown} 笔退款或撤销早已记录,未重复添加`);
			}

			if (unmatched > 0) {
				lines.push(`${unmatched} 笔退款或撤销找不到原交易:已保留待对账(posvoid reconcile);请导入原交易当天的账单`);
			}

			return lines;
		},
		unmatchedLine: (line, kind, refersTo, amount) =>
			`第 ${line} 行:${chineseVerb[kind]} ${amount},原交易 ${refersTo} 不在本数据库中,已保留待对账`,
	},
};
