import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';

/**
 * Writers of the three bill layouts from their public descriptions (see the comments atop
 * source/bills/*.ts), for fixtures and the property test: any columns in any order, rows as name → text.
 */
export type Table = {columns: readonly string[]; rows: ReadonlyArray<Partial<Record<string, string>>>};

export const wechatColumns = [
	'交易时间',
	'公众账号ID',
	'商户号',
	'特约商户号',
	'设备号',
	'微信订单号',
	'商户订单号',
	'用户标识',
	'交易类型',
	'交易状态',
	'付款银行',
	'货币种类',
	'应结订单金额',
	'代金券金额',
	'微信退款单号',
	'商户退款单号',
	'退款金额',
	'充值券退款金额',
	'退款类型',
	'退款状态',
	'商品名称',
	'商户数据包',
	'手续费',
	'费率',
	'订单金额',
	'申请退款金额',
	'费率备注',
] as const;

export const wechatSummaryColumns = [
	'总交易单数',
	'应结订单总金额',
	'退款总金额',
	'充值券退款总金额',
	'手续费总金额',
	'订单总金额',
	'申请退款总金额',
] as const;

/** Detail header, backticked detail rows, summary header, backticked summary row (CRLF, as WeChat Pay writes). */
export function wechatBill(table: Table, summary?: Record<string, string>, options: {bom?: boolean} = {}): string {
	const lines = [
		table.columns.join(','),
		...table.rows.map(row => table.columns.map(name => `\`${row[name] ?? ''}`).join(',')),
	];
	if (summary) {
		lines.push(wechatSummaryColumns.join(','), wechatSummaryColumns.map(name => `\`${summary[name] ?? ''}`).join(','));
	}

	return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

export const alipayColumns = [
	'支付宝交易号',
	'商户订单号',
	'业务类型',
	'商品名称',
	'创建时间',
	'完成时间',
	'门店编号',
	'门店名称',
	'操作员',
	'终端号',
	'对方账户',
	'订单金额（元）',
	'商家实收（元）',
	'支付宝红包（元）',
	'集分宝（元）',
	'支付宝优惠（元）',
	'商家优惠（元）',
	'券核销金额（元）',
	'券名称',
	'商家红包消费金额（元）',
	'卡消费金额（元）',
	'退款批次号/请求号',
	'服务费（元）',
	'分润（元）',
	'备注',
] as const;

export type AlipayFooter = {sales: number; received: string; refunds: number; refunded: string; fee?: string};

/** `#` lines, the header, tab-padded rows, `#` footer lines (CRLF). */
export function alipayBill(table: Table, footer?: AlipayFooter): string {
	const lines = [
		'#支付宝业务明细查询',
		'#账号：[20881234567890120156]',
		'#起始日期：[2026年11月25日 00:00:00]   终止日期：[2026年11月26日 00:00:00]',
		'#-----------------------------------------业务明细列表----------------------------------------',
		table.columns.join(','),
		...table.rows.map(row => table.columns.map(name => `${row[name] ?? ''}\t`).join(',')),
		'#-----------------------------------------业务明细列表结束------------------------------------',
	];
	if (footer) {
		lines.push(
			`#交易合计：${footer.sales}笔，商家实收共${footer.received}元，商家优惠共0.00元，服务费共${footer.fee ?? '0.00'}元`,
			`#退款合计：${footer.refunds}笔，商家实收共${footer.refunded}元，商家优惠共0.00元，服务费共0.00元`,
		);
	}

	lines.push('#导出时间：[2026年11月26日 09:12:33]');
	return lines.join('\r\n') + '\r\n';
}

export const acquirerColumns = [
	'商户号',
	'门店名',
	'终端号',
	'交易时间',
	'交易类型',
	'交易批次号',
	'凭证号',
	'参考号',
	'卡号',
	'卡类别',
	'交易金额',
	'手续费',
	'结算金额',
	'原凭证号',
	'原参考号',
] as const;

const csvField = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A title line, the header, the rows (quoted where needed). */
export function acquirerExport(table: Table, options: {title?: boolean} = {}): string {
	const lines = [
		...(options.title === false ? [] : ['交易明细查询结果']),
		table.columns.map(name => csvField(name)).join(','),
		...table.rows.map(row => table.columns.map(name => csvField(row[name] ?? '')).join(',')),
	];
	return lines.join('\r\n') + '\r\n';
}

/** Writes `text` to `folder/name` in UTF-8 or as GBK bytes (GB18030 is a superset: GBK text reads the same). */
export function writeBill(folder: string, name: string, text: string, encoding: 'utf8' | 'gbk' = 'utf8'): string {
	const file = path.join(folder, name);
	fs.writeFileSync(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
	return file;
}
