/**
 * Migration 5: QR sales read from a platform's bill have no 6-digit voucher, reference, auth code or card,
 * but carry the platform's and the merchant's order numbers and a masked payer id. SQLite cannot drop a
 * NOT NULL or a CHECK in place, so `transactions` is rebuilt (SQLite's "other kinds of schema changes"
 * procedure, run with foreign keys off by `migrate`): every row keeps its id, so voids, print jobs and the
 * audit log's `transaction:ID` records still point at the same sales. Card channels keep every old rule.
 *
 * `*_order_tail` holds the last six characters of an order number reversed, so "ends with 4 to 6 digits"
 * is a range seek on an index instead of a scan (SQLite has no reverse(); substr spells it out).
 */
function reversedTail(column: string): string {
	return [1, 2, 3, 4, 5, 6].map(index => `substr(${column}, -${index}, 1)`).join(' || ');
}

const qrChannels = `channel IN ('wechat', 'alipay', 'unionpay_qr')`;

export const rebuildTransactionsV5 = `
CREATE TABLE transactions_v5 (
	id INTEGER PRIMARY KEY,
	voucher_no TEXT CHECK (voucher_no IS NULL OR (length(voucher_no) = 6 AND voucher_no NOT GLOB '*[^0-9]*')),
	reference_no TEXT CHECK (reference_no IS NULL OR (length(reference_no) = 12 AND reference_no NOT GLOB '*[^0-9]*')),
	auth_code TEXT,
	batch_id INTEGER NOT NULL REFERENCES batches (id),
	batch_no TEXT NOT NULL,
	terminal_id TEXT NOT NULL,
	merchant_id TEXT NOT NULL,
	channel TEXT NOT NULL CHECK (channel IN ('debit', 'credit', 'wechat', 'alipay', 'unionpay_qr')),
	card_masked TEXT,
	card_last4 TEXT GENERATED ALWAYS AS (substr(card_masked, -4)) VIRTUAL,
	amount INTEGER NOT NULL CHECK (amount > 0 AND amount <= 9999999999),
	fee INTEGER NOT NULL CHECK (fee >= 0 AND fee <= amount),
	currency TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	operator_no TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'voided')),
	platform_order_no TEXT CHECK (platform_order_no IS NULL OR (length(platform_order_no) BETWEEN 6 AND 64 AND platform_order_no NOT GLOB '*[^0-9A-Za-z_-]*')),
	merchant_order_no TEXT CHECK (merchant_order_no IS NULL OR (length(merchant_order_no) BETWEEN 1 AND 64 AND merchant_order_no NOT GLOB '*[^0-9A-Za-z_*-]*')),
	payer_masked TEXT,
	platform_order_tail TEXT GENERATED ALWAYS AS (${reversedTail('platform_order_no')}) VIRTUAL,
	merchant_order_tail TEXT GENERATED ALWAYS AS (${reversedTail('merchant_order_no')}) VIRTUAL,
	UNIQUE (terminal_id, batch_no, voucher_no),
	-- A card sale keeps every number it always had; only a QR sale may lack them.
	CHECK (${qrChannels} OR (voucher_no IS NOT NULL AND reference_no IS NOT NULL AND auth_code IS NOT NULL AND card_masked IS NOT NULL)),
	-- Every sale can be named: by its voucher, or by its platform's order number.
	CHECK (voucher_no IS NOT NULL OR platform_order_no IS NOT NULL)
);

INSERT INTO transactions_v5 (id, voucher_no, reference_no, auth_code, batch_id, batch_no, terminal_id, merchant_id,
	channel, card_masked, amount, fee, currency, created_at, operator_no, status)
SELECT id, voucher_no, reference_no, auth_code, batch_id, batch_no, terminal_id, merchant_id,
	channel, card_masked, amount, fee, currency, created_at, operator_no, status
FROM transactions;

DROP TABLE transactions;
ALTER TABLE transactions_v5 RENAME TO transactions;

CREATE INDEX transactions_by_time ON transactions (created_at);
CREATE INDEX transactions_by_status ON transactions (status, created_at);
CREATE INDEX transactions_by_voucher ON transactions (voucher_no, created_at);
CREATE INDEX transactions_by_reference ON transactions (reference_no, created_at);
CREATE INDEX transactions_by_last4 ON transactions (card_last4, amount, created_at);
CREATE INDEX transactions_by_amount ON transactions (amount, created_at);
CREATE INDEX transactions_by_batch ON transactions (batch_id, channel);
CREATE INDEX transactions_by_last4_time ON transactions (card_last4, created_at);
CREATE UNIQUE INDEX transactions_by_platform_order ON transactions (platform_order_no, channel) WHERE platform_order_no IS NOT NULL;
CREATE INDEX transactions_by_platform_tail ON transactions (platform_order_tail, created_at) WHERE platform_order_no IS NOT NULL;
CREATE INDEX transactions_by_merchant_tail ON transactions (merchant_order_tail, created_at) WHERE merchant_order_no IS NOT NULL;
`;

/**
 * A refund, revocation or card void made outside posvoid and learnt from a bill: its sale's outside
 * resolution. `transaction_id` is NULL while the sale is unknown here: the row is kept for reconciliation,
 * with the numbers the bill gave for its sale (`refers_*`). `dedupe_key` makes a re-imported bill add nothing.
 */
export const outsideResolutionsV5 = `
CREATE TABLE outside_resolutions (
	id INTEGER PRIMARY KEY,
	transaction_id INTEGER REFERENCES transactions (id),
	channel TEXT NOT NULL CHECK (channel IN ('debit', 'credit', 'wechat', 'alipay', 'unionpay_qr')),
	kind TEXT NOT NULL CHECK (kind IN ('refund', 'revocation', 'card-void', 'card-return')),
	resolution_no TEXT,
	amount INTEGER NOT NULL CHECK (amount > 0 AND amount <= 9999999999),
	resolved_at INTEGER NOT NULL,
	imported_at INTEGER NOT NULL,
	source_format TEXT NOT NULL,
	source_file TEXT NOT NULL,
	source_line INTEGER NOT NULL,
	refers_platform_order_no TEXT,
	refers_merchant_order_no TEXT,
	refers_voucher_no TEXT,
	refers_reference_no TEXT,
	refers_terminal_id TEXT,
	refers_batch_no TEXT,
	dedupe_key TEXT NOT NULL UNIQUE
);

CREATE INDEX outside_resolutions_by_transaction ON outside_resolutions (transaction_id) WHERE transaction_id IS NOT NULL;
CREATE INDEX outside_resolutions_unmatched ON outside_resolutions (resolved_at) WHERE transaction_id IS NULL;

CREATE TABLE import_runs (
	id INTEGER PRIMARY KEY,
	file TEXT NOT NULL,
	format TEXT NOT NULL,
	started_at INTEGER NOT NULL,
	claimed_by TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'staging' CHECK (state IN ('staging', 'published', 'refused', 'abandoned'))
);

-- Rows read from a file and checked, not yet in the books: nothing reads this table but the import
-- that wrote it, which publishes all of its rows in one transaction or none.
CREATE TABLE import_staging (
	import_id INTEGER NOT NULL REFERENCES import_runs (id),
	line INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('sale', 'resolution')),
	dedupe_key TEXT NOT NULL,
	channel TEXT NOT NULL,
	amount INTEGER NOT NULL,
	fee INTEGER,
	currency TEXT,
	created_at INTEGER NOT NULL,
	merchant_id TEXT,
	terminal_id TEXT,
	operator_no TEXT,
	voucher_no TEXT,
	reference_no TEXT,
	auth_code TEXT,
	batch_no TEXT,
	card_masked TEXT,
	platform_order_no TEXT,
	merchant_order_no TEXT,
	payer_masked TEXT,
	resolution TEXT,
	resolution_no TEXT,
	refers_platform_order_no TEXT,
	refers_merchant_order_no TEXT,
	refers_voucher_no TEXT,
	refers_reference_no TEXT,
	refers_terminal_id TEXT,
	refers_batch_no TEXT,
	-- Why publishing leaves the row out: 'repeat' (earlier in the file), 'exists' (already imported), or a bad-line reason.
	excluded TEXT,
	PRIMARY KEY (import_id, line)
);

CREATE INDEX import_staging_by_key ON import_staging (import_id, dedupe_key, line);
`;
