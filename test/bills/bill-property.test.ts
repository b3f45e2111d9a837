import assert from 'node:assert/strict';
import test from 'ava';
import fc from 'fast-check';
import type {BillRow, OpenedBill} from '../../source/bills/bill-row.js';
import {openBill} from '../../source/bills/open-bill.js';
import {tempFolder} from '../helpers/temp-db.js';
import {
	acquirerColumns,
	acquirerExport,
	alipayBill,
	alipayColumns,
	wechatBill,
	wechatColumns,
	writeBill,
} from './bill-writers.js';

/*
 * Bills of random rows, with random extra columns in a random order and card numbers in free text, written in
 * the format and encoding, read back: the same rows, and no card number anywhere in what the reader yields.
 * The oracle below is written apart from source/bills so that the test does not grade the code by itself.
 */

const timeZone = 'Asia/Shanghai';
const options = {timeZone, currency: 'CNY'};

function luhn(digits: string): boolean {
	let sum = 0;
	for (let index = 0; index < digits.length; index++) {
		let digit = Number(digits[digits.length - 1 - index]);
		if (index % 2 === 1) {
			digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
		}

		sum += digit;
	}

	return sum % 10 === 0;
}

/** A card number: 13 to 19 digits, the last one the Luhn check digit. */
const cardNumber = fc.stringMatching(/^[2-6]\d{11,17}$/).map(body => {
	const check = [...'0123456789'].find(digit => luhn(body + digit))!;
	return body + check;
});

/** Every run of 13 to 19 digits (whatever separates them) that passes Luhn, in any string a row holds. */
function cardNumbersIn(rows: readonly BillRow[]): string[] {
	const found: string[] = [];
	const visit = (value: unknown) => {
		if (typeof value === 'string') {
			for (const run of value.normalize('NFKC').match(/\d(?:[^\p{L}\p{N}]*\d)*/gu) ?? []) {
				const digits = run.replaceAll(/\D/g, '');
				if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) {
					found.push(run);
				}
			}
		} else if (value && typeof value === 'object') {
			for (const inner of Object.values(value)) {
				visit(inner);
			}
		}
	};

	visit(rows);
	return found;
}

/** What the reader should make of an identifier: a run that could be a card number shows first 6 and last 4. */
const expectedId = (id: string) =>
	id.replaceAll(/\d{13,19}/g, run => (luhn(run) ? run.slice(0, 6) + '*'.repeat(run.length - 10) + run.slice(-4) : run));

async function readAll(bill: OpenedBill): Promise<BillRow[]> {
	const rows: BillRow[] = [];
	for await (const row of bill.rows) {
		rows.push(row);
	}

	return rows;
}

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const separator = fc.constantFrom('', ' ', '-', '  ');
const freeTextWithCard = fc
	.tuple(fc.constantFrom('会员', '卡号', 'note', ''), cardNumber, separator)
	.map(([word, card, between]) => `${word}${card.match(/.{1,4}/g)!.join(between)}尾`);
const extraColumns = fc.uniqueArray(fc.constantFrom('扩展字段1', '扩展字段2', '门店备注', 'extra'), {maxLength: 3});

const sale = fc.record({
	orderNo: fc.stringMatching(/^42\d{26}$/),
	merchantOrderNo: fc.stringMatching(/^M\d{8,17}$/),
	amount: fc.integer({min: 1, max: 9_999_999}),
	fee: fc.integer({min: 0, max: 500}),
	minute: fc.integer({min: 0, max: 24 * 60 - 1}),
	text: freeTextWithCard,
	refunded: fc.boolean(),
});

const at = (minute: number) =>
	`2026-11-25 ${String(Math.trunc(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:07`;
const epoch = (minute: number) => Date.parse(`${at(minute).replace(' ', 'T')}+08:00`);

function ordered(columns: readonly string[], extras: readonly string[], keys: readonly number[]): string[] {
	const all = [...columns, ...extras];
	return all
		.map((name, index) => ({name, key: keys[index % keys.length] ?? index}))
		.toSorted((a, b) => a.key - b.key)
		.map(({name}) => name);
}

const order = fc.array(fc.integer(), {minLength: 1, maxLength: 40});

test('WeChat Pay bills of random rows read back the same, with no card number in what is yielded', async t => {
	const folder = tempFolder(t);
	let run = 0;
	t.plan(1);
	await fc.assert(
		fc.asyncProperty(
			fc.array(sale, {minLength: 1, maxLength: 12}),
			extraColumns,
			order,
			fc.boolean(),
			async (sales, extras, keys, bom) => {
				const columns = ordered(wechatColumns, extras, keys);
				const rows = sales.flatMap(item => {
					const base = {
						交易时间: at(item.minute),
						微信订单号: item.orderNo,
						商户订单号: item.merchantOrderNo,
						商品名称: item.text,
						货币种类: 'CNY',
					};
					const extra = Object.fromEntries(extras.map(name => [name, item.text]));
					const saleRow = {
						...base,
						...extra,
						交易状态: 'SUCCESS',
						应结订单金额: yuan(item.amount),
						订单金额: yuan(item.amount),
						退款金额: '0.00',
						手续费: yuan(item.fee),
					};
					const refund = {
						...base,
						...extra,
						交易状态: 'REFUND',
						应结订单金额: '0.00',
						退款金额: yuan(item.amount),
						微信退款单号: `503${item.orderNo}`,
						手续费: `-${yuan(item.fee)}`,
					};
					return item.refunded ? [saleRow, refund] : [saleRow];
				});
				const refunds = sales.filter(item => item.refunded);
				const summary = {
					总交易单数: String(rows.length),
					应结订单总金额: yuan(sales.reduce((sum, item) => sum + item.amount, 0)),
					退款总金额: yuan(refunds.reduce((sum, item) => sum + item.amount, 0)),
					手续费总金额: yuan(sales.filter(item => !item.refunded).reduce((sum, item) => sum + item.fee, 0)),
				};
				const file = writeBill(folder, `w${run++}.csv`, wechatBill({columns, rows}, summary, {bom}));
				const bill = await openBill(file, options);
				const read = await readAll(bill);

				const expected = sales.flatMap(item => {
					const saleRow = {
						kind: 'sale',
						amount: item.amount,
						fee: item.fee,
						createdAt: epoch(item.minute),
						platformOrderNo: item.orderNo,
						merchantOrderNo: expectedId(item.merchantOrderNo),
					};
					const refund = {
						kind: 'resolution',
						amount: item.amount,
						resolutionNo: `503${item.orderNo}`,
						platformOrderNo: item.orderNo,
					};
					return item.refunded ? [saleRow, refund] : [saleRow];
				});
				assert.deepEqual(
					read.map(row =>
						row.kind === 'sale'
							? {
									kind: row.kind,
									amount: row.amount,
									fee: row.fee,
									createdAt: row.createdAt,
									platformOrderNo: row.platformOrderNo,
									merchantOrderNo: row.merchantOrderNo,
								}
							: row.kind === 'resolution'
								? {
										kind: row.kind,
										amount: row.amount,
										resolutionNo: row.resolutionNo,
										platformOrderNo: row.refersTo.platformOrderNo,
									}
								: row,
					),
					expected,
				);
				assert.deepEqual(bill.mismatches(), []);
				// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the BillEncoding names
				assert.equal(bill.encoding, bom ? 'utf-8-bom' : 'utf-8');
				assert.deepEqual(cardNumbersIn(read), []);
			},
		),
		{numRuns: 40},
	);
	t.pass('every generated bill read back the same');
});

test('Alipay business details in GBK of random rows read back the same, with no card number in what is yielded', async t => {
	const folder = tempFolder(t);
	let run = 0;
	t.plan(1);
	await fc.assert(
		fc.asyncProperty(
			fc.array(sale, {minLength: 1, maxLength: 12}),
			extraColumns,
			order,
			async (sales, extras, keys) => {
				const columns = ordered(alipayColumns, extras, keys);
				const rows = sales.flatMap(item => {
					const base = {
						支付宝交易号: item.orderNo.replace(/^42/, '20'),
						商户订单号: item.merchantOrderNo,
						商品名称: item.text,
						备注: item.text,
						创建时间: at(item.minute),
						完成时间: at(item.minute),
						对方账户: 'lin***@163.com',
						'订单金额（元）': yuan(item.amount),
						...Object.fromEntries(extras.map(name => [name, item.text])),
					};
					const saleRow = {
						...base,
						业务类型: '交易',
						'商家实收（元）': yuan(item.amount),
						'服务费（元）': `-${yuan(item.fee)}`,
					};
					const refund = {
						...base,
						业务类型: '退款',
						'商家实收（元）': `-${yuan(item.amount)}`,
						'退款批次号/请求号': `RF${item.merchantOrderNo}`,
					};
					return item.refunded ? [saleRow, refund] : [saleRow];
				});
				const refunds = sales.filter(item => item.refunded);
				const footer = {
					sales: sales.length,
					received: yuan(sales.reduce((sum, item) => sum + item.amount, 0)),
					refunds: refunds.length,
					refunded: `-${yuan(refunds.reduce((sum, item) => sum + item.amount, 0))}`,
				};
				const bill = await openBill(
					writeBill(folder, `a${run++}.csv`, alipayBill({columns, rows}, footer), 'gbk'),
					options,
				);
				const read = await readAll(bill);

				assert.equal(bill.encoding, 'gb18030');
				assert.deepEqual(bill.mismatches(), []);
				assert.deepEqual(
					read.map(row =>
						row.kind === 'sale'
							? [row.kind, row.amount, row.fee, row.createdAt, row.merchantOrderNo]
							: row.kind === 'resolution'
								? [row.kind, row.amount, row.refersTo.platformOrderNo]
								: row,
					),
					sales.flatMap(item => {
						const saleRow = ['sale', item.amount, item.fee, epoch(item.minute), expectedId(item.merchantOrderNo)];
						const refund = ['resolution', item.amount, item.orderNo.replace(/^42/, '20')];
						return item.refunded ? [saleRow, refund] : [saleRow];
					}),
				);
				assert.deepEqual(cardNumbersIn(read), []);
			},
		),
		{numRuns: 40},
	);
	t.pass('every generated bill read back the same');
});

test('acquirer exports of random card rows read back the same in GBK or UTF-8, every card number masked', async t => {
	const folder = tempFolder(t);
	let run = 0;
	const cardSale = fc.record({
		card: cardNumber,
		kind: fc.constantFrom('借记卡', '贷记卡', '信用卡'),
		amount: fc.integer({min: 1, max: 9_999_999}),
		minute: fc.integer({min: 0, max: 24 * 60 - 1}),
		text: freeTextWithCard,
	});
	t.plan(1);
	await fc.assert(
		fc.asyncProperty(
			fc.array(cardSale, {minLength: 1, maxLength: 12}),
			extraColumns,
			order,
			fc.constantFrom('gbk', 'utf8'),
			async (sales, extras, keys, encoding) => {
				const columns = ordered([...acquirerColumns, '备注'], extras, keys);
				const rows = sales.map((item, index) => ({
					商户号: '898440358120011',
					终端号: '10293847',
					交易时间: at(item.minute),
					交易类型: '消费',
					交易批次号: '12',
					凭证号: String(index + 1),
					参考号: `1125${String(index + 1).padStart(8, '0')}`,
					卡号: item.card,
					卡类别: item.kind,
					交易金额: yuan(item.amount),
					备注: item.text,
					...Object.fromEntries(extras.map(name => [name, item.text])),
				}));
				const bill = await openBill(
					writeBill(folder, `c${run++}.csv`, acquirerExport({columns, rows}), encoding),
					options,
				);
				const read = await readAll(bill);

				assert.deepEqual(
					read.map(row =>
						row.kind === 'sale'
							? [row.channel, row.amount, row.createdAt, row.voucherNo, row.batchNo, row.cardMasked]
							: row,
					),
					sales.map((item, index) => [
						item.kind === '借记卡' ? 'debit' : 'credit',
						item.amount,
						epoch(item.minute),
						String(index + 1).padStart(6, '0'),
						'000012',
						item.card.slice(0, 6) + '*'.repeat(item.card.length - 10) + item.card.slice(-4),
					]),
				);
				assert.deepEqual(cardNumbersIn(read), []);
			},
		),
		{numRuns: 40},
	);
	t.pass('every generated bill read back the same');
});
