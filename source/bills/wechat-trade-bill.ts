/*
 * WeChat Pay merchant trade bill (交易账单), bill_type ALL, as the download-bill API returns it.
 * Based on WeChat Pay's public descriptions: "下载账单" (pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter7_3_9.shtml:
 * a detail part and a summary part, each a header line and data lines, every data field prefixed with a
 * backtick "to keep Excel from reading it in scientific notation"), "申请交易账单" (pay.weixin.qq.com/doc/v3/
 * merchant/4012556654: amounts in yuan; a sale revoked after payment appears under its own order number),
 * WeCom's 交易账单申请 (developer.work.weixin.qq.com/document/path/98115: detail header, detail rows, summary
 * header, summary row), and the column names of the public SDKs' bill parsers (binarywang/WxJava
 * WxPayBillInfo / WxPayBillResult: 总交易单数, 总交易额, 总退款金额 in older bills). The column list is
 * issue 12's; older bills name 应结订单金额 总金额, 特约商户号 子商户号, and lack 订单金额, 申请退款金额, 费率备注.
 */
import {maskCard} from '../domain/card-mask.js';
import type {BillResolution, BillRow, BillSale} from './bill-row.js';
import type {LineSource} from './bill-lines.js';
import {type ColumnSpec, fieldOf, mapColumns} from './bill-columns.js';
import {
	columnKey,
	identifier,
	localTime,
	plainField,
	optionalFen,
	quoted,
	signedFen,
	splitCsv,
	totalFen,
} from './bill-fields.js';
import {type ReadOptions, type TableRead, type TableReader, TotalsCheck, findHeader} from './bill-reader.js';
import {tableRecords} from './bill-records.js';

const columns = {
	time: {name: '交易时间', required: true},
	appId: {name: '公众账号ID', required: false},
	merchantId: {name: '商户号', required: false},
	subMerchantId: {name: '特约商户号', aliases: ['子商户号'], required: false},
	deviceNo: {name: '设备号', required: false},
	platformOrderNo: {name: '微信订单号', required: true},
	merchantOrderNo: {name: '商户订单号', required: false},
	payer: {name: '用户标识', required: false},
	status: {name: '交易状态', required: true},
	currency: {name: '货币种类', required: false},
	settledAmount: {name: '应结订单金额', aliases: ['总金额'], required: true},
	refundNo: {name: '微信退款单号', required: false},
	merchantRefundNo: {name: '商户退款单号', required: false},
	refundAmount: {name: '退款金额', required: true},
	fee: {name: '手续费', required: false},
	orderAmount: {name: '订单金额', required: false},
} satisfies Record<string, ColumnSpec>;

type Column = keyof typeof columns;

const summaryColumns = {
	rowCount: {name: '总交易单数', required: true},
	saleAmount: {name: '应结订单总金额', aliases: ['总交易额'], required: false},
	refundAmount: {name: '退款总金额', aliases: ['总退款金额'], required: false},
	fee: {name: '手续费总金额', required: false},
} satisfies Record<string, ColumnSpec>;

const isHeader = (text: string) => {
	const keys = new Set((splitCsv(text) ?? []).map(name => columnKey(name)));
	return keys.has('交易时间') && keys.has('微信订单号') && keys.has('交易状态');
};

const isSummaryHeader = (text: string) =>
	text.includes('总交易单数') && columnKey(text.split(',', 1)[0] ?? '') === '总交易单数';

async function open(source: LineSource, options: ReadOptions): Promise<TableRead> {
	const title = 'a WeChat Pay trade bill (交易账单)';
	const header = await findHeader(source, options, {title, isHeader, columns: '交易时间, 微信订单号 and 交易状态'});
	const map = mapColumns(
		{file: options.file, formatName: 'WeChat Pay trade bill', line: header.line.number, names: header.fields},
		columns,
	);
	const widest = Math.max(...Object.values<number>(map.index));
	const check = new TotalsCheck();
	// Other readings of the summary's sums, accepted as matches too (see TotalsCheck.state).
	let settledAllRows = 0;
	let feeOfSales = 0;
	let summaryFound = false;
	const field = (fields: readonly string[], name: Column) => fieldOf(map, fields, name);

	function detail(fields: string[], line: number): BillRow {
		check.counted.rowCount++;
		if (fields.length <= widest) {
			return {
				kind: 'bad',
				line,
				reason: `the line has ${fields.length} fields where the header names ${header.fields.length}: it may be cut`,
			};
		}

		const status = plainField(field(fields, 'status')).toUpperCase();
		const time = localTime('交易时间', field(fields, 'time'), options.timeZone);
		const settled = signedFen('应结订单金额', field(fields, 'settledAmount'));
		const fee = optionalFen('手续费', field(fields, 'fee'));
		const platformOrderNo = identifier(field(fields, 'platformOrderNo'));
		const problems: string[] = [];
		for (const parsed of [time, settled, fee]) {
			if (!parsed.ok) {
				problems.push(parsed.reason);
			}
		}

		if (platformOrderNo === '') {
			problems.push('微信订单号 is empty: every row needs the order number WeChat Pay gave it');
		}

		if (!time.ok || !settled.ok || !fee.ok || problems.length > 0) {
			return {kind: 'bad', line, reason: problems.join('; ')};
		}

		settledAllRows += settled.value;
		check.counted.fee += fee.value;
		const merchantOrderNo = identifier(field(fields, 'merchantOrderNo')) || undefined;
		const refersTo = {platformOrderNo, ...(merchantOrderNo && {merchantOrderNo})};
		if (status === 'SUCCESS') {
			return sale(fields, line, {createdAt: time.value, settled: settled.value, fee: fee.value, platformOrderNo});
		}

		if (status === 'REFUND') {
			const refund = signedFen('退款金额', field(fields, 'refundAmount'));
			if (!refund.ok) {
				return {kind: 'bad', line, reason: refund.reason};
			}

			const amount = Math.abs(refund.value);
			if (amount === 0) {
				return {
					kind: 'bad',
					line,
					reason: '退款金额 is 0.00 on a REFUND row: the bill should say how much was refunded',
				};
			}

			check.counted.refundCount++;
			check.counted.refundAmount += amount;
			const resolutionNo = identifier(field(fields, 'refundNo')) || identifier(field(fields, 'merchantRefundNo'));
			const resolution: BillResolution = {
				kind: 'resolution',
				line,
				channel: 'wechat',
				resolution: 'refund',
				amount,
				createdAt: time.value,
				refersTo,
				...(resolutionNo && {resolutionNo}),
			};
			return resolution;
		}

		if (status === 'REVOKED') {
			const amount = orderAmount(fields, settled.value);
			return {
				kind: 'resolution',
				line,
				channel: 'wechat',
				resolution: 'revocation',
				amount,
				createdAt: time.value,
				refersTo,
			};
		}

		return {
			kind: 'bad',
			line,
			reason: `交易状态 "${quoted(status)}" is not SUCCESS, REFUND or REVOKED: posvoid reads only those rows of a type ALL bill`,
		};
	}

	function orderAmount(fields: readonly string[], settled: number): number {
		const order = map.index.orderAmount === undefined ? undefined : signedFen('订单金额', field(fields, 'orderAmount'));
		return order?.ok && order.value > 0 ? order.value : Math.abs(settled);
	}

	function sale(
		fields: string[],
		line: number,
		parsed: {createdAt: number; settled: number; fee: number; platformOrderNo: string},
	): BillRow {
		const amount = orderAmount(fields, parsed.settled);
		if (amount <= 0) {
			return {kind: 'bad', line, reason: '应结订单金额 is 0.00 on a SUCCESS row: a sale needs an amount'};
		}

		check.counted.saleCount++;
		check.counted.saleAmount += parsed.settled;
		feeOfSales += parsed.fee;
		const subMerchant = identifier(field(fields, 'subMerchantId'));
		const merchantId = subMerchant && subMerchant !== '0' ? subMerchant : identifier(field(fields, 'merchantId'));
		const terminalId = identifier(field(fields, 'deviceNo'));
		const merchantOrderNo = identifier(field(fields, 'merchantOrderNo'));
		const payer = plainField(field(fields, 'payer'));
		const currency = plainField(field(fields, 'currency')).toUpperCase() || options.currency;
		const row: BillSale = {
			kind: 'sale',
			line,
			channel: 'wechat',
			amount,
			fee: Math.abs(parsed.fee),
			currency,
			createdAt: parsed.createdAt,
			platformOrderNo: parsed.platformOrderNo,
			...(merchantId && {merchantId}),
			...(terminalId && {terminalId}),
			...(merchantOrderNo && {merchantOrderNo}),
			...(payer && {payerMasked: maskCard(payer)}),
		};
		return row;
	}

	function summary(fields: string[], names: string[], line: number) {
		const summaryMap = mapColumns(
			{file: options.file, formatName: 'WeChat Pay trade bill summary', line: line - 1, names},
			summaryColumns,
		);
		const figure = (name: keyof typeof summaryColumns) => fieldOf(summaryMap, fields, name);
		const count = Number(plainField(figure('rowCount')));
		check.state('rowCount', Number.isInteger(count) ? count : Number.NaN, line);
		for (const [name, alsoAccepted] of [
			['saleAmount', [settledAllRows]],
			['refundAmount', []],
			['fee', [feeOfSales]],
		] as const) {
			if (summaryMap.index[name] !== undefined) {
				check.state(name, totalFen(figure(name)), line, alsoAccepted);
			}
		}
	}

	async function* rows(): AsyncGenerator<BillRow> {
		for await (const record of tableRecords(source, isSummaryHeader)) {
			if (record.kind === 'record') {
				yield detail(record.fields, record.line);
			} else if (record.kind === 'unreadable') {
				check.counted.rowCount++;
				yield {kind: 'bad', line: record.line, reason: record.reason};
			} else {
				summaryFound = true;
				yield* afterDetails(splitCsv(record.line.text) ?? []);
			}
		}
	}

	async function* afterDetails(names: string[]): AsyncGenerator<BillRow> {
		let summaryRead = false;
		for (let line = await source.next(); line; line = await source.next()) {
			if (line.text.trim() === '') {
				continue;
			}

			if (summaryRead) {
				yield {kind: 'bad', line: line.number, reason: 'text after the summary row, where a WeChat Pay bill ends'};
				continue;
			}

			summaryRead = true;
			summary(splitCsv(line.text) ?? [], names, line.number);
		}

		if (!summaryRead) {
			summaryFound = false;
		}
	}

	return {
		columns: map.names,
		rows: rows(),
		totals: () => (check.seen ? check.stated : undefined),
		mismatches: () => check.mismatches,
		missingTotals: () => !summaryFound,
	};
}

export const wechatTradeBill: TableReader = {
	format: 'wechat',
	title: 'WeChat Pay trade bill (交易账单)',
	recognises: lines => lines.some(line => isHeader(line)),
	open,
};
