import test from 'ava';
import {BillFileError} from '../../source/bills/bill-error.js';
import type {BillRow, OpenedBill} from '../../source/bills/bill-row.js';
import {type OpenBillOptions, openBill} from '../../source/bills/open-bill.js';
import {tempFolder} from '../helpers/temp-db.js';
import {acquirerTable, alipayFooter, alipayTable, wechatSummary, wechatTable} from './bill-fixtures.js';
import {acquirerExport, alipayBill, wechatBill, writeBill} from './bill-writers.js';

const options: OpenBillOptions = {timeZone: 'Asia/Shanghai', currency: 'CNY'};
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}+08:00`);

async function readAll(bill: OpenedBill): Promise<BillRow[]> {
	const rows: BillRow[] = [];
	for await (const row of bill.rows) {
		rows.push(row);
	}

	return rows;
}

const withoutColumns = (columns: readonly string[], ...drop: string[]) => columns.filter(name => !drop.includes(name));

test('a WeChat Pay bill: backticks gone, sales, the refund of a sale in the same file, a revocation, the summary matching', async t => {
	const file = writeBill(tempFolder(t), 'bill.csv', wechatBill(wechatTable, wechatSummary));
	const bill = await openBill(file, options);
	const rows = await readAll(bill);

	t.is(bill.format, 'wechat');
	t.is(bill.encoding, 'utf-8'); // eslint-disable-line unicorn/text-encoding-identifier-case
	t.deepEqual(
		rows.map(row => row.kind),
		['sale', 'sale', 'sale', 'sale', 'resolution', 'resolution'],
	);
	t.like(rows[0], {
		kind: 'sale',
		line: 2,
		channel: 'wechat',
		amount: 1250,
		fee: 8,
		currency: 'CNY',
		createdAt: at('2026-11-25 10:02:11'),
		platformOrderNo: '4200002526202611251234567801',
		merchantOrderNo: 'M20261125000101',
		merchantId: '1900000201',
		payerMasked: '****eS6o',
	});
	t.like(rows[4], {kind: 'resolution', resolution: 'revocation', amount: 2000});
	t.like(rows[5], {
		kind: 'resolution',
		line: 7,
		resolution: 'refund',
		amount: 3800,
		resolutionNo: '50300702512026112500001234567',
		refersTo: {platformOrderNo: '4200002526202611251234567802', merchantOrderNo: 'M20261125000102'},
	});
	t.deepEqual(bill.mismatches(), []);
	t.like(bill.totals(), {rowCount: 6, saleAmount: 18_500, refundAmount: 3800, fee: 89});
	t.false(bill.missingTotals());
	t.false(JSON.stringify(rows).includes('`'));
});

test('a WeChat Pay bill with a BOM reads the same and says so', async t => {
	const folder = tempFolder(t);
	const plain = await openBill(writeBill(folder, 'a.csv', wechatBill(wechatTable, wechatSummary)), options);
	const bom = await openBill(writeBill(folder, 'b.csv', wechatBill(wechatTable, wechatSummary, {bom: true})), options);

	t.is(bom.encoding, 'utf-8-bom');
	t.deepEqual(await readAll(bom), await readAll(plain));
});

test('a WeChat Pay summary that does not match its rows names both figures', async t => {
	const summary = {...wechatSummary, 总交易单数: '7', 退款总金额: '40.00'};
	const bill = await openBill(writeBill(tempFolder(t), 'bill.csv', wechatBill(wechatTable, summary)), options);
	await readAll(bill);

	t.deepEqual(bill.mismatches(), [
		{figure: 'rowCount', stated: 7, counted: 6, line: 9},
		{figure: 'refundAmount', stated: 4000, counted: 3800, line: 9},
	]);
});

test('a WeChat Pay bill cut before its summary says its totals are missing', async t => {
	const cut = {...wechatTable, rows: wechatTable.rows.slice(0, 3)};
	const bill = await openBill(writeBill(tempFolder(t), 'bill.csv', wechatBill(cut)), options);
	const rows = await readAll(bill);
	t.is(rows.length, 3);
	t.true(bill.missingTotals());
	t.is(bill.totals(), undefined);
});

test('an older WeChat Pay bill, with 总金额 for 应结订单金额 and without the later columns, still reads', async t => {
	const columns = withoutColumns(wechatTable.columns, '订单金额', '申请退款金额', '费率备注').map(name =>
		name === '应结订单金额' ? '总金额' : name === '特约商户号' ? '子商户号' : name,
	);
	const rows = wechatTable.rows.map(row => ({...row, 总金额: row['应结订单金额'], 子商户号: row['特约商户号']}));
	const bill = await openBill(writeBill(tempFolder(t), 'old.csv', wechatBill({columns, rows}, wechatSummary)), options);
	const read = await readAll(bill);

	t.is(read.filter(row => row.kind === 'bad').length, 0);
	t.like(read[2], {kind: 'sale', amount: 12_850, merchantId: '1900000201'});
});

test('a WeChat Pay bill without a required column is refused, naming it', async t => {
	const columns = withoutColumns(wechatTable.columns, '退款金额');
	const file = writeBill(tempFolder(t), 'bill.csv', wechatBill({columns, rows: wechatTable.rows}, wechatSummary));
	const error = await t.throwsAsync(openBill(file, options), {instanceOf: BillFileError});
	t.regex(error.message, /without the column 退款金额 \(header on line 1\)/);
});

test('an Alipay business detail in GBK, with # lines and tab padding: sales, a negative refund, the footer checked', async t => {
	const file = writeBill(tempFolder(t), 'detail.csv', alipayBill(alipayTable, alipayFooter), 'gbk');
	const bill = await openBill(file, options);
	const rows = await readAll(bill);

	t.is(bill.format, 'alipay');
	t.is(bill.encoding, 'gb18030');
	t.deepEqual(bill.columns.slice(11, 13), ['订单金额（元）', '商家实收（元）']);
	t.like(rows[0], {
		kind: 'sale',
		line: 6,
		channel: 'alipay',
		amount: 2500,
		fee: 15,
		createdAt: at('2026-11-25 11:58:03'),
		platformOrderNo: '2026112522001412341000000001',
		merchantOrderNo: 'A20261125000201',
		operatorNo: '01',
		terminalId: 'T0001',
		payerMasked: '****3com',
	});
	t.like(rows[3], {
		kind: 'resolution',
		resolution: 'refund',
		amount: 2500,
		resolutionNo: 'RF20261125000201',
		refersTo: {platformOrderNo: '2026112522001412341000000001'},
	});
	t.deepEqual(bill.mismatches(), []);
	t.deepEqual(bill.totals(), {saleCount: 3, saleAmount: 14_500, refundCount: 1, refundAmount: 2500});
	t.false(JSON.stringify(rows).includes('\t'));
});

test('an Alipay footer that does not match its rows is a mismatch; one without a footer says totals are missing', async t => {
	const folder = tempFolder(t);
	const wrong = await openBill(
		writeBill(folder, 'a.csv', alipayBill(alipayTable, {...alipayFooter, sales: 4, received: '170.00'}), 'gbk'),
		options,
	);
	await readAll(wrong);
	t.deepEqual(
		wrong.mismatches().map(({figure, stated, counted}) => ({figure, stated, counted})),
		[
			{figure: 'saleCount', stated: 4, counted: 3},
			{figure: 'saleAmount', stated: 17_000, counted: 14_500},
		],
	);

	const cut = await openBill(writeBill(folder, 'b.csv', alipayBill(alipayTable), 'gbk'), options);
	await readAll(cut);
	t.true(cut.missingTotals());
});

test('an acquirer export in GBK: card sales by 卡类别, a void and a return naming their sale, a full card number masked', async t => {
	const file = writeBill(tempFolder(t), 'export.csv', acquirerExport(acquirerTable), 'gbk');
	const bill = await openBill(file, options);
	const rows = await readAll(bill);

	t.is(bill.format, 'acquirer');
	t.deepEqual(
		rows.map(row => (row.kind === 'sale' ? row.channel : row.kind === 'resolution' ? row.resolution : row.reason)),
		['debit', 'credit', 'credit', 'card-void', 'card-return'],
	);
	t.like(rows[1], {
		kind: 'sale',
		line: 4,
		amount: 9990,
		fee: 60,
		voucherNo: '000102',
		referenceNo: '112510125502',
		batchNo: '000012',
		terminalId: '10293847',
		merchantId: '898440358120011',
		cardMasked: '622848*********0018',
	});
	t.like(rows[3], {
		kind: 'resolution',
		amount: 128_000,
		resolutionNo: '000104',
		refersTo: {
			originalVoucherNo: '000103',
			originalReferenceNo: '112513053003',
			terminalId: '10293847',
			batchNo: '000012',
		},
	});
	t.false(JSON.stringify(rows).includes('6228480402564890018'));
});

test('a card number in any other column of an acquirer export never leaves the reader', async t => {
	const columns = ['备注', ...acquirerTable.columns.toReversed(), '商品名称'];
	const rows = acquirerTable.rows.map(row => ({
		...row,
		备注: '客户卡号 6228 4804 0256 4890 018',
		商品名称: '6228480402564890018',
		凭证号: String(Number(row['凭证号'])),
	}));
	const file = writeBill(tempFolder(t), 'export.csv', acquirerExport({columns, rows}, {title: false}));
	const bill = await openBill(file, options);
	const read = await readAll(bill);

	t.is(bill.encoding, 'utf-8'); // eslint-disable-line unicorn/text-encoding-identifier-case
	t.is(read.filter(row => row.kind === 'bad').length, 0);
	t.like(read[0], {kind: 'sale', voucherNo: '000101'});
	t.notRegex(JSON.stringify(read), /0402564890|0256 4890/);
});

test('an acquirer export without the optional 原凭证号/原参考号 columns reads its sales and names the voids it cannot place', async t => {
	const columns = withoutColumns(acquirerTable.columns, '原凭证号', '原参考号');
	const file = writeBill(tempFolder(t), 'export.csv', acquirerExport({columns, rows: acquirerTable.rows}), 'gbk');
	const rows = await readAll(await openBill(file, options));

	t.deepEqual(
		rows.map(row => row.kind),
		['sale', 'sale', 'sale', 'bad', 'bad'],
	);
	t.deepEqual(rows[3], {
		kind: 'bad',
		line: 6,
		reason: 'a 消费撤销 row without 原凭证号 or 原参考号: posvoid cannot tell which sale it undoes',
	});
});

test('an acquirer export without 卡类别 is refused, naming the column', async t => {
	const columns = withoutColumns(acquirerTable.columns, '卡类别');
	const file = writeBill(tempFolder(t), 'export.csv', acquirerExport({columns, rows: acquirerTable.rows}), 'gbk');
	await t.throwsAsync(openBill(file, options), {instanceOf: BillFileError, message: /without the column 卡类别/});
});

test('bad lines carry their file line number and a reason; control bytes are stripped from every field', async t => {
	const rows = [
		{...wechatTable.rows[0], 交易时间: '2026-11-31 10:00:00'},
		{...wechatTable.rows[1], 商户订单号: 'M2026\u001B[2J1125\u0007', 交易状态: 'NOTPAY'},
		{...wechatTable.rows[2], 商户订单号: 'M\u001B[31m0001\u0000'},
	];
	const file = writeBill(tempFolder(t), 'bill.csv', wechatBill({columns: wechatTable.columns, rows}));
	const read = await readAll(await openBill(file, options));

	t.deepEqual(read[0], {
		kind: 'bad',
		line: 2,
		reason: '交易时间 "2026-11-31 10:00:00" is not a date and time like 2026-11-25 10:03:27',
	});
	t.like(read[1], {kind: 'bad', line: 3});
	t.regex((read[1] as {reason: string}).reason, /交易状态 "NOTPAY" is not SUCCESS, REFUND or REVOKED/);
	t.like(read[2], {kind: 'sale', merchantOrderNo: 'M[31m0001'});
});

test('the format comes from the content, not the name; --format forces one; an unknown file names the formats known', async t => {
	const folder = tempFolder(t);
	const wechat = writeBill(folder, 'alipay-export.xlsx', wechatBill(wechatTable, wechatSummary));
	const recognised = await openBill(wechat, options);
	t.is(recognised.format, 'wechat');
	await t.throwsAsync(openBill(wechat, {...options, format: 'acquirer'}), {
		instanceOf: BillFileError,
		message: /is not a card acquirer export/,
	});

	const posvoid = writeBill(folder, 'bill.csv', 'voucher_no,reference_no,amount\n000001,112233445566,1.00\n');
	const own = await openBill(posvoid, options);
	t.is(own.format, 'posvoid');

	const other = writeBill(folder, 'wechat.csv', 'date,amount\n2026-11-25,1.00\n');
	const error = await t.throwsAsync(openBill(other, options), {instanceOf: BillFileError});
	t.regex(error.message, /WeChat Pay trade bills .* Alipay business detail .* card acquirer exports/);
	t.regex(error.advice ?? '', /--format posvoid\|wechat\|alipay\|acquirer/);

	await t.throwsAsync(openBill(writeBill(folder, 'empty.csv', '\n\n'), options), {message: /is empty/});
	await t.throwsAsync(openBill(`${folder}/none.csv`, options), {message: /there is no such file/});
});

test('a bill time is the counter time zone wall clock', async t => {
	const file = writeBill(tempFolder(t), 'bill.csv', wechatBill(wechatTable, wechatSummary));
	const [first] = await readAll(await openBill(file, {...options, timeZone: 'Europe/Berlin'}));
	t.like(first, {createdAt: Date.parse('2026-11-25T10:02:11+01:00')});
});

test('progress counts the bytes read up to the file size', async t => {
	const file = writeBill(tempFolder(t), 'bill.csv', alipayBill(alipayTable, alipayFooter), 'gbk');
	const bill = await openBill(file, options);
	await readAll(bill);
	const {bytesRead, bytesTotal} = bill.progress();
	t.is(bytesRead, bytesTotal ?? -1);
	t.true(bytesRead > 0);
});
