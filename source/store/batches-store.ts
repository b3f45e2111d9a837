import type {SqlDatabase} from './sqlite-driver.js';

export type BatchRow = {
	id: number;
	terminalId: string;
	batchNo: string;
	openedAt: number;
	settledAt: number | undefined;
	settledBy: string | undefined;
};

type RawBatch = Omit<BatchRow, 'settledAt' | 'settledBy'> & {
	settledAt: number | null;
	settledBy: string | null;
};

const columns =
	'id, terminal_id AS terminalId, batch_no AS batchNo, opened_at AS openedAt, settled_at AS settledAt, settled_by AS settledBy';

function toBatch(row: RawBatch | undefined): BatchRow | undefined {
	return row ? {...row, settledAt: row.settledAt ?? undefined, settledBy: row.settledBy ?? undefined} : undefined;
}

export function createBatchesStore(db: SqlDatabase) {
	const byId = db.prepare<[number], RawBatch>(`SELECT ${columns} FROM batches WHERE id = ?`);
	const byNo = db.prepare<[string, string], RawBatch>(
		`SELECT ${columns} FROM batches WHERE terminal_id = ? AND batch_no = ?`,
	);
	const currentOpen = db.prepare<[string], RawBatch>(
		`SELECT ${columns} FROM batches WHERE terminal_id = ? AND settled_at IS NULL ORDER BY batch_no DESC LIMIT 1`,
	);
	const newest = db.prepare<[string], RawBatch>(
		`SELECT ${columns} FROM batches WHERE terminal_id = ? ORDER BY batch_no DESC LIMIT 1`,
	);
	const insertStatement = db.prepare<[string, string, number]>(
		'INSERT INTO batches (terminal_id, batch_no, opened_at) VALUES (?, ?, ?)',
	);
	const settleStatement = db.prepare<[number, string, number]>(
		'UPDATE batches SET settled_at = ?, settled_by = ? WHERE id = ? AND settled_at IS NULL',
	);
	const lowerOpenedAt = db.prepare<[{id: number; at: number}]>(
		'UPDATE batches SET opened_at = @at WHERE id = @id AND opened_at > @at',
	);
	const listStatement = db.prepare<[string, number], RawBatch>(
		`SELECT ${columns} FROM batches WHERE terminal_id = ? ORDER BY batch_no DESC LIMIT ?`,
	);

	return {
		get(id: number): BatchRow | undefined {
			return toBatch(byId.get(id));
		},
		byNumber(terminalId: string, batchNo: string): BatchRow | undefined {
			return toBatch(byNo.get(terminalId, batchNo));
		},
		/** The batch new sales and voids of this terminal belong to: its newest unsettled one. */
		currentOpen(terminalId: string): BatchRow | undefined {
			return toBatch(currentOpen.get(terminalId));
		},
		newest(terminalId: string): BatchRow | undefined {
			return toBatch(newest.get(terminalId));
		},
		list(terminalId: string, limit: number): BatchRow[] {
			return listStatement.all(terminalId, limit).map(row => toBatch(row)!);
		},
		insert(terminalId: string, batchNo: string, openedAt: number): number {
			return Number(insertStatement.run(terminalId, batchNo, openedAt).lastInsertRowid);
		},
		/** Keeps opened_at at the earliest transaction the batch holds. */
		noteTransactionAt(id: number, createdAt: number): void {
			lowerOpenedAt.run({id, at: createdAt});
		},
		/** False when the batch was already settled. */
		settle(id: number, operatorNo: string, at: number): boolean {
			return settleStatement.run(at, operatorNo, id).changes === 1;
		},
	};
}

export type BatchesStore = ReturnType<typeof createBatchesStore>;
