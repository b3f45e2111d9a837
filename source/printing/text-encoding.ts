import {createRequire} from 'node:module';
import type Iconv from 'iconv-lite';
import {stripControl} from '../domain/display-text.js';
import type {PrinterProfile} from '../config.js';

export type PrinterEncoding = PrinterProfile['encoding'];

export type EncodedText = {bytes: Uint8Array; unencodable: string[]};
export type PrintableText = {text: string; unencodable: string[]};

const replacement = '?';

const requireModule = createRequire(import.meta.url);
let iconvModule: typeof Iconv | undefined;

/** Iconv-lite, loaded on the first character that needs it: the console's start-up does not print, so it does not pay for it. */
function iconv(): typeof Iconv {
	iconvModule ??= requireModule('iconv-lite') as typeof Iconv;
	return iconvModule;
}

/** GB18030 two-byte form: lead 0x81-0xFE, trail 0x40-0xFE without 0x7F. Four-byte forms are not printed by GB2312/GBK heads. */
function isTwoByteGb(bytes: Uint8Array): boolean {
	const [lead = 0, trail = 0] = bytes;
	return bytes.length === 2 && lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f;
}

const characterCache = new Map<PrinterEncoding, Map<string, Uint8Array | undefined>>();

/** The bytes one character takes on the printer, or undefined when the printer cannot print it. */
function encodeCharacter(character: string, encoding: PrinterEncoding): Uint8Array | undefined {
	let cache = characterCache.get(encoding);
	if (!cache) {
		cache = new Map();
		characterCache.set(encoding, cache);
	}

	if (cache.has(character)) {
		return cache.get(character);
	}

	let result: Uint8Array | undefined;
	const code = character.codePointAt(0) ?? 0;
	if (character === '\n' || (code >= 0x20 && code < 0x7f)) {
		result = Buffer.from([code]);
	} else if (code >= 0x80) {
		const bytes = iconv().encode(character, encoding);
		if (encoding === 'gb18030') {
			result = isTwoByteGb(bytes) ? bytes : undefined;
		} else {
			// Iconv-lite writes '?' for what the page lacks; a round trip also rules out any best-fit glyph.
			const [byte = 0] = bytes;
			result = bytes.length === 1 && byte >= 0x80 && iconv().decode(bytes, encoding) === character ? bytes : undefined;
		}
	}

	cache.set(character, result);
	return result;
}

/**
 * The text exactly as this printer will print it: control bytes removed, the yen sign in the form the
 * printer holds (full-width ￥ in GB18030, ¥ on Western code pages), and every character the printer
 * cannot print replaced by `?` and reported once.
 */
export function printableText(text: string, encoding: PrinterEncoding): PrintableText {
	const stripped = stripControl(text);
	const yen =
		encoding === 'gb18030' ? stripped.replaceAll('\u00A5', '\uFFE5') : stripped.replaceAll('\uFFE5', '\u00A5');
	let result = '';
	const unencodable: string[] = [];
	for (const character of yen) {
		if (encodeCharacter(character, encoding) === undefined) {
			result += replacement;
			if (!unencodable.includes(character)) {
				unencodable.push(character);
			}
		} else {
			result += character;
		}
	}

	return {text: result, unencodable};
}

/** Printer bytes for text: GB18030 two-byte characters in Chinese mode, or one byte per character on a code page. */
export function encodeText(text: string, encoding: PrinterEncoding): EncodedText {
	const printable = printableText(text, encoding);
	const parts: Uint8Array[] = [];
	for (const character of printable.text) {
		// PrintableText left only encodable characters.
		parts.push(encodeCharacter(character, encoding)!);
	}

	return {bytes: Buffer.concat(parts), unencodable: printable.unencodable};
}

/**
 * Columns a printable character takes on paper: in Chinese mode every two-byte character is a
 * full-width glyph (even `·` or `é`, which a terminal draws narrow); on a code page every byte is one column.
 */
export function printerWidth(text: string, encoding: PrinterEncoding): number {
	if (encoding !== 'gb18030') {
		return [...text].length;
	}

	let width = 0;
	for (const character of text) {
		width += (character.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
	}

	return width;
}
