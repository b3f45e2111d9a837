import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {importTransactions} from '../../source/services/import-service.js';
import {requiredColumns} from '../../source/services/import-row.js';
import {tempDatabase, tempFolder} from '../helpers/temp-db.js';

// The importer's own column list, so a new required column reaches these files too.
const columns = requiredColumns;

function record(voucher: string, overrides: Record<string, string> = {}): Record<string, string> {
	return {
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
		...overrides,
	};
}

const csvRow = (values: Record<string, string>, names = columns) =>
	names.map(name => JSON.stringify(String(values[name] ?? ''))).join(',');

const writings = [
	'6228.4804.0256.4890.018',
	'6228--4804--0256--4890--018',
	'６２２８４８０４０２５６４８９００１８',
	'6228\u00A04804\u00A00256\u00A04890\u00A0018',
	'6228/4804/0256/4890/018',
	'٦٢٢٨٤٨٠٤٠٢٥٦٤٨٩٠٠١٨',
];

// The digits a masked card never shows, with anything but letters and digits between them.
const hiddenDigits = new RegExp([...'040256489'].join(String.raw`[^\p{L}\p{N}]*`), 'u');
const leaksCard = (text: string) => hiddenDigits.test(text.normalize('NFKC'));

test('import messages that quote a value mask a card number written with any separator', async t => {
	const {context} = tempDatabase(t);
	const folder = tempFolder(t);
	const rows = writings.flatMap((card, index) => [
		record(String(index * 3 + 1).padStart(6, '0'), {channel: `visa ${card}`}),
		record(String(index * 3 + 2).padStart(6, '0'), {created_at: card}),
		record(String(index * 3 + 3).padStart(6, '0'), {amount: card}),
	]);
	const file = path.join(folder, 'cards.csv');
	fs.writeFileSync(file, [columns.join(','), ...rows.map(row => csvRow(row))].join('\n'));

	const report = await importTransactions(context, file);

	t.false(report.committed);
	t.is(report.bad.length, rows.length);
	const messages = report.bad.flatMap(bad => bad.problems).join('\n');
	t.false(leaksCard(messages), messages);
});

test('a card field written with any separator or in full-width digits is stored as its first 6 and last 4', async t => {
	const {context, store} = tempDatabase(t);
	const folder = tempFolder(t);
	const file = path.join(folder, 'cards.csv');
	const rows = writings.map((card, index) => record(String(index + 1).padStart(6, '0'), {card}));
	fs.writeFileSync(file, [columns.join(','), ...rows.map(row => csvRow(row))].join('\n'));

	const report = await importTransactions(context, file);

	t.true(report.committed, JSON.stringify(report.bad));
	const stored = store.transactions.page({}, undefined, 'older', 10).map(row => row.cardMasked);
	t.deepEqual(
		stored,
		writings.map(() => '622848*********0018'),
	);
});

test('a header or JSON key that is a card number is masked in the ignored columns', async t => {
	const {context} = tempDatabase(t);
	const folder = tempFolder(t);
	const csv = path.join(folder, 'header.csv');
	fs.writeFileSync(
		csv,
		[[...columns, '6228 4804 0256 4890 018'].join(','), csvRow(record('000001'))].join('\n') + ',x',
	);
	const json = path.join(folder, 'keys.jsonl');
	fs.writeFileSync(json, JSON.stringify({...record('000002'), '６２２８４８０４０２５６４８９００１８': 'x'}));

	for (const file of [csv, json]) {
		const report = await importTransactions(context, file);
		t.deepEqual(report.ignoredColumns, ['622848*********0018'], file);
	}
});

test('a card given as a JSON number is refused with the reason, not stored with wrong last digits', async t => {
	const {context, store} = tempDatabase(t);
	const folder = tempFolder(t);
	const file = path.join(folder, 'number.jsonl');
	// Written as text: JavaScript could not even write the number this file holds.
	fs.writeFileSync(file, JSON.stringify(record('000001')).replace('"622202*********0456"', '6228480402564890018'));

	const report = await importTransactions(context, file, {skipBad: true});

	t.is(report.imported, 0);
	t.deepEqual(
		report.bad.map(bad => bad.line),
		[1],
	);
	t.regex(report.bad[0]?.problems.join('; ') ?? '', /card is a JSON number: write the card number in quotes/);
	t.is(store.transactions.page({}, undefined, 'older', 10).length, 0);
});

test('a card given inside a JSON object or list is refused too', async t => {
	const {context, store} = tempDatabase(t);
	const folder = tempFolder(t);
	const file = path.join(folder, 'nested.jsonl');
	fs.writeFileSync(
		file,
		[
			JSON.stringify(record('000001')).replace('"622202*********0456"', '{"number": 6228480402564890018}'),
			JSON.stringify(record('000002')).replace('"622202*********0456"', '[6228480402564890018]'),
		].join('\n'),
	);

	const report = await importTransactions(context, file, {skipBad: true});

	t.is(report.imported, 0);
	t.deepEqual(
		report.bad.map(bad => bad.problems.join('; ')),
		[1, 2].map(() => 'card is not text: write the card number in quotes, such as "card": "6228480000000018"'),
	);
	t.is(store.transactions.page({}, undefined, 'older', 10).length, 0);
});
