import type {Language} from './language.js';

/** What `posvoid void` and `posvoid reprint` say about a sale named by its QR order number. */
type OrderLookupText = {
	needsNumber: string;
	noSuchSale: (typed: string, terminalId: string) => string;
	ambiguous: (typed: string, list: string) => string;
	candidate: (name: string, time: string, amount: string, batchNo: string) => string;
	noVoidOfSale: (typed: string) => string;
};

export const orderLookupText: Record<Language, OrderLookupText> = {
	en: {
		needsNumber:
			"name the sale: its voucher (up to 6 digits), or a QR sale's order number, whole or its last 6 digits; such as posvoid void 000123 --operator 01",
		noSuchSale: (typed, terminalId) =>
			`no sale of terminal ${terminalId} has voucher ${typed} or an order number ending ${typed}: check the number on the receipt or the bill`,
		ambiguous: (typed, list) =>
			`${typed} names more than one sale; type the whole order number, or the voucher with --batch N:\n${list}`,
		candidate: (name, time, amount, batchNo) => `  ${name}  ${time}  ${amount}  batch ${batchNo}`,
		noVoidOfSale: typed => `the sale ${typed} has not been voided here: there is no slip to reprint`,
	},
	'zh-CN': {
		needsNumber:
			'请指明交易:凭证号(最多 6 位),或二维码交易的订单号(完整或末 6 位);例如 posvoid void 000123 --operator 01',
		noSuchSale: (typed, terminalId) =>
			`终端 ${terminalId} 没有凭证号为 ${typed} 或订单号以 ${typed} 结尾的交易:请核对小票或账单上的号码`,
		ambiguous: (typed, list) => `${typed} 对应不止一笔交易;请输入完整订单号,或凭证号加 --batch N:\n${list}`,
		candidate: (name, time, amount, batchNo) => `  ${name}  ${time}  ${amount}  批次 ${batchNo}`,
		noVoidOfSale: typed => `交易 ${typed} 未在此撤销,没有可重打印的撤销单`,
	},
};
