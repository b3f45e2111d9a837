import type {SqlDatabase} from './sqlite-driver.js';

export type VoidRow = {
	id: number;
	transactionId: number;
	terminalId: string;
	batchId: number;
	voucherNo: string;
	referenceNo: string;
	operatorNo: string;
	approverNo: string | undefined;
	reason: string;
	createdAt: number;
};

export type NewVoid = Omit<VoidRow, 'id'>;

type RawVoid = Omit<VoidRow, 'approverNo'> & {approverNo: string | null};

const columns = `id, transaction_id AS transactionId, terminal_id AS terminalId, batch_id AS batchId, voucher_no AS voucherNo,
	reference_no AS referenceNo, operator_no AS operatorNo, approver_no AS approverNo, reason, created_at AS createdAt`;

function toVoid(row: RawVoid | undefined): VoidRow | undefined {
	return row ? {...row, approverNo: row.approverNo ?? undefined} : undefined;
}

export function createVoidsStore(db: SqlDatabase) {
	const insertStatement = db.prepare<[Record<string, unknown>]>(`
		INSERT INTO voids (transaction_id, terminal_id, batch_id, voucher_no, reference_no, operator_no, approver_no, reason, created_at)
		VALUES (@transactionId, @terminalId, @batchId, @voucherNo, @referenceNo, @operatorNo, @approverNo, @reason, @createdAt)`);
	const byId = db.prepare<[number], RawVoid>(`SELECT ${columns} FROM voids WHERE id = ?`);
	const byTransaction = db.prepare<[number], RawVoid>(`SELECT ${columns} FROM voids WHERE transaction_id = ?`);
	const byVoucher = db.prepare<[string], RawVoid>(
		`SELECT ${columns} FROM voids WHERE voucher_no = ? ORDER BY created_at DESC`,
	);

	return {
		insert(row: NewVoid): number {
			return Number(insertStatement.run({...row, approverNo: row.approverNo ?? null}).lastInsertRowid);
		},
		get(id: number): VoidRow | undefined {
			return toVoid(byId.get(id));
		},
		forTransaction(transactionId: number): VoidRow | undefined {
			return toVoid(byTransaction.get(transactionId));
		},
		/** Voids with this (void) voucher number, newest first. */
		findByVoucher(voucherNo: string): VoidRow[] {
			return byVoucher.all(voucherNo).map(row => toVoid(row)!);
		},
	};
}

export type VoidsStore = ReturnType<typeof createVoidsStore>;
