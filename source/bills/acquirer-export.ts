/*
 * A card acquirer's transaction export (交易明细), as acquirer and aggregator merchant portals let a back
 * office download it, in GBK or UTF-8. No acquirer publishes one standard file; this reader follows the
 * column names those portals use, as issue 12 lists them (商户号, 门店名, 终端号, 交易时间, 交易类型, 交易批次号,
 * 凭证号, 参考号, 卡号, 卡类别, 交易金额, 手续费, 结算金额, and where present 原凭证号 / 原参考号), the same names in
 * a merchant portal's export mapping (ycj24k/wxq-crm-ui, src/pages/Business/BusinessTransaction/DownHeader.tsx:
 * 商户号 门店名 终端号 交易时间 交易类型 交易批次号 凭证号 参考号 卡号 卡类别 交易金额 手续费 结算金额, also 交易日期),
 * and UnionPay's file fields for the originals (原始交易的系统跟踪号: the 原凭证号). 交易类型 消费 is a sale; 消费撤销
 * (a same-batch void) and 退货 (a return) name their sale by 原凭证号 or 原参考号 in the same terminal and batch.
 *
 * The channel comes from 卡类别: a value naming 借记 (借记卡) is debit; one naming 贷记 or 信用 (贷记卡, 准贷记卡,
 * 信用卡) is credit; anything else (预付卡, an empty field) is a bad line, since the channel decides the void
 * rules and fees and posvoid does not guess it.
 */
import {maskCard} from '../domain/card-mask.js';
import type {Channel} from '../domain/transaction.js';
import type {BillRow, BillSale} from './bill-row.js';
import type {LineSource} from './bill-lines.js';
import {type ColumnSpec, fieldOf, mapColumns} from './bill-columns.js';
import {columnKey, identifier, localTime, plainField, optionalFen, quoted, signedFen, splitCsv} from './bill-fields.js';
import {type ReadOptions, type TableRead, type TableReader, TotalsCheck, findHeader} from './bill-reader.js';
import {tableRecords} from './bill-records.js';

const columns = {
	merchantId: {name: '商户号', aliases: ['商户编号'], required: false},
	store: {name: '门店名', required: false},
	terminalId: {name: '终端号', aliases: ['终端编号'], required: true},
	time: {name: '交易时间', required: true},
	date: {name: '交易日期', required: false},
	type: {name: '交易类型', required: true},
	batchNo: {name: '交易批次号', aliases: ['批次号'], required: true},
	voucherNo: {name: '凭证号', required: true},
	referenceNo: {name: '参考号', aliases: ['系统参考号'], required: true},
	authCode: {name: '授权码', required: false},
	card: {name: '卡号', required: true},
	cardKind: {name: '卡类别', aliases: ['卡类型'], required: true},
	amount: {name: '交易金额', required: true},
	fee: {name: '手续费', required: false},
	originalVoucherNo: {name: '原凭证号', required: false},
	originalReferenceNo: {name: '原参考号', required: false},
} satisfies Record<string, ColumnSpec>;

type Column = keyof typeof columns;

const isHeader = (text: string) => {
	const keys = new Set((splitCsv(text) ?? []).map(name => columnKey(name)));
	return keys.has('凭证号') && keys.has('参考号') && keys.has('交易类型');
};

/** A totals line some portals add under the table. */
const isTotalsLine = (text: string) => /^[\s`"]*(?:合计|总计)/.test(text);

function channelOf(kind: string): Channel | undefined {
	if (kind.includes('借记')) {
		return 'debit';
	}

	return kind.includes('贷记') || kind.includes('信用') ? 'credit' : undefined;
}

/** Six digits, as the terminal prints a voucher or batch; spreadsheets drop the leading zeros. */
function sixDigits(label: string, raw: string): {ok: true; value: string} | {ok: false; reason: string} {
	const text = plainField(raw);
	return /^\d{1,6}$/.test(text)
		? {ok: true, value: text.padStart(6, '0')}
		: {ok: false, reason: `${label} "${quoted(text)}" is not a number of up to 6 digits, such as 000123`};
}

async function open(source: LineSource, options: ReadOptions): Promise<TableRead> {
	const title = 'a card acquirer export';
	const header = await findHeader(source, options, {title, isHeader, columns: '凭证号, 参考号 and 交易类型'});
	const map = mapColumns(
		{file: options.file, formatName: 'card acquirer export', line: header.line.number, names: header.fields},
		columns,
	);
	const widest = Math.max(...Object.values<number>(map.index));
	const check = new TotalsCheck();
	const field = (fields: readonly string[], name: Column) => fieldOf(map, fields, name);

	function when(fields: readonly string[]) {
		const time = plainField(field(fields, 'time'));
		const date = plainField(field(fields, 'date'));
		// Some portals split the two: 交易日期 20261125, 交易时间 100327.
		const joined = date && /^\d{1,2}(?::?\d{2}){2}$/.test(time) ? `${date} ${time}` : time;
		return localTime('交易时间', joined, options.timeZone);
	}

	function detail(fields: string[], line: number): BillRow {
		check.counted.rowCount++;
		if (fields.length <= widest) {
			return {
				kind: 'bad',
				line,
				reason: `the line has ${fields.length} fields where the header names ${header.fields.length}: it may be cut`,
			};
		}

		const type = plainField(field(fields, 'type'));
		const time = when(fields);
		const amount = signedFen('交易金额', field(fields, 'amount'));
		const fee = optionalFen('手续费', field(fields, 'fee'));
		const voucher = sixDigits('凭证号', field(fields, 'voucherNo'));
		const batch = sixDigits('交易批次号', field(fields, 'batchNo'));
		const referenceNo = identifier(field(fields, 'referenceNo'));
		const terminalId = identifier(field(fields, 'terminalId'));
		const problems = [time, amount, fee, voucher, batch].flatMap(parsed => (parsed.ok ? [] : [parsed.reason]));
		if (terminalId === '') {
			problems.push('终端号 is empty: a card row needs its terminal');
		}

		if (!time.ok || !amount.ok || !fee.ok || !voucher.ok || !batch.ok || problems.length > 0) {
			return {kind: 'bad', line, reason: problems.join('; ')};
		}

		const value = Math.abs(amount.value);
		if (value === 0) {
			return {kind: 'bad', line, reason: '交易金额 is 0.00: a card row needs an amount'};
		}

		if (type === '消费') {
			const kind = plainField(field(fields, 'cardKind'));
			const channel = channelOf(kind);
			if (!channel) {
				return {
					kind: 'bad',
					line,
					reason: `卡类别 "${quoted(kind)}" is neither 借记卡 (debit) nor 贷记卡/信用卡 (credit): posvoid does not guess a card's channel`,
				};
			}

			check.counted.saleCount++;
			check.counted.saleAmount += value;
			check.counted.fee += fee.value;
			const merchantId = identifier(field(fields, 'merchantId'));
			const authCode = identifier(field(fields, 'authCode'));
			const sale: BillSale = {
				kind: 'sale',
				line,
				channel,
				amount: value,
				fee: Math.abs(fee.value),
				currency: options.currency,
				createdAt: time.value,
				terminalId,
				batchNo: batch.value,
				voucherNo: voucher.value,
				cardMasked: maskCard(plainField(field(fields, 'card'))),
				...(referenceNo && {referenceNo}),
				...(merchantId && {merchantId}),
				...(authCode && {authCode}),
			};
			return sale;
		}

		if (type === '消费撤销' || type === '退货') {
			return undoing(fields, line, {
				type,
				value,
				terminalId,
				batchNo: batch.value,
				voucherNo: voucher.value,
				createdAt: time.value,
			});
		}

		return {
			kind: 'bad',
			line,
			reason: `交易类型 "${quoted(type)}" is not 消费, 消费撤销 or 退货: posvoid reads only sales, voids and returns`,
		};
	}

	type Undone = {
		type: string;
		value: number;
		terminalId: string;
		batchNo: string;
		voucherNo: string;
		createdAt: number;
	};

	/** A 消费撤销 or 退货 row: what it gives back and which sale it names. */
	function undoing(fields: readonly string[], line: number, undone: Undone): BillRow {
		const originalVoucher = plainField(field(fields, 'originalVoucherNo'));
		const originalReferenceNo = identifier(field(fields, 'originalReferenceNo'));
		const original = originalVoucher ? sixDigits('原凭证号', originalVoucher) : undefined;
		if (original && !original.ok) {
			return {kind: 'bad', line, reason: original.reason};
		}

		if (!original && !originalReferenceNo) {
			return {
				kind: 'bad',
				line,
				reason: `a ${undone.type} row without 原凭证号 or 原参考号: posvoid cannot tell which sale it undoes`,
			};
		}

		check.counted.refundCount++;
		check.counted.refundAmount += undone.value;
		return {
			kind: 'resolution',
			line,
			channel: channelOf(plainField(field(fields, 'cardKind'))) ?? 'debit',
			resolution: undone.type === '消费撤销' ? 'card-void' : 'card-return',
			amount: undone.value,
			createdAt: undone.createdAt,
			resolutionNo: undone.voucherNo,
			refersTo: {
				terminalId: undone.terminalId,
				batchNo: undone.batchNo,
				...(original && {originalVoucherNo: original.value}),
				...(originalReferenceNo && {originalReferenceNo}),
			},
		};
	}

	async function* rows(): AsyncGenerator<BillRow> {
		for await (const record of tableRecords(source, isTotalsLine)) {
			if (record.kind === 'record') {
				yield detail(record.fields, record.line);
			} else if (record.kind === 'unreadable') {
				check.counted.rowCount++;
				yield {kind: 'bad', line: record.line, reason: record.reason};
			}
			// A totals line ends the table; its layout differs from portal to portal, so it is not checked.
		}
	}

	return {
		columns: map.names,
		rows: rows(),
		totals: () => undefined,
		mismatches: () => check.mismatches,
		missingTotals: () => false,
	};
}

export const acquirerExport: TableReader = {
	format: 'acquirer',
	title: 'card acquirer export',
	recognises: lines => lines.some(line => isHeader(line)),
	open,
};
