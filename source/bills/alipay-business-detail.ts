/*
 * Alipay business detail (业务明细), the `…_业务明细.csv` inside the bill zip that
 * alipay.data.dataservice.bill.downloadurl.query (bill_type trade) points to.
 * Based on the public descriptions: Alipay's open docs for that API (opendocs.alipay.com/apis/api_15/
 * alipay.data.dataservice.bill.downloadurl.query, 对账说明 opendocs.alipay.com/open/204/106262), Aliyun's
 * developer article 707638 (the CSV is "ANSI", i.e. GBK on Chinese Windows; fileType csv.zip), Juejin post
 * 7012168233289515022 (the 业务明细 file picked from the zip), and issue 12's layout: `#` lines above the
 * table (`#支付宝业务明细查询`, `#账号：[…]`, `#起始日期：[…]`, `#----…业务明细列表----`) and below it
 * (`#----…业务明细列表结束----`, `#交易合计：N笔，商家实收共X元，…`, `#退款合计：…`, `#导出时间：[…]`), column
 * names with full-width parentheses (订单金额（元）), fields padded with tabs, 业务类型 交易 for a sale and 退款
 * for a refund, which carries a negative amount.
 */
import {maskCard} from '../domain/card-mask.js';
import type {BillRow, BillSale} from './bill-row.js';
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
	platformOrderNo: {name: '支付宝交易号', required: true},
	merchantOrderNo: {name: '商户订单号', required: false},
	type: {name: '业务类型', required: true},
	createdAt: {name: '创建时间', required: true},
	completedAt: {name: '完成时间', required: false},
	operator: {name: '操作员', required: false},
	terminal: {name: '终端号', required: false},
	payer: {name: '对方账户', required: false},
	orderAmount: {name: '订单金额（元）', aliases: ['订单金额'], required: true},
	received: {name: '商家实收（元）', aliases: ['商家实收'], required: true},
	refundBatch: {name: '退款批次号/请求号', aliases: ['退款批次号'], required: false},
	fee: {name: '服务费（元）', aliases: ['服务费'], required: false},
} satisfies Record<string, ColumnSpec>;

type Column = keyof typeof columns;

const isHeader = (text: string) => {
	if (text.startsWith('#')) {
		return false;
	}

	const keys = new Set((splitCsv(text) ?? []).map(name => columnKey(name)));
	return keys.has('支付宝交易号') && keys.has('业务类型');
};

// `#交易合计：3笔，商家实收共75.00元，…` and `#退款合计：1笔，商家实收共-25.00元，…`, colons and commas of either width.
const footerPattern =
	/^#(?<kind>交易|退款)合计[:：]\s*(?<count>\d+)\s*笔[,，]\s*商家实收共\s*(?<amount>[-+]?[\d.]+)\s*元/;

async function open(source: LineSource, options: ReadOptions): Promise<TableRead> {
	const title = 'an Alipay business detail (业务明细)';
	const header = await findHeader(source, options, {title, isHeader, columns: '支付宝交易号 and 业务类型'});
	const map = mapColumns(
		{file: options.file, formatName: 'Alipay business detail', line: header.line.number, names: header.fields},
		columns,
	);
	const widest = Math.max(...Object.values<number>(map.index));
	const check = new TotalsCheck();
	const footers = new Set<string>();
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

		const type = plainField(field(fields, 'type'));
		const completed = plainField(field(fields, 'completedAt'));
		const time = completed
			? localTime('完成时间', completed, options.timeZone)
			: localTime('创建时间', field(fields, 'createdAt'), options.timeZone);
		const order = signedFen('订单金额（元）', field(fields, 'orderAmount'));
		const received = signedFen('商家实收（元）', field(fields, 'received'));
		const fee = optionalFen('服务费（元）', field(fields, 'fee'));
		const platformOrderNo = identifier(field(fields, 'platformOrderNo'));
		const problems = [time, order, received, fee].flatMap(parsed => (parsed.ok ? [] : [parsed.reason]));
		if (platformOrderNo === '') {
			problems.push('支付宝交易号 is empty: every row needs the trade number Alipay gave it');
		}

		if (!time.ok || !order.ok || !received.ok || !fee.ok || problems.length > 0) {
			return {kind: 'bad', line, reason: problems.join('; ')};
		}

		const merchantOrderNo = identifier(field(fields, 'merchantOrderNo'));
		if (type === '交易') {
			const amount = Math.abs(order.value);
			if (amount === 0) {
				return {kind: 'bad', line, reason: '订单金额（元） is 0.00 on a 交易 row: a sale needs an amount'};
			}

			check.counted.saleCount++;
			check.counted.saleAmount += received.value;
			check.counted.fee += fee.value;
			const operatorNo = identifier(field(fields, 'operator'));
			const terminalId = identifier(field(fields, 'terminal'));
			const payer = plainField(field(fields, 'payer'));
			const sale: BillSale = {
				kind: 'sale',
				line,
				channel: 'alipay',
				amount,
				fee: Math.abs(fee.value),
				currency: options.currency,
				createdAt: time.value,
				platformOrderNo,
				...(merchantOrderNo && {merchantOrderNo}),
				...(operatorNo && {operatorNo}),
				...(terminalId && {terminalId}),
				...(payer && {payerMasked: maskCard(payer)}),
			};
			return sale;
		}

		if (type === '退款') {
			return refund(line, {
				platformOrderNo,
				merchantOrderNo,
				order: order.value,
				received: received.value,
				createdAt: time.value,
				fields,
			});
		}

		return {
			kind: 'bad',
			line,
			reason: `业务类型 "${quoted(type)}" is neither 交易 (a sale) nor 退款 (a refund): posvoid reads only those`,
		};
	}

	type Refund = {
		platformOrderNo: string;
		merchantOrderNo: string;
		order: number;
		received: number;
		createdAt: number;
		fields: readonly string[];
	};

	/** A 退款 row: its 商家实收 is negative, the amount given back. */
	function refund(line: number, parsed: Refund): BillRow {
		const amount = Math.abs(parsed.received) || Math.abs(parsed.order);
		if (amount === 0) {
			return {
				kind: 'bad',
				line,
				reason: '商家实收（元） is 0.00 on a 退款 row: the bill should say how much was refunded',
			};
		}

		check.counted.refundCount++;
		check.counted.refundAmount += Math.abs(parsed.received);
		const resolutionNo = identifier(field(parsed.fields, 'refundBatch'));
		return {
			kind: 'resolution',
			line,
			channel: 'alipay',
			resolution: 'refund',
			amount,
			createdAt: parsed.createdAt,
			refersTo: {
				platformOrderNo: parsed.platformOrderNo,
				...(parsed.merchantOrderNo && {merchantOrderNo: parsed.merchantOrderNo}),
			},
			...(resolutionNo && {resolutionNo}),
		};
	}

	function footer(text: string, line: number) {
		const groups = footerPattern.exec(plainField(text))?.groups;
		if (!groups) {
			return;
		}

		const sale = groups['kind'] === '交易';
		footers.add(sale ? 'sale' : 'refund');
		const amount = totalFen(groups['amount'] ?? '');
		check.state(sale ? 'saleCount' : 'refundCount', Number(groups['count']), line);
		const stated = sale ? amount : Math.abs(amount);
		check.state(sale ? 'saleAmount' : 'refundAmount', stated, line);
	}

	async function* rows(): AsyncGenerator<BillRow> {
		for await (const record of tableRecords(source, text => text.startsWith('#'))) {
			if (record.kind === 'record') {
				yield detail(record.fields, record.line);
			} else if (record.kind === 'unreadable') {
				check.counted.rowCount++;
				yield {kind: 'bad', line: record.line, reason: record.reason};
			} else {
				footer(record.line.text, record.line.number);
				for (let line = await source.next(); line; line = await source.next()) {
					if (line.text.startsWith('#')) {
						footer(line.text, line.number);
					} else if (line.text.trim() !== '') {
						yield {kind: 'bad', line: line.number, reason: 'a table row below the # lines that end the table'};
					}
				}
			}
		}
	}

	return {
		columns: map.names,
		rows: rows(),
		totals: () => (check.seen ? check.stated : undefined),
		mismatches: () => check.mismatches,
		missingTotals: () => !footers.has('sale'),
	};
}

export const alipayBusinessDetail: TableReader = {
	format: 'alipay',
	title: 'Alipay business detail (业务明细)',
	recognises: lines => lines.some(line => line.startsWith('#支付宝') || isHeader(line)),
	open,
};
