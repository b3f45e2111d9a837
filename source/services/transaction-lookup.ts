import type {Transaction} from '../domain/transaction.js';
import type {VoidMatch} from './print-service.js';
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

/**
 * QR sales of this terminal by order number: a whole platform or merchant order number (7 characters or
 * more), or its last 6 digits. Newest first.
 */
export function findByOrderNumber(context: ServiceContext, orderNo: string): Transaction[] {
	const found = context.store.transactions
		.findByOrderNumber(orderNo)
		.filter(row => row.terminalId === context.config.terminalId);
	return orderNo.length > 6
		? found.filter(row => row.platformOrderNo === orderNo || row.merchantOrderNo === orderNo)
		: found;
}

/** What `posvoid void` and `posvoid reprint` take for a sale: a voucher (1 to 6 digits), or an order number. */
export function isSaleNumber(typed: string): boolean {
	return /^\d{1,6}$/.test(typed) || /^[\w-]{7,64}$/.test(typed);
}

/**
 * The sales a typed number names: by voucher (1 to 6 digits, padded), and as a QR sale's order number,
 * whole or its last 6 digits. More than one is ambiguous: the caller lists them.
 */
export function findSales(context: ServiceContext, typed: string, batchNo?: string): Transaction[] {
	if (/^\d{1,6}$/.test(typed)) {
		const vouchers = findByVoucher(context, typed.padStart(6, '0'), batchNo);
		const orders = typed.length === 6 && batchNo === undefined ? findByOrderNumber(context, typed) : [];
		// A sale whose order number ends in its own voucher is found both ways: it is one sale.
		return [...vouchers, ...orders.filter(order => !vouchers.some(sale => sale.id === order.id))];
	}

	return findByOrderNumber(context, typed).filter(row => batchNo === undefined || row.batchNo === batchNo);
}

/** The voids of QR sales named by an order number (whole or its last 6 digits), as reprint lists them. */
export function voidsForOrderNumber(context: ServiceContext, orderNo: string): VoidMatch[] {
	return context.store.read(() =>
		findByOrderNumber(context, orderNo).flatMap((sale): VoidMatch[] => {
			const voidRow = context.store.voids.forTransaction(sale.id);
			return voidRow
				? [{...voidRow, saleVoucherNo: sale.platformOrderNo ?? '', batchNo: sale.batchNo, matchedAs: 'sale'}]
				: [];
		}),
	);
}
