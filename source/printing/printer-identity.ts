import {GS} from './escpos-commands.js';
import type {PrinterFailure} from './printer-failure.js';
import {isLinkEnd, PrinterLink} from './printer-link.js';
import {printerInformationHeader, type PrinterReply} from './printer-replies.js';
import type {PrinterAddress} from './printer-transport.js';

/** What GS I n answers (Epson "transmit printer ID", printer information B): n = 65, 66, 67, 69. */
export type PrinterIdentity = {firmware?: string; maker?: string; model?: string; fonts?: string};

const questions = [
	[65, 'firmware'],
	[66, 'maker'],
	[67, 'model'],
	[69, 'fonts'],
] as const;

/**
 * Asks GS I 65 (firmware), 66 (maker), 67 (model) and 69 (multi-byte fonts), one at a time: each
 * answer is a block from 0x5F to NUL that must arrive after its question. A printer that does not
 * answer one within the write timeout leaves that field out; one that answers neither 65 nor 66 is
 * asked no more and gives `{}`.
 */
export async function askPrinterIdentity(
	address: PrinterAddress,
): Promise<{ok: true; identity: PrinterIdentity} | {ok: false; failure: PrinterFailure}> {
	const opened = await PrinterLink.open(address.host, address.port, address.connectTimeoutMs);
	if (isLinkEnd(opened)) {
		return {ok: false, failure: {kind: 'unreachable', detail: opened.detail}};
	}

	const link = opened;
	link.reader.expectBlocks = true;
	const identity: PrinterIdentity = {};
	try {
		for (const [n, field] of questions) {
			link.discard();
			const written = await link.write(Uint8Array.of(GS, 0x49, n), address.writeTimeoutMs);
			if (written) {
				return {ok: false, failure: {kind: 'reset', detail: written.detail}};
			}

			const answer = await link.reply(
				(reply: PrinterReply) =>
					reply.kind === 'block' && reply.header === printerInformationHeader
						? Buffer.from(reply.data)
								.toString('latin1')
								.replaceAll(/[^\u0020-\u007E]/gv, '')
								.trim()
						: undefined,
				address.writeTimeoutMs,
			);
			if (isLinkEnd(answer)) {
				if (answer.ended !== 'timeout') {
					return {ok: false, failure: {kind: 'reset', detail: answer.detail}};
				}

				// Two questions unanswered: this printer does not speak GS I, and asking on costs a timeout each.
				if (n === 66 && Object.keys(identity).length === 0) {
					break;
				}

				continue;
			}

			identity[field] = answer;
		}

		await link.close(address.writeTimeoutMs);
		return {ok: true, identity};
	} finally {
		link.abort();
	}
}
