import type {SqlDatabase} from './sqlite-driver.js';

/** The states of a void that reaches the money (schema-v6-void-requests.ts says what each means). */
export const voidRequestStates = ['requested', 'in-doubt', 'approved', 'declined'] as const;
export type VoidRequestState = (typeof voidRequestStates)[number];

export type VoidRequestRow = {
	id: number;
	transactionId: number;
	terminalId: string;
	batchId: number;
	voucherNo: string;
	referenceNo: string;
	idempotencyKey: string;
	platform: 'alipay' | 'wechat';
	operation: 'refund' | 'cancel';
	amount: number;
	operatorNo: string;
	approverNo: string | undefined;
	reason: string;
	state: VoidRequestState;
	requestedAt: number;
	updatedAt: number;
	/** Sends and queries made so far. */
	attempts: number;
	/** When the background resolution next asks the platform, for a void in doubt. */
	nextCheckAt: number | undefined;
	/** The last answer in words: why it is in doubt, the platform's decline message. */
	detail: string;
	declineCode: string | undefined;
	platformRefundNo: string | undefined;
	voidId: number | undefined;
	/** The supervisor who settled it by hand. */
	settledBy: string | undefined;
};

export type NewVoidRequest = Pick<
	VoidRequestRow,
	| 'transactionId'
	| 'terminalId'
	| 'batchId'
	| 'voucherNo'
	| 'referenceNo'
	| 'idempotencyKey'
	| 'platform'
	| 'operation'
	| 'amount'
	| 'operatorNo'
	| 'approverNo'
	| 'reason'
	| 'requestedAt'
>;

/** A void request with its sale's voucher, order number and batch, for lists and words. */
export type VoidRequestListing = VoidRequestRow & {
	saleVoucherNo: string;
	platformOrderNo: string | undefined;
	batchNo: string;
};

type Nullable<T> = {[K in keyof T]: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K]};

const columns = `r.id, r.transaction_id AS transactionId, r.terminal_id AS terminalId, r.batch_id AS batchId,
	r.voucher_no AS voucherNo, r.reference_no AS referenceNo, r.idempotency_key AS idempotencyKey, r.platform,
	r.operation, r.amount, r.operator_no AS operatorNo, r.approver_no AS approverNo, r.reason, r.state,
	r.requested_at AS requestedAt, r.updated_at AS updatedAt, r.attempts, r.next_check_at AS nextCheckAt, r.detail,
	r.decline_code AS declineCode, r.platform_refund_no AS platformRefundNo, r.void_id AS voidId, r.settled_by AS settledBy`;

const listingColumns = `${columns}, t.voucher_no AS saleVoucherNo, t.platform_order_no AS platformOrderNo, b.batch_no AS batchNo`;

function toRow<T extends VoidRequestRow>(raw: Nullable<T>): T {
	const row: Record<string, unknown> = {...raw};
	for (const [key, value] of Object.entries(row)) {
		if (value === null) {
			row[key] = undefined;
		}
	}

	return row as T;
}

/** The durable state of online voids. Every change is made inside the caller's immediate transaction. */
export function createVoidRequestsStore(db: SqlDatabase) {
	const insertStatement = db.prepare<[Record<string, unknown>]>(`
		INSERT INTO void_requests (transaction_id, terminal_id, batch_id, voucher_no, reference_no, idempotency_key, platform,
			operation, amount, operator_no, approver_no, reason, state, requested_at, updated_at)
		VALUES (@transactionId, @terminalId, @batchId, @voucherNo, @referenceNo, @idempotencyKey, @platform, @operation, @amount,
			@operatorNo, @approverNo, @reason, 'requested', @requestedAt, @requestedAt)`);
	const byId = db.prepare<[number], Nullable<VoidRequestListing>>(`
		SELECT ${listingColumns} FROM void_requests r JOIN transactions t ON t.id = r.transaction_id
		JOIN batches b ON b.id = r.batch_id WHERE r.id = ?`);
	const openOfSale = db.prepare<[number], Nullable<VoidRequestListing>>(`
		SELECT ${listingColumns} FROM void_requests r JOIN transactions t ON t.id = r.transaction_id
		JOIN batches b ON b.id = r.batch_id
		WHERE r.transaction_id = ? AND r.state IN ('requested', 'in-doubt')`);
	const latestOfSale = db.prepare<[number], Nullable<VoidRequestListing>>(`
		SELECT ${listingColumns} FROM void_requests r JOIN transactions t ON t.id = r.transaction_id
		JOIN batches b ON b.id = r.batch_id
		WHERE r.transaction_id = ? ORDER BY r.id DESC LIMIT 1`);
	const open = db.prepare<[], Nullable<VoidRequestListing>>(`
		SELECT ${listingColumns} FROM void_requests r JOIN transactions t ON t.id = r.transaction_id
		JOIN batches b ON b.id = r.batch_id
		WHERE r.state IN ('requested', 'in-doubt') ORDER BY r.requested_at, r.id`);
	const openInBatch = db.prepare<[number], Nullable<VoidRequestListing>>(`
		SELECT ${listingColumns} FROM void_requests r JOIN transactions t ON t.id = r.transaction_id
		JOIN batches b ON b.id = r.batch_id
		WHERE r.batch_id = ? AND r.state IN ('requested', 'in-doubt') ORDER BY r.requested_at, r.id`);
	const recent = db.prepare<[{state: string; limit: number}], Nullable<VoidRequestListing>>(`
		SELECT ${listingColumns} FROM void_requests r JOIN transactions t ON t.id = r.transaction_id
		JOIN batches b ON b.id = r.batch_id
		WHERE @state = '' OR r.state = @state ORDER BY r.id DESC LIMIT @limit`);
	const requestVoucher = db
		.prepare<[number, string], number>(
			'SELECT EXISTS (SELECT 1 FROM void_requests WHERE batch_id = ? AND voucher_no = ?)',
		)
		.pluck();
	const requestVouchers = db
		.prepare<[number], number>(
			'SELECT DISTINCT CAST(voucher_no AS INTEGER) AS n FROM void_requests WHERE batch_id = ? ORDER BY n',
		)
		.pluck();
	const platformNo = db
		.prepare<[number], string | null>('SELECT platform_refund_no FROM void_requests WHERE void_id = ?')
		.pluck();
	const openCount = db
		.prepare<[], number>("SELECT count(*) FROM void_requests WHERE state IN ('requested', 'in-doubt')")
		.pluck();
	const attempt = db.prepare<[{id: number; now: number}]>(
		'UPDATE void_requests SET attempts = attempts + 1, updated_at = @now WHERE id = @id',
	);
	const toInDoubt = db.prepare<[{id: number; now: number; nextCheckAt: number; detail: string}]>(`
		UPDATE void_requests SET state = 'in-doubt', updated_at = @now, next_check_at = @nextCheckAt, detail = @detail
		WHERE id = @id AND state IN ('requested', 'in-doubt')`);
	const toDeclined = db.prepare<[{id: number; now: number; code: string; detail: string; settledBy: string | null}]>(`
		UPDATE void_requests SET state = 'declined', updated_at = @now, next_check_at = NULL, decline_code = @code,
			detail = @detail, settled_by = @settledBy
		WHERE id = @id AND state IN ('requested', 'in-doubt')`);
	const toApproved = db.prepare<
		[{id: number; now: number; voidId: number; platformRefundNo: string; detail: string; settledBy: string | null}]
	>(`
		UPDATE void_requests SET state = 'approved', updated_at = @now, next_check_at = NULL, void_id = @voidId,
			platform_refund_no = @platformRefundNo, detail = @detail, settled_by = @settledBy
		WHERE id = @id AND state IN ('requested', 'in-doubt')`);

	return {
		/**
		 * Whether a void request of the batch has this voucher, whatever became of it: its idempotency key
		 * is made from it, so the number is never given to another void.
		 */
		isVoucherRequested(batchId: number, voucherNo: string): boolean {
			return requestVoucher.get(batchId, voucherNo) === 1;
		},
		/** Every voucher number the batch's void requests hold, ascending. */
		*usedVouchers(batchId: number): Generator<number> {
			yield* requestVouchers.iterate(batchId);
		},
		/** The platform's refund or cancel number of a void made online; none for other voids. */
		voidPlatformNo(voidId: number): string | undefined {
			return platformNo.get(voidId) ?? undefined;
		},
		insert(row: NewVoidRequest): number {
			return Number(insertStatement.run({...row, approverNo: row.approverNo ?? null}).lastInsertRowid);
		},
		get(id: number): VoidRequestListing | undefined {
			const raw = byId.get(id);
			return raw ? toRow(raw) : undefined;
		},
		/** The sale's void that is requested or in doubt, if any: there is at most one. */
		openForSale(transactionId: number): VoidRequestListing | undefined {
			const raw = openOfSale.get(transactionId);
			return raw ? toRow(raw) : undefined;
		},
		/** The sale's newest void request, whatever its state. */
		latestForSale(transactionId: number): VoidRequestListing | undefined {
			const raw = latestOfSale.get(transactionId);
			return raw ? toRow(raw) : undefined;
		},
		/** Every void requested or in doubt, oldest first. */
		open(): VoidRequestListing[] {
			return open.all().map(raw => toRow(raw));
		},
		openInBatch(batchId: number): VoidRequestListing[] {
			return openInBatch.all(batchId).map(raw => toRow(raw));
		},
		openCount(): number {
			return openCount.get() ?? 0;
		},
		/** The newest requests, of one state or of all (`''`). */
		recent(state: VoidRequestState | '', limit: number): VoidRequestListing[] {
			return recent.all({state, limit}).map(raw => toRow(raw));
		},
		countAttempt(id: number, now: number): void {
			attempt.run({id, now});
		},
		/** Each returns false when the request was no longer open: another process answered it first. */
		markInDoubt(id: number, now: number, nextCheckAt: number, detail: string): boolean {
			return toInDoubt.run({id, now, nextCheckAt, detail}).changes === 1;
		},
		markDeclined(id: number, now: number, code: string, detail: string, settledBy?: string): boolean {
			return toDeclined.run({id, now, code, detail, settledBy: settledBy ?? null}).changes === 1;
		},
		markApproved(
			id: number,
			now: number,
			answer: {voidId: number; platformRefundNo: string; detail: string; settledBy?: string},
		): boolean {
			return toApproved.run({id, now, ...answer, settledBy: answer.settledBy ?? null}).changes === 1;
		},
	};
}

export type VoidRequestsStore = ReturnType<typeof createVoidRequestsStore>;
