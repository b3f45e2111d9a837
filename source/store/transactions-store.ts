import type {Transaction, TransactionQuery} from '../domain/transaction.js';
import {hiddenFromSql, visibleSale} from './sale-visibility.js';
import type {SqlDatabase, SqlStatement} from './sqlite-driver.js';

export type {TransactionQuery} from '../domain/transaction.js';

/** A position in the newest-first order: rows strictly after it (older) or before it (newer). */
export type Cursor = {createdAt: number; id: number};
export type Direction = 'older' | 'newer';

export type NewTransaction = Omit<Transaction, 'id' | 'status' | 'resolvedOutside'>;

// A QR sale's missing card numbers read as '' (the domain's "none"); its optional numbers as absent.
const columns = `id, coalesce(voucher_no, '') AS voucherNo, coalesce(reference_no, '') AS referenceNo,
	coalesce(auth_code, '') AS authCode, batch_no AS batchNo, terminal_id AS terminalId, merchant_id AS merchantId,
	channel, coalesce(card_masked, '') AS cardMasked, amount, fee, currency, created_at AS createdAt,
	operator_no AS operatorNo, status, platform_order_no AS platformOrderNo, merchant_order_no AS merchantOrderNo,
	payer_masked AS payerMasked,
	EXISTS (SELECT 1 FROM outside_resolutions r WHERE r.transaction_id = transactions.id) AS resolvedOutside`;

type RawTransaction = Omit<Transaction, 'platformOrderNo' | 'merchantOrderNo' | 'payerMasked' | 'resolvedOutside'> & {
	platformOrderNo: string | null;
	merchantOrderNo: string | null;
	payerMasked: string | null;
	resolvedOutside: number;
};

function toTransaction(raw: RawTransaction): Transaction {
	const {platformOrderNo, merchantOrderNo, payerMasked, resolvedOutside, ...rest} = raw;
	const row: Transaction = rest;
	if (resolvedOutside === 1) {
		row.resolvedOutside = true;
	}

	if (platformOrderNo !== null) {
		row.platformOrderNo = platformOrderNo;
	}

	if (merchantOrderNo !== null) {
		row.merchantOrderNo = merchantOrderNo;
	}

	if (payerMasked !== null) {
		row.payerMasked = payerMasked;
	}

	return row;
}

/** The last six characters reversed, as the `*_order_tail` columns hold them. */
export function reversedTail(text: string): string {
	let reversed = '';
	for (let index = 1; index <= Math.min(6, text.length); index++) {
		reversed += text.at(-index) ?? '';
	}

	return reversed;
}

/** `[low, high)` of the reversed tails of order numbers that end with `suffix`. */
function tailRange(suffix: string): [string, string] {
	const reversed = reversedTail(suffix);
	return [reversed, `${reversed}\u007F`];
}

const orderTailSql =
	'((platform_order_no IS NOT NULL AND platform_order_tail >= ? AND platform_order_tail < ?) OR (merchant_order_no IS NOT NULL AND merchant_order_tail >= ? AND merchant_order_tail < ?))';

type FilterKey = Exclude<keyof TransactionQuery, 'orderTail'>;
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

/** The term an order tail widens: the voucher or the last four typed as the same digits. */
function widenedKey(query: TransactionQuery): FilterKey | undefined {
	if (query.orderTail === undefined) {
		return undefined;
	}

	return query.voucherNo === undefined ? (query.lastFour === undefined ? undefined : 'lastFour') : 'voucherNo';
}

/** The WHERE conditions of a query, in the order pageParameters binds them. */
function conditionsOf(query: TransactionQuery): string[] {
	const widened = widenedKey(query);
	const conditions = filterOrder
		.filter(key => query[key] !== undefined)
		.map(key => (key === widened ? `(${filterSql[key]} OR ${orderTailSql})` : filterSql[key]));
	if (query.orderTail !== undefined && widened === undefined) {
		conditions.unshift(orderTailSql);
	}

	return conditions;
}

/** Parameters in the order the page statement's placeholders expect them. */
function pageParameters(query: TransactionQuery, cursor: Cursor | undefined): unknown[] {
	const widened = widenedKey(query);
	const tail = query.orderTail === undefined ? [] : [...tailRange(query.orderTail), ...tailRange(query.orderTail)];
	const parameters: unknown[] = widened === undefined ? tail : [];
	for (const key of filterOrder) {
		if (query[key] !== undefined) {
			parameters.push(query[key]);
			if (key === widened) {
				parameters.push(...tail);
			}
		}
	}

	if (cursor) {
		parameters.push(cursor.createdAt, cursor.id);
	}

	return parameters;
}

export function createTransactionsStore(db: SqlDatabase) {
	const insertStatement = db.prepare<[Record<string, unknown>]>(`
		INSERT INTO transactions (voucher_no, reference_no, auth_code, batch_id, batch_no, terminal_id,
			merchant_id, channel, card_masked, amount, fee, currency, created_at, operator_no,
			platform_order_no, merchant_order_no, payer_masked)
		VALUES (nullif(@voucherNo, ''), nullif(@referenceNo, ''), nullif(@authCode, ''), @batchId, @batchNo, @terminalId,
			@merchantId, @channel, nullif(@cardMasked, ''), @amount, @fee, @currency, @createdAt, @operatorNo,
			@platformOrderNo, @merchantOrderNo, @payerMasked)`);
	const byId = db.prepare<[number], RawTransaction>(
		`SELECT ${columns} FROM transactions WHERE id = ? AND ${visibleSale()}`,
	);
	const byKey = db.prepare<[string, string, string], RawTransaction>(
		`SELECT ${columns} FROM transactions WHERE terminal_id = ? AND batch_no = ? AND voucher_no = ? AND ${visibleSale()}`,
	);
	const byOrderTail = db.prepare<[string, string, string, string], RawTransaction>(
		`SELECT ${columns} FROM transactions WHERE ${orderTailSql} AND ${visibleSale()} ORDER BY created_at DESC, id DESC LIMIT 50`,
	);
	const markVoidedStatement = db.prepare<[number]>(
		`UPDATE transactions SET status = 'voided' WHERE id = ? AND status = 'completed' AND ${visibleSale()}`,
	);
	const pageStatements = new Map<string, SqlStatement<unknown[], RawTransaction>>();
	const countStatements = new Map<string, SqlStatement<unknown[], {count: number}>>();

	/** Counts the rows matching `query`, or only those newer than a cursor: the list's total and its position. */
	function countStatement(query: TransactionQuery, newerThanCursor: boolean) {
		const used = [...filterOrder, 'orderTail' as const].filter(key => query[key] !== undefined);
		const cacheKey = `${used.join(',')}|${newerThanCursor}`;
		let statement = countStatements.get(cacheKey);
		if (!statement) {
			const conditions = conditionsOf(query);
			if (newerThanCursor) {
				conditions.push('(created_at, id) > (?, ?)');
			}

			// Without a filter, the whole table's count (a fast b-tree count) less the rows still hidden.
			statement =
				conditions.length === 0
					? db.prepare<unknown[], {count: number}>(
							`SELECT (SELECT count(*) FROM transactions) - (SELECT count(*) FROM transactions WHERE id >= ${hiddenFromSql}) AS count`,
						)
					: db.prepare<unknown[], {count: number}>(
							`SELECT count(*) AS count FROM transactions WHERE ${[...conditions, visibleSale()].join(' AND ')}`,
						);
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

		const used = [...filterOrder, 'orderTail' as const].filter(key => query[key] !== undefined);
		const cacheKey = `${used.join(',')}|${direction}|${hasCursor}|${limit}`;
		let statement = pageStatements.get(cacheKey);
		if (!statement) {
			const conditions = conditionsOf(query);
			if (hasCursor) {
				conditions.push(direction === 'older' ? '(created_at, id) < (?, ?)' : '(created_at, id) > (?, ?)');
			}

			const where = `WHERE ${[...conditions, visibleSale()].join(' AND ')}`;
			const order = direction === 'older' ? 'created_at DESC, id DESC' : 'created_at ASC, id ASC';
			statement = db.prepare<unknown[], RawTransaction>(
				`SELECT ${columns} FROM transactions ${where} ORDER BY ${order} LIMIT ${limit}`,
			);
			pageStatements.set(cacheKey, statement);
		}

		return statement;
	}

	return {
		insert(row: NewTransaction, batchId: number): number {
			return Number(
				insertStatement.run({
					...row,
					batchId,
					platformOrderNo: row.platformOrderNo ?? null,
					merchantOrderNo: row.merchantOrderNo ?? null,
					payerMasked: row.payerMasked ?? null,
				}).lastInsertRowid,
			);
		},
		get(id: number): Transaction | undefined {
			const raw = byId.get(id);
			return raw ? toTransaction(raw) : undefined;
		},
		findByKey(terminalId: string, batchNo: string, voucherNo: string): Transaction | undefined {
			const raw = byKey.get(terminalId, batchNo, voucherNo);
			return raw ? toTransaction(raw) : undefined;
		},
		/**
		 * QR sales whose platform or merchant order number is `orderNo` or ends with it (at least 4
		 * characters), newest first, at most 50: an index seek on the reversed tails.
		 */
		findByOrderNumber(orderNo: string): Transaction[] {
			const range = tailRange(orderNo);
			return byOrderTail
				.all(...range, ...range)
				.map(raw => toTransaction(raw))
				.filter(
					row => row.platformOrderNo?.endsWith(orderNo) === true || row.merchantOrderNo?.endsWith(orderNo) === true,
				);
		},
		/**
		 * Up to `limit` rows newest first, after `cursor` in `direction`; without a cursor, from the newest
		 * ('older') or the oldest ('newer'). Results are always returned newest first.
		 */
		page(query: TransactionQuery, cursor: Cursor | undefined, direction: Direction, limit: number): Transaction[] {
			const statement = pageStatement(query, direction, cursor !== undefined, limit);
			const rows = statement.all(...pageParameters(query, cursor)).map(raw => toTransaction(raw));
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
