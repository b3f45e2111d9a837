// Both platforms on one HTTP server on 127.0.0.1: Alipay's gateway (POST /gateway.do) and WeChat Pay's
// refund API (/v3/refund/domestic/refunds). It checks request signatures with the merchant's public
// keys, signs its answers with platform keys, keeps a ledger of sales and refunds, answers a repeated
// key with the first result, and plays faults on command. /sim/* lets another process drive it.

import crypto from 'node:crypto';
import http from 'node:http';
import {formatPlain, parseMoney} from '../../domain/money.js';
import {alipayStringToSign, alipayTimestamp, responseMember} from '../alipay-signing.js';
import {refundsPath} from '../wechat-adapter.js';
import {
	parseAuthorization,
	replyWindowMs,
	signWechat,
	wechatReplyMessage,
	wechatRequestMessage,
} from '../wechat-signing.js';
import {isSimulatorFault, type FaultSetting, type SimulatorFault} from './simulator-faults.js';
import {SimulatorLedger, type SimulatedRefund, type SimulatedSale} from './simulator-ledger.js';

export type SimulatorKeys = {
	alipay: {appId: string; merchantPublicKey: crypto.KeyObject; platformPrivateKey: crypto.KeyObject};
	wechat: {
		mchid: string;
		merchantSerialNo: string;
		merchantPublicKey: crypto.KeyObject;
		platformSerialNo: string;
		platformPrivateKey: crypto.KeyObject;
	};
};

export type SimulatorOptions = {
	keys: SimulatorKeys;
	/** The clock that stamps answers; the caller's (a test's, the demo's), never read here from the wall. */
	now: () => number;
	host?: string;
	port?: number;
	onRequest?: (line: string) => void;
};

export type PlatformSimulator = {
	host: string;
	port: number;
	/** http://127.0.0.1:PORT */
	url: string;
	alipayGatewayUrl: string;
	wechatBaseUrl: string;
	ledger: SimulatorLedger;
	seed(sale: SimulatedSale): void;
	setFault(setting: FaultSetting): void;
	close(): Promise<void>;
};

type Reply = {status: number; headers: Record<string, string>; body: string};

const json = {'content-type': 'application/json; charset=utf-8'};

export async function startPlatformSimulator(options: SimulatorOptions): Promise<PlatformSimulator> {
	const {keys, now} = options;
	const ledger = new SimulatorLedger();
	let fault: FaultSetting = {fault: undefined};
	const held = new Set<http.ServerResponse>();

	/** The fault for this request, counted down when it has a count. */
	function takeFault(): FaultSetting {
		const current = fault;
		if (current.fault !== undefined && current.count !== undefined) {
			fault = current.count <= 1 ? {fault: undefined} : {...current, count: current.count - 1};
		}

		return current;
	}

	// ---- Alipay ----

	function alipayReply(method: string, member: Record<string, unknown>, active: SimulatorFault | undefined): Reply {
		const inner = JSON.stringify(member);
		let sign = crypto.sign('sha256', Buffer.from(inner, 'utf8'), keys.alipay.platformPrivateKey).toString('base64');
		if (active === 'bad-signature') {
			sign = corrupt(sign);
		}

		return {status: 200, headers: json, body: `{"${responseMember(method)}":${inner},"sign":"${sign}"}`};
	}

	function alipay(body: string, active: SimulatorFault | undefined): Reply {
		const form = new URLSearchParams(body);
		const parameters = Object.fromEntries(form.entries());
		const method = parameters['method'] ?? '';
		const sign = parameters['sign'] ?? '';
		const verified =
			parameters['app_id'] === keys.alipay.appId &&
			parameters['sign_type'] === 'RSA2' &&
			crypto.verify(
				'sha256',
				Buffer.from(alipayStringToSign(parameters), 'utf8'),
				keys.alipay.merchantPublicKey,
				Buffer.from(sign, 'base64'),
			);
		if (!verified) {
			return alipayReply(
				method,
				{code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错'},
				active,
			);
		}

		let biz: Record<string, unknown>;
		try {
			biz = JSON.parse(parameters['biz_content'] ?? '') as Record<string, unknown>;
		} catch {
			return alipayReply(method, {code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-parameter'}, active);
		}

		const sale =
			ledger.find('alipay', stringOf(biz['trade_no'])) ?? ledger.find('alipay', stringOf(biz['out_trade_no']));
		const business = (subCode: string, subMsg: string) => ({
			code: '40004',
			msg: 'Business Failed',
			sub_code: subCode,
			sub_msg: subMsg,
		});
		const order = sale ? {trade_no: sale.platformOrderNo, out_trade_no: sale.merchantOrderNo} : {};
		switch (method) {
			case 'alipay.trade.refund': {
				const key = stringOf(biz['out_request_no']) ?? '';
				ledger.countRequest(key);
				const first = ledger.refund(key);
				if (first?.firstReply !== undefined) {
					return alipayReply(method, first.firstReply as Record<string, unknown>, active);
				}

				if (!sale) {
					return alipayReply(method, business('ACQ.TRADE_NOT_EXIST', '交易不存在'), active);
				}

				if (sale.closed === true || active === 'closed') {
					return alipayReply(method, business('ACQ.TRADE_STATUS_ERROR', '交易状态不合法'), active);
				}

				const amount = parseMoney(stringOf(biz['refund_amount']) ?? '');
				if (!amount.ok || amount.fen > sale.total - ledger.refundedOf(sale) || active === 'over-amount') {
					return alipayReply(method, business('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限'), active);
				}

				const refund = ledger.record(
					{key, sale, amount: amount.fen, at: now(), pending: active === 'processing', operation: 'refund'},
					'ALI',
				);
				const reply = {
					code: '10000',
					msg: 'Success',
					...order,
					buyer_logon_id: 'cus***@example.com',
					fund_change: refund.pending ? 'N' : 'Y',
					refund_fee: formatPlain(ledger.refundedOf(sale)),
					gmt_refund_pay: alipayTimestamp(refund.at),
				};
				refund.firstReply = reply;
				return alipayReply(method, reply, active);
			}

			case 'alipay.trade.cancel': {
				if (!sale) {
					return alipayReply(method, {...business('ACQ.TRADE_NOT_EXIST', '交易不存在'), retry_flag: 'N'}, active);
				}

				const key = `cancel:${sale.merchantOrderNo}`;
				ledger.countRequest(key);
				if (sale.closed === true) {
					return alipayReply(
						method,
						{code: '10000', msg: 'Success', ...order, retry_flag: 'N', action: 'close'},
						active,
					);
				}

				const refund =
					ledger.refund(key) ??
					ledger.record({key, sale, amount: sale.total, at: now(), pending: false, operation: 'cancel'}, 'ALC');
				return alipayReply(
					method,
					{
						code: '10000',
						msg: 'Success',
						...order,
						retry_flag: 'N',
						action: 'refund',
						gmt_refund_pay: alipayTimestamp(refund.at),
					},
					active,
				);
			}

			case 'alipay.trade.fastpay.refund.query': {
				if (!sale) {
					return alipayReply(method, business('ACQ.TRADE_NOT_EXIST', '交易不存在'), active);
				}

				const key = stringOf(biz['out_request_no']) ?? '';
				const refund = ledger.refund(key);
				if (refund?.sale !== sale) {
					return alipayReply(method, {code: '10000', msg: 'Success', ...order}, active);
				}

				refund.pending = false;
				return alipayReply(
					method,
					{
						code: '10000',
						msg: 'Success',
						...order,
						out_request_no: key,
						total_amount: formatPlain(sale.total),
						refund_amount: formatPlain(refund.amount),
						refund_status: 'REFUND_SUCCESS',
						gmt_refund_pay: alipayTimestamp(refund.at),
					},
					active,
				);
			}

			default: {
				return alipayReply(method, {code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method'}, active);
			}
		}
	}

	// ---- WeChat Pay ----

	function wechatReply(status: number, value: unknown, active: SimulatorFault | undefined): Reply {
		const body = value === undefined ? '' : JSON.stringify(value);
		const ageMs = active === 'stale-timestamp' ? 2 * replyWindowMs : 0;
		const timestamp = String(Math.floor((now() - ageMs) / 1000));
		const nonce = crypto.randomBytes(16).toString('hex').toUpperCase();
		let signature = signWechat(wechatReplyMessage(timestamp, nonce, body), keys.wechat.platformPrivateKey);
		if (active === 'bad-signature') {
			signature = corrupt(signature);
		}

		return {
			status,
			headers: {
				...json,
				'request-id': crypto.randomUUID(),
				'wechatpay-timestamp': timestamp,
				'wechatpay-nonce': nonce,
				'wechatpay-serial': keys.wechat.platformSerialNo,
				'wechatpay-signature': signature,
			},
			body,
		};
	}

	function refundObject(refund: SimulatedRefund) {
		return {
			refund_id: refund.platformRefundNo,
			out_refund_no: refund.key,
			transaction_id: refund.sale.platformOrderNo,
			out_trade_no: refund.sale.merchantOrderNo,
			channel: 'ORIGINAL',
			user_received_account: '支付用户零钱',
			...(refund.pending ? {} : {success_time: rfc3339(refund.at)}),
			create_time: rfc3339(refund.at),
			status: refund.pending ? 'PROCESSING' : 'SUCCESS',
			funds_account: 'AVAILABLE',
			amount: {
				total: refund.sale.total,
				refund: refund.amount,
				payer_total: refund.sale.total,
				payer_refund: refund.amount,
				settlement_refund: refund.amount,
				settlement_total: refund.sale.total,
				discount_refund: 0,
				currency: 'CNY',
			},
		};
	}

	function wechat(
		method: string,
		path: string,
		body: string,
		authorization: string | undefined,
		active: SimulatorFault | undefined,
	): Reply {
		const auth = parseAuthorization(authorization);
		if (auth === undefined) {
			return wechatReply(401, {code: 'SIGN_ERROR', message: '签名错误'}, active);
		}

		const fresh = Math.abs(now() - Number(auth.timestamp) * 1000) <= replyWindowMs;
		const verified =
			auth.mchid === keys.wechat.mchid &&
			auth.serial_no === keys.wechat.merchantSerialNo &&
			crypto.verify(
				'sha256',
				Buffer.from(wechatRequestMessage(method, path, auth.timestamp, auth.nonce_str, body), 'utf8'),
				keys.wechat.merchantPublicKey,
				Buffer.from(auth.signature, 'base64'),
			);
		if (!verified || !fresh) {
			return wechatReply(401, {code: 'SIGN_ERROR', message: '签名错误'}, active);
		}

		if (method === 'GET' && path.startsWith(`${refundsPath}/`)) {
			const key = decodeURIComponent(path.slice(refundsPath.length + 1));
			const refund = ledger.refund(key);
			if (!refund) {
				return wechatReply(404, {code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在'}, active);
			}

			// A refund left PROCESSING by the fault is finished by the first query.
			refund.pending = false;
			return wechatReply(200, refundObject(refund), active);
		}

		if (method !== 'POST' || path !== refundsPath) {
			return wechatReply(404, {code: 'RESOURCE_NOT_EXISTS', message: '无此接口'}, active);
		}

		let request: Record<string, unknown>;
		try {
			request = JSON.parse(body) as Record<string, unknown>;
		} catch {
			return wechatReply(400, {code: 'PARAM_ERROR', message: '请求体不是JSON'}, active);
		}

		const key = stringOf(request['out_refund_no']) ?? '';
		const amount = (request['amount'] ?? {}) as Record<string, unknown>;
		if (!/^[\w\-*|@]{1,64}$/.test(key) || typeof amount['refund'] !== 'number' || typeof amount['total'] !== 'number') {
			return wechatReply(400, {code: 'PARAM_ERROR', message: '参数错误'}, active);
		}

		ledger.countRequest(key);
		const first = ledger.refund(key);
		if (first) {
			return wechatReply(200, refundObject(first), active);
		}

		const sale =
			ledger.find('wechat', stringOf(request['transaction_id'])) ??
			ledger.find('wechat', stringOf(request['out_trade_no']));
		if (!sale) {
			return wechatReply(404, {code: 'RESOURCE_NOT_EXISTS', message: '订单不存在'}, active);
		}

		if (sale.closed === true || active === 'closed') {
			return wechatReply(400, {code: 'INVALID_REQUEST', message: '订单已关闭'}, active);
		}

		if (amount['total'] !== sale.total) {
			return wechatReply(400, {code: 'INVALID_REQUEST', message: '订单金额与原订单不一致'}, active);
		}

		if (amount['refund'] > sale.total - ledger.refundedOf(sale) || active === 'over-amount') {
			return wechatReply(400, {code: 'INVALID_REQUEST', message: '申请退款金额超过订单可退金额'}, active);
		}

		const refund = ledger.record(
			{key, sale, amount: amount['refund'], at: now(), pending: active === 'processing', operation: 'refund'},
			'50300',
		);
		return wechatReply(200, refundObject(refund), active);
	}

	// ---- control ----

	function control(method: string, url: URL, body: string): Reply {
		const ok = (value: unknown): Reply => ({status: 200, headers: json, body: JSON.stringify(value)});
		if (method === 'POST' && url.pathname === '/sim/sales') {
			const sales = JSON.parse(body) as SimulatedSale[];
			for (const sale of sales) {
				ledger.seed(sale);
			}

			return ok({seeded: sales.length});
		}

		if (method === 'POST' && url.pathname === '/sim/fault') {
			const setting = JSON.parse(body) as FaultSetting;
			if (setting.fault !== undefined && !isSimulatorFault(setting.fault)) {
				return {status: 400, headers: json, body: JSON.stringify({error: `unknown fault ${String(setting.fault)}`})};
			}

			fault = setting;
			return ok(setting);
		}

		if (method === 'GET' && url.pathname === '/sim/refunds') {
			const key = url.searchParams.get('key') ?? '';
			return ok({key, refunds: ledger.refundsByKey(key), requests: ledger.requestsByKey(key)});
		}

		return {status: 404, headers: json, body: '{"error":"no such endpoint"}'};
	}

	const server = http.createServer((incoming, outgoing) => {
		const chunks: Uint8Array[] = [];
		let size = 0;
		incoming.on('data', (chunk: Uint8Array) => {
			size += chunk.length;
			if (size > 64 * 1024) {
				incoming.destroy();
				return;
			}

			chunks.push(chunk);
		});
		incoming.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const url = new URL(incoming.url ?? '/', 'http://simulator');
			const method = incoming.method ?? 'GET';
			if (url.pathname.startsWith('/sim/')) {
				send(
					outgoing,
					safely(() => control(method, url, body)),
				);
				return;
			}

			const {fault: active, delayMs} = takeFault();
			options.onRequest?.(`${method} ${url.pathname}${active ? ` [${active}]` : ''}`);
			if (active === '5xx') {
				send(outgoing, {status: 500, headers: json, body: '{"code":"SYSTEM_ERROR","message":"系统错误"}'});
				return;
			}

			const reply = safely(() =>
				url.pathname.startsWith('/v3/')
					? wechat(method, url.pathname + url.search, body, incoming.headers.authorization, active)
					: alipay(body, active),
			);
			if (active === 'no-answer') {
				held.add(outgoing);
				return;
			}

			if (active === 'slow') {
				setTimeout(() => {
					send(outgoing, reply);
				}, delayMs ?? 3000);
				return;
			}

			if (active === 'reset') {
				outgoing.writeHead(reply.status, {...reply.headers, 'content-length': String(Buffer.byteLength(reply.body))});
				outgoing.write(reply.body.slice(0, Math.floor(reply.body.length / 2)));
				setImmediate(() => {
					outgoing.socket?.destroy();
				});
				return;
			}

			send(outgoing, reply);
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as {address: string; port: number};
	const url = `http://${address.address}:${address.port}`;
	return {
		host: address.address,
		port: address.port,
		url,
		alipayGatewayUrl: `${url}/gateway.do`,
		wechatBaseUrl: url,
		ledger,
		seed(sale) {
			ledger.seed(sale);
		},
		setFault(setting) {
			fault = setting;
		},
		async close() {
			for (const response of held) {
				response.socket?.destroy();
			}

			server.closeAllConnections();
			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}

function send(outgoing: http.ServerResponse, reply: Reply): void {
	outgoing.writeHead(reply.status, {...reply.headers, 'content-length': String(Buffer.byteLength(reply.body))});
	outgoing.end(reply.body);
}

function safely(make: () => Reply): Reply {
	try {
		return make();
	} catch (error) {
		return {status: 400, headers: json, body: JSON.stringify({error: (error as Error).message})};
	}
}

function stringOf(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Flips one base64 character, so the signature is well-formed but wrong. */
function corrupt(signature: string): string {
	const index = Math.floor(signature.length / 3);
	const char = signature[index] === 'A' ? 'B' : 'A';
	return signature.slice(0, index) + char + signature.slice(index + 1);
}

/** WeChat Pay's time form: 2026-11-25T17:30:00+08:00. */
function rfc3339(epochMs: number): string {
	return `${new Date(epochMs + 8 * 60 * 60 * 1000).toISOString().slice(0, 19)}+08:00`;
}
