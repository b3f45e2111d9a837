// WeChat Pay APIv3 refunds: POST /v3/refund/domestic/refunds with out_refund_no as the key, and
// GET /v3/refund/domestic/refunds/{out_refund_no} to learn the outcome. Every reply is verified
// (signature, five-minute timestamp, unseen nonce) before a word of it is believed.

import {auditBody, defaultHttpLimits, exchange, type HttpLimits} from './http-client.js';
import {
	describeOutcome,
	missingOrderNumber,
	type AdapterContext,
	type PaymentAdapter,
	type PaymentSale,
	type VoidOutcome,
	type VoidQuery,
	type VoidRequest,
} from './payment-adapter.js';
import type {LinkTimeouts, WechatKeys, WechatLink} from './payment-settings.js';
import {
	authorizationHeader,
	checkWechatReply,
	NonceMemory,
	signWechat,
	wechatNonce,
	wechatRequestMessage,
} from './wechat-signing.js';

export const refundsPath = '/v3/refund/domestic/refunds';

/** Error codes WeChat Pay documents as "try again later with the same request". */
const busyCodes = new Set(['SYSTEM_ERROR', 'FREQUENCY_LIMITED']);

function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

export function wechatAdapter(
	link: WechatLink,
	keys: WechatKeys,
	timeouts: LinkTimeouts,
	context: AdapterContext = {},
): PaymentAdapter {
	const limits: HttpLimits = {...defaultHttpLimits, ...timeouts};
	const base = new URL(link.gatewayUrl);
	const nonces = new NonceMemory();

	type Call = {
		method: 'GET' | 'POST';
		path: string;
		body: string;
		key: string;
		now: number;
		operation: 'refund' | 'query';
	};

	async function call({method, path, body, key, now, operation}: Call): Promise<VoidOutcome> {
		const url = new URL(path, base);
		const timestamp = String(Math.floor(now / 1000));
		const nonce = wechatNonce();
		const signature = signWechat(
			wechatRequestMessage(method, url.pathname + url.search, timestamp, nonce, body),
			keys.merchantKey,
		);
		context.onExchange?.({
			direction: 'request',
			platform: 'wechat',
			operation,
			idempotencyKey: key,
			method,
			url: url.href,
			body: auditBody(body),
		});
		const started = performance.now();
		const result = await exchange(
			{
				method,
				url,
				headers: {
					authorization: authorizationHeader({
						mchid: link.mchid,
						nonce_str: nonce,
						signature,
						timestamp,
						serial_no: link.merchantSerialNo,
					}),
					accept: 'application/json',
					'user-agent': 'posvoid',
					...(method === 'POST' ? {'content-type': 'application/json'} : {}),
				},
				body,
			},
			limits,
		);
		const answer = (status: number | undefined, outcome: VoidOutcome) => {
			context.onExchange?.({
				direction: 'answer',
				platform: 'wechat',
				operation,
				idempotencyKey: key,
				status,
				outcome: outcome.kind,
				detail: describeOutcome(outcome),
				durationMs: performance.now() - started,
			});
			return outcome;
		};

		if (!result.ok) {
			return answer(undefined, {kind: 'unknown', why: result.why, detail: result.detail});
		}

		const {status, headers, body: replyBody} = result.answer;
		if (status >= 500) {
			return answer(status, {kind: 'unknown', why: 'server-error', detail: `WeChat Pay answered HTTP ${status}`});
		}

		const check = checkWechatReply(
			{
				timestamp: header(headers['wechatpay-timestamp']),
				nonce: header(headers['wechatpay-nonce']),
				signature: header(headers['wechatpay-signature']),
				serial: header(headers['wechatpay-serial']),
			},
			replyBody,
			keys.platformKeys,
			nonces,
			now,
		);
		if (!check.ok) {
			return answer(status, {kind: 'unknown', why: check.why, detail: check.detail});
		}

		let parsed: Record<string, unknown>;
		try {
			parsed = JSON.parse(replyBody) as Record<string, unknown>;
		} catch {
			return answer(status, {kind: 'unknown', why: 'bad-reply', detail: 'the reply is not JSON'});
		}

		return answer(status, readAnswer(status, parsed, {key, now, isQuery: operation === 'query'}));
	}

	return {
		platform: 'wechat',
		plan: () => 'refund',
		// WeChat Pay documents a repeat with the same out_refund_no as refunding once.
		repeatIsSafe: operation => operation === 'refund',
		async requestVoid(sale: PaymentSale, request: VoidRequest) {
			const unnamed = missingOrderNumber(sale);
			if (unnamed) {
				return unnamed;
			}

			const body = JSON.stringify({
				...(sale.platformOrderNo === undefined
					? {out_trade_no: sale.merchantOrderNo}
					: {transaction_id: sale.platformOrderNo}),
				out_refund_no: request.idempotencyKey,
				reason: request.reason.slice(0, 80),
				amount: {refund: request.amount, total: sale.total, currency: sale.currency},
			});
			return call({
				method: 'POST',
				path: refundsPath,
				body,
				key: request.idempotencyKey,
				now: request.now,
				operation: 'refund',
			});
		},
		async queryVoid(_sale: PaymentSale, query: VoidQuery) {
			return call({
				method: 'GET',
				path: `${refundsPath}/${encodeURIComponent(query.idempotencyKey)}`,
				body: '',
				key: query.idempotencyKey,
				now: query.now,
				operation: 'query',
			});
		},
	};
}

function readAnswer(
	status: number,
	reply: Record<string, unknown>,
	{key, now, isQuery}: {key: string; now: number; isQuery: boolean},
): VoidOutcome {
	const code = typeof reply['code'] === 'string' ? reply['code'] : '';
	const message = typeof reply['message'] === 'string' ? reply['message'] : '';
	if (status !== 200) {
		if (busyCodes.has(code)) {
			return {kind: 'unknown', why: 'server-error', detail: `${code}: ${message}`};
		}

		if (isQuery && status === 404) {
			return {kind: 'not-found', detail: `WeChat Pay has no refund ${key}`};
		}

		return {kind: 'declined', code: code || `HTTP ${status}`, detail: message};
	}

	if (reply['out_refund_no'] !== key) {
		return {kind: 'unknown', why: 'bad-reply', detail: 'the reply is for another refund'};
	}

	const refundId = typeof reply['refund_id'] === 'string' ? reply['refund_id'] : '';
	switch (reply['status']) {
		case 'SUCCESS': {
			const at = typeof reply['success_time'] === 'string' ? Date.parse(reply['success_time']) : Number.NaN;
			return {kind: 'approved', platformRefundNo: refundId, at: Number.isFinite(at) ? at : now};
		}

		case 'PROCESSING': {
			return {kind: 'unknown', why: 'processing', detail: `refund ${refundId} is PROCESSING`};
		}

		case 'CLOSED': {
			return {kind: 'declined', code: 'CLOSED', detail: `refund ${refundId} was closed`};
		}

		case 'ABNORMAL': {
			return {
				kind: 'unknown',
				why: 'abnormal',
				detail: `refund ${refundId} is ABNORMAL: the money could not go back; finish it in the merchant platform`,
			};
		}

		default: {
			return {
				kind: 'unknown',
				why: 'bad-reply',
				detail: `the reply's status ${String(reply['status'])} is not one WeChat Pay documents`,
			};
		}
	}
}
