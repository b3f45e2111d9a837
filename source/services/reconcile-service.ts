import path from 'node:path';
import {setImmediate as nextTurn} from 'node:timers/promises';
import {BillFileError} from '../bills/bill-error.js';
import type {BillEncoding, BillFormat, BillResolution, BillSale, OpenedBill} from '../bills/bill-row.js';
import {openBill} from '../bills/open-bill.js';
import {reconcileKinds, type ReconcileKind} from '../domain/reconcile-kind.js';
import {startOfDay} from '../domain/time-format.js';
import {isQrChannel, type Channel} from '../domain/transaction.js';
import type {PrinterFailure} from '../printing/printer-failure.js';
import {printBytes} from '../printing/printer-transport.js';
import {buildReconcileSlip} from '../printing/reconcile-slip.js';
import type {ReconcileSale, ScratchRow} from '../store/reconcile-store.js';
import {UserError} from '../user-error.js';
import {labelsForModel} from '../printing/printer-profiles.js';
import {shown} from './import-row.js';
import {bytesFor, printerAddress, printerChecksFor} from './print-service.js';
import type {ServiceContext} from './service-context.js';

export {reconcileKinds, type ReconcileKind} from '../domain/reconcile-kind.js';

export type ReconcileLine = {
	kind: ReconcileKind;
	channel?: Channel;
	/** When the sale, refund or void happened (epoch ms). */
	at?: number;
	/** The numbers that name it: an order number, or terminal/batch/voucher (reference). */
	key: string;
	/** The bill's file and line, when the line comes from the bill. */
	file?: string;
	line?: number;
	/** Posvoid's figure and the bill's, in fen, where they apply. */
	posvoid?: number;
	bill?: number;
	/** A bad line's reason. */
	detail?: string;
};

export type ReconciledFile = {
	file: string;
	format: Exclude<BillFormat, 'posvoid'>;
	encoding: BillEncoding;
	rows: number;
};

export type ReconcileReport = {
	files: ReconciledFile[];
	/** The counter's local days the bills cover, `2026-11-25`, and their channels. */
	days: string[];
	channels: Channel[];
	/** Bill sales found in posvoid with the same figures. */
	matched: number;
	counts: Record<ReconcileKind, number>;
	unmatched: number;
	at: number;
};

export class ReconcileFileError extends UserError {
	override name = 'ReconcileFileError';
}

/** The channels a bill speaks for: a day of it covers every sale of these channels that day. */
const formatChannels: Record<Exclude<BillFormat, 'posvoid'>, readonly Channel[]> = {
	wechat: ['wechat'],
	alipay: ['alipay'],
	acquirer: ['debit', 'credit'],
};

const chunkRows = 5000;
const dayMs = 86_400_000;

function cardKey(terminalId = '', batchNo = '', voucherNo = '', referenceNo?: string): string {
	const voucher = `${terminalId}/${batchNo}/${voucherNo}`;
	return referenceNo === undefined ? voucher : `${voucher} (${referenceNo})`;
}

function billSaleKey(row: BillSale): string {
	return isQrChannel(row.channel) && row.voucherNo === undefined
		? (row.platformOrderNo ?? row.merchantOrderNo ?? '')
		: cardKey(row.terminalId, row.batchNo, row.voucherNo, row.referenceNo);
}

function resolutionKey(row: BillResolution): string {
	const to = row.refersTo;
	const sale =
		to.platformOrderNo ??
		to.merchantOrderNo ??
		cardKey(to.terminalId, to.batchNo, to.originalVoucherNo, to.originalReferenceNo);
	return row.resolutionNo === undefined ? sale : `${sale} → ${row.resolutionNo}`;
}

/** How a sale of the database is named on a reconciliation line. */
export function saleKeyOf(sale: ReconcileSale): string {
	return sale.voucherNo === null
		? (sale.platformOrderNo ?? sale.merchantOrderNo ?? '')
		: cardKey(sale.terminalId, sale.batchNo, sale.voucherNo, sale.referenceNo ?? undefined);
}

async function openForReconcile(context: ServiceContext, file: string): Promise<OpenedBill> {
	let bill: OpenedBill;
	try {
		bill = await openBill(file, {timeZone: context.config.timeZone, currency: context.config.currency});
	} catch (error) {
		if (error instanceof BillFileError) {
			throw new ReconcileFileError(error.message, {advice: error.advice});
		}

		throw error;
	}

	if (bill.format === 'posvoid') {
		throw new ReconcileFileError(`${file} is posvoid's own import file, not a platform's bill`, {
			advice:
				'Reconcile against the bill the platform published: a WeChat Pay trade bill, Alipay business detail or the acquirer export.',
		});
	}

	return bill;
}

/**
 * Compares platforms' bills with the database over the bills' days (in the counter's zone) and channels.
 * Each bill streams into a scratch table of this connection, chunk by chunk, with its sale looked up by
 * index (memory stays flat whatever its size); the lists then come from SQL. `onLine` receives every
 * line as it is found, so the caller can print and write it without holding the lists. Nothing in the
 * books changes; the result is recorded as an audit row (`reconcile`), which the X report reads.
 */
export async function reconcileBills(
	context: ServiceContext,
	files: readonly string[],
	onLine: (line: ReconcileLine) => void,
	/** The PC account it ran under, for its audit row. */
	options: {account?: string} = {},
): Promise<ReconcileReport> {
	const {store, config} = context;
	const scratch = store.reconcile;
	const counts = Object.fromEntries(reconcileKinds.map(kind => [kind, 0])) as Record<ReconcileKind, number>;
	const emit = (line: ReconcileLine) => {
		counts[line.kind]++;
		onLine(line);
	};

	const days = new Set<number>();
	const channels = new Set<Channel>();
	const reconciled: ReconciledFile[] = [];
	store.guard(() => {
		scratch.begin();
	});
	for (const file of files) {
		const bill = await openForReconcile(context, file);
		const format = bill.format as Exclude<BillFormat, 'posvoid'>;
		const name = shown(path.basename(file));
		const scopeChannels = new Set<Channel>(formatChannels[format]);
		const fileDays = new Set<number>();
		let chunk: ScratchRow[] = [];
		let rows = 0;
		const flush = async () => {
			const staged = chunk;
			chunk = [];
			// One transaction per chunk; it writes only this connection's TEMP tables, never the books' lock.
			store.read(() => {
				scratch.addRows(staged);
			});
			await nextTurn();
		};

		for await (const row of bill.rows) {
			rows++;
			if (row.kind === 'bad') {
				emit({kind: 'bad-line', key: '', file: name, line: row.line, detail: row.reason});
				continue;
			}

			scopeChannels.add(row.channel);
			fileDays.add(startOfDay(row.createdAt, config.timeZone));
			chunk.push(row.kind === 'sale' ? scratchSale(context, name, row) : scratchResolution(context, name, row));
			if (chunk.length >= chunkRows) {
				await flush();
			}
		}

		await flush();
		for (const mismatch of bill.mismatches()) {
			emit({
				kind: 'bad-line',
				key: '',
				file: name,
				line: mismatch.line,
				detail: `the file says ${mismatch.figure} is ${mismatch.stated} but its rows add up to ${mismatch.counted}: the file may be cut; download it again`,
			});
		}

		if (bill.missingTotals()) {
			emit({
				kind: 'bad-line',
				key: '',
				file: name,
				line: 0,
				detail: 'the file ends without the summary its format always has: it may be cut; download it again',
			});
		}

		store.guard(() => {
			for (const day of fileDays) {
				// The next local midnight: a day is not always 24 hours long where clocks change.
				const end = startOfDay(day + dayMs + 3_600_000 * 3, config.timeZone);
				for (const channel of scopeChannels) {
					scratch.addScope(channel, day, end);
				}
			}
		});
		for (const day of fileDays) {
			days.add(day);
		}

		for (const channel of scopeChannels) {
			channels.add(channel);
		}

		reconciled.push({file, format, encoding: bill.encoding, rows});
	}

	const matched = store.read(() => {
		for (const row of scratch.missingHere()) {
			emit({
				kind: 'missing-here',
				channel: row.channel,
				at: row.createdAt,
				key: row.billKey,
				file: row.file,
				line: row.line,
				bill: row.amount,
			});
		}

		for (const sale of scratch.missingInBill()) {
			emit({
				kind: 'missing-in-bill',
				channel: sale.channel,
				at: sale.createdAt,
				key: saleKeyOf(sale),
				posvoid: sale.amount,
			});
		}

		for (const sale of scratch.unseenVoids()) {
			emit({
				kind: 'void-not-seen',
				channel: sale.channel,
				at: sale.voidedAt,
				key: `${saleKeyOf(sale)} → ${sale.voidVoucherNo}`,
				posvoid: sale.amount,
			});
		}

		for (const row of scratch.refundedOutside()) {
			emit({
				kind: 'refunded-outside',
				channel: row.channel,
				at: row.createdAt,
				key: row.billKey,
				file: row.file,
				line: row.line,
				bill: row.amount,
			});
		}

		let mismatched = 0;
		for (const row of scratch.mismatches()) {
			mismatched++;
			const base = {channel: row.channel, at: row.createdAt, key: saleKeyOf(row), file: row.file, line: row.line};
			if (row.billAmount === row.amount) {
				emit({...base, kind: 'fee-mismatch', posvoid: row.fee, bill: row.billFee ?? 0});
			} else {
				emit({...base, kind: 'amount-mismatch', posvoid: row.amount, bill: row.billAmount});
			}
		}

		return scratch.matchedSales() - mismatched;
	});
	const unmatched = reconcileKinds.reduce((sum, kind) => sum + counts[kind], 0);
	const at = context.now();
	const dayNames = [...days].toSorted((a, b) => a - b).map(day => localDate(day, config.timeZone));
	const names = reconciled.map(entry => shown(path.basename(entry.file))).join(', ');
	store.immediate(() => {
		store.audit.append(
			{
				event: 'reconcile',
				result: 'ok',
				record: `files:${names}`,
				detail: `${reconcileDetail(unmatched, matched, dayNames)}${options.account ? `; PC account ${shown(options.account)}` : ''}`,
			},
			at,
		);
	});
	return {
		files: reconciled,
		days: dayNames,
		channels: [...channels],
		matched,
		counts,
		unmatched,
		at,
	};
}

function localDate(dayStart: number, timeZone: string): string {
	// The start of a local day, plus a few hours, is well inside it whatever the offset's change.
	return new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}).format(
		dayStart + 3_600_000 * 3,
	);
}

/** The audit detail the X report reads back: `N unmatched, M matched; days ...`. */
function reconcileDetail(unmatched: number, matched: number, days: readonly string[]): string {
	return `${unmatched} unmatched, ${matched} matched; days ${days.join(' ') || 'none'}`;
}

export type LastReconciliation = {at: number; unmatched: number};

/** The last reconciliation's time and unmatched count, from its audit row; undefined when there has been none. */
export function lastReconciliation(context: ServiceContext): LastReconciliation | undefined {
	const [row] = context.store.audit.recent({event: 'reconcile'}, 1);
	const unmatched = /^(?<count>\d+) unmatched/.exec(row?.detail ?? '')?.groups?.['count'];
	return row === undefined || unmatched === undefined ? undefined : {at: row.at, unmatched: Number(unmatched)};
}

function scratchSale(context: ServiceContext, file: string, row: BillSale): ScratchRow {
	const {reconcile} = context.store;
	const qr = isQrChannel(row.channel) && row.voucherNo === undefined;
	const transactionId = qr
		? reconcile.findQrSale(row.channel, row.platformOrderNo, row.merchantOrderNo)
		: reconcile.findCardSale(row.terminalId ?? context.config.terminalId, row.batchNo, row.voucherNo, row.referenceNo);
	return {
		file,
		line: row.line,
		kind: 'sale',
		channel: row.channel,
		amount: row.amount,
		fee: row.fee,
		createdAt: row.createdAt,
		billKey: billSaleKey(row),
		transactionId,
		known: true,
	};
}

function scratchResolution(context: ServiceContext, file: string, row: BillResolution): ScratchRow {
	const {reconcile} = context.store;
	const to = row.refersTo;
	const transactionId =
		to.platformOrderNo !== undefined || to.merchantOrderNo !== undefined
			? reconcile.findQrSale(row.channel, to.platformOrderNo, to.merchantOrderNo)
			: reconcile.findCardSale(
					to.terminalId ?? context.config.terminalId,
					to.batchNo,
					to.originalVoucherNo,
					to.originalReferenceNo,
				);
	return {
		file,
		line: row.line,
		kind: 'resolution',
		channel: row.channel,
		amount: row.amount,
		fee: undefined,
		createdAt: row.createdAt,
		billKey: resolutionKey(row),
		transactionId,
		known: reconcile.knowsResolution(row.channel, transactionId, row.resolutionNo, {
			platformOrderNo: to.platformOrderNo,
			terminalId: to.terminalId ?? context.config.terminalId,
			batchNo: to.batchNo,
			voucherNo: to.originalVoucherNo,
		}),
	};
}

/** Prints the reconciliation slip straight away; like the shift summary it is a look at figures, not queued. */
export async function printReconcileSlip(
	context: ServiceContext,
	report: ReconcileReport,
	lines: ReadonlyArray<{kind: ReconcileKind; key: string}>,
	operatorNo: string,
): Promise<{ok: true} | {ok: false; failure: PrinterFailure}> {
	const {config} = context;
	const model = buildReconcileSlip(
		{
			merchantName: config.merchant.name,
			merchantNo: config.merchant.number,
			terminalId: config.terminalId,
			operatorNo,
			at: report.at,
			timeZone: config.timeZone,
			days: report.days,
			files: report.files.length,
			matched: report.matched,
			counts: report.counts,
			unmatched: report.unmatched,
			lines,
		},
		{labels: labelsForModel(config.printer.model)},
	);
	const {bytes} = bytesFor(context, model);
	const outcome = await printBytes(bytes, printerAddress(context), printerChecksFor(context.config));
	return outcome.ok ? {ok: true} : {ok: false, failure: outcome.failure};
}
