import type {SqlDatabase, SqlStatement} from './sqlite-driver.js';

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
	// Newest by creation, not by number: batch numbers wrap from 999999 to 000001.
	const currentOpen = db.prepare<[string], RawBatch>(
		`SELECT ${columns} FROM batches WHERE terminal_id = ? AND settled_at IS NULL ORDER BY id DESC LIMIT 1`,
	);
	const openStatement = db.prepare<[string], RawBatch>(
		`SELECT ${columns} FROM batches WHERE terminal_id = ? AND settled_at IS NULL ORDER BY id`,
	);
	const lastSettledStatement = db.prepare<[string], RawBatch>(
		`SELECT ${columns} FROM batches WHERE terminal_id = ? AND settled_at IS NOT NULL ORDER BY settled_at DESC, id DESC LIMIT 1`,
	);
	// Prepared on first use: these name void_requests (schema 6), and tests build this store on older schemas.
	let holdsStatement: SqlStatement<[{id: number}], number> | undefined;
	let removeEmpty: SqlStatement<[number]> | undefined;
	const holdsSql = () =>
		db
			.prepare<[{id: number}], number>(
				`SELECT EXISTS (SELECT 1 FROM transactions WHERE batch_id = @id) OR EXISTS (SELECT 1 FROM voids WHERE batch_id = @id)
				OR EXISTS (SELECT 1 FROM void_requests WHERE batch_id = @id)`,
			)
			.pluck();
	const removeSql = () =>
		db.prepare<[number]>(
			`DELETE FROM batches WHERE id = ? AND settled_at IS NULL
			AND NOT EXISTS (SELECT 1 FROM transactions WHERE batch_id = batches.id)
			AND NOT EXISTS (SELECT 1 FROM voids WHERE batch_id = batches.id)
			AND NOT EXISTS (SELECT 1 FROM void_requests WHERE batch_id = batches.id)
			AND NOT EXISTS (SELECT 1 FROM print_jobs WHERE batch_id = batches.id)`,
		);
	const renumberStatement = db.prepare<[string, number]>(
		'UPDATE batches SET batch_no = ? WHERE id = ? AND settled_at IS NULL',
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
		/**
		 * Every unsettled batch of the terminal, oldest first. One, unless an older posvoid imported
		 * rows into other batch numbers: those settle together with the open one.
		 */
		open(terminalId: string): BatchRow[] {
			return openStatement.all(terminalId).map(row => toBatch(row)!);
		},
		/** The batch settled most recently: the next batch number follows it. */
		lastSettled(terminalId: string): BatchRow | undefined {
			return toBatch(lastSettledStatement.get(terminalId));
		},
		/** Whether any sale, void or void request belongs to the batch. */
		holdsAnything(id: number): boolean {
			holdsStatement ??= holdsSql();
			return holdsStatement.get({id}) === 1;
		},
		/** Removes an open batch that holds nothing (one an import made and did not fill); returns whether it did. */
		remove(id: number): boolean {
			removeEmpty ??= removeSql();
			return removeEmpty.run(id).changes > 0;
		},
		/** Gives an open batch that holds nothing yet another number (an import of the terminal's own batch). */
		renumberEmpty(id: number, batchNo: string): void {
			renumberStatement.run(batchNo, id);
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
