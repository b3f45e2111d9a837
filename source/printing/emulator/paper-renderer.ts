import iconv from 'iconv-lite';
import type {Alignment} from '../escpos-commands.js';
import type {PrinterModel} from '../printer-profile.js';
import {builtInProfile, defaultProfileName} from '../printer-profiles.js';
import {alignmentPadding, cutMarker, qrPlaceholder} from '../slip-layout.js';
import type {PrinterEvent} from './command-parser.js';
import {readRasterQr} from './raster-qr-reader.js';

export type PaperLineRecord = {
	text: string;
	align: Alignment;
	bold: boolean;
	width: number;
	height: number;
};

export type UnknownSequence = {offset: number; bytes: string; reason: string};

type Glyph = {character: string; columns: number};

/** How the emulator draws a raster image that is not a QR symbol it can read. */
export function imagePlaceholder(widthDots: number, height: number): string {
	return `[image ${widthDots}x${height}]`;
}

/**
 * Draws what a printer of `columns` paper columns would put on paper, as text: the same conventions
 * as renderSlipText (alignment as leading spaces in paper columns, trailing spaces dropped, `[QR: …]`,
 * `[CUT]`), so a slip's preview and its emulated print compare equal. Given a printer model it prints
 * as that printer does: its code page numbers, its Chinese mode (which some never leave), its cutter
 * (none: GS V does nothing); a raster QR symbol is read back and drawn as `[QR: …]`. Every command
 * the model lacks is listed in `unknown`.
 */
export class PaperRenderer {
	readonly lines: PaperLineRecord[] = [];
	readonly unknown: UnknownSequence[] = [];
	readonly #columns: number;
	readonly #model: PrinterModel;
	#align: Alignment = 'left';
	#bold = false;
	#width = 1;
	#height = 1;
	#chinese = false;
	#codePage = 'cp437';
	#qrData: Uint8Array = new Uint8Array(0);
	#line: Glyph[] = [];
	#lineBold = false;
	#leadByte: number | undefined;
	#offset = 0;

	constructor(columns: number, model: PrinterModel = builtInProfile(defaultProfileName)) {
		this.#columns = columns;
		this.#model = model;
		this.#chinese = model.doubleByte.startsInChineseMode;
	}

	apply(event: PrinterEvent): void {
		const offset = this.#offset;
		this.#offset += event.raw.length;
		switch (event.kind) {
			case 'init': {
				this.#align = 'left';
				this.#bold = false;
				this.#width = 1;
				this.#height = 1;
				this.#chinese = this.#model.doubleByte.startsInChineseMode;
				this.#codePage = 'cp437';
				break;
			}

			case 'align': {
				this.#align = event.alignment;
				break;
			}

			case 'bold': {
				this.#bold = event.on;
				break;
			}

			case 'size': {
				this.#width = event.width;
				this.#height = event.height;
				break;
			}

			case 'chinese': {
				this.#chineseMode(event.on, offset, event.raw);
				break;
			}

			case 'code-page': {
				this.#selectCodePage(event.number, offset, event.raw);
				break;
			}

			case 'text': {
				this.#text(event.bytes, offset);
				break;
			}

			case 'line-feed': {
				this.#flush(true);
				break;
			}

			case 'qr': {
				this.#qr(event.fn, event.parameters, offset, event.raw);
				break;
			}

			case 'cut': {
				this.#cut(offset, event.raw);
				break;
			}

			case 'raster': {
				this.#raster(event);
				break;
			}

			case 'status':
			case 'query': {
				// Answered by the server (in real time, or in sequence); nothing on paper.
				break;
			}

			case 'unknown': {
				this.#flag(offset, event.raw, event.reason);
				break;
			}
		}
	}

	/** Prints a line left unterminated at the end of the job, as a printer does when the data ends. */
	finish(): void {
		this.#flush(false);
	}

	get text(): string {
		return this.lines.map(line => line.text).join('\n');
	}

	#cut(offset: number, raw: Uint8Array): void {
		this.#flush(false);
		if (this.#model.cutter === 'none') {
			// A printer without a cutter takes GS V and does nothing with it.
			this.#flag(offset, raw, 'GS V: this printer has no cutter');
			return;
		}

		this.lines.push({text: cutMarker, align: 'left', bold: false, width: 1, height: 1});
	}

	#chineseMode(on: boolean, offset: number, raw: Uint8Array): void {
		if (on && this.#model.doubleByte.set === 'none') {
			this.#flag(offset, raw, 'FS &: this printer has no Chinese font');
		} else if (on || this.#model.doubleByte.obeysChineseModeOff) {
			// Some clones ignore FS . and stay in Chinese mode: a byte of 0x80 or above then pairs with the next.
			this.#chinese = on;
		}
	}

	#selectCodePage(number: number, offset: number, raw: Uint8Array): void {
		const page = Object.entries(this.#model.codePages).find(([, value]) => value === number)?.[0];
		if (page) {
			this.#codePage = page;
		} else {
			this.#flag(offset, raw, `ESC t ${number}: a code page this printer does not have`);
		}
	}

	#flag(offset: number, raw: Uint8Array, reason: string): void {
		this.unknown.push({
			offset,
			bytes: Buffer.from(raw).toString('hex'),
			reason,
		});
	}

	#text(bytes: Uint8Array, offset: number): void {
		for (const [index, byte] of bytes.entries()) {
			if (!this.#chinese) {
				this.#put(iconv.decode(Buffer.from([byte]), this.#codePage), 1);
				continue;
			}

			if (this.#leadByte !== undefined) {
				const pair = Buffer.from([this.#leadByte, byte]);
				this.#leadByte = undefined;
				const gb2312 = this.#model.doubleByte.set === 'gb2312';
				const valid = gb2312
					? pair[0]! >= 0xa1 && pair[0]! <= 0xf7 && byte >= 0xa1 && byte <= 0xfe
					: byte >= 0x40 && byte <= 0xfe && byte !== 0x7f;
				if (valid) {
					this.#put(iconv.decode(pair, 'gb18030'), 2);
				} else {
					// Four-byte GB18030 and broken pairs: a GBK print head has no glyph for them.
					this.#flag(offset + index - 1, pair, 'not a two-byte GB18030 character');
					this.#put('?', 1);
				}
			} else if (byte >= 0x81 && byte <= 0xfe) {
				this.#leadByte = byte;
			} else if (byte < 0x80) {
				this.#put(String.fromCodePoint(byte), 1);
			} else {
				this.#flag(offset + index, Uint8Array.from([byte]), 'byte 0x80 or 0xff in Chinese mode');
				this.#put('?', 1);
			}
		}
	}

	#put(character: string, columns: number): void {
		const used = this.#line.reduce((sum, glyph) => sum + glyph.columns, 0);
		const width = columns * this.#width;
		if (used + width > this.#columns) {
			// A printer wraps a line that overruns the paper.
			this.#flush(true);
		}

		if (this.#line.length === 0) {
			this.#lineBold = this.#bold;
		}

		this.#line.push({character, columns: width});
	}

	#flush(evenIfEmpty: boolean): void {
		if (this.#line.length === 0 && !evenIfEmpty) {
			return;
		}

		const used = this.#line.reduce((sum, glyph) => sum + glyph.columns, 0);
		const body = this.#line.map(glyph => glyph.character).join('');
		const padding = alignmentPadding(this.#align, used, this.#columns);
		this.lines.push({
			text: (' '.repeat(padding) + body).trimEnd(),
			align: this.#align,
			bold: this.#lineBold || this.#bold,
			width: this.#width,
			height: this.#height,
		});
		this.#line = [];
		this.#lineBold = false;
	}

	#raster(event: Extract<PrinterEvent, {kind: 'raster'}>): void {
		this.#flush(false);
		const widthDots = event.widthBytes * 8;
		if (widthDots > this.#model.paper.dots) {
			this.#flag(
				this.#offset - event.raw.length,
				event.raw.subarray(0, 8),
				`GS v 0 wider than the ${this.#model.paper.dots}-dot head`,
			);
		}

		const data = readRasterQr(event);
		const placeholder =
			data === undefined
				? imagePlaceholder(widthDots, event.height)
				: qrPlaceholder(iconv.decode(Buffer.from(data), this.#chinese ? 'gb18030' : this.#codePage));
		this.lines.push({
			text:
				' '.repeat(alignmentPadding(this.#align, this.#placeholderColumns(placeholder), this.#columns)) + placeholder,
			align: this.#align,
			bold: false,
			width: 1,
			height: 1,
		});
	}

	#placeholderColumns(placeholder: string): number {
		return [...placeholder].reduce(
			(sum, character) => sum + (this.#chinese && (character.codePointAt(0) ?? 0) >= 0x80 ? 2 : 1),
			0,
		);
	}

	#qr(fn: number, parameters: Uint8Array, offset: number, raw: Uint8Array): void {
		switch (fn) {
			case 0x41: // Model
			case 0x43: // Module size
			case 0x45: {
				// Error correction level
				break;
			}

			case 0x50: {
				this.#qrData = parameters.subarray(1);
				break;
			}

			case 0x51: {
				this.#flush(false);
				const data = iconv.decode(Buffer.from(this.#qrData), this.#chinese ? 'gb18030' : this.#codePage);
				const placeholder = qrPlaceholder(data);
				const columns = this.#placeholderColumns(placeholder);
				this.lines.push({
					text: ' '.repeat(alignmentPadding(this.#align, columns, this.#columns)) + placeholder,
					align: this.#align,
					bold: false,
					width: 1,
					height: 1,
				});
				break;
			}

			default: {
				this.#flag(offset, raw, `GS ( k QR function ${fn}`);
			}
		}
	}
}
