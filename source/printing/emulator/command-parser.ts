/* eslint-disable no-bitwise -- ESC/POS parameters and status replies are bit fields. */
import {alignmentFromCode, DLE, ESC, FS, GS, LF, type Alignment} from '../escpos-commands.js';
import type {PrinterModel} from '../printer-profile.js';

/** One command or run of text from the byte stream; `raw` is the bytes it came from. */
export type PrinterEvent = {raw: Uint8Array} & (
	| {kind: 'init'}
	| {kind: 'align'; alignment: Alignment}
	| {kind: 'bold'; on: boolean}
	| {kind: 'size'; width: number; height: number}
	| {kind: 'chinese'; on: boolean}
	| {kind: 'code-page'; number: number}
	| {kind: 'text'; bytes: Uint8Array}
	| {kind: 'line-feed'}
	| {kind: 'qr'; fn: number; parameters: Uint8Array}
	/** GS v 0: a raster bit image, `widthBytes` bytes (8 dots each) by `height` rows. */
	| {kind: 'raster'; mode: number; widthBytes: number; height: number; data: Uint8Array}
	| {kind: 'cut'; mode: number; feed: number}
	| {kind: 'status'; n: number}
	/** GS r n, GS a n, GS I n, GS ( H: what the printer answers in sequence, or ASB; `data` is GS ( H's parameters after fn. */
	| {kind: 'query'; command: 'gs-r' | 'gs-a' | 'gs-i' | 'gs-h'; n: number; data: Uint8Array}
	| {kind: 'unknown'; reason: string}
);

const cutModesWithFeed = new Set([65, 66, 97, 98, 103, 104]);
const cutModesWithoutFeed = new Set([0, 1, 48, 49]);

type Step = {length: number; event: PrinterEvent} | 'incomplete';

type Need = (length: number, make: (raw: Uint8Array) => PrinterEvent) => Step;
type Unknown = (length: number, reason: string) => Step;

function isTextByte(byte: number): boolean {
	return byte >= 0x20 && byte !== 0x7f;
}

function stepEsc(second: number, need: Need, unknown: Unknown): Step {
	switch (second) {
		case 0x40: {
			return need(2, raw => ({kind: 'init', raw}));
		}

		case 0x61: {
			return need(3, raw => {
				const alignment = alignmentFromCode(raw[2]!);
				return alignment
					? {kind: 'align', alignment, raw}
					: {kind: 'unknown', reason: 'ESC a with a bad alignment', raw};
			});
		}

		case 0x45: {
			return need(3, raw => ({kind: 'bold', on: (raw[2]! & 1) === 1, raw}));
		}

		case 0x74: {
			return need(3, raw => ({kind: 'code-page', number: raw[2]!, raw}));
		}

		default: {
			return unknown(2, 'unknown ESC command');
		}
	}
}

/** What the parser knows of the printer: whether GS ( k exists at all. */
type Abilities = {qrCommand: boolean};

function stepGs(bytes: Uint8Array, need: Need, unknown: Unknown, abilities: Abilities): Step {
	const second = bytes[1] ?? -1;
	const third = bytes[2];
	switch (second) {
		case 0x21: {
			return need(3, raw => ({
				kind: 'size',
				width: (raw[2]! >> 4) + 1,
				height: (raw[2]! & 0x0f) + 1,
				raw,
			}));
		}

		case 0x56: {
			if (third === undefined) {
				return 'incomplete';
			}

			if (cutModesWithFeed.has(third)) {
				return need(4, raw => ({
					kind: 'cut',
					mode: third,
					feed: raw[3]!,
					raw,
				}));
			}

			return cutModesWithoutFeed.has(third)
				? need(3, raw => ({kind: 'cut', mode: third, feed: 0, raw}))
				: unknown(3, 'GS V with an unknown mode');
		}

		case 0x28: {
			if (bytes.length < 5) {
				return 'incomplete';
			}

			const length = bytes[3]! + bytes[4]! * 256;
			if (third === 0x6b && !abilities.qrCommand) {
				// A printer without GS ( k takes GS ( for an unknown command and prints what follows as text.
				return unknown(2, 'GS ( k: this printer has no QR command; its parameters print as text');
			}

			if (third === 0x48) {
				return need(5 + length, raw => ({kind: 'query', command: 'gs-h', n: raw[5] ?? 0, data: raw.subarray(6), raw}));
			}

			if (third !== 0x6b) {
				return unknown(5 + length, 'unknown GS ( function');
			}

			// Cn 49 is QR Code; other symbologies (PDF417 is 48) are not something this encoder emits.
			return need(5 + length, raw =>
				raw[5] === 0x31 && length >= 2
					? {kind: 'qr', fn: raw[6]!, parameters: raw.subarray(7), raw}
					: {kind: 'unknown', reason: 'GS ( k for a symbol other than QR', raw},
			);
		}

		case 0x72:
		case 0x61:
		case 0x49: {
			const command = second === 0x72 ? 'gs-r' : second === 0x61 ? 'gs-a' : 'gs-i';
			return need(3, raw => ({kind: 'query', command, n: raw[2]!, data: raw.subarray(3), raw}));
		}

		case 0x76: {
			if (bytes.length < 8) {
				return 'incomplete';
			}

			if (third !== 0x30) {
				return unknown(3, 'GS v other than GS v 0');
			}

			const widthBytes = bytes[4]! + bytes[5]! * 256;
			const height = bytes[6]! + bytes[7]! * 256;
			return need(8 + widthBytes * height, raw => ({
				kind: 'raster',
				mode: raw[3]!,
				widthBytes,
				height,
				data: raw.subarray(8),
				raw,
			}));
		}

		default: {
			return unknown(2, 'unknown GS command');
		}
	}
}

/** Decodes one command at the start of `bytes`; 'incomplete' when its end has not arrived yet. */
function step(bytes: Uint8Array, abilities: Abilities): Step {
	const [first = 0, second] = bytes;
	const need: Need = (length, make) =>
		bytes.length < length ? 'incomplete' : {length, event: make(bytes.subarray(0, length))};
	const unknown: Unknown = (length, reason) => need(length, raw => ({kind: 'unknown', reason, raw}));

	if (first === LF) {
		return need(1, raw => ({kind: 'line-feed', raw}));
	}

	if (isTextByte(first)) {
		let end = 1;
		while (end < bytes.length && isTextByte(bytes[end]!)) {
			end++;
		}

		return need(end, raw => ({kind: 'text', bytes: raw, raw}));
	}

	if (first !== ESC && first !== GS && first !== FS && first !== DLE) {
		return unknown(1, `control byte 0x${first.toString(16).padStart(2, '0')}`);
	}

	if (second === undefined) {
		return 'incomplete';
	}

	switch (first) {
		case ESC: {
			return stepEsc(second, need, unknown);
		}

		case FS: {
			return second === 0x26 || second === 0x2e
				? need(2, raw => ({kind: 'chinese', on: second === 0x26, raw}))
				: unknown(2, 'unknown FS command');
		}

		case DLE: {
			return second === 0x04 ? need(3, raw => ({kind: 'status', n: raw[2]!, raw})) : unknown(2, 'unknown DLE command');
		}

		case GS: {
			return stepGs(bytes, need, unknown, abilities);
		}
	}
}

/**
 * An incremental ESC/POS parser: bytes arrive in arbitrary TCP chunks, commands come out whole. Given
 * a printer model it reads as that printer does: without native QR, GS ( k is not a command to it.
 */
export class CommandParser {
	#pending: Uint8Array = Buffer.alloc(0);
	readonly #abilities: Abilities;

	constructor(model?: PrinterModel) {
		this.#abilities = {qrCommand: model === undefined || model.qr === 'native'};
	}

	/** Events for every command complete so far; a text run at the end of a chunk is returned as far as it goes. */
	push(chunk: Uint8Array): PrinterEvent[] {
		this.#pending = this.#pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#pending, chunk]);
		const events: PrinterEvent[] = [];
		let offset = 0;
		while (offset < this.#pending.length) {
			const result = step(this.#pending.subarray(offset), this.#abilities);
			if (result === 'incomplete') {
				break;
			}

			events.push(result.event);
			offset += result.length;
		}

		this.#pending = this.#pending.subarray(offset);
		return events;
	}

	/** Bytes of a command whose end never arrived. */
	get leftover(): Uint8Array {
		return this.#pending;
	}
}
