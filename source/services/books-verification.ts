import {
	batchRowsDigest,
	parseSettlementDetail,
	parseVoidDetail,
	settlementMismatches,
	voidMismatches,
	type StoredVoid,
} from '../domain/audit-books.js';
import {summarise} from '../domain/batch-summary.js';
import {booksStore, type AuditedVoidRow, type BooksStore} from '../store/books-store.js';
import type {ServiceContext} from './service-context.js';

/** The most problems one verification lists; the count says how many there were. */
const maxListed = 20;

export type BooksVerification = {
	ok: boolean;
	voids: number;
	settlements: number;
	/** How many disagreements were found; `problems` lists the first of them. */
	problemCount: number;
	problems: string[];
};

type Problem = (text: string) => void;

function storedVoid(row: AuditedVoidRow, voidVoucherNo: string, operatorNo: string): StoredVoid {
	return {
		voidVoucherNo,
		operatorNo,
		approverNo: row.approverNo ?? undefined,
		createdAt: row.voidAt ?? Number.NaN,
		saleVoucherNo: row.saleVoucherNo ?? '',
		amount: row.amount ?? Number.NaN,
		fee: row.fee ?? Number.NaN,
		saleStatus: row.saleStatus ?? '',
		sameBatch: row.voidBatchId === row.saleBatchId,
	};
}

/** Every void audit row against its void and sale; answers the sales those rows name. */
function checkAuditedVoids(books: BooksStore, problem: Problem): {count: number; audited: Set<number>} {
	const audited = new Set<number>();
	let count = 0;
	for (const row of books.auditedVoids()) {
		count++;
		const where = `audit row ${row.auditId} (void of ${row.record ?? 'no record'})`;
		const recorded = parseVoidDetail(row.detail);
		if (!recorded) {
			problem(`${where}: its detail is not a void's`);
		} else if (row.saleId === null) {
			problem(`${where}: the sale is gone from transactions`);
		} else if (row.voidVoucherNo === null || row.voidOperatorNo === null) {
			audited.add(row.saleId);
			problem(`${where}: its void ${recorded.voidVoucherNo} is gone from voids`);
		} else {
			audited.add(row.saleId);
			const audit = {at: row.at, operatorNo: row.auditOperatorNo ?? undefined};
			for (const mismatch of voidMismatches(recorded, audit, storedVoid(row, row.voidVoucherNo, row.voidOperatorNo))) {
				problem(`${where}: ${mismatch}`);
			}
		}
	}

	return {count, audited};
}

/** Every settlement audit row against its batch's figures now, and every settled batch against its row. */
function checkSettlements(context: ServiceContext, books: BooksStore, problem: Problem): number {
	const settledAudited = new Set<number>();
	const rows = books.settlementRows();
	for (const row of rows) {
		const batchNo = /^batch:(?<no>\d{6})$/.exec(row.record ?? '')?.groups?.['no'];
		const recorded = parseSettlementDetail(row.detail);
		const where = `audit row ${row.auditId} (settlement of ${row.record ?? 'no record'})`;
		if (batchNo === undefined || !recorded) {
			problem(`${where}: its record or detail is not a settlement's`);
			continue;
		}

		const batch = books
			.settledAt(batchNo, row.at)
			.find(candidate => recorded.terminalId === undefined || candidate.terminalId === recorded.terminalId);
		if (!batch) {
			problem(`${where}: batch ${batchNo} is not settled at that time`);
			continue;
		}

		settledAudited.add(batch.id);
		if (batch.settledBy !== (row.operatorNo ?? '')) {
			problem(
				`${where}: batch ${batchNo} was settled by ${batch.settledBy}, the audit row says ${row.operatorNo ?? 'no one'}`,
			);
		}

		const summary = summarise(context.store.settlement.channelTotals(batch.id));
		const digest = () => batchRowsDigest(context.store.settlement.batchRows(batch.id));
		for (const mismatch of settlementMismatches(recorded, summary, digest)) {
			problem(`${where}: batch ${batchNo}: ${mismatch}`);
		}
	}

	for (const batch of books.settledBatches()) {
		if (!settledAudited.has(batch.id)) {
			problem(`batch ${batch.batchNo} of terminal ${batch.terminalId} is settled but has no settlement audit row`);
		}
	}

	return rows.length;
}

/**
 * Holds the money tables to the audit log, in one snapshot: every void audit row has its void and
 * its voided sale with the voucher, amount, fee, operator, approver and time it recorded; every void
 * and every voided sale has its audit row; every settled batch has its settlement row, and its
 * figures recomputed from its rows now are the ones that row recorded. The chain proves the audit
 * rows; this proves the tables against them.
 */
export function verifyBooks(context: ServiceContext): BooksVerification {
	const {store} = context;
	return store.read(() => {
		const books = booksStore(store);
		const result: BooksVerification = {ok: true, voids: 0, settlements: 0, problemCount: 0, problems: []};
		const problem = (text: string) => {
			result.ok = false;
			result.problemCount++;
			if (result.problems.length < maxListed) {
				result.problems.push(text);
			}
		};

		const {count, audited} = checkAuditedVoids(books, problem);
		result.voids = count;
		for (const voidRow of books.voids()) {
			if (!audited.has(voidRow.transactionId)) {
				problem(`void ${voidRow.voucherNo} (row ${voidRow.id}) has no audit row`);
			}
		}

		for (const sale of books.voidedWithoutVoid()) {
			problem(`sale ${sale.voucherNo} of batch ${sale.batchNo} (row ${sale.id}) is marked voided but has no void`);
		}

		result.settlements = checkSettlements(context, books, problem);
		return result;
	});
}
