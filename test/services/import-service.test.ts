import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {computeFee} from '../../source/domain/fees.js';
import {importTransactions, ImportFileError} from '../../source/services/import-service.js';
import {voucherCounterName} from '../../source/services/void-service.js';
import {tempDatabase, tempFolder} from '../helpers/temp-db.js';

const header =
	'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no,fee';
const pan = '6222021234567890123';

function csvLine(voucher: string, overrides: Partial<Record<string, string>> = {}): string {
	const values: Record<string, string> = {
		voucher_no: voucher,
		reference_no: `261125${voucher}`,
		auth_code: '123456',
		batch_no: '000001',
		terminal_id: '10293847',
		merchant_id: '898440358120011',
		channel: 'debit',
		card: '622202*********0456',
		amount: '128.50',
		currency: 'CNY',
		created_at: '2026-11-25T10:00:00+08:00',
		operator_no: '01',
		fee: '',
		...overrides,
	};
	return header
		.split(',')
		.map(column => values[column] ?? '')
		.join(',');
}

function writeFile(folder: string, name: string, text: string | Uint8Array): string {
	const file = path.join(folder, name);
	fs.writeFileSync(file, text);
	return file;
}

function fileHolds(file: string, needle: string): boolean {
	const bytes = fs.readFileSync(file);
	return bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'));
}

test('the sample file imports every row into batch 000001 and raises the voucher counter past it', async t => {
	const {context, store} = tempDatabase(t);
	const report = await importTransactions(context, 'data/sample-transactions.csv');
	t.true(report.committed);
	t.is(report.imported, 20);
	t.deepEqual(report.bad, []);
	t.deepEqual(report.batchesCreated, ['10293847/000001']);
	t.deepEqual(report.ignoredColumns, ['note']);
	t.is(store.counters.get(voucherCounterName('10293847')), 120);
	const batch = store.batches.byNumber('10293847', '000001');
	t.is(batch?.openedAt, Date.parse('2026-11-24T09:12:05+08:00'));
	const [audit] = store.audit.recent({event: 'import'}, 1);
	t.is(audit?.result, 'ok');
	t.regex(audit?.detail ?? '', /^20 imported/);
});

test('a full card number is masked before the store: it is in no file of the database folder, open or closed', async t => {
	const database = tempDatabase(t);
	const source = tempFolder(t);
	const spaced = '6222 0212 3456 7890 123';
	const file = writeFile(
		source,
		'pan.csv',
		[header, csvLine('000001', {card: pan}), csvLine('000002', {card: spaced, channel: 'credit'})].join('\n'),
	);
	const report = await importTransactions(database.context, file);
	t.is(report.imported, 2);
	const stored = database.store.transactions.page({}, undefined, 'older', 10).map(row => row.cardMasked);
	t.deepEqual(stored.toSorted(), ['622202*********0123', '622202*********0123']);

	const files = () => fs.readdirSync(database.folder).map(name => path.join(database.folder, name));
	t.true(
		files().some(name => name.endsWith('-wal')),
		'the WAL exists while the store is open',
	);
	for (const name of files()) {
		t.false(fileHolds(name, pan), `${name} holds the card number while open`);
		t.false(fileHolds(name, '6222021234567890'), `${name} holds most of the card number while open`);
	}

	database.store.close();
	t.true(files().length > 0);
	for (const name of files()) {
		t.false(fileHolds(name, pan), `${name} holds the card number after close`);
		t.false(fileHolds(name, '6222021234567890'), `${name} holds most of the card number after close`);
	}
});

test('no message of a refused import shows a full card number, whichever column it was typed into', async t => {
	const {context} = tempDatabase(t);
	const file = writeFile(
		tempFolder(t),
		'bad.csv',
		[
			header,
			csvLine('000001', {card: pan, amount: 'abc'}),
			csvLine('000002', {reference_no: pan}),
			csvLine('000003', {channel: `visa ${pan}`}),
			csvLine('000004', {card: pan, created_at: pan}),
			`000005,"${pan}"x,1,2`,
		].join('\n'),
	);
	const report = await importTransactions(context, file);
	t.false(report.committed);
	const text = JSON.stringify(report);
	t.false(text.includes(pan));
	t.false(text.includes('6222021234567890'));
	t.true(text.includes('622202*********0123'));
});

test('a file with bad lines imports nothing and names every bad line, its field and the reason', async t => {
	const {context, store} = tempDatabase(t);
	const file = writeFile(
		tempFolder(t),
		'mixed.csv',
		[
			header,
			csvLine('000001'),
			csvLine('000002', {amount: '"1,28"'}),
			csvLine('000003'),
			csvLine('000004', {created_at: '2026-11-25 10:00:00'}),
			csvLine('000005', {channel: 'visa', fee: '-1'}),
		].join('\n'),
	);
	const report = await importTransactions(context, file);
	t.false(report.committed);
	t.is(report.imported, 0);
	t.deepEqual(
		report.bad.map(bad => bad.line),
		[3, 5, 6],
	);
	t.regex(report.bad[0]?.problems.join(',') ?? '', /amount "1,28" is not a number/);
	t.regex(report.bad[1]?.problems.join(',') ?? '', /created_at .* has no UTC offset/);
	t.is(report.bad[2]?.problems.length, 2);
	t.regex(report.bad[2]?.problems.join(' | ') ?? '', /channel "visa" is not one of .* \| fee "-1" is negative/);
	t.is(store.transactions.page({}, undefined, 'older', 10).length, 0);
	t.is(store.batches.byNumber('10293847', '000001'), undefined);
	t.is(store.audit.recent({event: 'import'}, 1)[0]?.result, 'refused');
});

test('--skip-bad imports the good lines and reports the others', async t => {
	const {context, store} = tempDatabase(t);
	const file = writeFile(
		tempFolder(t),
		'mixed.csv',
		[header, csvLine('000001'), csvLine('000002', {amount: '0'}), csvLine('000003'), 'only,three,fields'].join('\n'),
	);
	const report = await importTransactions(context, file, {skipBad: true});
	t.true(report.committed);
	t.is(report.imported, 2);
	t.deepEqual(
		report.bad.map(bad => bad.line),
		[3, 5],
	);
	t.regex(report.bad[1]?.problems[0] ?? '', /different number of fields/);
	t.deepEqual(
		store.transactions
			.page({}, undefined, 'older', 10)
			.map(row => row.voucherNo)
			.toSorted(),
		['000001', '000003'],
	);
});

test('duplicates in the file and in the database are reported and not stored twice', async t => {
	const {context, store} = tempDatabase(t);
	const folder = tempFolder(t);
	await importTransactions(context, writeFile(folder, 'first.csv', [header, csvLine('000001')].join('\n')));
	const report = await importTransactions(
		context,
		writeFile(
			folder,
			'second.csv',
			[header, csvLine('000001'), csvLine('000002'), csvLine('000002', {amount: '9.99'})].join('\n'),
		),
	);
	t.true(report.committed);
	t.is(report.imported, 1);
	t.deepEqual(report.duplicates, [
		{line: 2, terminalId: '10293847', batchNo: '000001', voucherNo: '000001'},
		{line: 4, terminalId: '10293847', batchNo: '000001', voucherNo: '000002', firstLine: 3},
	]);
	t.is(store.transactions.page({}, undefined, 'older', 10).length, 2);
	t.is(store.transactions.findByKey('10293847', '000001', '000002')?.amount, 12_850);
});

test('UTF-8 with BOM, CRLF line ends, quoted commas and Chinese text in an extra column are read', async t => {
	const {context, store} = tempDatabase(t);
	const text = `\uFEFF${header},note\r\n${csvLine('000007')},"顾客要求分开打印, 发票抬头：示例公司"\r\n${csvLine('000008', {amount: '5600.00'})},"第二行\r\n跨行备注"\r\n${csvLine('000009', {amount: 'x'})},\r\n`;
	const report = await importTransactions(context, writeFile(tempFolder(t), 'excel.csv', text), {skipBad: true});
	t.is(report.imported, 2);
	t.deepEqual(report.ignoredColumns, ['note']);
	// The quoted note of line 3 runs over two lines, so the bad row is on line 5.
	t.deepEqual(
		report.bad.map(bad => bad.line),
		[5],
	);
	t.is(store.transactions.findByKey('10293847', '000001', '000008')?.fee, 2500);
});

test('JSON Lines are recognised by content, and lose leading zeros without harm', async t => {
	const {context, store} = tempDatabase(t);
	const line = (voucher: number, extra: Record<string, unknown> = {}) =>
		JSON.stringify({
			voucher_no: voucher,
			reference_no: `2611250000${voucher}`,
			auth_code: 'A1B2C3',
			batch_no: 2,
			terminal_id: '10293847',
			merchant_id: '898440358120011',
			channel: 'wechat',
			card: 'oXyZ8f3k2Lq7a1b29381',
			amount: '23.50',
			currency: 'CNY',
			created_at: '2026-11-25T02:00:00Z',
			operator_no: '02',
			...extra,
		});
	const file = writeFile(
		tempFolder(t),
		'export.txt',
		`\uFEFF${line(11)}\n\n${line(12, {fee: '0.10'})}\r\n{not json ${pan}}\n`,
	);
	const report = await importTransactions(context, file, {skipBad: true});
	t.is(report.format, 'jsonl');
	t.is(report.imported, 2);
	t.deepEqual(
		report.bad.map(bad => bad.line),
		[4],
	);
	t.regex(report.bad[0]?.problems[0] ?? '', /not valid JSON/);
	t.false(JSON.stringify(report).includes(pan));
	const first = store.transactions.findByKey('10293847', '000002', '000011');
	t.is(first?.cardMasked, '****9381');
	t.is(first?.fee, computeFee('wechat', 2350, context.config.fees));
	t.is(store.transactions.findByKey('10293847', '000002', '000012')?.fee, 10);
});

test('a file without the required columns is refused as a whole, naming them', async t => {
	const {context} = tempDatabase(t);
	const file = writeFile(tempFolder(t), 'short.csv', 'voucher_no,amount\n000001,1.00\n');
	const error = await t.throwsAsync(importTransactions(context, file), {instanceOf: ImportFileError});
	t.regex(error.message, /lacks the columns reference_no, auth_code/);
});

test('rows for a settled batch are bad lines', async t => {
	const {context, store} = tempDatabase(t);
	const batchId = store.immediate(() => store.batches.insert('10293847', '000001', 0));
	store.immediate(() => store.batches.settle(batchId, '00', 1));
	const report = await importTransactions(
		context,
		writeFile(tempFolder(t), 'late.csv', [header, csvLine('000001')].join('\n')),
	);
	t.false(report.committed);
	t.regex(report.bad[0]?.problems[0] ?? '', /batch 000001 of terminal 10293847 is already settled/);
});

test('the voucher counter is only ever raised by an import', async t => {
	const {context, store} = tempDatabase(t);
	store.immediate(() => {
		store.counters.set(voucherCounterName('10293847'), 500);
	});
	await importTransactions(context, writeFile(tempFolder(t), 'old.csv', [header, csvLine('000010')].join('\n')));
	t.is(store.counters.get(voucherCounterName('10293847')), 500);
});
