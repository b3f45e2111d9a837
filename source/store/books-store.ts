import type {SqlDatabase} from './sqlite-driver.js';
import type {Store} from './store.js';

/** A void's audit row with the void and the sale it names, as far as they are still there. */
export type AuditedVoidRow = {
	auditId: number;
	at: number;
	auditOperatorNo: string | null;
	record: string | null;
	detail: string;
	saleId: number | null;
	saleVoucherNo: string | null;
	amount: number | null;
	fee: number | null;
	saleStatus: string | null;
	saleBatchId: number | null;
	voidId: number | null;
	voidVoucherNo: string | null;
	voidOperatorNo: string | null;
	approverNo: string | null;
	voidAt: number | null;
	voidBatchId: number | null;
};

export type SettlementAuditRow = {
	auditId: number;
	at: number;
	operatorNo: string | null;
	record: string | null;
	detail: string;
};

export type SettledBatchRow = {id: number; terminalId: string; batchNo: string; settledAt: number; settledBy: string};

/** Reads for `audit --verify` that hold the money tables to the audit rows. Large reads iterate. */
function createBooksStore(db: SqlDatabase) {
	const auditedVoids = db.prepare<[], AuditedVoidRow>(`
		SELECT a.id AS auditId, a.at, a.operator_no AS auditOperatorNo, a.record, a.detail,
			t.id AS saleId, t.voucher_no AS saleVoucherNo, t.amount, t.fee, t.status AS saleStatus, t.batch_id AS saleBatchId,
			v.id AS voidId, v.voucher_no AS voidVoucherNo, v.operator_no AS voidOperatorNo, v.approver_no AS approverNo,
			v.created_at AS voidAt, v.batch_id AS voidBatchId
		FROM audit_log a
		LEFT JOIN transactions t ON a.record GLOB 'transaction:[0-9]*' AND t.id = CAST(substr(a.record, 13) AS INTEGER)
		LEFT JOIN voids v ON v.transaction_id = t.id
		WHERE a.event = 'void' AND a.result = 'ok'
		ORDER BY a.id`);
	const voids = db.prepare<[], {id: number; transactionId: number; voucherNo: string}>(
		'SELECT id, transaction_id AS transactionId, voucher_no AS voucherNo FROM voids ORDER BY id',
	);
	const voidedWithoutVoid = db.prepare<[], {id: number; voucherNo: string; batchNo: string}>(`
		SELECT t.id, t.voucher_no AS voucherNo, t.batch_no AS batchNo FROM transactions t
		WHERE t.status = 'voided' AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.transaction_id = t.id)
		ORDER BY t.id`);
	const settlements = db.prepare<[], SettlementAuditRow>(`
		SELECT id AS auditId, at, operator_no AS operatorNo, record, detail FROM audit_log
		WHERE event = 'settlement' AND result = 'ok' ORDER BY id`);
	const settledByNumber = db.prepare<[string, number], SettledBatchRow>(`
		SELECT id, terminal_id AS terminalId, batch_no AS batchNo, settled_at AS settledAt, settled_by AS settledBy
		FROM batches WHERE batch_no = ? AND settled_at = ? ORDER BY id`);
	const settled = db.prepare<[], SettledBatchRow>(`
		SELECT id, terminal_id AS terminalId, batch_no AS batchNo, settled_at AS settledAt, settled_by AS settledBy
		FROM batches WHERE settled_at IS NOT NULL ORDER BY id`);

	return {
		*auditedVoids(): Generator<AuditedVoidRow> {
			yield* auditedVoids.iterate();
		},
		*voids(): Generator<{id: number; transactionId: number; voucherNo: string}> {
			yield* voids.iterate();
		},
		*voidedWithoutVoid(): Generator<{id: number; voucherNo: string; batchNo: string}> {
			yield* voidedWithoutVoid.iterate();
		},
		settlementRows(): SettlementAuditRow[] {
			return settlements.all();
		},
		/** The batches of this number settled at that moment: a settlement's audit row names them so. */
		settledAt(batchNo: string, at: number): SettledBatchRow[] {
			return settledByNumber.all(batchNo, at);
		},
		settledBatches(): SettledBatchRow[] {
			return settled.all();
		},
	};
}

export type BooksStore = ReturnType<typeof createBooksStore>;

const perConnection = new WeakMap<SqlDatabase, BooksStore>();

/** The books statements of this store's connection, prepared on first use (only `audit --verify` needs them). */
export function booksStore(store: Store): BooksStore {
	let books = perConnection.get(store.db);
	if (!books) {
		books = createBooksStore(store.db);
		perConnection.set(store.db, books);
	}

	return books;
}
