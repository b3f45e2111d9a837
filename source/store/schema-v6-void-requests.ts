/**
 * Issue 14: a void that reaches the money is a durable state machine. A `void_requests` row is written
 * `requested` (with its void voucher, allocated then, and its idempotency key, stored and never made
 * anew) before anything is sent; the answer moves it to `approved` (its void row, the sale voided and
 * the print job are written in the same transaction), `declined` (the sale stays completed) or
 * `in-doubt` (no answer known: only the platform's query, or a supervisor by hand, settles it).
 * A `requested` row found later is a crash between request and answer: it is treated as in doubt.
 * The `voids` table keeps only voids whose money moved and is unchanged, so the books, settlement and
 * exports read it as before; the platform's refund or cancel number is the approved request's.
 */
export const voidRequestsV6 = `
CREATE TABLE void_requests (
	id INTEGER PRIMARY KEY,
	transaction_id INTEGER NOT NULL REFERENCES transactions (id),
	terminal_id TEXT NOT NULL,
	batch_id INTEGER NOT NULL REFERENCES batches (id),
	voucher_no TEXT NOT NULL CHECK (length(voucher_no) = 6 AND voucher_no NOT GLOB '*[^0-9]*'),
	reference_no TEXT NOT NULL,
	idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 64),
	platform TEXT NOT NULL CHECK (platform IN ('alipay', 'wechat')),
	operation TEXT NOT NULL CHECK (operation IN ('refund', 'cancel')),
	amount INTEGER NOT NULL CHECK (amount > 0),
	operator_no TEXT NOT NULL,
	approver_no TEXT,
	reason TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'in-doubt', 'approved', 'declined')),
	requested_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_check_at INTEGER,
	detail TEXT NOT NULL DEFAULT '',
	decline_code TEXT,
	platform_refund_no TEXT,
	void_id INTEGER REFERENCES voids (id),
	settled_by TEXT,
	UNIQUE (batch_id, voucher_no),
	CHECK ((state = 'approved') = (void_id IS NOT NULL))
);

CREATE UNIQUE INDEX void_requests_one_open_per_sale ON void_requests (transaction_id)
	WHERE state IN ('requested', 'in-doubt');
CREATE INDEX void_requests_open ON void_requests (state, next_check_at) WHERE state IN ('requested', 'in-doubt');
CREATE INDEX void_requests_by_sale ON void_requests (transaction_id, id);
`;
