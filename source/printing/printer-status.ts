/* eslint-disable no-bitwise -- ESC/POS parameters and status replies are bit fields. */
import {statusRequest} from './escpos-commands.js';
import type {PrinterFailure} from './printer-failure.js';

/** DLE EOT 1 (printer), 2 (offline cause), 4 (roll paper sensor), sent together: the printer answers one byte each, in order. */
export const statusQuery: Uint8Array = Buffer.concat([statusRequest(1), statusRequest(2), statusRequest(4)]);
export const statusReplyLength = 3;

export type PrinterStatus = {
	online: boolean;
	coverOpen: boolean;
	paperEnd: boolean;
	paperNearEnd: boolean;
	error: boolean;
};

// Every DLE EOT reply has bit 1 and bit 4 set and bits 0 and 7 clear (Epson, "fixed" bits).
const fixedMask = 0b1001_0011;
const fixedValue = 0b0001_0010;

const bit = {
	offline: 0b0000_1000, // DLE EOT 1, bit 3
	coverOpen: 0b0000_0100, // DLE EOT 2, bit 2
	paperEndStop: 0b0010_0000, // DLE EOT 2, bit 5
	errorOccurred: 0b0100_0000, // DLE EOT 2, bit 6
	nearEnd: 0b0000_1100, // DLE EOT 4, bits 2-3
	paperEnd: 0b0110_0000, // DLE EOT 4, bits 5-6
} as const;

export type StatusParse = {ok: true; status: PrinterStatus} | {ok: false; failure: PrinterFailure};

export function hex(byte: number): string {
	return `0x${byte.toString(16).padStart(2, '0')}`;
}

/** The DLE EOT n values this module reads. */
export type StatusN = 1 | 2 | 4;

/** The replies to the DLE EOT queries that were asked, by n; a printer that answers only some is read from those. */
export type StatusReplies = Partial<Record<StatusN, number>>;

/** A status from the replies asked: what was not asked reads as fine (a printer answering only n=1,2 says nothing of the roll sensor). */
export function statusFromReplies(replies: StatusReplies): PrinterStatus {
	const printer = replies[1] ?? fixedValue;
	const offlineCause = replies[2] ?? fixedValue;
	const paper = replies[4] ?? fixedValue;
	return {
		online: (printer & bit.offline) === 0,
		coverOpen: (offlineCause & bit.coverOpen) !== 0,
		paperEnd: (paper & bit.paperEnd) !== 0 || (offlineCause & bit.paperEndStop) !== 0,
		paperNearEnd: (paper & bit.nearEnd) !== 0,
		error: (offlineCause & bit.errorOccurred) !== 0,
	};
}

/** Reads the three replies to `statusQuery`. A byte without the fixed bits means something else answered on the port. */
export function parseStatus(reply: Uint8Array): StatusParse {
	const [printer = 0, offlineCause = 0, paper = 0] = reply;
	if (
		reply.length < statusReplyLength ||
		[printer, offlineCause, paper].some(byte => (byte & fixedMask) !== fixedValue)
	) {
		return {
			ok: false,
			failure: {
				kind: 'printer-error',
				detail: `the printer answered the status request with ${[...reply].map(byte => hex(byte)).join(' ')}, which is not an ESC/POS status`,
			},
		};
	}

	return {ok: true, status: statusFromReplies({1: printer, 2: offlineCause, 4: paper})};
}

/** Why a printer with this status cannot print, or undefined when it is ready. The cover comes first: closing it may reveal the rest. */
export function statusFailure(status: PrinterStatus): PrinterFailure | undefined {
	if (status.coverOpen) {
		return {kind: 'cover-open', detail: 'DLE EOT 2 reports the cover open'};
	}

	if (status.paperEnd) {
		return {kind: 'paper-out', detail: 'DLE EOT 4 reports the roll paper end'};
	}

	if (status.error) {
		return {
			kind: 'printer-error',
			detail: 'DLE EOT 2 reports an error (cutter, head or voltage)',
		};
	}

	if (!status.online) {
		return {kind: 'offline', detail: 'DLE EOT 1 reports the printer offline'};
	}

	return undefined;
}
