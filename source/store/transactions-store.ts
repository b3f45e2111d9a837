import type {Transaction, TransactionQuery} from '../domain/transaction.js';
import type {SqlDatabase, SqlStatement} from './sqlite-driver.js';

export type {TransactionQuery} from '../domain/transaction.js';

/** A position in the newest-first order: rows strictly after it (older) or before it (newer). */
export type Cursor = {createdAt: number; id: number};
export type Direction = 'older' | 'newer';

export type NewTransaction = Omit<Transaction, 'id' | 'status'>;

const columns = `id, voucher_no AS voucherNo, reference_no AS referenceNo, auth_code AS authCode,
	batch_no AS batchNo, terminal_id AS terminalId, merchant_id AS merchantId, channel,
	card_masked AS cardMasked, amount, fee, currency, created_at AS createdAt,
	operator_no AS operatorNo, status`;

type FilterKey = keyof TransactionQuery;
// Positional parameters, bound in filterOrder: measurably cheaper per call than named ones.
const filterSql: Record<FilterKey, string> = {
	voucherNo: 'voucher_no = ?',
	referenceNo: 'reference_no = ?',
	lastFour: 'card_last4 = ?',
	amount: 'amount = ?',
	status: 'status = ?',
	from: 'created_at >= ?',
	to: 'created_at < ?',
};

const filterOrder: FilterKey[] = ['voucherNo', 'referenceNo', 'lastFour', 'amount', 'status', 'from', 'to'];

/** Parameters in the order the page statement's placeholders expect them. */
function pageParameters(query: TransactionQuery, cursor: Cursor | undefined): unknown[] {
	const parameters: unknown[] = [];
	for (const key of filterOrder) {
		if (query[key] !== undefined) {
			parameters.push(query[key]);
		}
	}

	if (cursor) {
		parameters.push(cursor.createdAt, cursor.id);
	}

	return parameters;
}

export function createTransactionsStore(db: SqlDatabase) {
	const insertStatement = db.prepare<[NewTransaction & {batchId: number}]>(`
		INSERT INTO transactions (voucher_no, reference_no, auth_code, batch_id, batch_no, terminal_id,
			merchant_id, channel, card_masked, amount, fee, currency, created_at, operator_no)
		VALUES (@voucherNo, @referenceNo, @authCode, @batchId, @batchNo, @terminalId,
			@merchantId, @channel, @cardMasked, @amount, @fee, @currency, @createdAt, @operatorNo)`);
	const byId = db.prepare<[number], Transaction>(`SELECT ${columns} FROM transactions WHERE id = ?`);
	const byKey = db.prepare<[string, string, string], Transaction>(
		`SELECT ${columns} FROM transactions WHERE terminal_id = ? AND batch_no = ? AND voucher_no = ?`,
	);
	const markVoidedStatement = db.prepare<[number]>(
		`UPDATE transactions SET status = 'voided' WHERE id = ? AND status = 'completed'`,
	);
	const pageStatements = new Map<string, SqlStatement<unknown[], Transaction>>();
	const countStatements = new Map<string, SqlStatement<unknown[], {count: number}>>();

	/** Counts the rows matching `query`, or only those newer than a cursor: the list's total and its position. */
	function countStatement(query: TransactionQuery, newerThanCursor: boolean) {
		const used = filterOrder.filter(key => query[key] !== undefined);
		const cacheKey = `${used.join(',')}|${newerThanCursor}`;
		let statement = countStatements.get(cacheKey);
		if (!statement) {
			const conditions = used.map(key => filterSql[key]);
			if (newerThanCursor) {
				conditions.push('(created_at, id) > (?, ?)');
			}

			const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
			statement = db.prepare<unknown[], {count: number}>(`SELECT count(*) AS count FROM transactions ${where}`);
			countStatements.set(cacheKey, statement);
		}

		return statement;
	}

	/** One statement per combination of filters and direction, prepared once per connection. */
	/** The limit is written into the SQL: a bound LIMIT costs twice the time of the whole seek. */
	function pageStatement(query: TransactionQuery, direction: Direction, hasCursor: boolean, limit: number) {
		if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
			throw new RangeError(`page limit ${limit} is not a whole number from 1 to 100000`);
		}

		const used = filterOrder.filter(key => query[key] !== undefined);
		const cacheKey = `${used.join(',')}|${direction}|${hasCursor}|${limit}`;
		let statement = pageStatements.get(cacheKey);
		if (!statement) {
			const conditions = used.map(key => filterSql[key]);
			if (hasCursor) {
				conditions.push(direction === 'older' ? '(created_at, id) < (?, ?)' : '(created_at, id) > (?, ?)');
			}

			const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
			const order = direction === 'older' ? 'created_at DESC, id DESC' : 'created_at ASC, id ASC';
			statement = db.prepare<unknown[], Transaction>(
				`SELECT ${columns} FROM transactions ${where} ORDER BY ${order} LIMIT ${limit}`,
			);
			pageStatements.set(cacheKey, statement);
		}

		return statement;
	}

	return {
		insert(row: NewTransaction, batchId: number): number {
			return Number(insertStatement.run({...row, batchId}).lastInsertRowid);
		},
		get(id: number): Transaction | undefined {
			return byId.get(id);
		},
		findByKey(terminalId: string, batchNo: string, voucherNo: string): Transaction | undefined {
			return byKey.get(terminalId, batchNo, voucherNo);
		},
		/**
		 * Up to `limit` rows newest first, after `cursor` in `direction`; without a cursor, from the newest
		 * ('older') or the oldest ('newer'). Results are always returned newest first.
		 */
		page(query: TransactionQuery, cursor: Cursor | undefined, direction: Direction, limit: number): Transaction[] {
			const statement = pageStatement(query, direction, cursor !== undefined, limit);
			const rows = statement.all(...pageParameters(query, cursor));
			return direction === 'older' ? rows : rows.toReversed();
		},
		/** How many rows match `query`; with `newerThan`, only those before it in newest-first order. */
		count(query: TransactionQuery, newerThan?: Cursor): number {
			const statement = countStatement(query, newerThan !== undefined);
			return Number(statement.get(...pageParameters(query, newerThan))?.count ?? 0);
		},
		/** The SQL and parameters a count would run, for tests that check the query plan. */
		countQuery(query: TransactionQuery, newerThan?: Cursor) {
			return {sql: countStatement(query, newerThan !== undefined).source, parameters: pageParameters(query, newerThan)};
		},
		/** The SQL and parameters a page would run, for tests that check the query plan. */
		pageQuery(query: TransactionQuery, cursor: Cursor | undefined, direction: Direction, limit: number) {
			return {
				sql: pageStatement(query, direction, cursor !== undefined, limit).source,
				parameters: pageParameters(query, cursor),
			};
		},
		/** Flips a completed transaction to voided. False when it was not completed (someone voided it first). */
		markVoided(id: number): boolean {
			return markVoidedStatement.run(id).changes === 1;
		},
	};
}

export type TransactionsStore = ReturnType<typeof createTransactionsStore>;

export {type Channel} from '../domain/transaction.js';
