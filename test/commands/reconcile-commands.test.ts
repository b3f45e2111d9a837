import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {repoRoot} from '../helpers/child-process.js';
import {runCli} from '../helpers/cli.js';
import {counterDatabase} from '../helpers/counter-database.js';

const samples = path.join(repoRoot, 'data/samples');
const wechatBill = path.join(samples, 'wechat-trade-bill.csv');
const alipayBill = path.join(samples, 'alipay-business-detail.csv');

async function importFile(db: string, file: string): Promise<number | undefined> {
	const result = await runCli(['import', file, '--db', db, '--lang', 'en']);
	return result.code;
}

async function voidCode(db: string, orderTail: string): Promise<number | undefined> {
	const result = await voidOrder(db, orderTail);
	return result.code;
}

async function voidOrder(db: string, orderTail: string, lang = 'en') {
	return runCli(
		[
			'void',
			orderTail,
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
}

for (const [file, format, encoding] of [
	// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the name the command prints
	['wechat-trade-bill.csv', 'wechat', 'UTF-8'],
	['alipay-business-detail.csv', 'alipay', 'GBK/GB18030'],
	['acquirer-export.csv', 'acquirer', 'GBK/GB18030'],
] as const) {
	test(`posvoid import of the sample ${format} bill imports it and says its format and encoding`, async t => {
		const {db} = await counterDatabase([]);
		const result = await runCli(['import', path.join(samples, file), '--db', db, '--lang', 'en']);
		t.is(result.code, 0, result.stderr);
		t.true(result.stderr.includes(`read ${format} (recognised from the content), ${encoding}`), result.stderr);
		t.regex(result.stdout, /imported [1-9]\d* of \d+ lines/);
		t.regex(result.stdout, /refunds or voids recorded against their sales/);
	});
}

test('a sale refunded in the WeChat Pay bill cannot be voided, and posvoid void says where and when', async t => {
	const {db} = await counterDatabase([]);
	t.is(await importFile(db, wechatBill), 0);
	const english = await voidOrder(db, '567802');
	t.is(english.code, 2, english.stderr);
	t.regex(english.stderr, /already refunded at WeChat Pay on 2026\/11\/25 14:20:00; nothing to void here/);
	const chinese = await voidOrder(db, '567802', 'zh-CN');
	t.is(chinese.code, 2, chinese.stderr);
	t.regex(chinese.stderr, /已于 2026\/11\/25 14:20:00 在微信支付退款/);
	// The sale beside it, not refunded, still voids.
	t.is(await voidCode(db, '567801'), 3);
});

test('posvoid reconcile exits 0 on a day that matches the bills, and 1 naming a void the bill does not show', async t => {
	const {directory, db} = await counterDatabase([]);
	for (const bill of [wechatBill, alipayBill]) {
		t.is(await importFile(db, bill), 0);
	}

	const clean = await runCli(['reconcile', wechatBill, alipayBill, '--db', db, '--lang', 'en']);
	t.is(clean.code, 0, clean.stderr + clean.stdout);
	t.regex(clean.stdout, /all matched: 7 sales agree with the bills/);
	t.regex(clean.stderr, /compared days 2026-11-25 for WeChat Pay, Alipay/);

	// Voided here (the slip waits: exit 3), but the platform's bill shows no refund for it.
	t.is(await voidCode(db, '567801'), 3);
	const out = path.join(directory, 'reconcile.csv');
	const found = await runCli(['reconcile', wechatBill, alipayBill, '--db', db, '--lang', 'en', '--out', out]);
	t.is(found.code, 1, found.stderr);
	t.regex(found.stdout, /void not yet seen at the platform +WeChat Pay .*4200002526202611251234567801 → \d{6} +12\.50/);
	t.regex(found.stdout, /1 unmatched, 7 sales matched/);
	const csv = fs.readFileSync(out, 'utf8').split('\r\n');
	t.is(csv[0], 'kind,channel,time,key,posvoid_amount,bill_amount,file,line,detail');
	t.regex(
		csv[1] ?? '',
		/^void-not-seen,wechat,2026-11-25T\d\d:\d\d:\d\d\.\d{3}Z,4200002526202611251234567801 → \d{6},12\.50,,,,$/,
	);
	t.is(csv.length, 3);
	t.false(fs.existsSync(`${out}.partial`));

	const chinese = await runCli(['reconcile', wechatBill, '--db', db, '--lang', 'zh-CN']);
	t.is(chinese.code, 1);
	t.regex(chinese.stdout, /撤销未见于平台/);

	// The X report tells the last reconciliation's unmatched count.
	const report = await runCli(['report', '--db', db, '--lang', 'en']);
	t.is(report.code, 0, report.stderr);
	t.regex(report.stdout, /last reconciliation 2026\/11\/25 (?:\d{2}:){3} 1 unmatched/);
	const audit = await runCli(['audit', '--db', db, '--lang', 'en']);
	t.regex(audit.stdout, /reconcil.*1 unmatched, 4 matched; days 2026-11-25/);
});

test('posvoid reconcile lists the sales of a bill posvoid lacks, the sales posvoid has that no bill shows, and refunds made outside', async t => {
	const {directory, db} = await counterDatabase([]);
	t.is(await importFile(db, wechatBill), 0);
	// An Alipay bill of the same day that posvoid never imported, with one sale posvoid does have by hand: none.
	const result = await runCli(['reconcile', alipayBill, '--db', db, '--lang', 'en']);
	t.is(result.code, 1);
	t.is(result.stdout.match(/sale not in posvoid/g)?.length, 3);
	t.regex(
		result.stdout,
		/refunded outside this counter +Alipay .*2026112522001412341000000001 → RF20261125000201 +25\.00/,
	);

	// A WeChat Pay bill cut to its first sale: the others are sales posvoid has that the bill lacks.
	const lines = fs.readFileSync(wechatBill, 'utf8').split('\n');
	const cut = path.join(directory, 'wechat-cut.csv');
	fs.writeFileSync(cut, [lines[0], lines[1], lines.at(-3), '`1,`12.50,`0.00,`0.00,`0.08,`12.50,`0.00', ''].join('\n'));
	const short = await runCli(['reconcile', cut, '--db', db, '--lang', 'en']);
	t.is(short.code, 1, short.stderr);
	t.is(short.stdout.match(/sale not in the bill/g)?.length, 3, short.stdout);
	t.regex(short.stdout, /sale not in the bill +WeChat Pay +2026\/11\/25 10:15:42 4200002526202611251234567802/);
});

test('posvoid reconcile without a file, or with a file that is no bill, says what to do and exits 1', async t => {
	const {directory, db} = await counterDatabase([]);
	const none = await runCli(['reconcile', '--db', db, '--lang', 'en']);
	t.is(none.code, 1);
	t.regex(none.stderr, /needs the bill files/);
	const other = path.join(directory, 'notes.txt');
	fs.writeFileSync(other, 'hello\nworld\n');
	const unknown = await runCli(['reconcile', other, '--db', db, '--lang', 'en']);
	t.is(unknown.code, 1);
	t.regex(unknown.stderr, /is not a file posvoid can read/);
	t.notRegex(unknown.stderr, /at .*\.js:\d+/);
});

test('posvoid reconcile names a sale whose amount in the bill differs from posvoid, with both figures', async t => {
	const {directory, db} = await counterDatabase([]);
	t.is(await importFile(db, wechatBill), 0);
	const changed = path.join(directory, 'wechat-changed.csv');
	fs.writeFileSync(
		changed,
		fs
			.readFileSync(wechatBill, 'utf8')
			.replace(
				'`12.50,`0.00,`0,`0,`0.00,`0.00,`,`,`收银台,`,`0.08,`0.60%,`12.50',
				'`13.50,`0.00,`0,`0,`0.00,`0.00,`,`,`收银台,`,`0.08,`0.60%,`13.50',
			)
			.replace('`6,`185.00,`38.00,`0.00,`0.89,`205.00', '`6,`186.00,`38.00,`0.00,`0.89,`206.00'),
	);
	const result = await runCli(['reconcile', changed, '--db', db, '--lang', 'en']);
	t.is(result.code, 1, result.stderr);
	t.regex(
		result.stdout,
		/amount differs +WeChat Pay .*4200002526202611251234567801 +12\.50 +13\.50 wechat-changed\.csv:2/,
	);
	t.regex(result.stdout, /1 unmatched, 3 sales matched/);
});
