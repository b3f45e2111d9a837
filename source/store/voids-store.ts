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
	/** The platform's refund or cancel number, known as the void is written; void_requests keeps it. */
	platformRefundNo?: string;
};

export type NewVoid = Omit<VoidRow, 'id'>;

type RawVoid = Omit<VoidRow, 'approverNo' | 'platformRefundNo'> & {approverNo: string | null};

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

	const voidVoucher = db
		.prepare<[number, string], number>('SELECT EXISTS (SELECT 1 FROM voids WHERE batch_id = ? AND voucher_no = ?)')
		.pluck();
	const saleVoucher = db
		.prepare<[string, number], number>(
			// Without statistics SQLite picks the batch index and walks the whole batch (0.2 s at 140k sales);
			// a voucher number is shared by a handful of sales across all batches.
			'SELECT EXISTS (SELECT 1 FROM transactions INDEXED BY transactions_by_voucher WHERE voucher_no = ? AND batch_id = ?)',
		)
		.pluck();
	const usedStatement = db
		.prepare<[number, number], number>(
			`
			SELECT CAST(voucher_no AS INTEGER) AS n FROM transactions WHERE batch_id = ?
			UNION SELECT CAST(voucher_no AS INTEGER) FROM voids WHERE batch_id = ?
			ORDER BY n`,
		)
		.pluck();
	const byOwnOrSaleVoucher = db.prepare<[string, string], RawVoid & {saleVoucherNo: string; batchNo: string}>(`
		SELECT v.id, v.transaction_id AS transactionId, v.terminal_id AS terminalId, v.batch_id AS batchId,
			v.voucher_no AS voucherNo, v.reference_no AS referenceNo, v.operator_no AS operatorNo,
			v.approver_no AS approverNo, v.reason, v.created_at AS createdAt, t.voucher_no AS saleVoucherNo, b.batch_no AS batchNo
		FROM voids v JOIN transactions t ON t.id = v.transaction_id JOIN batches b ON b.id = v.batch_id
		WHERE v.voucher_no = ? OR t.voucher_no = ?
		ORDER BY v.created_at DESC, v.id DESC`);

	return {
		/** Whether a void of the batch already has this voucher number. */
		isVoidVoucher(batchId: number, voucherNo: string): boolean {
			return voidVoucher.get(batchId, voucherNo) === 1;
		},
		/** Whether a sale or a void of the batch has this voucher (trace) number: sales and voids share one sequence. */
		isVoucherTaken(batchId: number, voucherNo: string): boolean {
			return voidVoucher.get(batchId, voucherNo) === 1 || saleVoucher.get(voucherNo, batchId) === 1;
		},
		/** Every voucher number the batch's sales and voids use, ascending. */
		*usedVouchers(batchId: number): Generator<number> {
			yield* usedStatement.iterate(batchId, batchId);
		},
		/** Voids whose own voucher, or whose sale's voucher, is this number, newest first, with the sale's voucher and the batch. */
		findByEitherVoucher(voucherNo: string): Array<VoidRow & {saleVoucherNo: string; batchNo: string}> {
			return byOwnOrSaleVoucher
				.all(voucherNo, voucherNo)
				.map(row => ({...toVoid(row)!, saleVoucherNo: row.saleVoucherNo, batchNo: row.batchNo}));
		},
		insert(row: NewVoid): number {
			const {platformRefundNo: _, ...columns} = row;
			return Number(insertStatement.run({...columns, approverNo: row.approverNo ?? null}).lastInsertRowid);
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
