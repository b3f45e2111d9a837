import type {Fen} from './money.js';

export const channels = ['debit', 'credit', 'wechat', 'alipay', 'unionpay_qr'] as const;
export type Channel = (typeof channels)[number];

export function isChannel(value: string): value is Channel {
	return (channels as readonly string[]).includes(value);
}

/**
 * Each channel's one name per language: the screen shows it and the slip prints it (in capitals there),
 * so the clerk reads on paper what the screen said.
 */
export const channelNames = {
	zh: {debit: '借记卡', credit: '贷记卡', wechat: '微信支付', alipay: '支付宝', unionpay_qr: '银联二维码'},
	en: {debit: 'Debit', credit: 'Credit', wechat: 'WeChat Pay', alipay: 'Alipay', unionpay_qr: 'UnionPay QR'},
} as const satisfies Record<'zh' | 'en', Record<Channel, string>>;

export function isCardChannel(channel: Channel): boolean {
	return channel === 'debit' || channel === 'credit';
}

/** QR channels: their sales may come from a platform's bill, with order numbers instead of a voucher. */
export function isQrChannel(channel: Channel): boolean {
	return !isCardChannel(channel);
}

export type TransactionStatus = 'completed' | 'voided';

/** Filters the list and search offer; the store serves every one with an index. */
export type TransactionQuery = {
	voucherNo?: string;
	referenceNo?: string;
	lastFour?: string;
	amount?: Fen;
	status?: TransactionStatus;
	/**
	 * The last 4 to 6 characters of either order number of a QR sale. With `voucherNo` or `lastFour` it
	 * widens that term ("voucher 000123, or an order number ending 000123"); alone it is the only number.
	 */
	orderTail?: string;
	/** Inclusive lower bound, epoch ms. */
	from?: number;
	/** Exclusive upper bound, epoch ms. */
	to?: number;
};

/**
 * A completed sale as the store holds it. `cardMasked` is never a full card number. A QR sale read from
 * a platform's bill has no voucher, reference, auth code or card: those are '' and its order numbers say
 * which sale it is.
 */
export type Transaction = {
	id: number;
	voucherNo: string;
	referenceNo: string;
	authCode: string;
	batchNo: string;
	terminalId: string;
	merchantId: string;
	channel: Channel;
	cardMasked: string;
	amount: Fen;
	fee: Fen;
	currency: string;
	/** Milliseconds since the epoch, UTC. */
	createdAt: number;
	operatorNo: string;
	status: TransactionStatus;
	/** QR sales: WeChat 微信订单号 / Alipay 支付宝交易号. */
	platformOrderNo?: string;
	/** QR sales: the merchant's 商户订单号. */
	merchantOrderNo?: string;
	/** QR sales: the payer's id, masked. */
	payerMasked?: string;
	/** Refunded or voided outside posvoid (a bill said so): there is nothing to void here. */
	resolvedOutside?: true;
};

/** The name a clerk reads for a sale: its voucher, or for a QR sale without one the last 6 of its order number. */
export function saleLabel(transaction: Pick<Transaction, 'voucherNo' | 'platformOrderNo'>): string {
	return transaction.voucherNo === '' ? `…${(transaction.platformOrderNo ?? '').slice(-6)}` : transaction.voucherNo;
}

export const operatorRoles = ['cashier', 'supervisor'] as const;
export type OperatorRole = (typeof operatorRoles)[number];

export function isOperatorRole(value: string): value is OperatorRole {
	return (operatorRoles as readonly string[]).includes(value);
}
