import path from 'node:path';
import {bulkInsertStore} from '../store/bulk-insert-store.js';
import type {NewTransaction} from '../store/transactions-store.js';
import {readImportFile, type ImportFormat} from './import-reader.js';
import {checkImportRow, importRowSchema, shown} from './import-row.js';
import type {ServiceContext} from './service-context.js';
import {voucherCounterName} from './void-service.js';
import {nextFreeBatchNo} from './batch-service.js';

export {ImportFileError} from './import-reader.js';

export type ImportPhase = 'reading' | 'writing';

export type ImportOptions = {
	/** Import the good rows and report the bad ones, instead of importing nothing. */
	skipBad?: boolean;
	onProgress?: (phase: ImportPhase, done: number, total: number) => void;
	/** Who ran the import, for its audit row: the signed-in operator, and the PC account it ran under. */
	runBy?: {operatorNo?: string; account?: string};
};

/** The audit detail's note of the PC account an import ran under (an unattended import has no operator). */
function accountNote(runBy: ImportOptions['runBy']): string {
	const account = runBy?.account === undefined ? '' : shown(runBy.account);
	return account === '' ? '' : `; PC account ${account}`;
}

/** A line that cannot be imported, with every reason found on it. No reason shows a full card number. */
export type BadLine = {line: number; problems: string[]};

/** A row whose terminal, batch and voucher are already in the database, or earlier in the file. */
export type DuplicateLine = {line: number; terminalId: string; batchNo: string; voucherNo: string; firstLine?: number};

export type ImportReport = {
	file: string;
	format: ImportFormat;
	/** Data lines read, good and bad. */
	rowsRead: number;
	imported: number;
	bad: BadLine[];
	duplicates: DuplicateLine[];
	/** Batches that did not exist before this import, as terminal/batch. */
	batchesCreated: string[];
	/** Columns the file has that posvoid does not use; their values are not stored. */
	ignoredColumns: string[];
	/** False when bad lines stopped the import: then nothing was written but the audit row. */
	committed: boolean;
};

type GoodRow = {line: number; row: NewTransaction};

function rowKey(row: NewTransaction): string {
	return `${row.terminalId}/${row.batchNo}/${row.voucherNo}`;
}

/** Drops rows repeated within the file, keeping the first, and says which line each repeat copied. */
function splitFileDuplicates(rows: GoodRow[]): {unique: GoodRow[]; duplicates: DuplicateLine[]} {
	const firstLine = new Map<string, number>();
	const unique: GoodRow[] = [];
	const duplicates: DuplicateLine[] = [];
	for (const good of rows) {
		const key = rowKey(good.row);
		const first = firstLine.get(key);
		if (first === undefined) {
			firstLine.set(key, good.line);
			unique.push(good);
		} else {
			duplicates.push({
				line: good.line,
				terminalId: good.row.terminalId,
				batchNo: good.row.batchNo,
				voucherNo: good.row.voucherNo,
				firstLine: first,
			});
		}
	}

	return {unique, duplicates};
}

/** Why a well-formed row cannot join the books: its batch is settled or not the open one, or its voucher is a void's. */
function rowProblem(context: ServiceContext, row: NewTransaction, openBatchNo: string): string | undefined {
	const {store, config} = context;
	const batch = store.batches.byNumber(row.terminalId, row.batchNo);
	if (batch?.settledAt !== undefined) {
		return `batch ${row.batchNo} of terminal ${row.terminalId} is already settled: its sales cannot change`;
	}

	if (row.terminalId === config.terminalId && row.batchNo !== openBatchNo) {
		return `batch ${row.batchNo} is not the open batch ${openBatchNo} of this terminal ${row.terminalId}: a counter has one open batch, so only its sales are imported; leave this row out, or settle first`;
	}

	if (batch && store.voids.isVoidVoucher(batch.id, row.voucherNo)) {
		return `voucher ${row.voucherNo} of batch ${row.batchNo} is already the number of a void on terminal ${row.terminalId}: sales and voids share one trace sequence; check the terminal's statement`;
	}

	return undefined;
}

/**
 * The batch this terminal's rows must be in: its open batch. When the open batch holds nothing yet
 * (or there is none) and every one of the file's rows of this terminal names the same batch that does
 * not exist here, that batch number becomes the open one (`renumber`: the empty open batch's id to
 * give it), so a counter can start from the terminal's current batch.
 */
function ownBatchTarget(context: ServiceContext, rows: GoodRow[]): {batchNo: string; renumber?: number} {
	const {store, config} = context;
	const open = store.batches.currentOpen(config.terminalId);
	const numbers = new Set(rows.filter(({row}) => row.terminalId === config.terminalId).map(({row}) => row.batchNo));
	const named = new Set(
		[...numbers].filter(batchNo => store.batches.byNumber(config.terminalId, batchNo)?.settledAt === undefined),
	);
	const [only] = named;
	const empty = open === undefined || !store.batches.holdsAnything(open.id);
	if (
		empty &&
		named.size === 1 &&
		only !== undefined &&
		only !== open?.batchNo &&
		!store.batches.byNumber(config.terminalId, only)
	) {
		return {batchNo: only, renumber: open?.id};
	}

	return {batchNo: open?.batchNo ?? nextFreeBatchNo(context, store.batches.lastSettled(config.terminalId)?.batchNo)};
}

/**
 * Imports completed sales from a CSV or JSON Lines file. Cards are masked as each record is read, so a
 * full card number reaches neither the store nor any message. Everything is written in one BEGIN
 * IMMEDIATE transaction: batches as needed, the rows, each terminal's voucher counter raised past the
 * imported vouchers, and an audit row. With bad lines and no `skipBad`, nothing is imported.
 */
export async function importTransactions(
	context: ServiceContext,
	file: string,
	options: ImportOptions = {},
): Promise<ImportReport> {
	const {store} = context;
	const bulk = bulkInsertStore(store);
	const read = await readImportFile(file, (done, total) => options.onProgress?.('reading', done, total));
	const schema = importRowSchema(context.config.fees);
	const bad: BadLine[] = [...read.unreadable];
	const good: GoodRow[] = [];
	for (const record of read.records) {
		const check = checkImportRow(schema, record.values);
		if (check.ok) {
			good.push({line: record.line, row: check.row});
		} else {
			bad.push({line: record.line, problems: check.problems});
		}
	}

	const {unique, duplicates} = splitFileDuplicates(good);
	const report: ImportReport = {
		file,
		format: read.format,
		rowsRead: read.records.length + read.unreadable.length,
		imported: 0,
		bad,
		duplicates,
		batchesCreated: [],
		ignoredColumns: read.ignoredColumns,
		committed: false,
	};
	const name = shown(path.basename(file));

	// Read and write under one write lock: the duplicate and settled checks hold until the commit.
	return store.immediate(() => {
		const now = context.now();
		const own = context.config.terminalId;
		const open = ownBatchTarget(context, unique);
		const toInsert: GoodRow[] = [];
		for (const good of unique) {
			const {row} = good;
			if (store.transactions.findByKey(row.terminalId, row.batchNo, row.voucherNo)) {
				duplicates.push({line: good.line, terminalId: row.terminalId, batchNo: row.batchNo, voucherNo: row.voucherNo});
				continue;
			}

			const problem = rowProblem(context, row, open.batchNo);
			if (problem !== undefined) {
				bad.push({line: good.line, problems: [problem]});
				continue;
			}

			toInsert.push(good);
		}

		bad.sort((a, b) => a.line - b.line);
		duplicates.sort((a, b) => a.line - b.line);
		if (bad.length > 0 && !options.skipBad) {
			store.audit.append(
				{
					operatorNo: options.runBy?.operatorNo,
					event: 'import',
					result: 'refused',
					record: `file:${name}`,
					detail: `${bad.length} bad lines, nothing imported${accountNote(options.runBy)}`,
				},
				now,
			);
			return report;
		}

		const batchIds = new Map<string, number>();
		const highestVoucher = new Map<string, number>();
		for (const [index, {row}] of toInsert.entries()) {
			const batchKey = `${row.terminalId}/${row.batchNo}`;
			let batchId = batchIds.get(batchKey);
			if (batchId === undefined && row.terminalId === own && open.renumber !== undefined) {
				// The terminal's open batch held nothing yet: it takes the number the terminal printed.
				store.batches.renumberEmpty(open.renumber, row.batchNo);
				report.batchesCreated.push(batchKey);
				batchId = open.renumber;
				batchIds.set(batchKey, batchId);
			}

			if (batchId === undefined) {
				batchId = store.batches.byNumber(row.terminalId, row.batchNo)?.id;
				if (batchId === undefined) {
					batchId = store.batches.insert(row.terminalId, row.batchNo, row.createdAt);
					report.batchesCreated.push(batchKey);
				}

				batchIds.set(batchKey, batchId);
			}

			store.transactions.insert(row, batchId);
			bulk.noteTransactionAt(batchId, row.createdAt);
			highestVoucher.set(row.terminalId, Math.max(highestVoucher.get(row.terminalId) ?? 0, Number(row.voucherNo)));
			if (index % 1000 === 999) {
				options.onProgress?.('writing', index + 1, toInsert.length);
			}
		}

		// New void vouchers continue after the imported ones instead of colliding with them.
		for (const [terminalId, voucher] of highestVoucher) {
			bulk.raiseCounterTo(voucherCounterName(terminalId), voucher);
		}

		report.imported = toInsert.length;
		report.committed = true;
		store.audit.append(
			{
				operatorNo: options.runBy?.operatorNo,
				event: 'import',
				result: 'ok',
				record: `file:${name}`,
				detail: `${report.imported} imported, ${duplicates.length} duplicates, ${bad.length} bad lines skipped, ${report.batchesCreated.length} batches created${accountNote(options.runBy)}`,
			},
			now,
		);
		options.onProgress?.('writing', toInsert.length, toInsert.length);
		return report;
	});
}
