import {randomInt} from 'node:crypto';
import {statusRequest} from './escpos-commands.js';
import type {PrinterFailure, PrinterFailureKind} from './printer-failure.js';
import {isLinkEnd, PrinterLink, type LinkEnd} from './printer-link.js';
import type {Confirmation, StatusCheck} from './printer-profile.js';
import {processIdHeader, type PrinterReply} from './printer-replies.js';
import {safeCutPoints} from './safe-cuts.js';
import {hex, statusFailure, statusFromReplies, type PrinterStatus, type StatusReplies} from './printer-status.js';
import {paperStatusOf, processIdRequest, processIdResponseIdentifier, transmitPaperStatus} from './status-commands.js';

export type PrinterAddress = {
	host: string;
	port: number;
	connectTimeoutMs: number;
	/** The longest the printer may go without taking data or answering: no progress, not total time. */
	writeTimeoutMs: number;
	/**
	 * The slowest printer still waited for, in bytes per second: the time allowed for a slip to be
	 * processed grows with its size at this rate (64 B/s by default).
	 */
	minimumByteRate?: number;
};

/** What the printer can answer: `PrinterModel['status']` and `PrinterModel['confirmation']`. */
export type PrinterChecks = {status: StatusCheck; confirmation: Confirmation};

/** Today's printer: DLE EOT 1, 2 and 4 before the slip, GS r 1 after it. */
export const defaultPrinterChecks: PrinterChecks = {
	status: {kind: 'dle-eot', answers: [1, 2, 4]},
	confirmation: 'gs-r',
};

export const defaultMinimumByteRate = 64;

/**
 * `ok` with `confirmed`: the printer answered the in-sequence confirmation (GS r 1 or GS ( H) sent
 * after the slip, so it had processed the whole slip. `ok` without `confirmed`: every byte was taken
 * by a printer that cannot confirm; whether it came out is for a person to say.
 */
export type PrintOutcome =
	{ok: true; confirmed: boolean; bytesSent: number; paperNearEnd: boolean} | {ok: false; failure: PrinterFailure};

export type PrinterReadiness = {
	ready: boolean;
	failure?: PrinterFailure;
	paperNearEnd: boolean;
	/** False for a printer without a status check: reachable, its paper and cover unknown. */
	statusKnown?: boolean;
};

/** DLE EOT queries answered before the slip; a printer without a status check is asked none. */
function statusQueries(checks: PrinterChecks): Array<1 | 2 | 4> {
	return checks.status.kind === 'none'
		? []
		: checks.status.answers.filter((n): n is 1 | 2 | 4 => n === 1 || n === 2 || n === 4);
}

/** The time allowed for the printer to process a payload of this size at the slowest rate waited for. */
function processingAllowanceMs(address: PrinterAddress, payloadBytes: number): number {
	return Math.ceil((payloadBytes * 1000) / (address.minimumByteRate ?? defaultMinimumByteRate));
}

/**
 * The longest one call to the printer can take: connecting, one write timeout per status query and
 * three more (send, confirmation, close), and the payload at the slowest rate waited for.
 */
export function sessionDeadlineMs(
	address: Pick<PrinterAddress, 'connectTimeoutMs' | 'writeTimeoutMs' | 'minimumByteRate'>,
	payloadBytes = 0,
	checks: PrinterChecks = defaultPrinterChecks,
): number {
	return (
		address.connectTimeoutMs +
		(statusQueries(checks).length + 3) * address.writeTimeoutMs +
		processingAllowanceMs(address as PrinterAddress, payloadBytes)
	);
}

type Failed = {ok: false; failure: PrinterFailure};

function failed(kind: PrinterFailureKind, detail: string, afterSend = false): Failed {
	return {ok: false, failure: afterSend ? {kind, detail, afterSend} : {kind, detail}};
}

/** A dropped or silent connection: before the slip went out the printer is unreachable or silent, after it the slip was cut off. */
function endedFailure(end: LinkEnd, afterSend: boolean): Failed {
	if (end.ended === 'timeout') {
		return failed('timeout', end.detail, afterSend);
	}

	return failed(afterSend ? 'reset' : 'unreachable', end.detail, afterSend);
}

/**
 * Asks each DLE EOT n the printer answers, one at a time. A reply counts only if it arrived after
 * its query (what came before is discarded); ASB blocks, flow control and stray in-sequence bytes
 * are skipped; a byte no ESC/POS printer sends means something else answers on the port.
 */
async function readStatus(
	link: PrinterLink,
	address: PrinterAddress,
	queries: Array<1 | 2 | 4>,
): Promise<{ok: true; status: PrinterStatus} | Failed> {
	const replies: StatusReplies = {};
	for (const n of queries) {
		link.discard();

		const written = await link.write(statusRequest(n), address.writeTimeoutMs);
		if (written) {
			return endedFailure(written, false);
		}

		const answer = await link.reply(
			(reply): PrinterReply | undefined =>
				reply.kind === 'real-time-status' || reply.kind === 'unknown' ? reply : undefined,
			address.writeTimeoutMs,
		);
		if (isLinkEnd(answer)) {
			return answer.ended === 'timeout'
				? failed(
						'timeout',
						`no answer to DLE EOT ${n} from the printer at ${link.where} within ${address.writeTimeoutMs} ms (a printer that never answers it needs a profile without a status check)`,
					)
				: endedFailure(answer, false);
		}

		if (answer.kind === 'unknown') {
			return failed(
				'printer-error',
				`the printer answered DLE EOT ${n} with ${hex(answer.byte)}, which is not an ESC/POS status`,
			);
		}

		if (answer.kind === 'real-time-status') {
			replies[n] = answer.byte;
		}
	}

	return {ok: true, status: statusFromReplies(replies)};
}

/** A process ID for GS ( H: four digits, new for every slip so no earlier answer can pass for this one. */
function newProcessId(): string {
	return String(randomInt(0, 10_000)).padStart(4, '0');
}

type Confirmed = {ok: true; paperNearEnd: boolean};

/** What the confirmation reply says, or undefined for a reply that is not it. */
function confirmationPick(
	checks: PrinterChecks,
	processId: string,
): (reply: PrinterReply) => Confirmed | Failed | undefined {
	if (checks.confirmation === 'gs-h') {
		const expected = Buffer.from([processIdResponseIdentifier, ...Buffer.from(processId, 'ascii')]);
		return reply =>
			reply.kind === 'block' && reply.header === processIdHeader && Buffer.from(reply.data).equals(expected)
				? {ok: true, paperNearEnd: false}
				: undefined;
	}

	return reply => {
		if (reply.kind !== 'in-sequence-status') {
			return undefined;
		}

		const paper = paperStatusOf(reply.byte);
		return paper.paperEnd
			? failed('paper-out', 'GS r 1 reports the roll paper end after the slip: it may be incomplete', true)
			: {ok: true, paperNearEnd: paper.paperNearEnd};
	};
}

type Delivery = Confirmed | Failed;

/** A poll during the slip reported a fault: the full status says which, and the slip may be incomplete. */
async function whyItStopped(link: PrinterLink, address: PrinterAddress, asked: Array<1 | 2 | 4>): Promise<Failed> {
	const read = await readStatus(link, address, asked);
	const failure = read.ok
		? (statusFailure(read.status) ?? {kind: 'offline' as const, detail: 'DLE EOT reported the printer offline'})
		: read.failure;
	return failed(failure.kind, `${failure.detail} while the slip was printing: it may be incomplete`, true);
}

/**
 * Sends the slip with its confirmation request and waits for the confirmation.
 *
 * A printer with a status check is sent the slip in pieces, each followed by a real-time DLE EOT that
 * it answers on receipt: an answer proves the printer has read that far, so the write timeout is
 * about progress (no answer for that long), never the whole slip's time, and a slow printer prints.
 * No more than the write timeout's worth of bytes at the slowest rate is unanswered at once. An
 * answer that reports a fault (paper out mid-slip) ends the job at once; a stale or doubled one can
 * only make it fail or wait, since the confirmation is a different reply.
 * Once all of it has been read, the printer has the write timeout plus the slip at the slowest rate to
 * process it; it is asked DLE EOT again each write timeout meanwhile.
 * A printer without a status check gets everything in one write and the same time to confirm it.
 */
async function deliver(
	link: PrinterLink,
	address: PrinterAddress,
	checks: PrinterChecks,
	bytes: Uint8Array,
	processId: string,
): Promise<Delivery> {
	const pickConfirmation = confirmationPick(checks, processId);
	// DLE EOT 1 goes offline for every fault (paper end, cover, error); its cause is asked once it does.
	const asked = statusQueries(checks);
	const poll = ([1, 2, 4] as const).find(n => asked.includes(n));
	const rate = address.minimumByteRate ?? defaultMinimumByteRate;
	const window = Math.max(64, Math.floor((address.writeTimeoutMs * rate) / 1000));
	const piece = Math.max(32, Math.floor(window / 2));
	const processingMs = address.writeTimeoutMs + processingAllowanceMs(address, bytes.length);
	let offset = 0;
	let acknowledged = 0;
	/** Where each unanswered poll was sent: the printer has read up to there when it answers. */
	const polls: number[] = [];
	let readAllAt: number | undefined;
	const cuts = safeCutPoints(bytes);
	/** The end of the next piece: the furthest safe cut within `piece` bytes, or the nearest one beyond. */
	const pieceEnd = (from: number): number => {
		const within = cuts.findLast(cut => cut > from && cut <= from + piece);
		return within ?? cuts.find(cut => cut > from) ?? bytes.length;
	};

	if (poll === undefined) {
		const written = await link.write(bytes, address.writeTimeoutMs);
		if (written) {
			return endedFailure(written, true);
		}

		offset = bytes.length;
		acknowledged = bytes.length;
		readAllAt = performance.now();
	}

	for (;;) {
		// eslint-disable-next-line no-unmodified-loop-condition -- offset and acknowledged move; poll says whether pieces are used
		while (poll !== undefined && offset < bytes.length && offset - acknowledged < window) {
			const end = pieceEnd(offset);

			const written = await link.write(
				Buffer.concat([bytes.subarray(offset, end), statusRequest(poll)]),
				address.writeTimeoutMs,
			);
			if (written) {
				return endedFailure(written, true);
			}

			polls.push(end);
			offset = end;
		}

		const answer = await link.reply(
			(reply): Delivery | number | 'fault' | undefined => {
				const confirmation = pickConfirmation(reply);
				if (confirmation !== undefined || poll === undefined || reply.kind !== 'real-time-status') {
					return confirmation;
				}

				const failure = statusFailure(statusFromReplies({[poll]: reply.byte}));
				return failure ? 'fault' : reply.byte;
			},
			readAllAt === undefined
				? address.writeTimeoutMs
				: Math.max(1, Math.min(address.writeTimeoutMs, readAllAt + processingMs - performance.now())),
		);
		if (answer === 'fault') {
			return whyItStopped(link, address, asked);
		}

		if (typeof answer === 'number') {
			acknowledged = polls.shift() ?? acknowledged;
			if (acknowledged >= bytes.length) {
				readAllAt ??= performance.now();
			}

			continue;
		}

		if (!isLinkEnd(answer)) {
			return answer;
		}

		if (answer.ended !== 'timeout') {
			return endedFailure(answer, true);
		}

		if (readAllAt === undefined || polls.length > 0) {
			return failed(
				'timeout',
				`the printer at ${link.where} stopped taking data for ${address.writeTimeoutMs} ms: the slip may be incomplete`,
				true,
			);
		}

		if (performance.now() - readAllAt >= processingMs) {
			return failed(
				'timeout',
				`the printer at ${link.where} did not confirm the slip within ${processingMs} ms of reading it: it may be incomplete`,
				true,
			);
		}

		if (poll !== undefined) {
			const written = await link.write(statusRequest(poll), address.writeTimeoutMs);
			if (written) {
				return endedFailure(written, true);
			}

			polls.push(bytes.length);
		}
	}
}

/**
 * One connection: the status check the printer answers, then (with a payload) the payload and the
 * in-sequence confirmation, then `end()` and wait for close. Every path ends with the socket gone,
 * and none outlasts `sessionDeadlineMs`.
 */
async function runSession(
	address: PrinterAddress,
	payload: Uint8Array | undefined,
	checks: PrinterChecks,
): Promise<{outcome: PrintOutcome; status?: PrinterStatus}> {
	const opened = await PrinterLink.open(address.host, address.port, address.connectTimeoutMs);
	if (isLinkEnd(opened)) {
		return {outcome: failed('unreachable', opened.detail)};
	}

	const link = opened;
	const deadlineMs = sessionDeadlineMs(address, payload?.length ?? 0, checks);
	let deadline: NodeJS.Timeout | undefined;
	const guard = new Promise<{outcome: PrintOutcome}>(resolve => {
		deadline = setTimeout(() => {
			resolve({
				outcome: failed(
					'timeout',
					`the printer at ${link.where} did not finish within ${deadlineMs} ms`,
					payload !== undefined,
				),
			});
		}, deadlineMs);
	});

	const talk = async (): Promise<{outcome: PrintOutcome; status?: PrinterStatus}> => {
		const queries = statusQueries(checks);
		let status: PrinterStatus | undefined;
		if (queries.length > 0) {
			const read = await readStatus(link, address, queries);
			if (!read.ok) {
				link.abort();
				return {outcome: read};
			}

			status = read.status;
			const notReady = statusFailure(read.status);
			if (notReady) {
				await link.close(address.writeTimeoutMs);
				return {outcome: {ok: false, failure: notReady}, status};
			}
		}

		const paperNearEnd = status?.paperNearEnd ?? false;
		if (payload === undefined) {
			await link.close(address.writeTimeoutMs);
			return {outcome: {ok: true, confirmed: queries.length > 0, bytesSent: 0, paperNearEnd}, status};
		}

		const processId = newProcessId();
		const confirmation =
			checks.confirmation === 'gs-r'
				? transmitPaperStatus()
				: checks.confirmation === 'gs-h'
					? processIdRequest(processId)
					: new Uint8Array(0);
		link.reader.expectBlocks = checks.confirmation === 'gs-h';
		// Anything received until now answers something asked before the slip, never its confirmation.
		link.discard();
		if (checks.confirmation === 'none') {
			const written = await link.write(payload, address.writeTimeoutMs);
			if (written) {
				link.abort();
				return {outcome: endedFailure(written, true), status};
			}

			await link.close(address.writeTimeoutMs);
			return {outcome: {ok: true, confirmed: false, bytesSent: payload.length, paperNearEnd}, status};
		}

		const confirmed = await deliver(link, address, checks, Buffer.concat([payload, confirmation]), processId);
		if (!confirmed.ok) {
			link.abort();
			return {outcome: confirmed, status};
		}

		await link.close(address.writeTimeoutMs);
		return {
			outcome: {
				ok: true,
				confirmed: true,
				bytesSent: payload.length,
				paperNearEnd: paperNearEnd || confirmed.paperNearEnd,
			},
			status,
		};
	};

	try {
		return await Promise.race([talk(), guard]);
	} finally {
		clearTimeout(deadline);
		// After the deadline the conversation is still waiting: resetting the link ends its waits.
		link.abort();
	}
}

/** Sends one job to a networked ESC/POS printer, unless its status says it cannot print it. */
export async function printBytes(
	bytes: Uint8Array,
	address: PrinterAddress,
	checks: PrinterChecks = defaultPrinterChecks,
): Promise<PrintOutcome> {
	const {outcome} = await runSession(address, bytes, checks);
	return outcome;
}

/** Asks the printer whether it could print now, for a background status line; sends no print data. */
export async function queryPrinterStatus(
	address: PrinterAddress,
	checks: PrinterChecks = defaultPrinterChecks,
): Promise<PrinterReadiness> {
	const {outcome, status} = await runSession(address, undefined, checks);
	const statusKnown = statusQueries(checks).length > 0;
	return outcome.ok
		? {ready: true, paperNearEnd: outcome.paperNearEnd, ...(statusKnown ? {} : {statusKnown})}
		: {
				ready: false,
				failure: outcome.failure,
				paperNearEnd: status?.paperNearEnd ?? false,
			};
}
