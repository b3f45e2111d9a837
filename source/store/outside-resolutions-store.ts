import type {OutsideResolution, OutsideResolutionKind} from '../domain/outside-resolution.js';
import type {Channel} from '../domain/transaction.js';
import type {SqlDatabase} from './sqlite-driver.js';

type RawResolution = {
	id: number;
	transactionId: number | null;
	channel: Channel;
	kind: OutsideResolutionKind;
	resolutionNo: string | null;
	amount: number;
	resolvedAt: number;
	importedAt: number;
	sourceFormat: string;
	sourceFile: string;
	sourceLine: number;
	platformOrderNo: string | null;
	merchantOrderNo: string | null;
	voucherNo: string | null;
	referenceNo: string | null;
	terminalId: string | null;
	batchNo: string | null;
};

const columns = `id, transaction_id AS transactionId, channel, kind, resolution_no AS resolutionNo, amount,
	resolved_at AS resolvedAt, imported_at AS importedAt, source_format AS sourceFormat, source_file AS sourceFile,
	source_line AS sourceLine, refers_platform_order_no AS platformOrderNo, refers_merchant_order_no AS merchantOrderNo,
	refers_voucher_no AS voucherNo, refers_reference_no AS referenceNo, refers_terminal_id AS terminalId,
	refers_batch_no AS batchNo`;

function present(value: string | null): string | undefined {
	return value ?? undefined;
}

function toResolution(raw: RawResolution): OutsideResolution {
	const refersTo: OutsideResolution['refersTo'] = {};
	for (const key of [
		'platformOrderNo',
		'merchantOrderNo',
		'voucherNo',
		'referenceNo',
		'terminalId',
		'batchNo',
	] as const) {
		const value = present(raw[key]);
		if (value !== undefined) {
			refersTo[key] = value;
		}
	}

	return {
		id: raw.id,
		transactionId: raw.transactionId ?? undefined,
		channel: raw.channel,
		kind: raw.kind,
		resolutionNo: present(raw.resolutionNo),
		amount: raw.amount,
		resolvedAt: raw.resolvedAt,
		importedAt: raw.importedAt,
		sourceFormat: raw.sourceFormat,
		sourceFile: raw.sourceFile,
		sourceLine: raw.sourceLine,
		refersTo,
	};
}

/** Refunds, revocations and card voids made outside posvoid, as bills told them. */
export function createOutsideResolutionsStore(db: SqlDatabase) {
	const forTransactionStatement = db.prepare<[number], RawResolution>(
		`SELECT ${columns} FROM outside_resolutions WHERE transaction_id = ? ORDER BY resolved_at, id LIMIT 1`,
	);
	const unmatchedStatement = db.prepare<[number], RawResolution>(
		`SELECT ${columns} FROM outside_resolutions WHERE transaction_id IS NULL ORDER BY resolved_at, id LIMIT ?`,
	);
	const unmatchedCount = db
		.prepare<[], number>('SELECT count(*) FROM outside_resolutions WHERE transaction_id IS NULL')
		.pluck();

	return {
		/** The first outside resolution of a sale, or undefined when it has none. */
		forTransaction(transactionId: number): OutsideResolution | undefined {
			const raw = forTransactionStatement.get(transactionId);
			return raw ? toResolution(raw) : undefined;
		},
		/** Resolutions whose sale is unknown here, oldest first: kept for reconciliation. */
		unmatched(limit: number): OutsideResolution[] {
			return unmatchedStatement.all(limit).map(raw => toResolution(raw));
		},
		unmatchedCount(): number {
			return unmatchedCount.get() ?? 0;
		},
	};
}

export type OutsideResolutionsStore = ReturnType<typeof createOutsideResolutionsStore>;
