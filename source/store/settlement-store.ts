import type {Channel, Transaction} from '../domain/transaction.js';
import type {SqlDatabase} from './sqlite-driver.js';
import {visibleSale} from './sale-visibility.js';

/** Per-channel totals of one batch, straight from the rows. */
export type ChannelTotalsRow = {
	channel: Channel;
	salesCount: number;
	salesAmount: number;
	salesFees: number;
	voidsCount: number;
	voidsAmount: number;
	voidsFees: number;
};

/** A sale or a void as the acquirer's statement lists it: a void carries its sale's fields, negated amounts and its own voucher. */
export type ExportRow = Pick<
	Transaction,
	| 'voucherNo'
	| 'referenceNo'
	| 'authCode'
	| 'batchNo'
	| 'terminalId'
	| 'merchantId'
	| 'channel'
	| 'cardMasked'
	| 'amount'
	| 'fee'
	| 'currency'
	| 'createdAt'
	| 'operatorNo'
> & {
	kind: 'sale' | 'void';
	originalVoucherNo: string | undefined;
	approverNo: string | undefined;
	reason: string | undefined;
};

type RawExportRow = Omit<ExportRow, 'originalVoucherNo' | 'approverNo' | 'reason'> & {
	originalVoucherNo: string | null;
	approverNo: string | null;
	reason: string | null;
};

export function createSettlementStore(db: SqlDatabase) {
	const totals = db.prepare<[number], ChannelTotalsRow>(`
		SELECT t.channel AS channel,
			count(*) AS salesCount,
			sum(t.amount) AS salesAmount,
			sum(t.fee) AS salesFees,
			count(v.id) AS voidsCount,
			coalesce(sum(CASE WHEN v.id IS NOT NULL THEN t.amount END), 0) AS voidsAmount,
			coalesce(sum(CASE WHEN v.id IS NOT NULL THEN t.fee END), 0) AS voidsFees
		FROM transactions t
		LEFT JOIN voids v ON v.transaction_id = t.id
		WHERE t.batch_id = ? AND ${visibleSale('t')}
		GROUP BY t.channel`);
	const exportRows = db.prepare<[number, number], RawExportRow>(`
		SELECT 'sale' AS kind, voucher_no AS voucherNo, NULL AS originalVoucherNo, reference_no AS referenceNo,
			auth_code AS authCode, batch_no AS batchNo, terminal_id AS terminalId, merchant_id AS merchantId, channel,
			card_masked AS cardMasked, amount, fee, currency, created_at AS createdAt, operator_no AS operatorNo,
			NULL AS approverNo, NULL AS reason
		FROM transactions WHERE batch_id = ? AND ${visibleSale()}
		UNION ALL
		SELECT 'void', v.voucher_no, t.voucher_no, v.reference_no, t.auth_code, t.batch_no, v.terminal_id, t.merchant_id,
			t.channel, t.card_masked, -t.amount, -t.fee, t.currency, v.created_at, v.operator_no, v.approver_no, v.reason
		FROM voids v JOIN transactions t ON t.id = v.transaction_id WHERE v.batch_id = ?
		ORDER BY createdAt, kind`);

	// Every stored field of the batch's sales and voids, in one fixed order: what a settlement's digest covers.
	const batchRows = db
		.prepare<[number, number], unknown[]>(
			`
			SELECT 's', id, voucher_no, reference_no, auth_code, channel, card_masked, amount, fee, currency, created_at,
				operator_no, status
			FROM transactions WHERE batch_id = ? AND ${visibleSale()}
			UNION ALL
			SELECT 'v', id, voucher_no, reference_no, transaction_id, operator_no, approver_no, reason, created_at,
				NULL, NULL, NULL, NULL
			FROM voids WHERE batch_id = ?
			ORDER BY 1, 2`,
		)
		.raw();

	return {
		/** The batch's sales and voids as arrays of their stored fields, sales first, each in id order. */
		*batchRows(batchId: number): Generator<unknown[]> {
			yield* batchRows.iterate(batchId, batchId);
		},
		channelTotals(batchId: number): ChannelTotalsRow[] {
			return totals.all(batchId);
		},
		*exportRows(batchId: number): Generator<ExportRow> {
			for (const row of exportRows.iterate(batchId, batchId)) {
				yield {
					...row,
					originalVoucherNo: row.originalVoucherNo ?? undefined,
					approverNo: row.approverNo ?? undefined,
					reason: row.reason ?? undefined,
				};
			}
		},
	};
}

export type SettlementStore = ReturnType<typeof createSettlementStore>;
