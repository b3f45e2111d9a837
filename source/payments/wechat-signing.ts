// WeChat Pay APIv3 signatures (pay.weixin.qq.com, 签名生成 / 签名验证): a request is signed
// SHA256withRSA over "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n" and carried in the Authorization header;
// a reply is verified over "TIMESTAMP\nNONCE\nBODY\n" with the platform key its Wechatpay-Serial names.

import crypto from 'node:crypto';

export const wechatAuthScheme = 'WECHATPAY2-SHA256-RSA2048';

/** How far a reply's timestamp may be from our clock (the documentation's five minutes). */
export const replyWindowMs = 5 * 60 * 1000;

export function wechatRequestMessage(
	method: string,
	pathAndQuery: string,
	timestamp: string,
	nonce: string,
	body: string,
): string {
	return `${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function wechatReplyMessage(timestamp: string, nonce: string, body: string): string {
	return `${timestamp}\n${nonce}\n${body}\n`;
}

export function signWechat(message: string, key: crypto.KeyObject): string {
	return crypto.sign('sha256', Buffer.from(message, 'utf8'), key).toString('base64');
}

export function verifyWechat(message: string, signature: string, key: crypto.KeyObject): boolean {
	try {
		return crypto.verify('sha256', Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
	} catch {
		return false;
	}
}

/** A nonce of 32 upper-case hex characters, as the documentation's examples use. */
export function wechatNonce(): string {
	return crypto.randomBytes(16).toString('hex').toUpperCase();
}

export type AuthorizationFields = {
	mchid: string;
	nonce_str: string;
	signature: string;
	timestamp: string;
	serial_no: string;
};

export function authorizationHeader(fields: AuthorizationFields): string {
	const parts = (['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const).map(
		name => `${name}="${fields[name]}"`,
	);
	return `${wechatAuthScheme} ${parts.join(',')}`;
}

/** Reads an Authorization header back into its fields (the simulator checks requests with it). */
export function parseAuthorization(header: string | undefined): AuthorizationFields | undefined {
	if (header?.startsWith(`${wechatAuthScheme} `) !== true) {
		return undefined;
	}

	const fields: Record<string, string> = {};
	for (const match of header.slice(wechatAuthScheme.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
		fields[match[1]!] = match[2]!;
	}

	const {mchid, nonce_str, signature, timestamp, serial_no} = fields;
	if (
		mchid === undefined ||
		nonce_str === undefined ||
		signature === undefined ||
		timestamp === undefined ||
		serial_no === undefined
	) {
		return undefined;
	}

	return {mchid, nonce_str, signature, timestamp, serial_no};
}

/**
 * The nonces of replies seen within the reply window: a reply whose nonce was seen before is a replay.
 * Bounded: entries older than the window are dropped as new ones come.
 */
export class NonceMemory {
	readonly #seen = new Map<string, number>();

	/** True when `nonce` is new (and remembers it); false when it was seen within the window. */
	admit(nonce: string, now: number): boolean {
		for (const [seen, at] of this.#seen) {
			if (now - at <= replyWindowMs * 2) {
				break;
			}

			this.#seen.delete(seen);
		}

		if (this.#seen.has(nonce)) {
			return false;
		}

		this.#seen.set(nonce, now);
		return true;
	}
}

export type ReplyHeaders = {timestamp?: string; nonce?: string; signature?: string; serial?: string};

export type ReplyCheck = {ok: true} | {ok: false; why: 'bad-signature' | 'stale-reply'; detail: string};

/** Checks a reply's signature headers: a known serial, a verifying signature, a fresh timestamp, a new nonce. */
export function checkWechatReply(
	headers: ReplyHeaders,
	body: string,
	platformKeys: ReadonlyMap<string, crypto.KeyObject>,
	nonces: NonceMemory,
	now: number,
): ReplyCheck {
	const {timestamp, nonce, signature, serial} = headers;
	if (timestamp === undefined || nonce === undefined || signature === undefined || serial === undefined) {
		return {ok: false, why: 'bad-signature', detail: 'the reply has no Wechatpay-Signature headers'};
	}

	const key = platformKeys.get(serial);
	if (key === undefined) {
		return {
			ok: false,
			why: 'bad-signature',
			detail: `the reply is signed with platform key ${serial}, which is not configured`,
		};
	}

	if (!verifyWechat(wechatReplyMessage(timestamp, nonce, body), signature, key)) {
		return {ok: false, why: 'bad-signature', detail: 'the signature of the reply does not verify'};
	}

	const seconds = Number(timestamp);
	if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now - seconds * 1000) > replyWindowMs) {
		return {
			ok: false,
			why: 'stale-reply',
			detail: `the reply's timestamp ${timestamp} is more than 5 minutes from ours`,
		};
	}

	if (!nonces.admit(nonce, now)) {
		return {ok: false, why: 'stale-reply', detail: `the reply's nonce ${nonce} was seen before: a replay`};
	}

	return {ok: true};
}
