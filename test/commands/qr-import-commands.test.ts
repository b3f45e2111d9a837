import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type {BillRow} from '../../source/bills/bill-row.js';
import {defaultConfig} from '../../source/config.js';
import {importBill} from '../../source/services/import-service.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {openStore} from '../../source/store/store.js';
import {runCli} from '../helpers/cli.js';
import {counterDatabase} from '../helpers/counter-database.js';
import {testClock} from '../helpers/test-clock.js';

/** Puts a WeChat Pay sale (and, when asked, its refund) into the counter's database as a bill import would. */
async function addWechatSale(db: string, platformOrderNo: string, refunded: boolean): Promise<void> {
	const store = openStore(db);
	const context = createServiceContext(store, {...defaultConfig(), database: db}, {now: testClock});
	const sale: BillRow = {
		kind: 'sale',
		line: 2,
		channel: 'wechat',
		amount: 3200,
		fee: 19,
		currency: 'CNY',
		createdAt: testClock() - 120_000,
		platformOrderNo,
		merchantOrderNo: `M${platformOrderNo.slice(-10)}`,
		payerMasked: 'oUp***9aX2',
	};
	const refund: BillRow = {
		kind: 'resolution',
		line: 3,
		channel: 'wechat',
		resolution: 'refund',
		amount: 3200,
		createdAt: Date.parse('2026-11-25T17:05:00+08:00'),
		resolutionNo: '50300000012026112500000001',
		refersTo: {platformOrderNo},
	};
	const rows = refunded ? [sale, refund] : [sale];
	await importBill(
		context,
		{
			format: 'wechat',
			// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the bill contract's name
			encoding: 'utf-8',
			columns: [],
			rows: (async function* () {
				yield* rows;
			})(),
			totals: () => undefined,
			mismatches: () => [],
			missingTotals: () => false,
			progress: () => ({bytesRead: 0}),
		},
		'wechat-20261125.csv',
	);
	store.close();
}

test('posvoid import of a posvoid CSV still imports, says what it read, and a second run imports nothing twice', async t => {
	const {directory, db} = await counterDatabase([]);
	const file = path.join(directory, 'sales.csv');
	const header =
		'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';
	fs.writeFileSync(
		file,
		`\uFEFF${header}\r\n000701,261125000701,A1B2C3,000001,20000001,898440358120011,debit,6228480000000018,12.50,CNY,2026-11-25T09:00:00+08:00,01\r\n`,
	);
	const first = await runCli(['import', file, '--db', db, '--lang', 'en']);
	t.is(first.code, 0, first.stderr);
	t.regex(first.stdout, /imported 1 of 1 lines/);
	t.regex(first.stderr, /read csv \(recognised from the content\), UTF-8 with BOM/);
	const again = await runCli(['import', file, '--db', db, '--lang', 'en', '--format', 'posvoid']);
	t.is(again.code, 0, again.stderr);
	t.regex(again.stdout, /imported 0 of 1 lines/);
	t.regex(again.stderr, /read csv \(as --format said\)/);
	t.regex(again.stderr, /1 rows were already in the database and 0 repeated an earlier line: none imported twice/);
	const unknown = await runCli(['import', file, '--db', db, '--lang', 'en', '--format', 'paypal']);
	t.is(unknown.code, 1);
	t.regex(unknown.stderr, /--format paypal is not one of posvoid, wechat, alipay, acquirer/);
});

test('a sale refunded at WeChat Pay cannot be voided, and posvoid void says where and when, in English and Chinese', async t => {
	const {db} = await counterDatabase([]);
	await addWechatSale(db, '4200002026112512345678', true);
	for (const [lang, expected] of [
		['en', /already refunded at WeChat Pay on 2026\/11\/25 17:05:00; nothing to void here/],
		['zh-CN', /已于 2026\/11\/25 17:05:00 在微信支付退款,此处无需撤销/],
	] as const) {
		const result = await runCli(
			[
				'void',
				'345678',
				'--operator',
				'01',
				'--reason',
				'wrong amount',
				'--db',
				db,
				'--password-stdin',
				'--no-print',
				'--lang',
				lang,
			],
			{input: 'clerk-pass\n'},
		);
		t.is(result.code, 2, result.stderr);
		t.regex(result.stderr, expected);
	}

	const store = openStore(db);
	t.is(store.db.prepare('SELECT count(*) FROM voids').pluck().get(), 0);
	store.close();
});

test('posvoid void takes a QR sale by the last 6 digits of its order number, or the whole number, and lists an ambiguous one', async t => {
	const {db} = await counterDatabase([]);
	await addWechatSale(db, '4200002026112500345678', false);
	await addWechatSale(db, '4200002026112599345678', false);
	const ambiguous = await runCli(
		[
			'void',
			'345678',
			'--operator',
			'01',
			'--reason',
			'wrong amount',
			'--db',
			db,
			'--password-stdin',
			'--no-print',
			'--lang',
			'en',
		],
		{input: 'clerk-pass\n'},
	);
	t.is(ambiguous.code, 1);
	t.regex(ambiguous.stderr, /345678 names more than one sale/);
	t.regex(ambiguous.stderr, /4200002026112500345678/);
	t.regex(ambiguous.stderr, /4200002026112599345678/);
	const whole = await runCli(
		[
			'void',
			'4200002026112599345678',
			'--operator',
			'01',
			'--reason',
			'wrong amount',
			'--db',
			db,
			'--password-stdin',
			'--no-print',
			'--lang',
			'en',
		],
		{input: 'clerk-pass\n'},
	);
	t.is(whole.code, 3, whole.stderr);
	// Only one of the two is voided: its last 6 digits name its void for a reprint.
	const reprint = await runCli(
		['reprint', '345678', '--operator', '01', '--db', db, '--password-stdin', '--lang', 'en'],
		{
			input: 'clerk-pass\n',
		},
	);
	t.not(reprint.code, 2, reprint.stderr);
	t.notRegex(reprint.stderr, /no void/i);
	const store = openStore(db);
	const [sale] = store.transactions.findByOrderNumber('4200002026112599345678');
	t.is(sale?.status, 'voided');
	t.is(store.transactions.findByOrderNumber('4200002026112500345678')[0]?.status, 'completed');
	store.close();
});
