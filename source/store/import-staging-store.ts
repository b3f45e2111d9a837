import {hiddenFromSql} from './sale-visibility.js';
import type {SqlDatabase} from './sqlite-driver.js';

/** One checked row of a file, as staged before it is published. Absent values are null. */
export type StagedRow = {
	line: number;
	kind: 'sale' | 'resolution';
	dedupeKey: string;
	channel: string;
	amount: number;
	fee: number | null;
	currency: string | null;
	createdAt: number;
	merchantId: string | null;
	terminalId: string | null;
	operatorNo: string | null;
	voucherNo: string | null;
	referenceNo: string | null;
	authCode: string | null;
	batchNo: string | null;
	cardMasked: string | null;
	platformOrderNo: string | null;
	merchantOrderNo: string | null;
	payerMasked: string | null;
	resolution: string | null;
	resolutionNo: string | null;
	refersPlatformOrderNo: string | null;
	refersMerchantOrderNo: string | null;
	refersVoucherNo: string | null;
	refersReferenceNo: string | null;
	refersTerminalId: string | null;
	refersBatchNo: string | null;
};

const stagedColumns = [
	'line',
	'kind',
	'dedupe_key',
	'channel',
	'amount',
	'fee',
	'currency',
	'created_at',
	'merchant_id',
	'terminal_id',
	'operator_no',
	'voucher_no',
	'reference_no',
	'auth_code',
	'batch_no',
	'card_masked',
	'platform_order_no',
	'merchant_order_no',
	'payer_masked',
	'resolution',
	'resolution_no',
	'refers_platform_order_no',
	'refers_merchant_order_no',
	'refers_voucher_no',
	'refers_reference_no',
	'refers_terminal_id',
	'refers_batch_no',
] as const;

/** A staged row publishing leaves out, and why. */
export type ExcludedRow = {
	line: number;
	kind: 'sale' | 'resolution';
	excluded: string;
	terminalId: string | null;
	batchNo: string | null;
	voucherNo: string | null;
	platformOrderNo: string | null;
	firstLine: number | null;
};

type LineRange = {importId: number; from: number; to: number};

/** A batch's earliest sale in an import. */
export type EarliestSale = {terminalId: string; batchNo: string; createdAt: number};

/** The reversed last six characters of an SQL text expression, as `*_order_tail` holds them. */
function reversedTailSql(expression: string): string {
	return [1, 2, 3, 4, 5, 6].map(index => `substr(${expression}, -${index}, 1)`).join(' || ');
}

/**
 * The rows of an import being read, in a TEMP table of the importing connection only: a scratch area
 * that needs no durability (a killed import's rows are of no use, and vanish with its connection), so
 * staging costs no fsync, takes no lock on the database file and adds nothing to its WAL.
 */
const stagingSchema = `
CREATE TEMP TABLE IF NOT EXISTS import_staging (
	import_id INTEGER NOT NULL,
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
CREATE INDEX IF NOT EXISTS temp.import_staging_by_key ON import_staging (import_id, dedupe_key, line);
`;

function prepareStatements(db: SqlDatabase) {
	db.exec(stagingSchema);
	// The staging pages live in a temporary file; a small cache for them keeps the import's memory flat.
	db.pragma('temp.cache_size = -2048');
	const startRun = db.prepare<[string, string, number, string]>(
		`INSERT INTO import_runs (file, format, started_at, claimed_by) VALUES (?, ?, ?, ?)`,
	);
	const setState = db.prepare<[string, number]>('UPDATE import_runs SET state = ? WHERE id = ?');
	const stateOf = db.prepare<[number], string>('SELECT state FROM import_runs WHERE id = ?').pluck();
	const stagingRuns = db.prepare<[], {id: number; file: string; claimedBy: string}>(
		`SELECT id, file, claimed_by AS claimedBy FROM import_runs WHERE state = 'staging'`,
	);
	const insertStaged = db.prepare(
		`INSERT INTO temp.import_staging (import_id, ${stagedColumns.join(', ')}) VALUES (?, ${stagedColumns.map(() => '?').join(', ')})`,
	);
	const deleteSome = db.prepare<[number, number]>(
		'DELETE FROM temp.import_staging WHERE rowid IN (SELECT rowid FROM temp.import_staging WHERE import_id = ? LIMIT ?)',
	);
	// Within the file: every repeat of a key after its first line.
	const inLines = 'AND line > @from AND line <= @to';
	const markRepeats = db.prepare<[LineRange]>(`
		UPDATE temp.import_staging SET excluded = 'repeat'
		WHERE import_id = @importId ${inLines} AND excluded IS NULL AND line > (
			SELECT min(first.line) FROM temp.import_staging first
			WHERE first.import_id = @importId AND first.dedupe_key = import_staging.dedupe_key)`);
	const markExistingSales = db.prepare<[LineRange]>(`
		UPDATE temp.import_staging SET excluded = 'exists'
		WHERE import_id = @importId ${inLines} AND excluded IS NULL AND kind = 'sale' AND (
			(voucher_no IS NOT NULL AND EXISTS (SELECT 1 FROM transactions t
				WHERE t.terminal_id = import_staging.terminal_id AND t.batch_no = import_staging.batch_no AND t.voucher_no = import_staging.voucher_no))
			OR (voucher_no IS NULL AND EXISTS (SELECT 1 FROM transactions t
				WHERE t.platform_order_no = import_staging.platform_order_no AND t.channel = import_staging.channel)))`);
	const markExistingResolutions = db.prepare<[LineRange]>(`
		UPDATE temp.import_staging SET excluded = 'exists'
		WHERE import_id = @importId ${inLines} AND excluded IS NULL AND kind = 'resolution'
			AND EXISTS (SELECT 1 FROM outside_resolutions r WHERE r.dedupe_key = import_staging.dedupe_key)`);
	const markSettled = db.prepare<[LineRange]>(`
		UPDATE temp.import_staging SET excluded = 'settled'
		WHERE import_id = @importId ${inLines} AND excluded IS NULL AND kind = 'sale' AND voucher_no IS NOT NULL AND EXISTS (
			SELECT 1 FROM batches b WHERE b.terminal_id = import_staging.terminal_id AND b.batch_no = import_staging.batch_no
				AND b.settled_at IS NOT NULL)`);
	const markNotOpenBatch = db.prepare<[LineRange & {terminalId: string; openBatchNo: string}]>(`
		UPDATE temp.import_staging SET excluded = 'not-open-batch'
		WHERE import_id = @importId ${inLines} AND excluded IS NULL AND kind = 'sale' AND voucher_no IS NOT NULL
			AND terminal_id = @terminalId AND batch_no <> @openBatchNo`);
	const markVoidVouchers = db.prepare<[LineRange]>(`
		UPDATE temp.import_staging SET excluded = 'void-voucher'
		WHERE import_id = @importId ${inLines} AND excluded IS NULL AND kind = 'sale' AND voucher_no IS NOT NULL AND EXISTS (
			SELECT 1 FROM (SELECT batch_id, voucher_no FROM voids UNION ALL SELECT batch_id, voucher_no FROM void_requests) v
			JOIN batches b ON b.id = v.batch_id
			WHERE b.terminal_id = import_staging.terminal_id AND b.batch_no = import_staging.batch_no
				AND v.voucher_no = import_staging.voucher_no)`);
	const excludedRows = db.prepare<[number, number, number, number], ExcludedRow>(`
		SELECT line, kind, excluded, terminal_id AS terminalId, batch_no AS batchNo, voucher_no AS voucherNo,
			platform_order_no AS platformOrderNo,
			CASE WHEN excluded = 'repeat' THEN (SELECT min(first.line) FROM temp.import_staging first
				WHERE first.import_id = ? AND first.dedupe_key = s.dedupe_key) END AS firstLine
		FROM temp.import_staging s WHERE import_id = ? AND line > ? AND excluded IS NOT NULL ORDER BY line LIMIT ?`);
	const excludedCounts = db.prepare<[number], {excluded: string; kind: string; count: number}>(
		`SELECT excluded, kind, count(*) AS count FROM temp.import_staging WHERE import_id = ? AND excluded IS NOT NULL GROUP BY excluded, kind`,
	);
	const ownBatchNumbers = db
		.prepare<[number, string], string>(
			`SELECT DISTINCT batch_no FROM temp.import_staging WHERE import_id = ? AND excluded IS NULL AND kind = 'sale'
				AND voucher_no IS NOT NULL AND terminal_id = ?`,
		)
		.pluck();
	const hasQrSales = db
		.prepare<[number], number>(
			`SELECT EXISTS (SELECT 1 FROM temp.import_staging WHERE import_id = ? AND excluded IS NULL AND kind = 'sale' AND voucher_no IS NULL)`,
		)
		.pluck();
	const earliestByBatch = db.prepare<[number], EarliestSale>(`
		SELECT terminal_id AS terminalId, batch_no AS batchNo, min(created_at) AS createdAt FROM temp.import_staging
		WHERE import_id = ? AND excluded IS NULL AND kind = 'sale' AND voucher_no IS NOT NULL
		GROUP BY terminal_id, batch_no`);
	const lowerOpenedAt = db.prepare<[EarliestSale]>(`
		UPDATE batches SET opened_at = @createdAt
		WHERE terminal_id = @terminalId AND batch_no = @batchNo AND opened_at > @createdAt`);
	const lastLine = db
		.prepare<[number], number>('SELECT coalesce(max(line), 0) FROM temp.import_staging WHERE import_id = ?')
		.pluck();
	const startHiding = db.prepare<[number]>(
		'UPDATE import_runs SET hidden_from = (SELECT coalesce(max(id), 0) + 1 FROM transactions) WHERE id = ?',
	);
	const hiddenFrom = db.prepare<[number], number | null>('SELECT hidden_from FROM import_runs WHERE id = ?').pluck();
	const showRows = db.prepare<[number]>('UPDATE import_runs SET hidden_from = NULL WHERE id = ?');
	const deleteHidden = db.prepare<[number, number]>(
		'DELETE FROM transactions WHERE id IN (SELECT id FROM transactions WHERE id >= ? LIMIT ?)',
	);
	const hidingRuns = db.prepare<[], {id: number; state: string; claimedBy: string}>(
		`SELECT id, state, claimed_by AS claimedBy FROM import_runs
			WHERE state <> 'published'
				AND (hidden_from IS NOT NULL OR renumbered_batch_id IS NOT NULL OR created_batches IS NOT NULL)`,
	);
	const setRenumbered = db.prepare<[number, string, number]>(
		'UPDATE import_runs SET renumbered_batch_id = ?, renumbered_from = ? WHERE id = ?',
	);
	const createdBatches = db
		.prepare<[number], string | null>('SELECT created_batches FROM import_runs WHERE id = ?')
		.pluck();
	const addCreatedBatch = db.prepare<[string, number]>(
		`UPDATE import_runs SET created_batches = coalesce(created_batches || ',', '') || ? WHERE id = ?`,
	);
	const clearCreatedBatches = db.prepare<[number]>('UPDATE import_runs SET created_batches = NULL WHERE id = ?');
	const lastVoidIds = db.prepare<[], {voidId: number; requestId: number}>(
		'SELECT (SELECT coalesce(max(id), 0) FROM voids) AS voidId, (SELECT coalesce(max(id), 0) FROM void_requests) AS requestId',
	);
	const voucherTakenSince = db.prepare<[number, number], {terminalId: string; batchNo: string; voucherNo: string}>(`
		SELECT b.terminal_id AS terminalId, b.batch_no AS batchNo, v.voucher_no AS voucherNo
		FROM (SELECT batch_id, voucher_no FROM voids WHERE id > ?
			UNION ALL SELECT batch_id, voucher_no FROM void_requests WHERE id > ?) v
		JOIN batches b ON b.id = v.batch_id
		WHERE EXISTS (SELECT 1 FROM transactions t WHERE t.terminal_id = b.terminal_id AND t.batch_no = b.batch_no
			AND t.voucher_no = v.voucher_no AND t.id >= ${hiddenFromSql})
		LIMIT 1`);
	const clearRenumbered = db.prepare<[number]>(
		'UPDATE import_runs SET renumbered_batch_id = NULL, renumbered_from = NULL WHERE id = ?',
	);
	const renumbered = db.prepare<[number], {batchId: number | null; batchNo: string | null}>(
		'SELECT renumbered_batch_id AS batchId, renumbered_from AS batchNo FROM import_runs WHERE id = ?',
	);
	// Card and counter sales go to their own batch; QR sales from a bill to the batch the service names.
	const publishSales = db.prepare<[string, string, number, number, number], {batchId: number}>(`
		INSERT INTO transactions (voucher_no, reference_no, auth_code, batch_id, batch_no, terminal_id, merchant_id,
			channel, card_masked, amount, fee, currency, created_at, operator_no, platform_order_no, merchant_order_no, payer_masked)
		SELECT s.voucher_no, s.reference_no, s.auth_code, b.id, b.batch_no, b.terminal_id, coalesce(s.merchant_id, ''),
			s.channel, s.card_masked, s.amount, s.fee, s.currency, s.created_at, coalesce(s.operator_no, ''),
			s.platform_order_no, s.merchant_order_no, s.payer_masked
		FROM temp.import_staging s JOIN batches b
			ON (s.voucher_no IS NOT NULL AND b.terminal_id = s.terminal_id AND b.batch_no = s.batch_no)
			OR (s.voucher_no IS NULL AND b.terminal_id = ? AND b.batch_no = ?)
		WHERE s.import_id = ? AND s.line > ? AND s.line <= ? AND s.excluded IS NULL AND s.kind = 'sale'
		ORDER BY s.line
		RETURNING batch_id AS batchId`);
	const highestVouchers = db.prepare<[number], {terminalId: string; voucher: number}>(`
		SELECT terminal_id AS terminalId, max(CAST(voucher_no AS INTEGER)) AS voucher FROM temp.import_staging
		WHERE import_id = ? AND excluded IS NULL AND kind = 'sale' AND voucher_no IS NOT NULL GROUP BY terminal_id`);
	const saleOf = `coalesce(
		(SELECT t.id FROM transactions t WHERE s.refers_platform_order_no IS NOT NULL
			AND t.platform_order_no = s.refers_platform_order_no AND t.channel = s.channel),
		(SELECT t.id FROM transactions t WHERE s.refers_merchant_order_no IS NOT NULL
			AND t.merchant_order_no IS NOT NULL
			AND t.merchant_order_tail = ${reversedTailSql('s.refers_merchant_order_no')}
			AND t.merchant_order_no = s.refers_merchant_order_no ORDER BY t.created_at DESC LIMIT 1),
		(SELECT t.id FROM transactions t WHERE s.refers_voucher_no IS NOT NULL
			AND t.terminal_id = s.refers_terminal_id AND t.batch_no = s.refers_batch_no AND t.voucher_no = s.refers_voucher_no),
		(SELECT t.id FROM transactions t WHERE s.refers_reference_no IS NOT NULL
			AND t.reference_no = s.refers_reference_no ORDER BY t.created_at DESC LIMIT 1))`;
	const publishResolutions = db.prepare<[{at: number; format: string; file: string; importId: number}]>(`
		INSERT INTO outside_resolutions (transaction_id, channel, kind, resolution_no, amount, resolved_at, imported_at,
			source_format, source_file, source_line, refers_platform_order_no, refers_merchant_order_no, refers_voucher_no,
			refers_reference_no, refers_terminal_id, refers_batch_no, dedupe_key)
		SELECT ${saleOf}, s.channel, s.resolution, s.resolution_no, s.amount, s.created_at, @at, @format, @file, s.line,
			s.refers_platform_order_no, s.refers_merchant_order_no, s.refers_voucher_no, s.refers_reference_no,
			s.refers_terminal_id, s.refers_batch_no, s.dedupe_key
		FROM temp.import_staging s WHERE s.import_id = @importId AND s.excluded IS NULL AND s.kind = 'resolution'
		ORDER BY s.line
		RETURNING transaction_id AS transactionId, source_line AS line, kind, amount,
			coalesce(refers_platform_order_no, refers_merchant_order_no, refers_voucher_no, refers_reference_no, '?') AS refersTo`);

	return {
		startRun,
		createdBatches,
		addCreatedBatch,
		clearCreatedBatches,
		lastVoidIds,
		voucherTakenSince,
		setState,
		stateOf,
		stagingRuns,
		insertStaged,
		deleteSome,
		markRepeats,
		markExistingSales,
		markExistingResolutions,
		markSettled,
		markNotOpenBatch,
		markVoidVouchers,
		excludedRows,
		excludedCounts,
		ownBatchNumbers,
		hasQrSales,
		earliestByBatch,
		lowerOpenedAt,
		lastLine,
		startHiding,
		hiddenFrom,
		showRows,
		deleteHidden,
		hidingRuns,
		setRenumbered,
		clearRenumbered,
		renumbered,
		publishSales,
		highestVouchers,
		publishResolutions,
	};
}

/**
 * The import's staging table and the statements that publish it. Staged rows are invisible to every
 * other reader: they reach `transactions` and `outside_resolutions` only through `publish…`.
 * Prepared on first use, so a connection that never imports makes no staging table.
 */
export function createImportStagingStore(db: SqlDatabase) {
	let prepared: ReturnType<typeof prepareStatements> | undefined;
	const s = () => {
		prepared ??= prepareStatements(db);
		return prepared;
	};

	return {
		/** Records an import that is staging, by this process; returns its id. */
		startRun(file: string, format: string, at: number, claimedBy: string): number {
			return Number(s().startRun.run(file, format, at, claimedBy).lastInsertRowid);
		},
		setState(id: number, state: 'published' | 'refused' | 'abandoned'): void {
			s().setState.run(state, id);
		},
		state(id: number): string | undefined {
			return s().stateOf.get(id);
		},
		/** Imports still staging, with the process that runs each. */
		stagingRuns(): Array<{id: number; file: string; claimedBy: string}> {
			return s().stagingRuns.all();
		},
		/** Stages rows of one import; the caller commits them in chunks. */
		stage(importId: number, rows: readonly StagedRow[]): void {
			const statement = s().insertStaged;
			for (const row of rows) {
				// Each value named, not mapped over stagedKeys: no array made per row of a million.
				statement.run(
					importId,
					row.line,
					row.kind,
					row.dedupeKey,
					row.channel,
					row.amount,
					row.fee,
					row.currency,
					row.createdAt,
					row.merchantId,
					row.terminalId,
					row.operatorNo,
					row.voucherNo,
					row.referenceNo,
					row.authCode,
					row.batchNo,
					row.cardMasked,
					row.platformOrderNo,
					row.merchantOrderNo,
					row.payerMasked,
					row.resolution,
					row.resolutionNo,
					row.refersPlatformOrderNo,
					row.refersMerchantOrderNo,
					row.refersVoucherNo,
					row.refersReferenceNo,
					row.refersTerminalId,
					row.refersBatchNo,
				);
			}
		},
		/** Removes up to `limit` staged rows of an import; returns how many it removed. */
		clear(importId: number, limit: number): number {
			return s().deleteSome.run(importId, limit).changes;
		},
		/** Marks, among the lines in `range`, repeats, rows already in the books, and rows the books refuse. */
		markExclusions(
			importId: number,
			ownTerminal: {terminalId: string; openBatchNo: string},
			range: {from: number; to: number},
		): void {
			const lines = {importId, ...range};
			s().markRepeats.run(lines);
			s().markExistingSales.run(lines);
			s().markExistingResolutions.run(lines);
			s().markSettled.run(lines);
			s().markNotOpenBatch.run({...lines, ...ownTerminal});
			s().markVoidVouchers.run(lines);
		},
		/** Up to `limit` rows left out, in line order, after line `afterLine`. */
		excluded(importId: number, afterLine: number, limit: number): ExcludedRow[] {
			return s().excludedRows.all(importId, importId, afterLine, limit);
		},
		/** The last line number staged: chunks of publishing run over line ranges up to it. */
		lastLine(importId: number): number {
			return s().lastLine.get(importId) ?? 0;
		},
		excludedCounts(importId: number): Array<{excluded: string; kind: string; count: number}> {
			return s().excludedCounts.all(importId);
		},
		/** The batch numbers staged counter sales of this terminal name. */
		ownBatchNumbers(importId: number, terminalId: string): string[] {
			return s().ownBatchNumbers.all(importId, terminalId);
		},
		hasQrSales(importId: number): boolean {
			return s().hasQrSales.get(importId) === 1;
		},
		/** Each batch's earliest staged counter sale, to move its opened_at back to (`lowerOpenedAt`). */
		earliestByBatch(importId: number): EarliestSale[] {
			return s().earliestByBatch.all(importId);
		},
		lowerOpenedAt(earliest: EarliestSale): void {
			s().lowerOpenedAt.run(earliest);
		},
		/**
		 * Inserts the staged sales of lines in `range` not left out, hidden until `showRows`; QR sales
		 * without a voucher join `qrBatch`. Returns the batch of each row written.
		 */
		publishSales(
			importId: number,
			qrBatch: {terminalId: string; batchNo: string},
			range: {from: number; to: number},
		): number[] {
			return s()
				.publishSales.all(qrBatch.terminalId, qrBatch.batchNo, importId, range.from, range.to)
				.map(row => row.batchId);
		},
		/** From now on, rows this import writes to transactions are hidden from every reader. */
		startHiding(importId: number): void {
			s().startHiding.run(importId);
		},
		/** The first hidden transaction id of an import that is publishing. */
		hiddenFrom(importId: number): number | undefined {
			return s().hiddenFrom.get(importId) ?? undefined;
		},
		/** The switch: every row the import wrote becomes visible at once. */
		showRows(importId: number): void {
			s().showRows.run(importId);
		},
		/** Deletes up to `limit` hidden rows from `hiddenFrom` on (an import that did not publish); returns how many. */
		deleteHidden(hiddenFrom: number, limit: number): number {
			return s().deleteHidden.run(hiddenFrom, limit).changes;
		},
		/** Imports not published that hold hidden rows or renumbered a batch: publishing now, or ended without. */
		hidingRuns(): Array<{id: number; state: string; claimedBy: string}> {
			return s().hidingRuns.all();
		},
		/** Keeps the open batch's number before the import renumbered it, to put it back if it does not publish. */
		setRenumbered(importId: number, batchId: number, previousBatchNo: string): void {
			s().setRenumbered.run(batchId, previousBatchNo, importId);
		},
		/** Records a batch the import made for its sales, to remove if it does not publish. */
		addCreatedBatch(importId: number, batchId: number): void {
			s().addCreatedBatch.run(String(batchId), importId);
		},
		createdBatches(importId: number): number[] {
			const list = s().createdBatches.get(importId);
			return list ? list.split(',').map(Number) : [];
		},
		clearCreatedBatches(importId: number): void {
			s().clearCreatedBatches.run(importId);
		},
		/** The newest void and void request now: what `voucherTakenSince` compares with later. */
		lastVoidIds(): {voidId: number; requestId: number} {
			return s().lastVoidIds.get()!;
		},
		/** A voucher a void or void request made since `before` took, that a hidden sale of the import has. */
		voucherTakenSince(before: {
			voidId: number;
			requestId: number;
		}): {terminalId: string; batchNo: string; voucherNo: string} | undefined {
			return s().voucherTakenSince.get(before.voidId, before.requestId);
		},
		clearRenumbered(importId: number): void {
			s().clearRenumbered.run(importId);
		},
		renumbered(importId: number): {batchId: number; batchNo: string} | undefined {
			const row = s().renumbered.get(importId);
			return row?.batchId === null || row?.batchId === undefined || row.batchNo === null
				? undefined
				: {batchId: row.batchId, batchNo: row.batchNo};
		},
		highestVouchers(importId: number): Array<{terminalId: string; voucher: number}> {
			return s().highestVouchers.all(importId);
		},
		/** Records each staged refund or void against its sale, or unmatched; returns what was recorded. */
		publishResolutions(
			importId: number,
			source: {at: number; format: string; file: string},
		): Array<{transactionId: number | null; line: number; kind: string; amount: number; refersTo: string}> {
			return s().publishResolutions.all({...source, importId}) as Array<{
				transactionId: number | null;
				line: number;
				kind: string;
				amount: number;
				refersTo: string;
			}>;
		},
	};
}

export type ImportStagingStore = ReturnType<typeof createImportStagingStore>;
