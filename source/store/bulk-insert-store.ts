import type {SqlDatabase} from './sqlite-driver.js';
import type {NewTransaction} from './transactions-store.js';
import type {Store} from './store.js';

/**
 * Statements for import and seed. Writing many transactions at once: positional parameters, prepared once per
 * connection, so a million rows cost no more than the SQL itself.
 */
function createBulkInsertStore(db: SqlDatabase) {
	const insertStatement = db.prepare(`
		INSERT INTO transactions (voucher_no, reference_no, auth_code, batch_id, batch_no, terminal_id,
			merchant_id, channel, card_masked, amount, fee, currency, created_at, operator_no,
			platform_order_no, merchant_order_no, payer_masked)
		VALUES (nullif(?, ''), nullif(?, ''), nullif(?, ''), ?, ?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, ?, ?, ?, ?)`);
	const countForTerminal = db
		.prepare<[string], number>('SELECT count(*) FROM (SELECT 1 FROM transactions WHERE terminal_id = ? LIMIT 1)')
		.pluck();
	// Named parameters: better-sqlite3 refuses positional values for numbered ?1/?2 placeholders.
	const lowerOpenedAt = db.prepare<[{id: number; at: number}]>(
		'UPDATE batches SET opened_at = @at WHERE id = @id AND opened_at > @at',
	);
	const raiseCounter = db.prepare<[{name: string; value: number}]>(
		'INSERT INTO counters (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)',
	);
	const countInBatch = db
		.prepare<[number], number>('SELECT count(*) FROM (SELECT 1 FROM transactions WHERE batch_id = ? LIMIT 1)')
		.pluck();

	return {
		/** Inserts one transaction and returns its id. */
		insert(row: NewTransaction, batchId: number): number {
			return Number(
				insertStatement.run(
					row.voucherNo,
					row.referenceNo,
					row.authCode,
					batchId,
					row.batchNo,
					row.terminalId,
					row.merchantId,
					row.channel,
					row.cardMasked,
					row.amount,
					row.fee,
					row.currency,
					row.createdAt,
					row.operatorNo,
					row.platformOrderNo ?? null,
					row.merchantOrderNo ?? null,
					row.payerMasked ?? null,
				).lastInsertRowid,
			);
		},
		/** Whether the terminal has any transaction at all. */
		terminalHasTransactions(terminalId: string): boolean {
			return (countForTerminal.get(terminalId) ?? 0) > 0;
		},
		batchHasTransactions(batchId: number): boolean {
			return (countInBatch.get(batchId) ?? 0) > 0;
		},
		/** Keeps a batch's opened_at at its earliest transaction (batches.noteTransactionAt, which cannot bind its ?1/?2). */
		noteTransactionAt(batchId: number, createdAt: number): void {
			lowerOpenedAt.run({id: batchId, at: createdAt});
		},
		/** Raises a counter to at least `value` (counters.raiseTo, which cannot bind its ?1/?2). */
		raiseCounterTo(name: string, value: number): void {
			raiseCounter.run({name, value});
		},
	};
}

/** Page cache for bulk writes, in KiB: the random-order indexes (last four, amount) stay in memory instead of re-reading pages from the WAL. */
const bulkCacheKib = 64 * 1024;

/**
 * Runs `work` with a larger page cache on this connection, then restores it. Memory only: journal
 * mode and synchronous=FULL stay as the store set them.
 */
export function withBulkCache<T>(store: Store, work: () => T): T {
	const previous = store.db.pragma('cache_size', {simple: true}) as number;
	store.db.pragma(`cache_size = ${-bulkCacheKib}`);
	try {
		return work();
	} finally {
		store.db.pragma(`cache_size = ${previous}`);
	}
}

export type BulkInsertStore = ReturnType<typeof createBulkInsertStore>;

const perConnection = new WeakMap<SqlDatabase, BulkInsertStore>();

/** The bulk statements of this store's connection, prepared on first use. */
export function bulkInsertStore(store: Store): BulkInsertStore {
	let bulk = perConnection.get(store.db);
	if (!bulk) {
		bulk = createBulkInsertStore(store.db);
		perConnection.set(store.db, bulk);
	}

	return bulk;
}
