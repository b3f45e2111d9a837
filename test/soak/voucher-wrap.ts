import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {defaultConfig} from '../../source/config.js';
import {voucherCount} from '../../source/domain/voucher.js';
import {verifyAuditChain} from '../../source/services/audit-service.js';
import {verifyBooks} from '../../source/services/books-verification.js';
import {ensureOpenBatch} from '../../source/services/batch-service.js';
import {importTransactions} from '../../source/services/import-service.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {voidTransaction, voucherCounterName} from '../../source/services/void-service.js';
import {openStore} from '../../source/store/store.js';
import {testClock} from '../helpers/test-clock.js';

/** Voucher numbers at both ends of the range, where the counter goes round. */
const nearTheEnds = fc.oneof(
	fc.integer({min: 1, max: 12}),
	fc.integer({min: voucherCount - 12, max: voucherCount}),
	fc.integer({min: 1, max: voucherCount}),
);

const voucherRange = fc.record({
	/** The terminal's voucher counter before anything happens. */
	counter: fc.oneof(fc.integer({min: voucherCount - 8, max: voucherCount}), fc.integer({min: 0, max: 8})),
	/** Sales imported before the first voids, and after them. */
	before: fc.uniqueArray(nearTheEnds, {minLength: 1, maxLength: 12}),
	after: fc.uniqueArray(nearTheEnds, {maxLength: 8}),
	/** How many of the sales are voided, in two rounds around the second import. */
	firstVoids: fc.integer({min: 1, max: 6}),
	secondVoids: fc.integer({min: 0, max: 6}),
});

const header =
	'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';

function writeSales(file: string, vouchers: number[], now: number): void {
	const at = new Date(now - 60_000).toISOString().replace('Z', '+00:00');
	const lines = vouchers.map(voucher => {
		const voucherNo = String(voucher).padStart(6, '0');
		return `${voucherNo},2611${voucherNo}00,A1B2C3,000001,${defaultConfig().terminalId},898440358120011,debit,6228480402564890018,12.50,CNY,${at},01`;
	});
	fs.writeFileSync(file, [header, ...lines].join('\n') + '\n');
}

function expect(condition: boolean, message: string): asserts condition {
	if (!condition) {
		throw new Error(message);
	}
}

/**
 * Voucher ranges that wrap: a counter started near 999999 (or 000000), sales imported with vouchers
 * at both ends of the range before and after voids. Every void must be answered (voided, or refused
 * with a reason), never thrown; no voucher number may serve two sales or voids of the batch; an
 * imported sale on a void's number is refused on its line; and the audit chain and the money tables
 * must still agree afterwards.
 */
export function voucherWrapProperty(folder: string, runs: number, seed?: number) {
	let round = 0;
	return {
		name: 'voucher ranges that wrap',
		runs,
		check: async () =>
			fc.check(
				fc.asyncProperty(voucherRange, async ({counter, before, after, firstVoids, secondVoids}) => {
					const file = path.join(folder, `wrap-${round++}.db`);
					const store = openStore(file, {create: true});
					const now = testClock();
					const context = createServiceContext(store, {...defaultConfig(), database: file}, {now: () => now});
					const operator = {operatorNo: '01', name: 'wrap', role: 'supervisor' as const, at: now};
					try {
						ensureOpenBatch(context);
						store.counters.set(voucherCounterName(context.config.terminalId), counter);
						const salesFile = `${file}.csv`;
						const voidSome = (count: number) => {
							const ids = store.db
								.prepare(`SELECT id FROM transactions WHERE status = 'completed' ORDER BY id LIMIT ?`)
								.pluck()
								.all(count) as number[];
							for (const transactionId of ids) {
								const outcome = voidTransaction(context, {transactionId, operator, reason: 'wrap'});
								expect(outcome.ok, `a void was refused: ${outcome.ok ? '' : `${outcome.reason} ${outcome.detail}`}`);
							}
						};

						writeSales(salesFile, before, now);
						await importTransactions(context, salesFile, {skipBad: true});
						voidSome(firstVoids);
						const voidVouchers = new Set(
							store.db.prepare('SELECT CAST(voucher_no AS INTEGER) FROM voids').pluck().all() as number[],
						);
						writeSales(salesFile, after, now);
						const second = await importTransactions(context, salesFile, {skipBad: true});
						const refusedOnVoids = after.filter(voucher => voidVouchers.has(voucher)).length;
						expect(
							second.bad.filter(bad => bad.problems.some(problem => problem.includes('already the number of a void')))
								.length === refusedOnVoids,
							`an imported sale on a void's number was not refused: ${JSON.stringify(second.bad)}`,
						);
						voidSome(secondVoids);

						const repeated = store.db
							.prepare(
								`SELECT voucher_no FROM (SELECT voucher_no FROM transactions UNION ALL SELECT voucher_no FROM voids)
								GROUP BY voucher_no HAVING count(*) > 1`,
							)
							.pluck()
							.all();
						expect(repeated.length === 0, `voucher numbers used twice in one batch: ${repeated.join(', ')}`);
						expect(verifyAuditChain(context).ok, 'the audit chain does not verify');
						const books = verifyBooks(context);
						expect(books.ok, `the money tables disagree with the audit log: ${books.problems.join('; ')}`);
					} finally {
						store.close();
						for (const suffix of ['', '-wal', '-shm', '.csv']) {
							fs.rmSync(`${file}${suffix}`, {force: true});
						}
					}
				}),
				{numRuns: runs, seed},
			),
	};
}
