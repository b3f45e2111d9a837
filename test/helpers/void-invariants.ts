import type {Store} from '../../source/store/store.js';

export type VoidInvariants = {
	integrity: string;
	voids: number;
	voidedTransactions: number;
	voidPrintJobs: number;
	duplicateVouchers: number;
	orphanVoids: number;
	auditChainOk: boolean;
};

/** Counts that must agree after any crash: every void whole or absent. */
export function readVoidInvariants(store: Store): VoidInvariants {
	const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
	return {
		integrity: store.integrityCheck(),
		voids: count('SELECT count(*) FROM voids'),
		voidedTransactions: count(`SELECT count(*) FROM transactions WHERE status = 'voided'`),
		voidPrintJobs: count(`SELECT count(DISTINCT void_id) FROM print_jobs WHERE kind = 'void-slip' AND reprint = 0`),
		duplicateVouchers: count('SELECT count(*) - count(DISTINCT batch_id || voucher_no) FROM voids'),
		orphanVoids: count(
			`SELECT count(*) FROM voids v JOIN transactions t ON t.id = v.transaction_id WHERE t.status <> 'voided'`,
		),
		auditChainOk: store.audit.verify().ok,
	};
}
