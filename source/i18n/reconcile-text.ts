import type {ReconcileKind} from '../domain/reconcile-kind.js';
import type {Language} from './language.js';

/** What `posvoid reconcile` and the X report say about a reconciliation. */
export type ReconcileText = {
	/** Each kind of unmatched line, as the table's first column names it. */
	kinds: Record<ReconcileKind, string>;
	/** Said first for each bill: the file, its format and encoding, and how many rows it had. */
	read: (file: string, format: string, encoding: string, rows: number) => string;
	scope: (days: string, channels: string) => string;
	columns: {kind: string; channel: string; time: string; key: string; posvoid: string; bill: string; where: string};
	allMatched: (matched: number) => string;
	unmatched: (unmatched: number, matched: number) => string;
	csvWritten: (file: string, lines: number) => string;
	printed: string;
	notPrinted: (message: string, advice: string) => string;
	needsFile: string;
	/** The X report's line. */
	last: (unmatched: number, at: string) => string;
};

// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the names a person reads
const encodingNames: Record<string, string> = {'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', gb18030: 'GBK/GB18030'};

export const reconcileText: Record<Language, ReconcileText> = {
	en: {
		kinds: {
			'missing-here': 'sale not in posvoid',
			'missing-in-bill': 'sale not in the bill',
			'void-not-seen': 'void not yet seen at the platform',
			'refunded-outside': 'refunded outside this counter',
			'amount-mismatch': 'amount differs',
			'fee-mismatch': 'fee differs',
			'bad-line': 'bad line in the bill',
		},
		read: (file, format, encoding, rows) =>
			`read ${file}: ${format}, ${encodingNames[encoding] ?? encoding}, ${rows} rows`,
		scope: (days, channels) => `compared days ${days || 'none'} for ${channels || 'no channel'}`,
		columns: {
			kind: 'what',
			channel: 'channel',
			time: 'time',
			key: 'sale (→ refund/void)',
			posvoid: 'posvoid',
			bill: 'bill',
			where: 'bill line',
		},
		allMatched: matched => `all matched: ${matched} sales agree with the bills`,
		unmatched: (unmatched, matched) =>
			`${unmatched} unmatched, ${matched} sales matched: check each line above with the platform or the back office`,
		csvWritten: (file, lines) => `wrote ${lines} lines to ${file}`,
		printed: 'reconciliation slip printed',
		notPrinted: (message, advice) => `the reconciliation slip did not print: ${message}. ${advice}`,
		needsFile: 'posvoid reconcile needs the bill files: posvoid reconcile FILE... (see posvoid reconcile --help)',
		last: (unmatched, at) =>
			unmatched === 0 ? `last reconciliation ${at}: all matched` : `last reconciliation ${at}: ${unmatched} unmatched`,
	},
	'zh-CN': {
		kinds: {
			'missing-here': 'posvoid 无此交易',
			'missing-in-bill': '账单无此交易',
			'void-not-seen': '撤销未见于平台',
			'refunded-outside': '已在本收银台外退款',
			'amount-mismatch': '金额不符',
			'fee-mismatch': '手续费不符',
			'bad-line': '账单行无法读取',
		},
		read: (file, format, encoding, rows) =>
			`已读取 ${file}:${format},${encodingNames[encoding] ?? encoding},${rows} 行`,
		scope: (days, channels) => `对账日期 ${days || '无'},渠道 ${channels || '无'}`,
		columns: {
			kind: '类别',
			channel: '渠道',
			time: '时间',
			key: '交易(→ 退款/撤销)',
			posvoid: 'posvoid',
			bill: '账单',
			where: '账单行',
		},
		allMatched: matched => `全部相符:${matched} 笔交易与账单一致`,
		unmatched: (unmatched, matched) => `${unmatched} 项不符,${matched} 笔相符:请逐项与平台或后台核对`,
		csvWritten: (file, lines) => `已写入 ${lines} 行到 ${file}`,
		printed: '对账单已打印',
		notPrinted: (message, advice) => `对账单未打印:${message}。${advice}`,
		needsFile: 'posvoid reconcile 需要账单文件:posvoid reconcile FILE...(见 posvoid reconcile --help)',
		last: (unmatched, at) => (unmatched === 0 ? `上次对账 ${at}:全部相符` : `上次对账 ${at}:${unmatched} 项不符`),
	},
};
