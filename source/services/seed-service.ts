import {formatDate, startOfDay} from '../domain/time-format.js';
import {formatBatchNo, nextVoucherNo} from '../domain/voucher.js';
import {bulkInsertStore, withBulkCache} from '../store/bulk-insert-store.js';
import {UserError} from '../user-error.js';
import {singleLine} from '../domain/display-text.js';
import {pickWeighted, randomInt, seededRandom, type RandomSource} from './seeded-random.js';
import type {ServiceContext} from './service-context.js';
import {syntheticSale} from './synthetic-sale.js';
import {voucherCounterName} from './void-service.js';

/** A seed request a person can correct: the message says how. */
export class SeedError extends UserError {
	override name = 'SeedError';
}

export type SeedOptions = {
	rows: number;
	days: number;
	seed: number;
	/** The end of the history: the newest sale is at or before it. */
	now: number;
	/** Rows written so far and the total, after each committed chunk. */
	onProgress?: (done: number, total: number) => void;
	/** The PC account that ran the seed, for its audit row. */
	account?: string;
};

export type SeededBatch = {batchNo: string; sales: number; voids: number; settled: boolean};

export type SeedSummary = {rows: number; voids: number; batches: SeededBatch[]; from: number; to: number};

export const maxSeedRows = 10_000_000;
export const maxSeedDays = 366;

/** Rows per write transaction: large enough that commits cost nothing, small enough to show progress. */
const chunkSize = 50_000;
/** A batch's vouchers run 000001–999999; leave room for its voids. */
const maxSalesPerBatch = 990_000;
const voidRate = 1 / 400;
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** The supervisor who settles seeded batches and approves large seeded voids. */
const supervisorNo = '00';

/** Trade by local hour: nothing before 08:00 or after 22:00, peaks at lunch and after work. */
const hourWeights = [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 5, 8, 10, 8, 5, 4, 5, 7, 10, 9, 6, 3, 0, 0];

/**
 * A WeChat Pay or Alipay sale's order numbers, in the platforms' shapes (28 digits each: WeChat Pay's
 * transaction_id starts 4200, Alipay's trade_no with the date then 22), unique per terminal and voucher;
 * the merchant's own order number is PV + terminal + date + voucher.
 */
function qrOrderNumbers(
	channel: string,
	day: string,
	terminalId: string,
	voucherNo: string,
): {platformOrderNo?: string; merchantOrderNo?: string} {
	// The numbers end in the voucher's digits scrambled, not the voucher itself: a clerk typing a voucher
	// finds the sale by its voucher, not also by an order number's tail.
	const terminal = terminalId.padStart(8, '0').slice(-8);
	const tail = String((Number(voucherNo) * 7919 + 104_729) % 1_000_000).padStart(6, '0');
	if (channel === 'wechat') {
		return {platformOrderNo: `420000${day}${terminal}${tail}`, merchantOrderNo: `PV${terminal}${day}${tail}`};
	}

	if (channel === 'alipay') {
		return {platformOrderNo: `${day}220014${terminal}${tail}`, merchantOrderNo: `PV${terminal}${day}${tail}`};
	}

	return {};
}

type DayPlan = {dayStart: number; limit: number; sales: number};

type Segment = {start: number; end: number; weight: number};

function validate(options: SeedOptions): void {
	if (!Number.isInteger(options.rows) || options.rows < 1 || options.rows > maxSeedRows) {
		throw new SeedError(`--rows takes a whole number from 1 to ${maxSeedRows}`);
	}

	if (!Number.isInteger(options.days) || options.days < 1 || options.days > maxSeedDays) {
		throw new SeedError(`--days takes a whole number from 1 to ${maxSeedDays}`);
	}

	if (!Number.isSafeInteger(options.seed)) {
		throw new SeedError('--seed takes a whole number');
	}

	if (Math.ceil(options.rows / options.days) > maxSalesPerBatch) {
		throw new SeedError(
			`${options.rows} rows over ${options.days} days puts more than ${maxSalesPerBatch} sales in one day's batch, and voucher numbers stop at 999999: pass more --days`,
		);
	}
}

/** The days of the history, oldest first, with the sales each one gets (spread evenly; the newest days take the remainder). */
function planDays(options: SeedOptions, timeZone: string): DayPlan[] {
	const base = Math.floor(options.rows / options.days);
	const remainder = options.rows % options.days;
	const plans: DayPlan[] = [];
	for (let index = 0; index < options.days; index++) {
		const back = options.days - 1 - index;
		const dayStart = startOfDay(options.now - back * dayMs, timeZone);
		const sales = base + (index >= options.days - remainder ? 1 : 0);
		if (sales > 0) {
			plans.push({dayStart, limit: Math.min(options.now, dayStart + dayMs), sales});
		}
	}

	return plans;
}

/** The trading hours of a day that lie before `limit`, weighted by trade; early on the last day, the hour before `limit`. */
function tradingSegments(day: DayPlan): Segment[] {
	const segments: Segment[] = [];
	for (const [hour, weight] of hourWeights.entries()) {
		const start = day.dayStart + hour * hourMs;
		const end = Math.min(start + hourMs, day.limit);
		if (weight > 0 && end > start) {
			segments.push({start, end, weight: (weight * (end - start)) / hourMs});
		}
	}

	return segments.length > 0
		? segments
		: [{start: Math.max(day.dayStart, day.limit - hourMs), end: day.limit, weight: 1}];
}

/** The sale times of one day, sorted: clustered in busy hours, never after the day's limit. */
function saleTimes(random: RandomSource, day: DayPlan): Float64Array {
	const segments = tradingSegments(day);
	const weighted = segments.map(segment => [segment, segment.weight] as const);
	const times = new Float64Array(day.sales);
	for (let index = 0; index < day.sales; index++) {
		const segment = pickWeighted(random, weighted);
		times[index] = Math.min(segment.end - 1, segment.start + Math.floor(random() * (segment.end - segment.start)));
	}

	return times.toSorted();
}

/** `yymmdd` of a day: with the voucher it makes the reference number, as the void service does. */
function referencePrefix(at: number, timeZone: string): string {
	return formatDate(at, timeZone).slice(2).replaceAll('-', '');
}

type RecentSale = {id: number; amount: number; voided: boolean};

/**
 * Writes a synthetic history for demos and benchmarks: `days` days ending at `now`, one batch per day
 * (older ones settled, the newest open), every channel in a realistic mix, masked cards, computed fees,
 * and a few voids each with its status flip, audit row and printed slip job. Repeatable for a given seed
 * and `now`. Rows are written in transactions of 50,000 with the store's usual durability settings.
 */
export function seedDatabase(context: ServiceContext, options: SeedOptions): SeedSummary {
	validate(options);
	const {store, config} = context;
	const bulk = bulkInsertStore(store);
	const random = seededRandom(options.seed);
	const {terminalId} = config;
	const counterName = voucherCounterName(terminalId);
	const days = planDays(options, config.timeZone);

	const summary: SeedSummary = {rows: 0, voids: 0, batches: [], from: Number.POSITIVE_INFINITY, to: 0};
	let lastVoucher = 0;
	const takeVoucher = (): string => {
		const voucherNo = nextVoucherNo(lastVoucher);
		lastVoucher = Number(voucherNo);
		return voucherNo;
	};

	function openBatch(firstSaleAt: number): {id: number; batchNo: string} {
		// `posvoid init` opens an empty batch: it becomes the oldest seeded day rather than a stray open batch.
		const open = store.batches.currentOpen(terminalId);
		if (open && !bulk.batchHasTransactions(open.id)) {
			bulk.noteTransactionAt(open.id, firstSaleAt);
			return {id: open.id, batchNo: open.batchNo};
		}

		const newest = store.batches.newest(terminalId);
		const batchNo = formatBatchNo(newest ? (Number(newest.batchNo) % 999_999) + 1 : 1);
		return {id: store.batches.insert(terminalId, batchNo, firstSaleAt), batchNo};
	}

	function voidRecent(recent: RecentSale[], batchId: number, at: number, prefix: string): boolean {
		const candidates = recent.filter(sale => !sale.voided);
		const target = candidates[randomInt(random, 0, candidates.length - 1)];
		if (!target) {
			return false;
		}

		target.voided = true;
		store.transactions.markVoided(target.id);
		const voucherNo = takeVoucher();
		const operatorNo = pickWeighted(random, [
			['01', 1],
			['02', 1],
		] as const);
		const approverNo = target.amount > config.supervisorLimit ? supervisorNo : undefined;
		const reason = config.voidReasons[randomInt(random, 0, config.voidReasons.length - 1)] ?? 'Customer cancelled';
		const voidId = store.voids.insert({
			transactionId: target.id,
			terminalId,
			batchId,
			voucherNo,
			referenceNo: prefix + voucherNo,
			operatorNo,
			approverNo,
			reason,
			createdAt: at,
		});
		store.audit.append(
			{
				operatorNo,
				event: 'void',
				result: 'ok',
				record: `transaction:${target.id}`,
				detail: `void ${voucherNo} amount ${target.amount}${approverNo ? ` approved by ${approverNo}` : ''} (seeded)`,
			},
			at,
		);
		const jobId = store.printJobs.insert({kind: 'void-slip', voidId, reprint: false}, at);
		store.printJobs.claim(jobId, at + 1000);
		store.printJobs.markPrinted(jobId, at + 3000);
		return true;
	}

	// Written as one sequence; the driver below commits it in chunks at the yields.
	function* write(): Generator<void, void, void> {
		// Checked under the write lock of the first chunk, so a concurrent writer cannot slip in between.
		if (bulk.terminalHasTransactions(terminalId)) {
			throw new SeedError(
				`the database already holds transactions of terminal ${terminalId}: seed a new file with --db PATH`,
			);
		}

		lastVoucher = store.counters.get(counterName);
		for (const [dayIndex, day] of days.entries()) {
			const isNewest = dayIndex === days.length - 1;
			const times = saleTimes(random, day);
			const batch = openBatch(times[0] ?? day.dayStart);
			const seeded: SeededBatch = {batchNo: batch.batchNo, sales: 0, voids: 0, settled: false};
			summary.batches.push(seeded);
			const recent: RecentSale[] = [];
			// Every sale of the day shares the day's date, so it is formatted once.
			const prefix = referencePrefix(day.dayStart + 12 * hourMs, config.timeZone);
			const orderDay = formatDate(day.dayStart + 12 * hourMs, config.timeZone).replaceAll('-', '');
			for (const at of times) {
				const sale = syntheticSale(random, config.fees);
				const voucherNo = takeVoucher();
				const id = bulk.insert(
					{
						...sale,
						...qrOrderNumbers(sale.channel, orderDay, terminalId, voucherNo),
						voucherNo,
						referenceNo: prefix + voucherNo,
						batchNo: batch.batchNo,
						terminalId,
						merchantId: config.merchant.number,
						currency: config.currency,
						createdAt: at,
					},
					batch.id,
				);
				recent.push({id, amount: sale.amount, voided: false});
				if (recent.length > 8) {
					recent.shift();
				}

				seeded.sales++;
				summary.rows++;
				summary.from = Math.min(summary.from, at);
				summary.to = Math.max(summary.to, at);
				if (random() < voidRate && voidRecent(recent, batch.id, at, prefix)) {
					seeded.voids++;
					summary.voids++;
				}

				yield;
			}

			if (!isNewest) {
				const settledAt = Math.max((times.at(-1) ?? day.dayStart) + 60_000, day.dayStart + 22.5 * hourMs);
				store.batches.settle(batch.id, supervisorNo, settledAt);
				store.audit.append(
					{
						operatorNo: supervisorNo,
						event: 'settlement',
						result: 'ok',
						record: `batch:${batch.batchNo}`,
						detail: `${seeded.sales} sales (seeded)`,
					},
					settledAt,
				);
				seeded.settled = true;
			}
		}

		store.counters.set(counterName, lastVoucher);
		store.audit.append(
			{
				event: 'import',
				result: 'ok',
				detail: `seed ${options.seed}: ${summary.rows} synthetic sales and ${summary.voids} voids over ${days.length} days${options.account === undefined ? '' : `; PC account ${singleLine(options.account).slice(0, 32)}`}`,
			},
			options.now,
		);
	}

	const steps = write();
	/** Runs the next chunk of the sequence; true when it is finished. */
	const writeChunk = (): boolean => {
		for (let index = 0; index < chunkSize; index++) {
			if (steps.next().done) {
				return true;
			}
		}

		// The counter moves with the rows that used its numbers, in the same commit.
		store.counters.set(counterName, lastVoucher);
		return false;
	};

	withBulkCache(store, () => {
		let finished = false;
		while (!finished) {
			finished = store.immediate(writeChunk);
			options.onProgress?.(summary.rows, options.rows);
		}
	});

	return summary;
}
