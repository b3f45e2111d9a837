import type {Transaction} from '../domain/transaction.js';
import type {ServiceContext} from './service-context.js';

/** Transactions of this terminal with a voucher number, newest first; `batchNo` narrows to one batch. */
export function findByVoucher(context: ServiceContext, voucherNo: string, batchNo?: string): Transaction[] {
	if (batchNo !== undefined) {
		const found = context.store.transactions.findByKey(context.config.terminalId, batchNo, voucherNo);
		return found ? [found] : [];
	}

	return context.store.transactions
		.page({voucherNo}, undefined, 'older', 20)
		.filter(row => row.terminalId === context.config.terminalId);
}
