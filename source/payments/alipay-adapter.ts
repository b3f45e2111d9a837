// Alipay OpenAPI: alipay.trade.cancel for a sale of the same (Beijing) day, otherwise
// alipay.trade.refund with out_request_no as the key; alipay.trade.fastpay.refund.query learns a
// refund's outcome. node:crypto signs; the official alipay-sdk is not used (see the readme).

import {formatPlain} from '../domain/money.js';
import {
	alipayTimestamp,
	parseAlipayTime,
	readAlipayReply,
	signAlipay,
	type AlipayCommonParameters,
} from './alipay-signing.js';
import {auditBody, defaultHttpLimits, exchange, type HttpLimits} from './http-client.js';
import {
	describeOutcome,
	missingOrderNumber,
	type AdapterContext,
	type PaymentAdapter,
	type PaymentSale,
	type VoidOperation,
	type VoidOutcome,
	type VoidQuery,
	type VoidRequest,
} from './payment-adapter.js';
import type {AlipayKeys, AlipayLink, LinkTimeouts} from './payment-settings.js';

const dayMs = 24 * 60 * 60 * 1000;
const beijingOffsetMs = 8 * 60 * 60 * 1000;

/** Alipay's day is Beijing's: a cancel is for a sale of today there. */
export function sameBeijingDay(a: number, b: number): boolean {
	return Math.floor((a + beijingOffsetMs) / dayMs) === Math.floor((b + beijingOffsetMs) / dayMs);
}

/** Codes Alipay documents as "the system is busy: try again with the same request". */
const busyCodes = new Set(['ACQ.SYSTEM_ERROR', 'aop.ACQ.SYSTEM_ERROR', 'isp.unknow-error']);

type Call = {method: string; bizContent: Record<string, unknown>; key: string; now: number};

export function alipayAdapter(
	link: AlipayLink,
	keys: AlipayKeys,
	timeouts: LinkTimeouts,
	context: AdapterContext = {},
): PaymentAdapter {
	const limits: HttpLimits = {...defaultHttpLimits, ...timeouts};
	const gateway = new URL(link.gatewayUrl);

	async function call({method, bizContent, key, now}: Call) {
		const parameters: AlipayCommonParameters & Record<string, string> = {
			app_id: link.appId,
			method,
			// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the gateway's own spelling
			charset: 'utf-8',
			sign_type: 'RSA2',
			timestamp: alipayTimestamp(now),
			version: '1.0',
			biz_content: JSON.stringify(bizContent),
		};
		const body = new URLSearchParams({...parameters, sign: signAlipay(parameters, keys.merchantKey)}).toString();
		context.onExchange?.({
			direction: 'request',
			platform: 'alipay',
			operation: method,
			idempotencyKey: key,
			method: 'POST',
			url: gateway.href,
			body: auditBody(parameters.biz_content),
		});
		const started = performance.now();
		const result = await exchange(
			{
				method: 'POST',
				url: gateway,
				headers: {'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json'},
				body,
			},
			limits,
		);
		return {result, started};
	}

	function report({method, key}: Call, status: number | undefined, outcome: VoidOutcome, started: number) {
		context.onExchange?.({
			direction: 'answer',
			platform: 'alipay',
			operation: method,
			idempotencyKey: key,
			status,
			outcome: outcome.kind,
			detail: describeOutcome(outcome),
			durationMs: performance.now() - started,
		});
		return outcome;
	}

	async function send(call_: Call, read: (response: Record<string, unknown>) => VoidOutcome): Promise<VoidOutcome> {
		const {result, started} = await call(call_);
		if (!result.ok) {
			return report(call_, undefined, {kind: 'unknown', why: result.why, detail: result.detail}, started);
		}

		const {status, body} = result.answer;
		if (status !== 200) {
			return report(
				call_,
				status,
				{kind: 'unknown', why: 'server-error', detail: `the gateway answered HTTP ${status}`},
				started,
			);
		}

		const reply = readAlipayReply(body, call_.method, keys.alipayPublicKey);
		if (!reply.ok) {
			return report(call_, status, {kind: 'unknown', why: reply.why, detail: reply.detail}, started);
		}

		return report(call_, status, read(reply.response), started);
	}

	function orderOf(sale: PaymentSale): Record<string, string> {
		return {
			...(sale.platformOrderNo === undefined ? {} : {trade_no: sale.platformOrderNo}),
			...(sale.merchantOrderNo === undefined ? {} : {out_trade_no: sale.merchantOrderNo}),
		};
	}

	async function cancel(sale: PaymentSale, key: string, now: number) {
		return send({method: 'alipay.trade.cancel', bizContent: orderOf(sale), key, now}, response =>
			readCancel(response, now),
		);
	}

	return {
		platform: 'alipay',
		plan: (sale, now) => (sameBeijingDay(sale.createdAt, now) ? 'cancel' : 'refund'),
		// The cancel reply's retry_flag and the refund documentation ("retry with the same out_request_no") both say so.
		repeatIsSafe: (operation: VoidOperation) => operation === 'cancel' || operation === 'refund',
		async requestVoid(sale: PaymentSale, request: VoidRequest) {
			const unnamed = missingOrderNumber(sale);
			if (unnamed) {
				return unnamed;
			}

			if (request.operation === 'cancel') {
				return cancel(sale, request.idempotencyKey, request.now);
			}

			return send(
				{
					method: 'alipay.trade.refund',
					bizContent: {
						...orderOf(sale),
						refund_amount: formatPlain(request.amount),
						refund_reason: request.reason,
						out_request_no: request.idempotencyKey,
					},
					key: request.idempotencyKey,
					now: request.now,
				},
				response => readRefund(response, request.now),
			);
		},
		async queryVoid(sale: PaymentSale, query: VoidQuery) {
			// A cancel has no query of its own: Alipay documents repeating it (retry_flag) and it does not refund twice.
			if (query.operation === 'cancel') {
				return cancel(sale, query.idempotencyKey, query.now);
			}

			return send(
				{
					method: 'alipay.trade.fastpay.refund.query',
					bizContent: {...orderOf(sale), out_request_no: query.idempotencyKey, query_options: ['gmt_refund_pay']},
					key: query.idempotencyKey,
					now: query.now,
				},
				response => readRefundQuery(response, query.idempotencyKey, query.now),
			);
		},
	};
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** A business answer that is not 10000: busy means unknown (same request again), anything else is a refusal. */
function failure(response: Record<string, unknown>): VoidOutcome {
	const code = text(response['code']);
	const subCode = text(response['sub_code']);
	const detail = text(response['sub_msg']) || text(response['msg']);
	if (code === '20000' || busyCodes.has(subCode)) {
		return {kind: 'unknown', why: 'server-error', detail: `${subCode || code}: ${detail}`};
	}

	return {kind: 'declined', code: subCode || code, detail};
}

function readCancel(response: Record<string, unknown>, now: number): VoidOutcome {
	if (text(response['code']) !== '10000') {
		if (text(response['retry_flag']) === 'Y') {
			return {
				kind: 'unknown',
				why: 'server-error',
				detail: `${text(response['sub_code'])}: ${text(response['sub_msg'])} (retry_flag Y)`,
			};
		}

		return failure(response);
	}

	// Action "close": the buyer had not paid and the trade is closed; "refund": the money went back.
	const tradeNo = text(response['trade_no']);
	return {
		kind: 'approved',
		platformRefundNo: tradeNo,
		at: parseAlipayTime(response['gmt_refund_pay']) ?? now,
	};
}

function readRefund(response: Record<string, unknown>, now: number): VoidOutcome {
	if (text(response['code']) !== '10000') {
		return failure(response);
	}

	// Fund_change N: this call moved no money (a repeat, or not finished): the refund query says which.
	if (text(response['fund_change']) !== 'Y') {
		return {kind: 'unknown', why: 'processing', detail: 'Alipay took the refund with fund_change N; query it'};
	}

	return {
		kind: 'approved',
		platformRefundNo: text(response['trade_no']),
		at: parseAlipayTime(response['gmt_refund_pay']) ?? now,
	};
}

function readRefundQuery(response: Record<string, unknown>, key: string, now: number): VoidOutcome {
	const code = text(response['code']);
	if (code !== '10000') {
		if (text(response['sub_code']) === 'ACQ.TRADE_NOT_EXIST') {
			return {kind: 'not-found', detail: 'Alipay does not know the trade'};
		}

		return failure(response);
	}

	// Documented: data back and refund_status empty or REFUND_SUCCESS means refunded; no data means no refund.
	if (text(response['out_request_no']) !== key || text(response['refund_amount']) === '') {
		return {kind: 'not-found', detail: `Alipay has no refund ${key}`};
	}

	const status = text(response['refund_status']);
	if (status !== '' && status !== 'REFUND_SUCCESS') {
		return {kind: 'unknown', why: 'processing', detail: `refund_status ${status}`};
	}

	return {
		kind: 'approved',
		platformRefundNo: text(response['trade_no']),
		at: parseAlipayTime(response['gmt_refund_pay']) ?? now,
	};
}
