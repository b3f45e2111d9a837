import net from 'node:net';
import type {PrinterFailure, PrinterFailureKind} from './printer-failure.js';
import {parseStatus, statusFailure, statusQuery, statusReplyLength, type PrinterStatus} from './printer-status.js';

export type PrinterAddress = {
	host: string;
	port: number;
	connectTimeoutMs: number;
	writeTimeoutMs: number;
};

/**
 * `ok` means the printer was ready, took every byte and then answered a status request sent after
 * the slip (so it had read the whole slip) without reporting a fault. It is not proof of ink on paper.
 */
export type PrintOutcome = {ok: true; bytesSent: number; paperNearEnd: boolean} | {ok: false; failure: PrinterFailure};

export type PrinterReadiness = {
	ready: boolean;
	failure?: PrinterFailure;
	paperNearEnd: boolean;
};

type Phase = 'connecting' | 'status' | 'sending' | 'closing';

type SessionResult = {outcome: PrintOutcome; status?: PrinterStatus};

/** The phase's meaning for a dropped connection: before the slip went out it is an unreachable printer, after it a cut-off slip. */
const droppedKind: Record<Phase, PrinterFailureKind> = {
	connecting: 'unreachable',
	status: 'unreachable',
	sending: 'reset',
	closing: 'reset',
};

/**
 * One connection: status check, then (with a payload) the payload plus a second status check, then
 * `end()` and wait for close. Every path ends in a destroyed socket and one result, and none waits
 * longer than the connect timeout plus three write timeouts.
 */
/** The longest one call to the printer can take: connecting, then up to three stalled writes or reads. */
export function sessionDeadlineMs(address: Pick<PrinterAddress, 'connectTimeoutMs' | 'writeTimeoutMs'>): number {
	return address.connectTimeoutMs + 3 * address.writeTimeoutMs;
}

async function runSession(address: PrinterAddress, payload: Uint8Array | undefined): Promise<SessionResult> {
	const {host, port, connectTimeoutMs, writeTimeoutMs} = address;
	const where = `${host}:${port}`;

	return new Promise(resolve => {
		const socket = new net.Socket({allowHalfOpen: true});
		let phase: Phase = 'connecting';
		let inbox = Buffer.alloc(0);
		let status: PrinterStatus | undefined;
		/** The answer, known before the connection has finished closing. */
		let decided: SessionResult | undefined;
		let settled = false;
		/** Whether any of the slip has been written to the socket. */
		let sent = false;

		const settle = (result: SessionResult, abort = false) => {
			if (settled) {
				return;
			}

			settled = true;
			clearTimeout(connectTimer);
			clearTimeout(deadline);
			socket.setTimeout(0);
			// Giving up on a live connection resets it: a plain close would still deliver the rest of the slip
			// and tell the printer the job was complete, so it could print whole after we reported it failed.
			if (abort && !socket.connecting && !socket.destroyed) {
				socket.resetAndDestroy();
			} else {
				socket.destroy();
			}

			resolve(result);
		};

		const fail = (kind: PrinterFailureKind, detail: string) => {
			const failure: PrinterFailure = sent ? {kind, detail, afterSend: true} : {kind, detail};
			settle(decided ?? {outcome: {ok: false, failure}, status}, decided === undefined);
		};

		const closeWith = (result: SessionResult) => {
			decided = result;
			phase = 'closing';
			socket.end();
		};

		const connectTimer = setTimeout(() => {
			fail('unreachable', `no connection to ${where} within ${connectTimeoutMs} ms`);
		}, connectTimeoutMs);
		const deadline = setTimeout(() => {
			fail('timeout', `the printer at ${where} did not finish within ${sessionDeadlineMs(address)} ms`);
		}, sessionDeadlineMs(address));

		const readStatus = (): {ok: true} | {ok: false; failure: PrinterFailure} => {
			const parsed = parseStatus(inbox.subarray(0, statusReplyLength));
			inbox = inbox.subarray(statusReplyLength);
			if (!parsed.ok) {
				return parsed;
			}

			status = parsed.status;
			const failure = statusFailure(parsed.status);
			return failure ? {ok: false, failure} : {ok: true};
		};

		socket.on('connect', () => {
			clearTimeout(connectTimer);
			socket.setNoDelay(true);
			socket.setTimeout(writeTimeoutMs);
			phase = 'status';
			socket.write(statusQuery);
		});

		socket.on('data', (chunk: Uint8Array) => {
			inbox = Buffer.concat([inbox, chunk]);
			if (phase === 'status' && inbox.length >= statusReplyLength) {
				const before = readStatus();
				if (!before.ok) {
					// Not ready: nothing of the slip is sent.
					closeWith({outcome: before, status});
				} else if (payload === undefined) {
					closeWith({
						outcome: {
							ok: true,
							bytesSent: 0,
							paperNearEnd: status?.paperNearEnd ?? false,
						},
						status,
					});
				} else {
					phase = 'sending';
					sent = true;
					socket.write(Buffer.concat([payload, statusQuery]));
				}
			}

			if (phase === 'sending' && inbox.length >= statusReplyLength && payload !== undefined) {
				const after = readStatus();
				closeWith(
					after.ok
						? {
								outcome: {
									ok: true,
									bytesSent: payload.length,
									paperNearEnd: status?.paperNearEnd ?? false,
								},
								status,
							}
						: {
								outcome: {
									ok: false,
									failure: {
										kind: after.failure.kind,
										detail: `${after.failure.detail} after the slip was sent: it may be incomplete`,
										afterSend: true,
									},
								},
								status,
							},
				);
			}
		});

		socket.on('timeout', () => {
			fail(
				'timeout',
				phase === 'sending'
					? `the printer at ${where} stopped taking data for ${writeTimeoutMs} ms`
					: `no answer from the printer at ${where} within ${writeTimeoutMs} ms`,
			);
		});

		socket.on('error', (error: NodeJS.ErrnoException) => {
			fail(droppedKind[phase], `${where}: ${error.code ?? error.message}`);
		});

		socket.on('end', () => {
			if (phase !== 'closing') {
				fail(
					droppedKind[phase],
					`the printer at ${where} closed the connection ${phase === 'sending' ? 'before acknowledging the whole slip' : 'before answering the status request'}`,
				);
			}
		});

		socket.on('close', () => {
			fail(droppedKind[phase], `the connection to ${where} closed unexpectedly`);
		});

		socket.connect({host, port});
	});
}

/** Sends one job to a networked ESC/POS printer, unless its status says it cannot print it. */
export async function printBytes(bytes: Uint8Array, address: PrinterAddress): Promise<PrintOutcome> {
	const {outcome} = await runSession(address, bytes);
	return outcome;
}

/** Asks the printer whether it could print now, for a background status line; sends no print data. */
export async function queryPrinterStatus(address: PrinterAddress): Promise<PrinterReadiness> {
	const {outcome, status} = await runSession(address, undefined);
	return outcome.ok
		? {ready: true, paperNearEnd: outcome.paperNearEnd}
		: {
				ready: false,
				failure: outcome.failure,
				paperNearEnd: status?.paperNearEnd ?? false,
			};
}
