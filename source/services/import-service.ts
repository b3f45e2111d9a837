import path from 'node:path';
import {setImmediate as nextTurn, setTimeout as delay} from 'node:timers/promises';
import fs from 'node:fs';
import {BillFileError} from '../bills/bill-error.js';
import type {BillEncoding, BillFormat, BillRow, OpenedBill} from '../bills/bill-row.js';
import {openBill} from '../bills/open-bill.js';
import {computeFee} from '../domain/fees.js';
import type {OutsideResolutionKind} from '../domain/outside-resolution.js';
import {isQrChannel} from '../domain/transaction.js';
import {bulkInsertStore} from '../store/bulk-insert-store.js';
import type {EarliestSale, ExcludedRow, StagedRow} from '../store/import-staging-store.js';
import {ImportFileError, openPosvoidFile, type ImportFormat, type PosvoidBadLine} from './import-reader.js';
import {shown} from './import-row.js';
import {claimerState, currentClaimer} from './process-claim.js';
import type {ServiceContext} from './service-context.js';
import {voucherCounterName} from './void-service.js';
import {nextFreeBatchNo} from './batch-service.js';

export {ImportFileError} from './import-reader.js';

export type ImportPhase = 'reading' | 'writing';

export type ImportOptions = {
	/** Import the good rows and report the bad ones, instead of importing nothing. */
	skipBad?: boolean;
	/** Progress: bytes read of the file while reading, then once more when published. */
	onProgress?: (phase: ImportPhase, done: number, total: number) => void;
	/** Who ran the import, for its audit row: the signed-in operator, and the PC account it ran under. */
	runBy?: {operatorNo?: string; account?: string};
	/** Rows staged per committed chunk (tests make it small). */
	chunkRows?: number;
};

/** The audit detail's note of the PC account an import ran under (an unattended import has no operator). */
function accountNote(runBy: ImportOptions['runBy']): string {
	const account = runBy?.account === undefined ? '' : shown(runBy.account);
	return account === '' ? '' : `; PC account ${account}`;
}

/** A line that cannot be imported, with every reason found on it. No reason shows a full card number. */
export type BadLine = {line: number; problems: string[]};

/**
 * A row already in the database (no `firstLine`) or earlier in the file (`firstLine`): a counter sale
 * by terminal, batch and voucher, a QR sale by its order number (`orderNo`, the voucher '').
 */
export type DuplicateLine = {
	line: number;
	terminalId: string;
	batchNo: string;
	voucherNo: string;
	orderNo?: string;
	firstLine?: number;
};

/** A refund or void whose sale this database does not have: kept unmatched for reconciliation. */
export type UnmatchedResolution = {line: number; kind: OutsideResolutionKind; refersTo: string; amount: number};

export type ImportReport = {
	file: string;
	/** `csv` or `jsonl` for posvoid's own files, else the bill's format. */
	format: ImportFormat | Exclude<OpenedBill['format'], 'posvoid'>;
	encoding: BillEncoding;
	/** Data lines read, good and bad. */
	rowsRead: number;
	imported: number;
	/** The first bad lines, line by line (at most `listedBadLines`); `badCount` counts them all. */
	bad: BadLine[];
	badCount: number;
	/** The first duplicates, line by line (at most `listedLines`); the counts below are complete. */
	duplicates: DuplicateLine[];
	/** Rows already in the database: a file imported again adds nothing twice. */
	alreadyThere: number;
	/** Rows that repeat an earlier line of the same file. */
	repeatedInFile: number;
	/** Batches that did not exist before this import, as terminal/batch. */
	batchesCreated: string[];
	/** The batch QR sales of a bill joined, as terminal/batch, when there were any. */
	qrBatch?: string;
	/** Columns the file has that posvoid does not use; their values are not stored. */
	ignoredColumns: string[];
	/** Refunds and voids: recorded against their sale, already known, or kept unmatched. */
	resolutions: {matched: number; alreadyKnown: number; unmatched: UnmatchedResolution[]};
	/** False when bad lines stopped the import: then nothing was written but the audit row. */
	committed: boolean;
};

/** Lines listed one by one in a report; beyond them, counts. */
const listedLines = 1000;
/** Bad lines listed one by one: a file of a million bad lines is reported without holding them all. */
const listedBadLines = 10_000;

/** Counts a bad line, and lists it while fewer than `listedBadLines` are (a cut file is always listed). */
function addBad(report: ImportReport, bad: BadLine, always = false): void {
	report.badCount++;
	if (always || report.bad.length < listedBadLines) {
		report.bad.push(bad);
	}
}

/**
 * Rows read into memory before they are staged: small enough that they die young (a chunk held
 * across many collections is promoted, and the old generation, not the file, sets peak memory).
 */
const stagingChunkRows = 1000;
/** Lines per transaction once staged (marking, cleaning up), and the first chunk of sales written. */
const defaultChunkRows = 5000;
/** How long one chunk of sales may hold the write lock: what a void at the counter waits at most, about. */
const writeChunkTargetMs = 500;

/** The next chunk's size from the last one's and how long it held the lock: halved at most, doubled at most. */
function nextChunkSize(size: number, lastMs: number): number {
	const scaled = lastMs <= 0 ? size * 2 : (size * writeChunkTargetMs) / lastMs;
	return Math.round(Math.min(size * 2, Math.max(size / 2, 1000, Math.min(scaled, 200_000))));
}

function saleKey(row: Extract<BillRow, {kind: 'sale'}>, ownTerminal: string): string {
	return row.voucherNo === undefined
		? `order:${row.channel}/${row.platformOrderNo ?? ''}`
		: `voucher:${row.terminalId ?? ownTerminal}/${row.batchNo ?? ''}/${row.voucherNo}`;
}

function resolutionKey(row: Extract<BillRow, {kind: 'resolution'}>): string {
	if (row.resolutionNo !== undefined) {
		return `resolution:${row.channel}/${row.resolutionNo}`;
	}

	const to = row.refersTo;
	const sale = [
		to.platformOrderNo,
		to.merchantOrderNo,
		to.terminalId,
		to.batchNo,
		to.originalVoucherNo,
		to.originalReferenceNo,
	]
		.map(value => value ?? '')
		.join('/');
	return `resolution:${row.channel}/${row.resolution}/${sale}/${row.createdAt}/${row.amount}`;
}

/** A checked row as staged, or the problem that makes it a bad line. */
function toStaged(
	context: ServiceContext,
	row: Exclude<BillRow, {kind: 'bad'}>,
): {staged: StagedRow} | {problem: string} {
	const own = context.config.terminalId;
	if (row.kind === 'resolution') {
		const to = row.refersTo;
		// Every field written out, no spread: a literal of fixed shape is cheap to make a million times.
		return {
			staged: {
				line: row.line,
				kind: 'resolution',
				dedupeKey: resolutionKey(row),
				channel: row.channel,
				amount: row.amount,
				fee: null,
				currency: null,
				createdAt: row.createdAt,
				merchantId: null,
				terminalId: null,
				operatorNo: null,
				voucherNo: null,
				referenceNo: null,
				authCode: null,
				batchNo: null,
				cardMasked: null,
				platformOrderNo: null,
				merchantOrderNo: null,
				payerMasked: null,
				resolution: row.resolution,
				resolutionNo: row.resolutionNo ?? null,
				refersPlatformOrderNo: to.platformOrderNo ?? null,
				refersMerchantOrderNo: to.merchantOrderNo ?? null,
				refersVoucherNo: to.originalVoucherNo ?? null,
				refersReferenceNo: to.originalReferenceNo ?? null,
				refersTerminalId: to.terminalId ?? null,
				refersBatchNo: to.batchNo ?? null,
			},
		};
	}

	const card = row.voucherNo !== undefined;
	if (card && (row.batchNo === undefined || row.referenceNo === undefined || row.cardMasked === undefined)) {
		return {problem: 'a sale with a voucher needs its batch, reference and card too'};
	}

	if (!card && (!isQrChannel(row.channel) || row.platformOrderNo === undefined)) {
		return {problem: 'the sale has neither a voucher nor a platform order number: nothing would name it'};
	}

	const fee = row.fee ?? computeFee(row.channel, row.amount, context.config.fees);
	return {
		staged: {
			line: row.line,
			kind: 'sale',
			dedupeKey: saleKey(row, own),
			channel: row.channel,
			amount: row.amount,
			fee: Math.min(fee, row.amount),
			currency: row.currency,
			createdAt: row.createdAt,
			merchantId: row.merchantId ?? null,
			// A QR sale from a bill belongs to this counter: its terminal, its open batch.
			terminalId: card ? (row.terminalId ?? own) : own,
			operatorNo: row.operatorNo ?? null,
			voucherNo: row.voucherNo ?? null,
			referenceNo: row.referenceNo ?? null,
			authCode: row.authCode ?? (card ? '' : null),
			batchNo: card ? (row.batchNo ?? null) : null,
			cardMasked: row.cardMasked ?? null,
			platformOrderNo: row.platformOrderNo ?? null,
			merchantOrderNo: row.merchantOrderNo ?? null,
			payerMasked: row.payerMasked ?? null,
			resolution: null,
			resolutionNo: null,
			refersPlatformOrderNo: null,
			refersMerchantOrderNo: null,
			refersVoucherNo: null,
			refersReferenceNo: null,
			refersTerminalId: null,
			refersBatchNo: null,
		},
	};
}

/**
 * The batch this terminal's counter sales must be in: its open batch. When the open batch holds nothing
 * yet (or there is none) and every one of the file's sales of this terminal names the same batch that
 * does not exist here, that batch number becomes the open one (`renumber`: the empty open batch's id to
 * give it), so a counter can start from the terminal's current batch.
 */
function ownBatchTarget(
	context: ServiceContext,
	named: string[],
): {batchNo: string; renumber?: number; create: boolean} {
	const {store, config} = context;
	const open = store.batches.currentOpen(config.terminalId);
	const unsettled = named.filter(
		batchNo => store.batches.byNumber(config.terminalId, batchNo)?.settledAt === undefined,
	);
	const [only] = unsettled;
	const empty = open === undefined || !store.batches.holdsAnything(open.id);
	if (
		empty &&
		unsettled.length === 1 &&
		only !== undefined &&
		only !== open?.batchNo &&
		!store.batches.byNumber(config.terminalId, only)
	) {
		return {batchNo: only, renumber: open?.id, create: open === undefined};
	}

	return open
		? {batchNo: open.batchNo, create: false}
		: {batchNo: nextFreeBatchNo(context, store.batches.lastSettled(config.terminalId)?.batchNo), create: true};
}

/** Why a staged counter sale was left out, in the words of a bad line. */
function exclusionProblem(
	excluded: string,
	row: Pick<ExcludedRow, 'terminalId' | 'batchNo' | 'voucherNo'>,
	openBatchNo: string,
): string | undefined {
	const terminalId = row.terminalId ?? '';
	const batchNo = row.batchNo ?? '';
	switch (excluded) {
		case 'settled': {
			return `batch ${batchNo} of terminal ${terminalId} is already settled: its sales cannot change`;
		}

		case 'not-open-batch': {
			return `batch ${batchNo} is not the open batch ${openBatchNo} of this terminal ${terminalId}: a counter has one open batch, so only its sales are imported; leave this row out, or settle first`;
		}

		case 'void-voucher': {
			return `voucher ${row.voucherNo ?? ''} of batch ${batchNo} is already the number of a void on terminal ${terminalId}: sales and voids share one trace sequence; check the terminal's statement`;
		}

		default: {
			return undefined;
		}
	}
}

/** Staged rows of an import that ended are removed (this connection's TEMP table), a chunk per transaction. */
async function clearStaging(context: ServiceContext, importId: number): Promise<void> {
	const {store} = context;
	while (store.scratch(() => store.importStaging.clear(importId, defaultChunkRows)) > 0) {
		await nextTurn();
	}
}

/**
 * The rows an import wrote but did not show (it stopped, was refused, or its process died) are
 * deleted, a chunk per transaction; a batch it renumbered gets its number back and the batches it made
 * go, if they hold nothing.
 */
async function removeHiddenRows(context: ServiceContext, importId: number): Promise<void> {
	const {store} = context;
	const staging = store.importStaging;
	if (staging.state(importId) === 'published') {
		return;
	}

	const hiddenFrom = staging.hiddenFrom(importId);
	if (hiddenFrom !== undefined) {
		while (store.immediate(() => staging.deleteHidden(hiddenFrom, defaultChunkRows)) > 0) {
			await nextTurn();
		}
	}

	store.immediate(() => {
		const renumbered = staging.renumbered(importId);
		if (renumbered && !store.batches.holdsAnything(renumbered.batchId)) {
			store.batches.renumberEmpty(renumbered.batchId, renumbered.batchNo);
		}

		staging.clearRenumbered(importId);
		// The batches it made for its sales, now empty again, go too: a killed import leaves no trace.
		for (const batchId of staging.createdBatches(importId)) {
			if (!store.batches.holdsAnything(batchId)) {
				store.batches.remove(batchId);
			}
		}

		staging.clearCreatedBatches(importId);
		staging.showRows(importId);
	});
}

/**
 * A run left 'staging' by a process that no longer runs (killed mid-import) is abandoned, and its rows
 * go. Only one import runs at a time: its hidden rows are the only ones above its first id.
 */
async function abandonDeadRuns(context: ServiceContext): Promise<void> {
	const {store} = context;
	// A run whose process still runs is left alone: the transaction that starts this run refuses then.
	for (const run of store.importStaging.stagingRuns()) {
		if (claimerState(run.claimedBy) !== 'alive') {
			store.immediate(() => {
				store.importStaging.setState(run.id, 'abandoned');
			});
		}
	}

	for (const run of store.importStaging.hidingRuns()) {
		if (run.state !== 'staging') {
			await removeHiddenRows(context, run.id);
		}
	}
}

/**
 * Imports a bill: its sales, and its refunds and voids as their sales' outside resolutions. Rows stream
 * from `bill.rows` into this connection's TEMP staging table (no lock on the file, no fsync), are
 * checked there, then written to the books hidden, a chunk per transaction (a void waits for one chunk
 * at most), and shown by one short transaction: all of the file's rows or none. A killed import leaves
 * only hidden rows, which the next import deletes. With bad lines and no `skipBad`, nothing is
 * imported. Re-importing a file adds nothing twice.
 */
export async function importBill(
	context: ServiceContext,
	bill: OpenedBill & {kind?: ImportFormat},
	file: string,
	options: ImportOptions = {},
): Promise<ImportReport> {
	const {store} = context;
	const chunkRows = options.chunkRows ?? defaultChunkRows;
	const name = shown(path.basename(file));
	await abandonDeadRuns(context);
	const importId = store.immediate(() => {
		// Checked again in the transaction that starts the run: two imports started at once cannot both pass.
		const running = store.importStaging.stagingRuns().find(run => claimerState(run.claimedBy) === 'alive');
		if (running) {
			throw new ImportFileError(`another import is running on this database (${running.file})`, {
				advice: 'Wait for it to finish, then import this file.',
			});
		}

		return store.importStaging.startRun(name, bill.format, context.now(), currentClaimer());
	});
	const report: ImportReport = {
		file,
		format: bill.format === 'posvoid' ? (bill.kind ?? 'csv') : bill.format,
		encoding: bill.encoding,
		rowsRead: 0,
		imported: 0,
		bad: [],
		badCount: 0,
		duplicates: [],
		alreadyThere: 0,
		repeatedInFile: 0,
		batchesCreated: [],
		ignoredColumns: [],
		resolutions: {matched: 0, alreadyKnown: 0, unmatched: []},
		committed: false,
	};
	try {
		await stageRows(context, bill, importId, report, {...options, chunkRows: options.chunkRows ?? stagingChunkRows});
		// A platform bill's reader takes the columns it knows; only posvoid's own format names the ones it left.
		report.ignoredColumns = bill.format === 'posvoid' ? [...bill.columns] : [];
		const mismatches = bill.mismatches();
		for (const mismatch of mismatches) {
			addBad(
				report,
				{
					line: mismatch.line,
					problems: [
						`the file says ${mismatch.figure} is ${mismatch.stated} but its rows add up to ${mismatch.counted}: the file may be cut; download it again`,
					],
				},
				true,
			);
		}

		// A file whose own totals disagree with its rows, or that lost its summary, may be cut: --skip-bad
		// does not import part of it.
		const cut = mismatches.length > 0 || bill.missingTotals();
		if (bill.missingTotals()) {
			addBad(
				report,
				{
					line: 0,
					problems: [`the file ends without the summary its format always has: it may be cut; download it again`],
				},
				true,
			);
		}

		if ((report.badCount > 0 && !options.skipBad) || cut) {
			refuse(context, importId, report, options, name);
			return report;
		}

		await publish(context, importId, report, {...options, chunkRows, adaptive: options.chunkRows === undefined}, name);
		return report;
	} catch (error) {
		store.immediate(() => {
			store.importStaging.setState(importId, 'abandoned');
		});
		throw error;
	} finally {
		await removeHiddenRows(context, importId);
		await clearStaging(context, importId);
	}
}

async function stageRows(
	context: ServiceContext,
	bill: OpenedBill,
	importId: number,
	report: ImportReport,
	options: ImportOptions & {chunkRows: number},
): Promise<void> {
	const {store} = context;
	let chunk: StagedRow[] = [];
	const flush = async () => {
		if (chunk.length > 0) {
			const rows = chunk;
			chunk = [];
			store.scratch(() => {
				store.importStaging.stage(importId, rows);
			});
		}

		const {bytesRead, bytesTotal} = bill.progress();
		options.onProgress?.('reading', bytesRead, bytesTotal ?? bytesRead);
		// Let a waiting void, the progress bar and signals in between chunks.
		await nextTurn();
	};

	for await (const row of bill.rows) {
		report.rowsRead++;
		if (row.kind === 'bad') {
			addBad(report, {line: row.line, problems: (row as Partial<PosvoidBadLine>).problems ?? [row.reason]});
			continue;
		}

		const checked = toStaged(context, row);
		if ('problem' in checked) {
			addBad(report, {line: row.line, problems: [checked.problem]});
			continue;
		}

		// With a bad line and no --skip-bad nothing will be imported: the rest is only read for its bad lines.
		if (report.badCount === 0 || options.skipBad) {
			chunk.push(checked.staged);
		}

		if (chunk.length >= options.chunkRows) {
			await flush();
		}
	}

	await flush();
}

function refuse(
	context: ServiceContext,
	importId: number,
	report: ImportReport,
	options: ImportOptions,
	name: string,
): void {
	report.bad.sort((a, b) => a.line - b.line);
	context.store.immediate(() => {
		context.store.importStaging.setState(importId, 'refused');
		refusedAudit(context, report, options, name);
	});
}

/** The audit row of an import that stopped at its bad lines: nothing of the file was imported. */
function refusedAudit(context: ServiceContext, report: ImportReport, options: ImportOptions, name: string): void {
	context.store.audit.append(
		{
			operatorNo: options.runBy?.operatorNo,
			event: 'import',
			result: 'refused',
			record: `file:${name}`,
			detail: `${report.badCount} bad lines, nothing imported${accountNote(options.runBy)}`,
		},
		context.now(),
	);
}

/**
 * Marks what publishing leaves out (repeats, rows already in the books, rows the books refuse), a
 * chunk of lines per transaction, and reports them. Returns the batch this terminal's sales go to.
 */
async function decideExclusions(
	context: ServiceContext,
	importId: number,
	report: ImportReport,
	chunkRows: number,
): Promise<ReturnType<typeof ownBatchTarget>> {
	const {store, config} = context;
	const staging = store.importStaging;
	const own = config.terminalId;
	const target = ownBatchTarget(context, staging.ownBatchNumbers(importId, own));
	const lastLine = staging.lastLine(importId);
	for (let from = 0; from < lastLine; from += chunkRows) {
		store.scratch(() => {
			staging.markExclusions(importId, {terminalId: own, openBatchNo: target.batchNo}, {from, to: from + chunkRows});
		});
		await nextTurn();
	}

	for (let afterLine = 0; ;) {
		const rows = staging.excluded(importId, afterLine, chunkRows);
		if (rows.length === 0) {
			break;
		}

		for (const row of rows) {
			const problem = exclusionProblem(row.excluded, row, target.batchNo);
			if (problem !== undefined) {
				addBad(report, {line: row.line, problems: [problem]});
			} else if (row.kind === 'sale' && (row.excluded === 'repeat' || row.excluded === 'exists')) {
				if (row.excluded === 'repeat') {
					report.repeatedInFile++;
				} else {
					report.alreadyThere++;
				}

				if (report.duplicates.length < listedLines) {
					report.duplicates.push(duplicateLine(row));
				}
			}
		}

		afterLine = rows.at(-1)!.line;
	}

	for (const count of staging.excludedCounts(importId)) {
		if (count.kind === 'resolution' && count.excluded === 'exists') {
			report.resolutions.alreadyKnown = count.count;
		}
	}

	report.bad.sort((a, b) => a.line - b.line);
	return target;
}

/**
 * The batches the file's sales go to, made ready in one short transaction before any sale is written:
 * what it needs of the staged rows (`earliest`, each batch's first sale) is read before it.
 */
function prepareBatches(
	context: ServiceContext,
	importId: number,
	report: ImportReport,
	target: ReturnType<typeof ownBatchTarget>,
	earliest: readonly EarliestSale[],
): {terminalId: string; batchNo: string} {
	const {store, config} = context;
	const staging = store.importStaging;
	const own = config.terminalId;
	const takesOwnBatch = earliest.some(batch => batch.terminalId === own);
	const hasQrSales = staging.hasQrSales(importId);
	return store.immediate(() => {
		const now = context.now();
		if (target.renumber !== undefined && takesOwnBatch) {
			// The terminal's open batch held nothing yet: it takes the number the terminal printed.
			const open = store.batches.get(target.renumber);
			if (open) {
				staging.setRenumbered(importId, open.id, open.batchNo);
			}

			store.batches.renumberEmpty(target.renumber, target.batchNo);
			report.batchesCreated.push(`${own}/${target.batchNo}`);
		}

		for (const batch of earliest) {
			if (!store.batches.byNumber(batch.terminalId, batch.batchNo)) {
				staging.addCreatedBatch(importId, store.batches.insert(batch.terminalId, batch.batchNo, batch.createdAt));
				const name = `${batch.terminalId}/${batch.batchNo}`;
				if (!report.batchesCreated.includes(name)) {
					report.batchesCreated.push(name);
				}
			}
		}

		let qrBatch = {terminalId: own, batchNo: ''};
		if (hasQrSales) {
			// The rule the readme states: a QR sale from a bill joins this counter's open batch.
			let open = store.batches.currentOpen(own);
			if (!open) {
				const id = store.batches.insert(own, target.batchNo, now);
				staging.addCreatedBatch(importId, id);
				report.batchesCreated.push(`${own}/${target.batchNo}`);
				open = store.batches.get(id)!;
			}

			qrBatch = {terminalId: own, batchNo: open.batchNo};
			report.qrBatch = `${own}/${open.batchNo}`;
		}

		return qrBatch;
	});
}

/**
 * Publishes a staged file: its sales are written to the books in chunk transactions, hidden from every
 * reader, then shown all at once by one short transaction that also records the refunds and voids. A
 * void waits for one chunk at most; a reader sees all of the file's rows or none.
 */
async function publish(
	context: ServiceContext,
	importId: number,
	report: ImportReport,
	options: ImportOptions & {chunkRows: number; adaptive: boolean},
	name: string,
): Promise<void> {
	const {store} = context;
	const staging = store.importStaging;
	const {chunkRows} = options;
	// Voids made from here on are checked at the switch against the sales written meanwhile.
	const voidsBefore = staging.lastVoidIds();
	const target = await decideExclusions(context, importId, report, chunkRows);
	if (report.badCount > 0 && !options.skipBad) {
		store.immediate(() => {
			staging.setState(importId, 'refused');
			refusedAudit(context, report, options, name);
		});
		return;
	}

	const earliest = staging.earliestByBatch(importId);
	// Read outside the write transactions: a scan of the staged rows holds up no void.
	const highest = staging.highestVouchers(importId);
	const qrBatch = prepareBatches(context, importId, report, target, earliest);
	const batchIds = new Set<number>();
	const lastLine = staging.lastLine(importId);
	let imported = 0;
	let lastChunkMs = 0;
	const writeChunk = (range: {from: number; to: number}) => {
		if (range.from === 0) {
			staging.startHiding(importId);
		}

		const written = staging.publishSales(importId, qrBatch, range);
		for (const batchId of written) {
			batchIds.add(batchId);
		}

		return written.length;
	};

	// Each chunk's size follows how long the last one held the lock: near `writeChunkTargetMs`, so a void
	// waits about that at most, while chunks stay as large as that allows (each commit rewrites the index
	// pages its rows touched, so many small chunks cost the import far more than a few large ones).
	let size = chunkRows;
	for (let from = 0; from < lastLine; from += size) {
		if (options.adaptive && from > 0) {
			size = nextChunkSize(size, lastChunkMs);
		}

		const range = {from, to: from + size};
		const started = performance.now();
		imported += store.immediate(() => writeChunk(range));
		lastChunkMs = performance.now() - started;
		options.onProgress?.('writing', Math.min(range.to, lastLine), lastLine);
		// The lock stays free for a moment: a void that waited sleeps in SQLite's busy handler, up to 100 ms
		// between tries, and would otherwise miss the instant between two chunks and wait for the next.
		await delay(Math.min(100, Math.max(5, lastChunkMs / 3)));
	}

	store.immediate(() => {
		const now = context.now();
		// A batch settled while the file was written cannot take sales: nothing of the file is shown.
		const settled = [...batchIds].map(id => store.batches.get(id)).find(batch => batch?.settledAt !== undefined);
		if (settled) {
			throw new ImportFileError(
				`batch ${settled.batchNo} of terminal ${settled.terminalId} was settled while this file was importing: nothing was imported`,
				{advice: 'Import the file again: its sales then join the batch that is open now.'},
			);
		}

		// A void made while the file was written took the voucher number of one of its sales: one sequence
		// serves sales and voids of a batch, so nothing of the file is shown.
		const taken = staging.voucherTakenSince(voidsBefore);
		if (taken) {
			throw new ImportFileError(
				`voucher ${taken.voucherNo} of batch ${taken.batchNo} on terminal ${taken.terminalId} was given to a void while this file was importing, and the file has a sale with it: nothing was imported`,
				{advice: 'Import the file again: that line is then named as a bad line.'},
			);
		}

		// New void vouchers continue after the imported ones.
		for (const {terminalId, voucher} of highest) {
			bulkInsertStore(store).raiseCounterTo(voucherCounterName(terminalId), voucher);
		}

		staging.showRows(importId);
		report.imported = imported;
		for (const batch of earliest) {
			staging.lowerOpenedAt(batch);
		}

		for (const resolution of staging.publishResolutions(importId, {at: now, format: report.format, file: name})) {
			if (resolution.transactionId === null) {
				report.resolutions.unmatched.push({
					line: resolution.line,
					kind: resolution.kind as OutsideResolutionKind,
					refersTo: resolution.refersTo,
					amount: resolution.amount,
				});
			} else {
				report.resolutions.matched++;
			}
		}

		report.committed = true;
		staging.setState(importId, 'published');
		store.audit.append(
			{
				operatorNo: options.runBy?.operatorNo,
				event: 'import',
				result: 'ok',
				record: `file:${name}`,
				detail: `${report.imported} imported, ${report.alreadyThere + report.repeatedInFile} duplicates, ${report.badCount} bad lines skipped, ${report.batchesCreated.length} batches created, ${report.resolutions.matched + report.resolutions.unmatched.length} refunds or voids${accountNote(options.runBy)}`,
			},
			now,
		);
	});
}

function duplicateLine(row: ExcludedRow): DuplicateLine {
	const duplicate: DuplicateLine = {
		line: row.line,
		terminalId: row.terminalId ?? '',
		batchNo: row.batchNo ?? '',
		voucherNo: row.voucherNo ?? '',
	};
	if (row.voucherNo === null && row.platformOrderNo !== null) {
		duplicate.orderNo = row.platformOrderNo;
	}

	if (row.excluded === 'repeat' && row.firstLine !== null) {
		duplicate.firstLine = row.firstLine;
	}

	return duplicate;
}

/**
 * Imports a file of posvoid's own format (CSV or JSON Lines). Cards are masked as each record is read,
 * so a full card number reaches neither the store nor any message.
 */
export async function importTransactions(
	context: ServiceContext,
	file: string,
	options: ImportOptions & {format?: BillFormat} = {},
): Promise<ImportReport> {
	return importBill(context, await openImportFile(context, file, options.format), file, options);
}

/** Posvoid's own export: JSON Lines, or a CSV whose header names voucher_no. Read from the first 4 KB only. */
function looksLikePosvoidFile(file: string): boolean {
	let head = '';
	try {
		const fd = fs.openSync(file, 'r');
		try {
			const buffer = Buffer.alloc(4096);
			head = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('latin1');
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		// An unreadable file is said so by the reader that opens it.
		return true;
	}

	const first = head.replace(/^\u00EF\u00BB\u00BF/, '').trimStart();
	return first.startsWith('{') || /^[^\n]*voucher_no/.test(first);
}

/**
 * Opens a file to import by what it holds, or as `format`: a platform's bill (WeChat Pay, Alipay, a
 * card acquirer's export) through bills/, posvoid's own CSV or JSON Lines through its own reader.
 */
async function openImportFile(
	context: ServiceContext,
	file: string,
	format: BillFormat | undefined,
): Promise<OpenedBill & {kind?: ImportFormat}> {
	if (format === 'posvoid' || (format === undefined && looksLikePosvoidFile(file))) {
		return openPosvoidFile(file, context.config.fees);
	}

	let bill: OpenedBill;
	try {
		bill = await openBill(file, {format, timeZone: context.config.timeZone, currency: context.config.currency});
	} catch (error) {
		if (error instanceof BillFileError) {
			// Posvoid's own reader says best what is wrong with a file that is no platform's bill.
			if (format === undefined && fs.existsSync(file)) {
				return openPosvoidFile(file, context.config.fees);
			}

			throw new ImportFileError(error.message, {advice: error.advice});
		}

		throw error;
	}

	return bill.format === 'posvoid' ? openPosvoidFile(file, context.config.fees) : bill;
}
