import path from 'node:path';
import test from 'ava';
import {defaultConfig} from '../../source/config.js';
import {voidAuditDetail} from '../../source/domain/audit-books.js';
import {verifyAuditChain} from '../../source/services/audit-service.js';
import {verifyBooks} from '../../source/services/books-verification.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {createAuditStore} from '../../source/store/audit-store.js';
import {createBatchesStore} from '../../source/store/batches-store.js';
import {migrations, posvoidApplicationId, schemaVersion} from '../../source/store/migrations.js';
import {createPrintJobsStore} from '../../source/store/print-jobs-store.js';
import {openSqlite, type SqlDatabase} from '../../source/store/sqlite-driver.js';
import {openStore} from '../../source/store/store.js';
import {createVoidsStore} from '../../source/store/voids-store.js';
import {tempFolder, testNow} from '../helpers/temp-db.js';

/** Index of the QR-sales migration: the databases it upgrades are at this version. */
const before = 4;

/** A counter database as version 4 left it: 30 card and QR sales, 3 of them voided with slips, an audit chain. */
function databaseAtVersion4(file: string): void {
	const db = openSqlite(file);
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	for (const step of migrations.slice(0, before)) {
		db.transaction(() => {
			step(db);
		}).immediate();
	}

	db.pragma(`user_version = ${before}`);
	db.pragma(`application_id = ${posvoidApplicationId}`);
	const batches = createBatchesStore(db);
	const voids = createVoidsStore(db);
	const audit = createAuditStore(db);
	const printJobs = createPrintJobsStore(db);
	db.transaction(() => {
		const batchId = batches.insert('10293847', '000001', testNow - 3_600_000);
		const insertSale =
			db.prepare(`INSERT INTO transactions (id, voucher_no, reference_no, auth_code, batch_id, batch_no,
			terminal_id, merchant_id, channel, card_masked, amount, fee, currency, created_at, operator_no)
			VALUES (?, ?, ?, 'A1B2C3', ?, '000001', '10293847', '898440358120011', ?, ?, ?, 0, 'CNY', ?, '01')`);
		for (let index = 0; index < 30; index++) {
			// Ids with gaps: the rebuild must keep each one, not renumber.
			const id = 100 + index * 7;
			const voucherNo = String(500 + index).padStart(6, '0');
			insertSale.run(
				id,
				voucherNo,
				`261125${voucherNo}`,
				batchId,
				index % 3 === 0 ? 'wechat' : 'debit',
				index % 3 === 0 ? 'oUp***9aX2' : '622848******0018',
				1000 + index,
				testNow - 600_000 + index,
			);
			audit.append(
				{operatorNo: '01', event: 'import', result: 'ok', record: 'file:day.csv', detail: `row ${id}`},
				testNow,
			);
		}

		for (const index of [2, 9, 15]) {
			const id = 100 + index * 7;
			const voucherNo = String(900 + index).padStart(6, '0');
			db.prepare(`UPDATE transactions SET status = 'voided' WHERE id = ?`).run(id);
			const voidId = voids.insert({
				transactionId: id,
				terminalId: '10293847',
				batchId,
				voucherNo,
				referenceNo: `261125${voucherNo}`,
				operatorNo: '01',
				approverNo: undefined,
				reason: 'wrong amount',
				createdAt: testNow,
			});
			audit.append(
				{
					operatorNo: '01',
					event: 'void',
					result: 'ok',
					record: `transaction:${id}`,
					detail: voidAuditDetail({
						voidVoucherNo: voucherNo,
						saleVoucherNo: String(500 + index).padStart(6, '0'),
						amount: 1000 + index,
						fee: 0,
						approverNo: undefined,
					}),
				},
				testNow,
			);
			printJobs.insert({kind: 'void-slip', voidId, reprint: false}, testNow);
		}
	}).immediate();
	db.close();
}

function snapshot(db: SqlDatabase, sql: string): unknown[] {
	return db.prepare(sql).all();
}

test('migrating a version 4 database keeps every sale with its id, every void, slip and audit row, and the chain verifies', t => {
	const file = path.join(tempFolder(t), 'counter.db');
	databaseAtVersion4(file);
	const old = openSqlite(file);
	const sales = snapshot(
		old,
		'SELECT id, voucher_no, reference_no, auth_code, batch_id, channel, card_masked, amount, created_at, status FROM transactions ORDER BY id',
	);
	const voidRows = snapshot(old, 'SELECT * FROM voids ORDER BY id');
	const jobs = snapshot(old, 'SELECT * FROM print_jobs ORDER BY id');
	const auditRows = snapshot(old, 'SELECT * FROM audit_log ORDER BY id');
	const indexes = old
		.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL`)
		.pluck()
		.all() as string[];
	old.close();

	const store = openStore(file);
	t.teardown(() => {
		store.close();
	});
	t.is(store.db.pragma('user_version', {simple: true}), schemaVersion);
	t.is(store.db.pragma('foreign_keys', {simple: true}), 1);
	t.deepEqual(
		snapshot(
			store.db,
			'SELECT id, voucher_no, reference_no, auth_code, batch_id, channel, card_masked, amount, created_at, status FROM transactions ORDER BY id',
		),
		sales,
	);
	t.deepEqual(snapshot(store.db, 'SELECT * FROM voids ORDER BY id'), voidRows);
	t.deepEqual(snapshot(store.db, 'SELECT * FROM print_jobs ORDER BY id'), jobs);
	t.deepEqual(snapshot(store.db, 'SELECT * FROM audit_log ORDER BY id'), auditRows);
	const after = new Set(
		store.db
			.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'transactions'`)
			.pluck()
			.all() as string[],
	);
	t.deepEqual(
		indexes.filter(name => !after.has(name)),
		[],
	);
	t.deepEqual(store.db.pragma('foreign_key_check'), []);
	t.is(store.integrityCheck(), 'ok');
	// The voids still refer to their sales: the foreign key holds on the rebuilt table.
	t.throws(() => store.db.prepare('DELETE FROM transactions WHERE id = 114').run(), {
		any: true,
		message: /FOREIGN KEY/,
	});
	// The audit log is still append-only.
	t.throws(() => store.db.prepare('DELETE FROM audit_log WHERE id = 1').run(), {any: true, message: /append-only/});

	const context = createServiceContext(store, {...defaultConfig(), database: file}, {now: () => testNow});
	const chain = verifyAuditChain(context);
	t.true(chain.ok);
	t.is(chain.rows, 33);
	const books = verifyBooks(context);
	t.deepEqual(books.problems, []);
	t.true(books.ok);
});

test('after the migration a QR sale needs no voucher, but a card sale still does', t => {
	const file = path.join(tempFolder(t), 'counter.db');
	databaseAtVersion4(file);
	const store = openStore(file);
	t.teardown(() => {
		store.close();
	});
	const insert = store.db.prepare(`INSERT INTO transactions (batch_id, batch_no, terminal_id, merchant_id, channel,
		amount, fee, currency, created_at, operator_no, platform_order_no, merchant_order_no)
		VALUES (1, '000001', '10293847', '898440358120011', ?, 500, 0, 'CNY', 0, '01', ?, 'M20261125001')`);
	t.notThrows(() => insert.run('wechat', '4200002026112512345678'));
	t.throws(() => insert.run('debit', '4200002026112512345679'), {any: true, message: /CHECK/});
	// One order number is one sale.
	t.throws(() => insert.run('wechat', '4200002026112512345678'), {any: true, message: /UNIQUE/});
});
