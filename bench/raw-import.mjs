// The import bench's raw baseline: the same bill rows parsed with csv-parse and inserted with one
// prepared statement, in one transaction, at synchronous=FULL, into the transactions table of a
// database posvoid created (the same schema and indexes). No checks, no staging, no masking.
// Usage: node bench/raw-import.mjs wechat|acquirer FILE DATABASE; prints the rows inserted.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import process from 'node:process';
import {parse} from 'csv-parse';
import iconv from 'iconv-lite';

const [format, file, database] = process.argv.slice(2);
const major = Number(process.versions.node.split('.')[0]);
const db =
	major >= 24
		? new (process.getBuiltinModule('node:sqlite').DatabaseSync)(database)
		: new (createRequire(import.meta.url)('better-sqlite3'))(database);
db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON');

const findBatch = db.prepare('SELECT id FROM batches WHERE terminal_id = ? AND batch_no = ?');
const insertBatch = db.prepare('INSERT INTO batches (terminal_id, batch_no, opened_at) VALUES (?, ?, 0) RETURNING id');
const insert =
	db.prepare(`INSERT INTO transactions (voucher_no, reference_no, auth_code, batch_id, batch_no, terminal_id,
	merchant_id, channel, card_masked, amount, fee, currency, created_at, operator_no, platform_order_no, merchant_order_no,
	payer_masked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, '', ?, ?, ?)`);
const batches = new Map();
function batchId(terminalId, batchNo) {
	const key = `${terminalId}/${batchNo}`;
	let id = batches.get(key);
	if (id === undefined) {
		id = (findBatch.get(terminalId, batchNo) ?? insertBatch.get(terminalId, batchNo)).id;
		batches.set(key, id);
	}

	return id;
}

const fen = text => Math.round(Number(text) * 100);
const localTime = text => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const input =
	format === 'wechat' ? fs.createReadStream(file) : fs.createReadStream(file).pipe(iconv.decodeStream('gbk'));
let rows = 0;
let header = true;
db.exec('BEGIN');
// eslint-disable-next-line camelcase -- csv-parse's option name
for await (const record of input.pipe(parse({relax_column_count: true}))) {
	if (format === 'wechat') {
		if (header) {
			header = false;
			continue;
		}

		if (record.length < 27) {
			break; // The summary header: the detail rows are done.
		}

		const field = record.map(value => (value.startsWith('`') ? value.slice(1) : value));
		const batch = batchId('10293847', '000001');
		insert.run(
			null,
			null,
			null,
			batch,
			'000001',
			'10293847',
			field[2],
			'wechat',
			null,
			fen(field[12]),
			fen(field[22]),
			localTime(field[0]),
			field[5],
			field[6],
			field[7],
		);
	} else {
		if (record.length < 15 || record[0] === '商户号') {
			continue; // The title line and the header.
		}

		const batch = batchId(record[2], record[5]);
		insert.run(
			record[6],
			record[7],
			'',
			batch,
			record[5],
			record[2],
			record[0],
			record[9] === '贷记卡' ? 'credit' : 'debit',
			record[8],
			fen(record[10]),
			fen(record[11]),
			localTime(record[3]),
			null,
			null,
			null,
		);
	}

	rows++;
}

db.exec('COMMIT');
db.close();
console.log(rows);
