import type {Channel} from '../domain/transaction.js';
import type {SqlDatabase} from './sqlite-driver.js';
import {reversedTail} from './transactions-store.js';
import {visibleSale} from './sale-visibility.js';

/**
 * A bill's rows as reconciliation compares them, in TEMP tables of this connection only: a bill of a
 * million rows is compared in SQL instead of in memory, and nothing of it reaches the database file.
 */
const scratchSchema = `
CREATE TEMP TABLE IF NOT EXISTS reconcile_rows (
	id INTEGER PRIMARY KEY,
	file TEXT NOT NULL,
	line INTEGER NOT NULL,
	kind TEXT NOT NULL,
	channel TEXT NOT NULL,
	amount INTEGER NOT NULL,
	fee INTEGER,
	created_at INTEGER NOT NULL,
	bill_key TEXT NOT NULL,
	transaction_id INTEGER,
	known INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS temp.reconcile_rows_by_transaction ON reconcile_rows (transaction_id, kind);
CREATE TEMP TABLE IF NOT EXISTS reconcile_scope (
	channel TEXT NOT NULL,
	day_start INTEGER NOT NULL,
	day_end INTEGER NOT NULL,
	PRIMARY KEY (channel, day_start)
);
DELETE FROM temp.reconcile_rows;
DELETE FROM temp.reconcile_scope;
`;

export type ScratchRow = {
	file: string;
	line: number;
	kind: 'sale' | 'resolution';
	channel: Channel;
	amount: number;
	fee: number | undefined;
	createdAt: number;
	/** The numbers that name the row, as the report shows them. */
	billKey: string;
	transactionId: number | undefined;
	/** A resolution posvoid already knows: its sale was voided here, or it was imported as an outside resolution. */
	known: boolean;
};

/** A sale of the database as a reconciliation line names it. */
export type ReconcileSale = {
	id: number;
	channel: Channel;
	amount: number;
	fee: number;
	createdAt: number;
	terminalId: string;
	batchNo: string;
	voucherNo: string | null;
	referenceNo: string | null;
	platformOrderNo: string | null;
	merchantOrderNo: string | null;
};

export type MismatchRow = ReconcileSale & {file: string; line: number; billAmount: number; billFee: number | null};
export type OutsideRow = {
	file: string;
	line: number;
	channel: Channel;
	amount: number;
	createdAt: number;
	billKey: string;
	transactionId: number | null;
};
export type UnseenVoid = ReconcileSale & {voidVoucherNo: string; voidedAt: number};

const saleColumns = `t.id, t.channel, t.amount, t.fee, t.created_at AS createdAt, t.terminal_id AS terminalId,
	t.batch_no AS batchNo, t.voucher_no AS voucherNo, t.reference_no AS referenceNo,
	t.platform_order_no AS platformOrderNo, t.merchant_order_no AS merchantOrderNo`;

const inScope = (column: string) =>
	`EXISTS (SELECT 1 FROM temp.reconcile_scope s WHERE s.channel = t.channel AND ${column} >= s.day_start AND ${column} < s.day_end)`;

function prepareAll(db: SqlDatabase) {
	db.exec(scratchSchema);
	return {
		insertRow: db.prepare<[Record<string, unknown>]>(`INSERT INTO temp.reconcile_rows
			(file, line, kind, channel, amount, fee, created_at, bill_key, transaction_id, known)
			VALUES (@file, @line, @kind, @channel, @amount, @fee, @createdAt, @billKey, @transactionId, @known)`),
		insertScope: db.prepare<[string, number, number]>(
			'INSERT OR IGNORE INTO temp.reconcile_scope (channel, day_start, day_end) VALUES (?, ?, ?)',
		),
		byPlatformOrder: db
			.prepare<[string, string], number>(
				`SELECT id FROM transactions WHERE platform_order_no = ? AND channel = ? AND ${visibleSale()}`,
			)
			.pluck(),
		byMerchantOrder: db
			.prepare<[string, string, string], number>(
				`SELECT id FROM transactions WHERE merchant_order_no IS NOT NULL AND merchant_order_tail = ? AND merchant_order_no = ? AND channel = ? AND ${visibleSale()} ORDER BY id LIMIT 1`,
			)
			.pluck(),
		byVoucher: db
			.prepare<[string, string, string], number>(
				`SELECT id FROM transactions WHERE terminal_id = ? AND batch_no = ? AND voucher_no = ? AND ${visibleSale()}`,
			)
			.pluck(),
		byReference: db
			.prepare<[string], number>(
				`SELECT id FROM transactions WHERE reference_no = ? AND ${visibleSale()} ORDER BY id LIMIT 1`,
			)
			.pluck(),
		voided: db.prepare<[number], number>('SELECT EXISTS (SELECT 1 FROM voids WHERE transaction_id = ?)').pluck(),
		recordedFor: db
			.prepare<[number], number>('SELECT EXISTS (SELECT 1 FROM outside_resolutions WHERE transaction_id = ?)')
			.pluck(),
		recordedByNumber: db
			.prepare<[string, string], number>(
				'SELECT EXISTS (SELECT 1 FROM outside_resolutions WHERE channel = ? AND resolution_no = ?)',
			)
			.pluck(),
		recordedByOrder: db
			.prepare<[string, string], number>(
				'SELECT EXISTS (SELECT 1 FROM outside_resolutions WHERE channel = ? AND refers_platform_order_no = ?)',
			)
			.pluck(),
		recordedByVoucher: db
			.prepare<[string, string, string], number>(
				'SELECT EXISTS (SELECT 1 FROM outside_resolutions WHERE refers_terminal_id = ? AND refers_batch_no = ? AND refers_voucher_no = ?)',
			)
			.pluck(),
		missingHere: db.prepare<[], OutsideRow>(`SELECT file, line, channel, amount, created_at AS createdAt,
			bill_key AS billKey, transaction_id AS transactionId
			FROM temp.reconcile_rows WHERE kind = 'sale' AND transaction_id IS NULL ORDER BY id`),
		refundedOutside: db.prepare<[], OutsideRow>(`SELECT file, line, channel, amount, created_at AS createdAt,
			bill_key AS billKey, transaction_id AS transactionId
			FROM temp.reconcile_rows WHERE kind = 'resolution' AND known = 0 ORDER BY id`),
		mismatches: db.prepare<
			[],
			MismatchRow
		>(`SELECT ${saleColumns}, r.file, r.line, r.amount AS billAmount, r.fee AS billFee
			FROM temp.reconcile_rows r JOIN transactions t ON t.id = r.transaction_id
			WHERE r.kind = 'sale' AND (r.amount <> t.amount OR (r.fee IS NOT NULL AND r.fee <> t.fee)) ORDER BY r.id`),
		missingInBill: db.prepare<[], ReconcileSale>(`SELECT ${saleColumns} FROM transactions t
			WHERE ${inScope('t.created_at')} AND ${visibleSale('t')}
			-- A sale revoked at the platform shows only as its revocation row (WeChat Pay's REVOKED).
			AND NOT EXISTS (SELECT 1 FROM temp.reconcile_rows r WHERE r.transaction_id = t.id)
			ORDER BY t.created_at, t.id`),
		unseenVoids: db.prepare<
			[],
			UnseenVoid
		>(`SELECT ${saleColumns}, v.voucher_no AS voidVoucherNo, v.created_at AS voidedAt
			FROM voids v JOIN transactions t ON t.id = v.transaction_id
			WHERE ${inScope('v.created_at')}
			AND NOT EXISTS (SELECT 1 FROM temp.reconcile_rows r WHERE r.transaction_id = t.id AND r.kind = 'resolution')
			ORDER BY v.created_at, v.id`),
		matchedSales: db
			.prepare<[], number>(
				`SELECT count(*) FROM temp.reconcile_rows WHERE kind = 'sale' AND transaction_id IS NOT NULL`,
			)
			.pluck(),
	};
}

type Statements = ReturnType<typeof prepareAll>;

/** Reconciliation's lookups and its scratch tables. Statements are prepared on first use, once per connection. */
export function createReconcileStore(db: SqlDatabase) {
	let statements: Statements | undefined;
	const ready = (): Statements => {
		statements ??= prepareAll(db);
		return statements;
	};

	return {
		/** Empties the scratch tables for a new reconciliation. */
		begin(): void {
			if (statements) {
				db.exec('DELETE FROM temp.reconcile_rows; DELETE FROM temp.reconcile_scope;');
			} else {
				ready();
			}
		},
		addScope(channel: Channel, dayStart: number, dayEnd: number): void {
			ready().insertScope.run(channel, dayStart, dayEnd);
		},
		addRows(rows: readonly ScratchRow[]): void {
			const {insertRow} = ready();
			for (const row of rows) {
				insertRow.run({
					...row,
					fee: row.fee ?? null,
					transactionId: row.transactionId ?? null,
					known: row.known ? 1 : 0,
				});
			}
		},
		/** The sale a QR bill names: by the platform's order number, else by the merchant's. */
		findQrSale(channel: Channel, platformOrderNo?: string, merchantOrderNo?: string): number | undefined {
			const s = ready();
			const byPlatform = platformOrderNo === undefined ? undefined : s.byPlatformOrder.get(platformOrderNo, channel);
			if (byPlatform !== undefined || merchantOrderNo === undefined || merchantOrderNo.includes('*')) {
				return byPlatform;
			}

			return s.byMerchantOrder.get(reversedTail(merchantOrderNo), merchantOrderNo, channel);
		},
		/** The sale a card export names: by terminal, batch and voucher, else by reference. */
		findCardSale(terminalId?: string, batchNo?: string, voucherNo?: string, referenceNo?: string): number | undefined {
			const s = ready();
			const byVoucher =
				terminalId === undefined || batchNo === undefined || voucherNo === undefined
					? undefined
					: s.byVoucher.get(terminalId, batchNo, voucherNo);
			return byVoucher ?? (referenceNo === undefined ? undefined : s.byReference.get(referenceNo));
		},
		/** Whether posvoid knows of a refund or void: its sale was voided here, or it was recorded from a bill. */
		knowsResolution(
			channel: Channel,
			transactionId: number | undefined,
			resolutionNo: string | undefined,
			refersTo: {platformOrderNo?: string; terminalId?: string; batchNo?: string; voucherNo?: string},
		): boolean {
			const s = ready();
			if (
				transactionId !== undefined &&
				(s.voided.get(transactionId) === 1 || s.recordedFor.get(transactionId) === 1)
			) {
				return true;
			}

			if (resolutionNo !== undefined && s.recordedByNumber.get(channel, resolutionNo) === 1) {
				return true;
			}

			// Recorded by an import while its sale was unknown here: kept for reconciliation, and so known.
			const {platformOrderNo, terminalId, batchNo, voucherNo} = refersTo;
			if (platformOrderNo !== undefined) {
				return s.recordedByOrder.get(channel, platformOrderNo) === 1;
			}

			return (
				terminalId !== undefined &&
				batchNo !== undefined &&
				voucherNo !== undefined &&
				s.recordedByVoucher.get(terminalId, batchNo, voucherNo) === 1
			);
		},
		missingHere: (): IterableIterator<OutsideRow> => ready().missingHere.iterate(),
		refundedOutside: (): IterableIterator<OutsideRow> => ready().refundedOutside.iterate(),
		mismatches: (): IterableIterator<MismatchRow> => ready().mismatches.iterate(),
		missingInBill: (): IterableIterator<ReconcileSale> => ready().missingInBill.iterate(),
		unseenVoids: (): IterableIterator<UnseenVoid> => ready().unseenVoids.iterate(),
		matchedSales: (): number => ready().matchedSales.get() ?? 0,
	};
}

export type ReconcileStore = ReturnType<typeof createReconcileStore>;
