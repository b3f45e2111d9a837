import {createHash} from 'node:crypto';
import test from 'ava';
import {computeFee} from '../../source/domain/fees.js';
import {channels} from '../../source/domain/transaction.js';
import {SeedError, seedDatabase} from '../../source/services/seed-service.js';
import {voucherCounterName} from '../../source/services/void-service.js';
import type {Store} from '../../source/store/store.js';
import {tempDatabase, testNow} from '../helpers/temp-db.js';

function everyTransaction(store: Store) {
	return store.db.prepare('SELECT * FROM transactions ORDER BY id').all() as Array<Record<string, unknown>>;
}

function digest(store: Store): string {
	const hash = createHash('sha256');
	for (const table of ['transactions', 'voids', 'batches']) {
		hash.update(JSON.stringify(store.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()));
	}

	return hash.digest('hex');
}

test('the same seed and clock give the same history; another seed gives another', t => {
	const options = {rows: 3000, days: 3, seed: 42, now: testNow};
	const a = tempDatabase(t);
	const b = tempDatabase(t);
	const c = tempDatabase(t);
	seedDatabase(a.context, options);
	seedDatabase(b.context, options);
	seedDatabase(c.context, {...options, seed: 43});
	t.is(digest(a.store), digest(b.store));
	t.not(digest(a.store), digest(c.store));
});

test('a seeded history has one batch per day, older ones settled, every channel, masked cards and computed fees', t => {
	const {context, store} = tempDatabase(t);
	const summary = seedDatabase(context, {rows: 5000, days: 4, seed: 7, now: testNow});
	t.is(summary.rows, 5000);
	t.deepEqual(
		summary.batches.map(batch => [batch.batchNo, batch.settled]),
		[
			['000001', true],
			['000002', true],
			['000003', true],
			['000004', false],
		],
	);
	t.is(store.batches.currentOpen('10293847')?.batchNo, '000004');
	const rows = everyTransaction(store);
	t.is(rows.length, 5000);
	t.deepEqual([...new Set(rows.map(row => String(row['channel'])))].toSorted(), [...channels].toSorted());
	for (const row of rows) {
		const card = String(row['card_masked']);
		const isCard = row['channel'] === 'debit' || row['channel'] === 'credit';
		t.regex(card, isCard ? /^\d{6}\*{6,9}\d{4}$/ : /^\*{4}\d{4}$/);
		t.is(row['fee'], computeFee(row['channel'] as 'debit', row['amount'] as number, context.config.fees));
		t.true((row['created_at'] as number) <= testNow);
	}

	t.is(summary.from, rows[0]?.['created_at'] as number);
	t.is(store.counters.get(voucherCounterName('10293847')), 5000 + summary.voids);
	t.true(store.audit.verify().ok);
});

test('each seeded void has its voided sale and a printed slip job, and nothing else is voided', t => {
	const {context, store} = tempDatabase(t);
	const summary = seedDatabase(context, {rows: 20_000, days: 2, seed: 3, now: testNow});
	t.true(summary.voids > 0);
	const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
	t.is(count('SELECT count(*) FROM voids'), summary.voids);
	t.is(count(`SELECT count(*) FROM transactions WHERE status = 'voided'`), summary.voids);
	t.is(count(`SELECT count(*) FROM print_jobs WHERE state = 'printed' AND kind = 'void-slip'`), summary.voids);
	t.is(
		count('SELECT count(*) FROM voids v JOIN transactions s ON s.id = v.transaction_id WHERE s.batch_id <> v.batch_id'),
		0,
	);
	t.is(count(`SELECT count(*) FROM audit_log WHERE event = 'void'`), summary.voids);
	t.is(store.integrityCheck(), 'ok');
});

test('seeding reuses the empty batch that init opened as its oldest day', t => {
	const {context, store} = tempDatabase(t);
	const initBatch = store.immediate(() => store.batches.insert('10293847', '000001', testNow));
	const summary = seedDatabase(context, {rows: 300, days: 3, seed: 1, now: testNow});
	t.deepEqual(
		summary.batches.map(batch => batch.batchNo),
		['000001', '000002', '000003'],
	);
	const batch = store.batches.get(initBatch);
	t.true(batch !== undefined && batch.openedAt < testNow - 24 * 3_600_000);
	t.not(batch?.settledAt, undefined);
});

test('seeding refuses a database that already holds transactions, and impossible sizes', t => {
	const {context} = tempDatabase(t);
	seedDatabase(context, {rows: 10, days: 1, seed: 1, now: testNow});
	t.throws(() => seedDatabase(context, {rows: 10, days: 1, seed: 1, now: testNow}), {
		instanceOf: SeedError,
		message: /already holds transactions/,
	});
	t.throws(() => seedDatabase(context, {rows: 0, days: 1, seed: 1, now: testNow}), {
		instanceOf: SeedError,
		message: /--rows/,
	});
	t.throws(() => seedDatabase(context, {rows: 2_000_000, days: 1, seed: 1, now: testNow}), {
		instanceOf: SeedError,
		message: /more --days/,
	});
});
