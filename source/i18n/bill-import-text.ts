import type {OutsideResolutionKind} from '../domain/outside-resolution.js';
import type {Language} from './language.js';

/** What `posvoid import` says besides its existing lines: what it read, what was there, QR repeats, refunds. */
type BillImportText = {
	/** Always said first: the format found (or forced) and how the bytes were decoded. */
	read: (format: string, encoding: string, forced: boolean) => string;
	/** Counts beyond the lines listed one by one. */
	alreadyThere: (already: number, repeated: number) => string;
	moreDuplicates: (more: number) => string;
	/** Bad lines beyond those listed one by one. */
	moreBadLines: (more: number) => string;
	/** A QR sale already imported, or repeated in the file. */
	orderDuplicate: (line: number, orderNo: string, firstLine: number | undefined) => string;
	qrBatch: (batch: string) => string;
	resolutions: (figures: {matched: number; unmatched: number; alreadyKnown: number}) => string[];
	unmatched: (line: number, kind: OutsideResolutionKind, refersTo: string, amount: string) => string;
	/** `--format` names a format posvoid cannot read yet. */
	unknownFormat: (format: string, known: string) => string;
};

// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the names a person reads
const encodingNames: Record<string, string> = {'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', gb18030: 'GBK/GB18030'};

export const billImportText: Record<Language, BillImportText> = {
	en: {
		read: (format, encoding, forced) =>
			`read ${format} (${forced ? 'as --format said' : 'recognised from the content'}), ${encodingNames[encoding] ?? encoding}`,
		alreadyThere: (already, repeated) =>
			`${already} rows were already in the database and ${repeated} repeated an earlier line: none imported twice`,
		moreDuplicates: more => `… and ${more} more duplicate lines`,
		moreBadLines: more =>
			`… and ${more} more bad lines (the first 10000 are listed): fix the file, or check it was exported for this counter`,
		orderDuplicate: (line, orderNo, firstLine) =>
			`line ${line}: order ${orderNo} ${firstLine === undefined ? 'is already in the database' : `repeats line ${firstLine}`}; not imported again`,
		qrBatch: batch => `QR sales joined the open batch ${batch} (they settle with it)`,
		resolutions({matched, unmatched, alreadyKnown}) {
			const lines = [`${matched} refunds or voids recorded against their sales (they cannot be voided here)`];
			if (alreadyKnown > 0) {
				lines.push(`${alreadyKnown} refunds or voids were already recorded: not added again`);
			}

			if (unmatched > 0) {
				lines.push(
					`${unmatched} refunds or voids refer to a sale this database does not have: kept unmatched for reconciliation; import the bill of the sale's day`,
				);
			}

			return lines;
		},
		unmatched: (line, kind, refersTo, amount) =>
			`line ${line}: ${kind} of ${amount} for sale ${refersTo}, which is not in this database: kept for reconciliation`,
		unknownFormat: (format, known) => `--format ${format} is not one of ${known}`,
	},
	'zh-CN': {
		read: (format, encoding, forced) =>
			`读取格式 ${format}(${forced ? '按 --format 指定' : '由内容识别'}),编码 ${encodingNames[encoding] ?? encoding}`,
		alreadyThere: (already, repeated) => `${already} 行已在数据库中,${repeated} 行与文件中前面的行重复:均未重复导入`,
		moreDuplicates: more => `…… 另有 ${more} 行重复`,
		moreBadLines: more => `…… 另有 ${more} 行有误(只列出前 10000 行):请修正文件,或确认它是本收银台导出的`,
		orderDuplicate: (line, orderNo, firstLine) =>
			`第 ${line} 行:订单 ${orderNo} ${firstLine === undefined ? '已在数据库中' : `与第 ${firstLine} 行重复`},未再次导入`,
		qrBatch: batch => `二维码交易已并入当前批次 ${batch}(随该批次结算)`,
		resolutions({matched, unmatched, alreadyKnown}) {
			const lines = [`${matched} 笔退款或撤销已记到原交易(这些交易不能在此撤销)`];
			if (alreadyKnown > 0) {
				lines.push(`${alreadyKnown} 笔退款或撤销早已记录,未重复添加`);
			}

			if (unmatched > 0) {
				lines.push(`${unmatched} 笔退款或撤销找不到原交易:已保留待对账;请导入原交易当天的账单`);
			}

			return lines;
		},
		unmatched: (line, kind, refersTo, amount) =>
			`第 ${line} 行:${kind} ${amount},原交易 ${refersTo} 不在本数据库中,已保留待对账`,
		unknownFormat: (format, known) => `--format ${format} 不是 ${known} 之一`,
	},
};
