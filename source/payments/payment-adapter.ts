// One interface for every way a void reaches the money: a platform's API (Alipay, WeChat Pay), the clerk
// at the bank terminal, or nothing at all (record-only). The void service (issue 14, part B) keeps the
// durable state machine; an adapter only sends, asks and says what came back.

import type {Fen} from '../domain/money.js';
import type {Channel} from '../domain/transaction.js';

/** What an adapter needs to know about the sale being voided; the service builds it from the stored sale. */
export type PaymentSale = {
	channel: Channel;
	/** The sale's voucher (trace), 6 digits. */
	voucherNo: string;
	/** The sale's reference number, 12 digits. */
	referenceNo: string;
	terminalId: string;
	batchNo: string;
	/** The sale's total, fen. */
	total: Fen;
	currency: string;
	/** Milliseconds since the epoch, UTC. */
	createdAt: number;
	/** The platform's own number for the payment: WeChat Pay 微信订单号 (transaction_id), Alipay 支付宝交易号 (trade_no). */
	platformOrderNo?: string;
	/** The merchant's number for the payment, 商户订单号 (out_trade_no). */
	merchantOrderNo?: string;
};

/** How the void is carried out at the platform; chosen once by `plan` and kept with the void. */
export type VoidOperation = 'refund' | 'cancel' | 'terminal' | 'record';

export type VoidRequest = {
	/** Stable for the life of the void: made once, stored with it, sent with every repeat. */
	idempotencyKey: string;
	/** The amount to give back, fen (a void gives back the whole sale). */
	amount: Fen;
	reason: string;
	/** The operation `plan` chose when the void was requested. */
	operation: VoidOperation;
	/** Milliseconds since the epoch, UTC: the request's timestamp. */
	now: number;
};

export type VoidQuery = {idempotencyKey: string; operation: VoidOperation; now: number};

/** Why an answer is not known. Every one of them leaves the void in doubt until a query says otherwise. */
export type UnknownReason =
	/** The connection was refused or the host not found: the request certainly did not arrive. */
	| 'not-sent'
	/** No connection within the connect timeout. */
	| 'connect-timeout'
	/** Connected, but no whole answer within the total timeout. */
	| 'timeout'
	/** The connection dropped before the whole answer came. */
	| 'reset'
	/** The answer was larger than any answer of this API. */
	| 'too-large'
	/** The platform answered 5xx, or a "system busy" code that it documents as "try again with the same key". */
	| 'server-error'
	/** The answer could not be read as the API's reply. */
	| 'bad-reply'
	/** The answer's signature did not verify with the platform's key. */
	| 'bad-signature'
	/** The answer's timestamp is more than five minutes from ours, or its nonce was seen before. */
	| 'stale-reply'
	/** The platform accepted the void and is still working on it. */
	| 'processing'
	/** The platform took the refund but could not pay it back (WeChat ABNORMAL): settle it by hand in the merchant app. */
	| 'abnormal';

export type VoidOutcome =
	| {kind: 'approved'; platformRefundNo: string; at: number}
	| {kind: 'declined'; code: string; detail: string}
	| {kind: 'unknown'; why: UnknownReason; detail: string}
	/** Only from `queryVoid`: the platform has no void under this key, so none was made. */
	| {kind: 'not-found'; detail: string}
	/** The terminal-assisted adapter: the clerk must act on the terminal, then enter its numbers. */
	| {kind: 'clerk-step'; instruction: TerminalInstruction};

/** What the clerk is told to do at the bank terminal. */
export type TerminalInstruction = {terminalId: string; voucherNo: string; amount: Fen; currency: string};

/** What the clerk copies from the terminal's void slip. */
export type TerminalAnswer = {voidVoucherNo: string; voidReferenceNo: string};

/** Each request and each answer, as it happens, for the audit log. Never carries a key or a signature. */
export type PaymentExchange =
	| {
			direction: 'request';
			platform: PaymentPlatform;
			operation: string;
			idempotencyKey: string;
			method: string;
			url: string;
			/** The request body, at most 2,000 characters. */
			body: string;
	  }
	| {
			direction: 'answer';
			platform: PaymentPlatform;
			operation: string;
			idempotencyKey: string;
			/** The HTTP status, or undefined when no answer came. */
			status: number | undefined;
			outcome: VoidOutcome['kind'];
			detail: string;
			durationMs: number;
	  };

export type ExchangeListener = (exchange: PaymentExchange) => void;

export type PaymentPlatform = 'alipay' | 'wechat' | 'terminal' | 'none';

export type PaymentAdapter = {
	readonly platform: PaymentPlatform;
	/** Which operation a void of this sale uses now; the service stores it with the `requested` void. */
	plan(sale: PaymentSale, now: number): VoidOperation;
	/**
	 * Whether sending the same request again with the same key is documented as safe (it refunds at
	 * most once). Where it is not, an unknown answer is resolved by `queryVoid` only.
	 */
	repeatIsSafe(operation: VoidOperation): boolean;
	requestVoid(sale: PaymentSale, request: VoidRequest): Promise<VoidOutcome>;
	/** Asks the platform what became of the void under this key. */
	queryVoid(sale: PaymentSale, query: VoidQuery): Promise<VoidOutcome>;
};

/** What every online adapter is given besides its platform settings. */
export type AdapterContext = {
	/** Called with each request and answer; part B writes them as audit rows. */
	onExchange?: ExchangeListener;
};

/** A QR sale without the platform's or the merchant's order number cannot be named to its platform. */
export function missingOrderNumber(sale: PaymentSale): VoidOutcome | undefined {
	return sale.platformOrderNo === undefined && sale.merchantOrderNo === undefined
		? {kind: 'declined', code: 'NO_ORDER_NUMBER', detail: 'the sale has no platform or merchant order number'}
		: undefined;
}

export function describeOutcome(outcome: VoidOutcome): string {
	switch (outcome.kind) {
		case 'approved': {
			return `approved ${outcome.platformRefundNo}`;
		}

		case 'declined': {
			return `declined ${outcome.code}: ${outcome.detail}`;
		}

		case 'unknown': {
			return `unknown (${outcome.why}): ${outcome.detail}`;
		}

		case 'not-found': {
			return `not found: ${outcome.detail}`;
		}

		case 'clerk-step': {
			return `clerk to void ${outcome.instruction.voucherNo} on terminal ${outcome.instruction.terminalId}`;
		}
	}
}
