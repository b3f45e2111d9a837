/** The first schema. Money columns are integer fen; times are integer milliseconds since the epoch, UTC. */
export const schemaV1 = `
CREATE TABLE batches (
	id INTEGER PRIMARY KEY,
	terminal_id TEXT NOT NULL,
	batch_no TEXT NOT NULL CHECK (length(batch_no) = 6 AND batch_no NOT GLOB '*[^0-9]*'),
	opened_at INTEGER NOT NULL,
	settled_at INTEGER,
	settled_by TEXT,
	UNIQUE (terminal_id, batch_no),
	CHECK ((settled_at IS NULL) = (settled_by IS NULL))
);

CREATE TABLE transactions (
	id INTEGER PRIMARY KEY,
	voucher_no TEXT NOT NULL CHECK (length(voucher_no) = 6 AND voucher_no NOT GLOB '*[^0-9]*'),
	reference_no TEXT NOT NULL CHECK (length(reference_no) = 12 AND reference_no NOT GLOB '*[^0-9]*'),
	auth_code TEXT NOT NULL,
	batch_id INTEGER NOT NULL REFERENCES batches (id),
	batch_no TEXT NOT NULL,
	terminal_id TEXT NOT NULL,
	merchant_id TEXT NOT NULL,
	channel TEXT NOT NULL CHECK (channel IN ('debit', 'credit', 'wechat', 'alipay', 'unionpay_qr')),
	card_masked TEXT NOT NULL,
	card_last4 TEXT GENERATED ALWAYS AS (substr(card_masked, -4)) VIRTUAL,
	amount INTEGER NOT NULL CHECK (amount > 0 AND amount <= 9999999999),
	fee INTEGER NOT NULL CHECK (fee >= 0 AND fee <= amount),
	currency TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	operator_no TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'voided')),
	UNIQUE (terminal_id, batch_no, voucher_no)
);

CREATE INDEX transactions_by_time ON transactions (created_at);
CREATE INDEX transactions_by_status ON transactions (status, created_at);
CREATE INDEX transactions_by_voucher ON transactions (voucher_no, created_at);
CREATE INDEX transactions_by_reference ON transactions (reference_no, created_at);
CREATE INDEX transactions_by_last4 ON transactions (card_last4, amount, created_at);
CREATE INDEX transactions_by_amount ON transactions (amount, created_at);
CREATE INDEX transactions_by_batch ON transactions (batch_id, channel);

CREATE TABLE voids (
	id INTEGER PRIMARY KEY,
	transaction_id INTEGER NOT NULL UNIQUE REFERENCES transactions (id),
	terminal_id TEXT NOT NULL,
	batch_id INTEGER NOT NULL REFERENCES batches (id),
	voucher_no TEXT NOT NULL CHECK (length(voucher_no) = 6 AND voucher_no NOT GLOB '*[^0-9]*'),
	reference_no TEXT NOT NULL,
	operator_no TEXT NOT NULL,
	approver_no TEXT,
	reason TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	UNIQUE (batch_id, voucher_no)
);

CREATE INDEX voids_by_batch ON voids (batch_id);

CREATE TABLE operators (
	operator_no TEXT PRIMARY KEY CHECK (length(operator_no) BETWEEN 2 AND 4 AND operator_no NOT GLOB '*[^0-9]*'),
	name TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor')),
	password_hash TEXT NOT NULL,
	failed_attempts INTEGER NOT NULL DEFAULT 0,
	locked_until INTEGER,
	created_at INTEGER NOT NULL
);

CREATE TABLE counters (
	name TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);

CREATE TABLE print_jobs (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('void-slip', 'settlement-report')),
	void_id INTEGER REFERENCES voids (id),
	batch_id INTEGER REFERENCES batches (id),
	reprint INTEGER NOT NULL DEFAULT 0 CHECK (reprint IN (0, 1)),
	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'printing', 'printed', 'failed')),
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	printed_at INTEGER,
	CHECK ((kind = 'void-slip') = (void_id IS NOT NULL)),
	CHECK ((kind = 'settlement-report') = (batch_id IS NOT NULL))
);

CREATE INDEX print_jobs_waiting ON print_jobs (state) WHERE state <> 'printed';
CREATE INDEX print_jobs_by_void ON print_jobs (void_id);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	operator_no TEXT,
	event TEXT NOT NULL,
	result TEXT NOT NULL,
	record TEXT,
	detail TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);

CREATE INDEX audit_by_operator ON audit_log (operator_no, id);
CREATE INDEX audit_by_event ON audit_log (event, id);

CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
`;
