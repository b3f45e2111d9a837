import type {Fen} from '../domain/money.js';
import type {Channel} from '../domain/transaction.js';

/**
 * What a bill reader yields, whatever the platform's file looked like. Contract between the
 * readers in `bills/` and the import and reconciliation services. Every value is already
 * decoded, stripped of backticks, tab padding and control bytes, and masked: a card number is
 * first 6 and last 4 at most, a payer id is masked before it leaves the reader.
 */
export const billFormats = ['posvoid', 'wechat', 'alipay', 'acquirer'] as const;
export type BillFormat = (typeof billFormats)[number];

/** How the file's bytes were decoded, told to the user. */
// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the names the user is told
export type BillEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A completed sale in the bill. Card sales carry voucher/reference/batch; QR sales carry order numbers. */
export type BillSale = {
	kind: 'sale';
	/** 1-based line number in the file, for messages. */
	line: number;
	channel: Channel;
	amount: Fen;
	fee?: Fen;
	currency: string;
	/** Epoch ms, UTC (the bill's local time read in the counter's zone). */
	createdAt: number;
	merchantId?: string;
	terminalId?: string;
	operatorNo?: string;
	/** Card sales. */
	voucherNo?: string;
	referenceNo?: string;
	authCode?: string;
	batchNo?: string;
	cardMasked?: string;
	/** QR sales: WeChat 微信订单号 / Alipay 支付宝交易号, and the merchant's 商户订单号. */
	platformOrderNo?: string;
	merchantOrderNo?: string;
	/** Masked payer id (WeChat 用户标识, Alipay 对方账户). */
	payerMasked?: string;
};

/** What a refund, revocation or card void row points at: its sale, by the numbers the bill gives. */
export type SaleReference = {
	platformOrderNo?: string;
	merchantOrderNo?: string;
	/** Card rows: 原凭证号 / 原参考号, in the same terminal and batch. */
	originalVoucherNo?: string;
	originalReferenceNo?: string;
	terminalId?: string;
	batchNo?: string;
};

/** A row that undoes a sale: WeChat REFUND/REVOKED, Alipay 退款, acquirer 消费撤销/退货. */
export type BillResolution = {
	kind: 'resolution';
	line: number;
	channel: Channel;
	resolution: 'refund' | 'revocation' | 'card-void' | 'card-return';
	/** Positive fen, the amount given back. */
	amount: Fen;
	createdAt: number;
	/** The platform's refund number, or the void/return voucher on a card export. */
	resolutionNo?: string;
	refersTo: SaleReference;
};

/** A line that could not be read, with why, in words a back-office clerk can act on. */
export type BadBillLine = {kind: 'bad'; line: number; reason: string};

export type BillRow = BillSale | BillResolution | BadBillLine;

/** The file's own totals (summary row, `#` footer), checked against the detail rows by the reader. */
export type BillTotals = {
	saleCount?: number;
	saleAmount?: Fen;
	refundCount?: number;
	refundAmount?: Fen;
	fee?: Fen;
	/** Detail rows of every kind (sales, refunds, revocations), as WeChat Pay's 总交易单数 counts them. */
	rowCount?: number;
};

/** A figure the file states about itself that its detail rows do not add up to: the file may be cut. */
export type TotalsMismatch = {figure: keyof BillTotals; stated: number; counted: number; line: number};

/**
 * A bill opened for reading. `rows` streams (memory stays flat whatever the file's size); `totals`
 * and `mismatches` are complete once `rows` has been read to its end.
 */
export type OpenedBill = {
	format: BillFormat;
	encoding: BillEncoding;
	/** Header names found, for messages such as "column 退款金额 is missing". */
	columns: readonly string[];
	rows: AsyncIterable<BillRow>;
	totals(): BillTotals | undefined;
	mismatches(): readonly TotalsMismatch[];
	/** Bytes read so far and the file's size, for a progress bar. */
	progress(): {bytesRead: number; bytesTotal?: number};
	/**
	 * True once `rows` has ended when the format promises totals (WeChat Pay's summary row, Alipay's
	 * `#交易合计` footer) and the file had none: it may be cut. Acquirer exports promise none.
	 */
	missingTotals(): boolean;
};
