// What the simulated platforms know: the sales seeded by the caller and every refund made, counted
// per idempotency key, so a test can say "this void refunded exactly once".

import type {Fen} from '../../domain/money.js';

export type SimulatedSale = {
	platform: 'alipay' | 'wechat';
	/** WeChat transaction_id / Alipay trade_no. */
	platformOrderNo: string;
	/** Out_trade_no. */
	merchantOrderNo: string;
	total: Fen;
	/** A closed trade (never paid, or closed since) refuses refunds. */
	closed?: boolean;
};

export type SimulatedRefund = {
	key: string;
	platformRefundNo: string;
	sale: SimulatedSale;
	amount: Fen;
	at: number;
	/** The platform has not finished it; the next query finishes it. */
	pending: boolean;
	operation: 'refund' | 'cancel';
	/** The first answer's body, replayed for a repeat of the same key. */
	firstReply?: unknown;
};

export class SimulatorLedger {
	readonly #sales = new Map<string, SimulatedSale>();
	readonly #refunds = new Map<string, SimulatedRefund>();
	readonly #requests = new Map<string, number>();
	/** Money movements per key, counted as they are made: a second one under a key would show as 2. */
	readonly #moves = new Map<string, number>();
	#sequence = 0;

	seed(sale: SimulatedSale): void {
		const copy = {...sale};
		this.#sales.set(`${sale.platform}:${sale.platformOrderNo}`, copy);
		this.#sales.set(`${sale.platform}:${sale.merchantOrderNo}`, copy);
	}

	find(platform: SimulatedSale['platform'], orderNo: string | undefined): SimulatedSale | undefined {
		return orderNo === undefined ? undefined : this.#sales.get(`${platform}:${orderNo}`);
	}

	refundedOf(sale: SimulatedSale): Fen {
		let sum = 0;
		for (const refund of this.#refunds.values()) {
			if (refund.sale === sale) {
				sum += refund.amount;
			}
		}

		return sum;
	}

	refund(key: string): SimulatedRefund | undefined {
		return this.#refunds.get(key);
	}

	record(refund: Omit<SimulatedRefund, 'platformRefundNo'>, prefix: string): SimulatedRefund {
		this.#sequence++;
		const made = {...refund, platformRefundNo: `${prefix}${String(this.#sequence).padStart(12, '0')}`};
		this.#refunds.set(refund.key, made);
		this.#moves.set(refund.key, (this.#moves.get(refund.key) ?? 0) + 1);
		return made;
	}

	countRequest(key: string): void {
		this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
	}

	/** How many refunds (money movements) were made under the key: 0 or 1 when keys work. */
	refundsByKey(key: string): number {
		return this.#moves.get(key) ?? 0;
	}

	/** How many requests arrived under the key, repeats included. */
	requestsByKey(key: string): number {
		return this.#requests.get(key) ?? 0;
	}

	/** Every refund made of the sale with this order number (platform's or merchant's). */
	refundsOfSale(orderNo: string): SimulatedRefund[] {
		return [...this.#refunds.values()].filter(
			refund => refund.sale.platformOrderNo === orderNo || refund.sale.merchantOrderNo === orderNo,
		);
	}
}
