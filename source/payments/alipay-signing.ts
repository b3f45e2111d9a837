// Alipay OpenAPI's RSA2 signatures (opendocs.alipay.com, 签名与验签 / 自行实现签名): the request's
// parameters, sorted by name, joined as key=value&… without `sign`, signed SHA256withRSA and sent in
// base64; a reply is verified over the exact JSON text of its `<method>_response` member.

import crypto from 'node:crypto';

/** The parameters every call carries, beside its biz_content. */
export type AlipayCommonParameters = {
	app_id: string;
	method: string;
	// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the gateway's own spelling
	charset: 'utf-8';
	sign_type: 'RSA2';
	timestamp: string;
	version: '1.0';
	biz_content: string;
};

/** "yyyy-MM-dd HH:mm:ss" in Beijing time (UTC+8, no daylight saving), as the gateway expects. */
export function alipayTimestamp(epochMs: number): string {
	const beijing = new Date(epochMs + 8 * 60 * 60 * 1000).toISOString();
	return `${beijing.slice(0, 10)} ${beijing.slice(11, 19)}`;
}

/** Reads an Alipay time ("2026-11-25 17:30:00", Beijing time) back into epoch ms. */
export function parseAlipayTime(text: unknown): number | undefined {
	if (typeof text !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text)) {
		return undefined;
	}

	const ms = Date.parse(`${text.replace(' ', 'T')}+08:00`);
	return Number.isFinite(ms) ? ms : undefined;
}

/** The string to sign: every parameter but `sign` with a value, sorted by name (ASCII), as key=value joined by &. */
export function alipayStringToSign(parameters: Record<string, string>): string {
	return Object.keys(parameters)
		.filter(key => key !== 'sign' && parameters[key] !== '')
		.toSorted()
		.map(key => `${key}=${parameters[key]}`)
		.join('&');
}

export function signAlipay(parameters: Record<string, string>, merchantKey: crypto.KeyObject): string {
	return crypto.sign('sha256', Buffer.from(alipayStringToSign(parameters), 'utf8'), merchantKey).toString('base64');
}

export function verifyAlipaySignature(content: string, signature: string, publicKey: crypto.KeyObject): boolean {
	try {
		return crypto.verify('sha256', Buffer.from(content, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
	} catch {
		return false;
	}
}

/** `alipay.trade.refund` answers under `alipay_trade_refund_response`. */
export function responseMember(method: string): string {
	return `${method.replaceAll('.', '_')}_response`;
}

/**
 * The exact text of a top-level member's value in a JSON reply: the signature covers those bytes as
 * sent, so re-serialising the parsed value would not do (key order, escapes, spacing).
 */
export function rawMemberText(json: string, member: string): string | undefined {
	const needle = `"${member}"`;
	let from = 0;
	for (;;) {
		const at = json.indexOf(needle, from);
		if (at === -1) {
			return undefined;
		}

		let index = at + needle.length;
		while (/\s/.test(json[index] ?? '')) {
			index++;
		}

		if (json[index] !== ':') {
			from = at + 1;
			continue;
		}

		index++;
		while (/\s/.test(json[index] ?? '')) {
			index++;
		}

		const end = valueEnd(json, index);
		return end === undefined ? undefined : json.slice(index, end);
	}
}

/** Where the JSON object or array starting at `start` ends (exclusive), strings respected. */
function valueEnd(json: string, start: number): number | undefined {
	const open = json[start];
	if (open !== '{' && open !== '[') {
		return undefined;
	}

	let depth = 0;
	let inString = false;
	for (let index = start; index < json.length; index++) {
		const char = json[index];
		if (inString) {
			if (char === '\\') {
				index++;
			} else if (char === '"') {
				inString = false;
			}

			continue;
		}

		switch (char ?? '') {
			case '"': {
				inString = true;

				break;
			}

			case '{':
			case '[': {
				depth++;

				break;
			}

			case '}':
			case ']': {
				depth--;
				if (depth === 0) {
					return index + 1;
				}

				break;
			}

			default: {
				break;
			}
		}
	}

	return undefined;
}

export type AlipayReply =
	{ok: true; response: Record<string, unknown>} | {ok: false; why: 'bad-reply' | 'bad-signature'; detail: string};

/** Reads and verifies a gateway reply to `method`: the member must be there, signed, and the signature must verify. */
export function readAlipayReply(body: string, method: string, publicKey: crypto.KeyObject): AlipayReply {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return {ok: false, why: 'bad-reply', detail: 'the reply is not JSON'};
	}

	const member = responseMember(method);
	const record = parsed as Record<string, unknown> | undefined;
	const response = record?.[member];
	// A gateway-level error (bad app id, bad signature) comes as error_response and is not signed.
	const raw = rawMemberText(body, member);
	if (response === null || typeof response !== 'object' || raw === undefined) {
		const error = record?.['error_response'] as Record<string, unknown> | undefined;
		const said = error ? ` (error_response ${JSON.stringify(error['code'])} ${JSON.stringify(error['sub_code'])})` : '';
		return {ok: false, why: 'bad-reply', detail: `the reply has no ${member}${said}`};
	}

	const sign = record?.['sign'];
	if (typeof sign !== 'string' || sign === '') {
		return {ok: false, why: 'bad-signature', detail: `the reply to ${method} is not signed`};
	}

	if (!verifyAlipaySignature(raw, sign, publicKey)) {
		return {ok: false, why: 'bad-signature', detail: `the signature of the reply to ${method} does not verify`};
	}

	return {ok: true, response: response as Record<string, unknown>};
}
