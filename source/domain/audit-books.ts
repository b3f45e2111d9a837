import {createHash} from 'node:crypto';
import type {BatchSummary} from './batch-summary.js';
import type {Fen} from './money.js';

/**
 * What a void's audit row says about the money: written by the void in the same transaction as the
 * void row and the sale's status, so `audit --verify` can hold the tables to it. Older rows say less:
 * no fee before this version, and seeded rows no sale voucher.
 */
export type AuditedVoid = {
	voidVoucherNo: string;
	saleVoucherNo: string | undefined;
	amount: Fen;
	fee: Fen | undefined;
	approverNo: string | undefined;
};

const voidDetail =
	/^void (?<void>\d{6})(?: of (?<sale>\d{6}))? amount (?<amount>\d+)(?: fee (?<fee>\d+))?(?: approved by (?<approver>\d+))?(?: \(seeded\))?$/;

/** The audit detail of a void, as voidTransaction writes it. */
export function voidAuditDetail(entry: AuditedVoid): string {
	const approved = entry.approverNo === undefined ? '' : ` approved by ${entry.approverNo}`;
	const fee = entry.fee === undefined ? '' : ` fee ${entry.fee}`;
	return `void ${entry.voidVoucherNo} of ${entry.saleVoucherNo ?? '?'} amount ${entry.amount}${fee}${approved}`;
}

export function parseVoidDetail(detail: string): AuditedVoid | undefined {
	const groups = voidDetail.exec(detail)?.groups;
	if (!groups?.['void'] || groups['amount'] === undefined) {
		return undefined;
	}

	return {
		voidVoucherNo: groups['void'],
		saleVoucherNo: groups['sale'],
		amount: Number(groups['amount']),
		fee: groups['fee'] === undefined ? undefined : Number(groups['fee']),
		approverNo: groups['approver'],
	};
}

/** A void as the money tables hold it: the void row and its sale. */
export type StoredVoid = {
	voidVoucherNo: string;
	operatorNo: string;
	approverNo: string | undefined;
	createdAt: number;
	saleVoucherNo: string;
	amount: Fen;
	fee: Fen;
	saleStatus: string;
	/** The void's batch and its sale's batch: one and the same. */
	sameBatch: boolean;
};

/** Where the tables disagree with a void's audit row (written at `at` by `operatorNo`), one phrase each. */
export function voidMismatches(
	audited: AuditedVoid,
	audit: {at: number; operatorNo: string | undefined},
	stored: StoredVoid,
): string[] {
	const problems: string[] = [];
	const differs = (what: string, recorded: string | number, found: string | number) => {
		if (recorded !== found) {
			problems.push(`${what} is ${found}, the audit row says ${recorded}`);
		}
	};

	differs('the void voucher', audited.voidVoucherNo, stored.voidVoucherNo);
	if (audited.saleVoucherNo !== undefined) {
		differs("the sale's voucher", audited.saleVoucherNo, stored.saleVoucherNo);
	}

	differs("the sale's amount", audited.amount, stored.amount);
	if (audited.fee !== undefined) {
		differs("the sale's fee", audited.fee, stored.fee);
	}

	differs('the approver', audited.approverNo ?? 'none', stored.approverNo ?? 'none');
	differs('the operator', audit.operatorNo ?? 'none', stored.operatorNo);
	differs('the time', audit.at, stored.createdAt);
	if (stored.saleStatus !== 'voided') {
		problems.push(`the sale's status is ${stored.saleStatus}, not voided`);
	}

	if (!stored.sameBatch) {
		problems.push("the void is not in its sale's batch");
	}

	return problems;
}

/** What a settlement's audit row says: every figure of the batch's report. Seeded rows carry the sales count only. */
export type AuditedSettlement = {
	salesCount: number;
	salesAmount?: Fen;
	voidsCount?: number;
	voidsAmount?: Fen;
	netAmount?: Fen;
	salesFees?: Fen;
	voidsFees?: Fen;
	terminalId?: string;
	/** The digest of every stored field of the batch's sales and voids (rows settled since this version). */
	rowsDigest?: string;
};

/** Hex digits of the rows digest a settlement's audit row keeps. */
const digestDigits = 16;

/**
 * A digest of every stored field of a batch's rows, in the store's fixed order: a settled sale's
 * voucher, card or time changed, or a row added or removed, changes it.
 */
export function batchRowsDigest(rows: Iterable<readonly unknown[]>): string {
	const hash = createHash('sha256');
	for (const row of rows) {
		hash.update(JSON.stringify(row)).update('\n');
	}

	return hash.digest('hex').slice(0, digestDigits);
}

const settlementDetail =
	/^sales (?<salesCount>\d+) (?<salesAmount>\d+), voids (?<voidsCount>\d+) (?<voidsAmount>\d+), net (?<netAmount>-?\d+)(?:, fees (?<salesFees>\d+) (?<voidsFees>\d+))?(?:, terminal (?<terminalId>\d{8}))?(?:, rows (?<rowsDigest>[\da-f]{16}))?$/;
const seededSettlement = /^(?<salesCount>\d+) sales \(seeded\)$/;

/** The audit detail of a settled batch, as settleBatch writes it. */
export function settlementAuditDetail(summary: BatchSummary, terminalId: string, rowsDigest: string): string {
	const {total} = summary;
	return `sales ${total.salesCount} ${total.salesAmount}, voids ${total.voidsCount} ${total.voidsAmount}, net ${summary.netAmount}, fees ${total.salesFees} ${total.voidsFees}, terminal ${terminalId}, rows ${rowsDigest}`;
}

export function parseSettlementDetail(detail: string): AuditedSettlement | undefined {
	const seeded = seededSettlement.exec(detail)?.groups;
	if (seeded?.['salesCount'] !== undefined) {
		return {salesCount: Number(seeded['salesCount'])};
	}

	const groups = settlementDetail.exec(detail)?.groups;
	if (!groups) {
		return undefined;
	}

	const number = (name: string) => (groups[name] === undefined ? undefined : Number(groups[name]));
	return {
		salesCount: Number(groups['salesCount']),
		salesAmount: number('salesAmount'),
		voidsCount: number('voidsCount'),
		voidsAmount: number('voidsAmount'),
		netAmount: number('netAmount'),
		salesFees: number('salesFees'),
		voidsFees: number('voidsFees'),
		terminalId: groups['terminalId'],
		rowsDigest: groups['rowsDigest'],
	};
}

/** Where a settled batch's figures, recomputed from its rows now, differ from its settlement's audit row. */
export function settlementMismatches(
	audited: AuditedSettlement,
	summary: BatchSummary,
	rowsDigest: () => string,
): string[] {
	const {total} = summary;
	const found: Required<Omit<AuditedSettlement, 'terminalId' | 'rowsDigest'>> = {
		salesCount: total.salesCount,
		salesAmount: total.salesAmount,
		voidsCount: total.voidsCount,
		voidsAmount: total.voidsAmount,
		netAmount: summary.netAmount,
		salesFees: total.salesFees,
		voidsFees: total.voidsFees,
	};
	const names: Record<keyof typeof found, string> = {
		salesCount: 'sales count',
		salesAmount: 'sales amount',
		voidsCount: 'voids count',
		voidsAmount: 'voids amount',
		netAmount: 'net amount',
		salesFees: 'fees',
		voidsFees: 'fees given back',
	};
	const problems = (Object.keys(found) as Array<keyof typeof found>).flatMap(key => {
		const recorded = audited[key];
		return recorded === undefined || recorded === found[key]
			? []
			: [`its ${names[key]} is ${found[key]}, the settlement's audit row says ${recorded}`];
	});
	if (audited.rowsDigest !== undefined && audited.rowsDigest !== rowsDigest()) {
		problems.push('its sales or voids are not the rows that were settled (a field, a row added or removed)');
	}

	return problems;
}
