import type {Fen} from './money.js';

/** What a print job prints, as data: the queue says it in the clerk's language. */
export type PrintJobSubject =
	| {kind: 'void-slip'; voucherNo: string; saleVoucherNo: string; amount: Fen; reprint: boolean}
	| {kind: 'settlement-report'; batchNo: string | undefined; reprint: boolean};
