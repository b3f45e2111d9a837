// The one HTTP exchange the online adapters make: a connect timeout, a total timeout, a bounded answer,
// and every way it can fail named, so an adapter can say "unknown, and why" instead of throwing.

import http from 'node:http';
import https from 'node:https';
import type {UnknownReason} from './payment-adapter.js';

export type HttpLimits = {connectTimeoutMs: number; totalTimeoutMs: number; maxBodyBytes: number};

export const defaultHttpLimits: HttpLimits = {connectTimeoutMs: 3000, totalTimeoutMs: 10_000, maxBodyBytes: 256 * 1024};

export type HttpRequest = {
	method: 'GET' | 'POST';
	url: URL;
	headers: Record<string, string>;
	body: string;
};

export type HttpAnswer = {status: number; headers: http.IncomingHttpHeaders; body: string};

export type HttpResult =
	| {ok: true; answer: HttpAnswer}
	| {
			ok: false;
			why: Extract<UnknownReason, 'not-sent' | 'connect-timeout' | 'timeout' | 'reset' | 'too-large'>;
			detail: string;
	  };

const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Keep-alive agents, one per scheme, so repeated voids and queries reuse their connection. */
const agents = {
	http: new http.Agent({keepAlive: true, maxSockets: 4}),
	https: new https.Agent({keepAlive: true, maxSockets: 4}),
};

export async function exchange(request: HttpRequest, limits: HttpLimits): Promise<HttpResult> {
	return new Promise(resolve => {
		let settled = false;
		const finish = (result: HttpResult) => {
			if (settled) {
				return;
			}

			settled = true;
			clearTimeout(totalTimer);
			clearTimeout(connectTimer);
			resolve(result);
		};

		const secure = request.url.protocol === 'https:';
		const body = Buffer.from(request.body, 'utf8');
		const client = secure ? https : http;
		const outgoing = client.request(request.url, {
			method: request.method,
			agent: secure ? agents.https : agents.http,
			headers: {
				...request.headers,
				...(request.method === 'POST' ? {'content-length': String(body.length)} : {}),
			},
		});

		let connectTimer: NodeJS.Timeout | undefined = setTimeout(() => {
			finish({ok: false, why: 'connect-timeout', detail: `no connection within ${limits.connectTimeoutMs} ms`});
			outgoing.destroy();
		}, limits.connectTimeoutMs);
		const totalTimer = setTimeout(() => {
			finish({ok: false, why: 'timeout', detail: `no whole answer within ${limits.totalTimeoutMs} ms`});
			outgoing.destroy();
		}, limits.totalTimeoutMs);

		outgoing.on('socket', socket => {
			// A reused keep-alive socket is connected already.
			if (!socket.connecting) {
				clearTimeout(connectTimer);
				connectTimer = undefined;
				return;
			}

			socket.once(secure ? 'secureConnect' : 'connect', () => {
				clearTimeout(connectTimer);
				connectTimer = undefined;
			});
		});

		outgoing.on('error', (error: NodeJS.ErrnoException) => {
			const code = error.code ?? '';
			if (connectTimer !== undefined && notSentCodes.has(code)) {
				finish({ok: false, why: 'not-sent', detail: `${code}: the request did not reach the platform`});
				return;
			}

			finish({
				ok: false,
				why: connectTimer === undefined ? 'reset' : 'connect-timeout',
				detail: `${code || error.name}: ${error.message}`,
			});
		});

		outgoing.on('response', incoming => {
			const chunks: Uint8Array[] = [];
			let size = 0;
			incoming.on('data', (chunk: Uint8Array) => {
				size += chunk.length;
				if (size > limits.maxBodyBytes) {
					finish({ok: false, why: 'too-large', detail: `the answer passed ${limits.maxBodyBytes} bytes`});
					incoming.destroy();
					outgoing.destroy();
					return;
				}

				chunks.push(chunk);
			});
			incoming.on('aborted', () => {
				finish({ok: false, why: 'reset', detail: 'the connection dropped in the middle of the answer'});
			});
			incoming.on('error', error => {
				finish({ok: false, why: 'reset', detail: `the answer broke off: ${error.message}`});
			});
			incoming.on('end', () => {
				if (!incoming.complete) {
					finish({ok: false, why: 'reset', detail: 'the connection dropped in the middle of the answer'});
					return;
				}

				finish({
					ok: true,
					answer: {
						status: incoming.statusCode ?? 0,
						headers: incoming.headers,
						body: Buffer.concat(chunks).toString('utf8'),
					},
				});
			});
		});

		outgoing.end(request.method === 'POST' ? body : undefined);
	});
}

/** A body as the audit log keeps it: short, one line. */
export function auditBody(body: string): string {
	const line = body.replaceAll(/[\r\n]+/g, ' ');
	return line.length > 2000 ? `${line.slice(0, 2000)}…` : line;
}
