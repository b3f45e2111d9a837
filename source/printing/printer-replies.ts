/* eslint-disable no-bitwise -- ESC/POS replies are told apart by their fixed bits. */

/**
 * What a printer sent, told apart by the fixed bits Epson documents ("identification of send
 * status"): a DLE EOT reply is 0xx1xx10, the first byte of an automatic status back (ASB) block is
 * 0xx1xx00 and three more bytes follow, GS r and GS I 1-3 answer 0xx0xxxx, XON/XOFF are 0x11/0x13,
 * and GS ( H and GS I 65-69 answer a block from a header (0x37, 0x5F) to a NUL.
 */
export type PrinterReply =
	| {kind: 'real-time-status'; byte: number}
	| {kind: 'automatic-status'; bytes: number[]}
	| {kind: 'in-sequence-status'; byte: number}
	| {kind: 'flow-control'; byte: number}
	| {kind: 'block'; header: number; data: Uint8Array}
	| {kind: 'unknown'; byte: number};

export const xon = 0x11;
export const xoff = 0x13;
/** GS ( H process ID responses and other "printer information A" blocks. */
export const processIdHeader = 0x37;
/** GS I 65-69 printer information B. */
export const printerInformationHeader = 0x5f;

export function isRealTimeStatus(byte: number): boolean {
	return (byte & 0b1001_0011) === 0b0001_0010;
}

function isAsbFirst(byte: number): boolean {
	return (byte & 0b1001_0011) === 0b0001_0000;
}

function isInSequence(byte: number): boolean {
	return (byte & 0b1001_0000) === 0;
}

/** Longest block kept: Epson's send buffer is 99 bytes; a block that never ends is not held forever. */
const blockMaxBytes = 128;

/**
 * Splits a printer's bytes into replies as they arrive, in any chunks. Blocks (0x37, 0x5F headers)
 * are read only while one is expected, so a stray header byte cannot swallow the status after it.
 */
export class ReplyReader {
	expectBlocks = false;
	#asb: number[] | undefined;
	#block: number[] | undefined;

	push(chunk: Uint8Array): PrinterReply[] {
		const replies: PrinterReply[] = [];
		for (const byte of chunk) {
			const reply = this.#take(byte);
			if (reply) {
				replies.push(reply);
			}
		}

		return replies;
	}

	#take(byte: number): PrinterReply | undefined {
		if (this.#block) {
			if (byte === 0) {
				const [header = 0, ...data] = this.#block;
				this.#block = undefined;
				return {kind: 'block', header, data: Uint8Array.from(data)};
			}

			this.#block.push(byte);
			if (this.#block.length > blockMaxBytes) {
				this.#block = undefined;
				return {kind: 'unknown', byte};
			}

			return undefined;
		}

		if (byte === xon || byte === xoff) {
			// XOFF may come in the middle of an ASB block; it is not one of its bytes.
			return {kind: 'flow-control', byte};
		}

		if (this.#asb) {
			this.#asb.push(byte);
			if (this.#asb.length < 4) {
				return undefined;
			}

			const bytes = this.#asb;
			this.#asb = undefined;
			return {kind: 'automatic-status', bytes};
		}

		if (this.expectBlocks && (byte === processIdHeader || byte === printerInformationHeader)) {
			this.#block = [byte];
			return undefined;
		}

		if (isRealTimeStatus(byte)) {
			return {kind: 'real-time-status', byte};
		}

		if (isAsbFirst(byte)) {
			this.#asb = [byte];
			return undefined;
		}

		return isInSequence(byte) ? {kind: 'in-sequence-status', byte} : {kind: 'unknown', byte};
	}
}
