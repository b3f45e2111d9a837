import {createRequire} from 'node:module';
import type Iconv from 'iconv-lite';
import {stripControl} from '../domain/display-text.js';
import type {PrinterModel, Substitution} from './printer-profile.js';

/** Single-byte pages posvoid can encode (iconv-lite holds each); a profile maps them to its own ESC t numbers. */
export const codePages = ['cp437', 'cp850', 'cp858', 'cp1252', 'cp852', 'cp866'] as const;
export type CodePage = (typeof codePages)[number];

export type ChineseSet = 'gb18030' | 'gbk' | 'gb2312';

/**
 * How text reaches the paper: a two-byte Chinese set in Chinese mode, a single-byte code page, or
 * `ascii` for a printer that stays in Chinese mode whatever it is told, where a byte ≥ 0x80 would pair
 * with the next one into a Chinese character.
 */
export type PrinterEncoding = ChineseSet | CodePage | 'ascii';

export type {Substitution} from './printer-profile.js';

export type EncodedText = {bytes: Uint8Array; unencodable: string[]; substitutions: Substitution[]};
export type PrintableText = {text: string; unencodable: string[]; substitutions: Substitution[]};

/** What stands where text had no printable form and nothing else was left: an omission mark, never a bare `?`. */
export const omitted = '(...)';

const requireModule = createRequire(import.meta.url);
let iconvModule: typeof Iconv | undefined;

/** Iconv-lite, loaded on the first character that needs it: the console's start-up does not print, so it does not pay for it. */
function iconv(): typeof Iconv {
	iconvModule ??= requireModule('iconv-lite') as typeof Iconv;
	return iconvModule;
}

export function isChineseSet(encoding: PrinterEncoding): encoding is ChineseSet {
	return encoding === 'gb18030' || encoding === 'gbk' || encoding === 'gb2312';
}

export function isCodePage(name: string): name is CodePage {
	return (codePages as readonly string[]).includes(name);
}

/**
 * The encoding a printer model's slips use: its Chinese set in Chinese mode; otherwise its code page,
 * or ASCII alone when the printer starts in Chinese mode and ignores FS . (it cannot leave it).
 */
export function encodingFor(model: PrinterModel): PrinterEncoding {
	if (model.language === 'escpos-chinese' && model.doubleByte.set !== 'none') {
		return model.doubleByte.set;
	}

	if (model.doubleByte.startsInChineseMode && !model.doubleByte.obeysChineseModeOff) {
		return 'ascii';
	}

	return isCodePage(model.codePage) ? model.codePage : 'ascii';
}

/** Two-byte GB form: lead 0x81-0xFE, trail 0x40-0xFE without 0x7F; GB2312 only 0xA1-0xF7 / 0xA1-0xFE. Four-byte forms are not printed by these heads. */
function isTwoByteGb(bytes: Uint8Array, set: ChineseSet): boolean {
	const [lead = 0, trail = 0] = bytes;
	if (bytes.length !== 2) {
		return false;
	}

	return set === 'gb2312'
		? lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe
		: lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f;
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
	} else if (code >= 0x80 && encoding !== 'ascii') {
		if (isChineseSet(encoding)) {
			const bytes = iconv().encode(character, 'gb18030');
			result = isTwoByteGb(bytes, encoding) ? bytes : undefined;
		} else {
			// Iconv-lite writes '?' for what the page lacks; a round trip also rules out any best-fit glyph.
			const bytes = iconv().encode(character, encoding);
			const [byte = 0] = bytes;
			result = bytes.length === 1 && byte >= 0x80 && iconv().decode(bytes, encoding) === character ? bytes : undefined;
		}
	}

	cache.set(character, result);
	return result;
}

function printable(text: string, encoding: PrinterEncoding): boolean {
	for (const character of text) {
		if (encodeCharacter(character, encoding) === undefined) {
			return false;
		}
	}

	return true;
}

/** Replacements a person reads as the same thing, tried in order after the character's own compatibility form. */
const reasonedSubstitutes: Record<string, string[]> = {
	'\uFFE5': ['\u00A5', 'RMB'],
	'\u00A5': ['\uFFE5', 'RMB'],
	'€': ['EUR'],
	'、': [','],
	'。': ['.'],
	'·': ['.'],
	'・': ['.'],
	'“': ['"'],
	'”': ['"'],
	'‘': ["'"],
	'’': ["'"],
	'–': ['-'],
	'—': ['-'],
	'…': ['...'],
	'×': ['x'],
	'【': ['['],
	'】': [']'],
	'《': ['<'],
	'》': ['>'],
	// Latin letters that have no decomposition to strip an accent from.
	Ł: ['L'],
	ł: ['l'],
	Đ: ['D'],
	đ: ['d'],
	Ø: ['O'],
	ø: ['o'],
	ß: ['ss'],
	Æ: ['AE'],
	æ: ['ae'],
	Œ: ['OE'],
	œ: ['oe'],
};

/** A printable stand-in for one character, or undefined when there is no reasoned one. */
function substituteFor(character: string, encoding: PrinterEncoding): string | undefined {
	const candidates = [
		...(reasonedSubstitutes[character] ?? []),
		// Full-width forms and ligatures: NFKC gives the ordinary letter, digit or sign.
		character.normalize('NFKC'),
		// Accented Latin letters lose the accent on a page that lacks them.
		character.normalize('NFD').replaceAll(/\p{M}/gu, ''),
	];
	return candidates.find(candidate => candidate !== '' && candidate !== character && printable(candidate, encoding));
}

function isWordCharacter(character: string): boolean {
	return /[\p{L}\p{N}]/u.test(character);
}

/**
 * The text exactly as this printer will print it, by the substitution policy (see the readme):
 * control bytes removed; each character the printer lacks replaced by a reasoned stand-in (￥ and ¥ for
 * each other or RMB, full-width forms by NFKC, typographic punctuation by ASCII, accents dropped);
 * words with no stand-in at all (Chinese on a Western printer) dropped when other words remain, as the
 * Chinese half of a bilingual text, or else printed as `(...)`. Every replacement is reported.
 */
export function printableText(text: string, encoding: PrinterEncoding): PrintableText {
	const stripped = stripControl(text);
	const unencodable: string[] = [];
	const substitutions: Substitution[] = [];
	const note = (from: string, to: string) => {
		if (!substitutions.some(entry => entry.from === from && entry.to === to)) {
			substitutions.push({from, to});
		}
	};

	// First pass: characters with a stand-in; `undefined` marks one with none.
	const pieces: Array<string | undefined> = [];
	const originals: string[] = [];
	for (const character of stripped) {
		originals.push(character);
		if (encodeCharacter(character, encoding) !== undefined) {
			pieces.push(character);
			continue;
		}

		if (!unencodable.includes(character)) {
			unencodable.push(character);
		}

		const substitute = substituteFor(character, encoding);
		if (substitute !== undefined) {
			note(character, substitute);
		}

		pieces.push(substitute);
	}

	if (!pieces.includes(undefined)) {
		return {text: pieces.join(''), unencodable, substitutions};
	}

	// Second pass: runs with no stand-in (spaces between them belong to the run).
	const kept = pieces.some((piece, index) => piece !== undefined && isWordCharacter(originals[index]!));
	let result = '';
	let index = 0;
	while (index < pieces.length) {
		if (pieces[index] !== undefined) {
			result += pieces[index];
			index++;
			continue;
		}

		let end = index;
		while (
			end < pieces.length &&
			(pieces[end] === undefined || (pieces[end] === ' ' && pieces[end + 1] === undefined))
		) {
			end++;
		}

		const run = originals.slice(index, end).join('').trim();
		if (kept) {
			note(run, '');
			// The space that separated the dropped words goes with them.
			if (pieces[end] === ' ' && (result === '' || result.endsWith(' '))) {
				end++;
			}
		} else {
			note(run, omitted);
			result += omitted;
		}

		index = end;
	}

	const tidy = result.replaceAll(/ {2,}/g, ' ').trim();
	return {text: tidy === '' ? omitted : tidy, unencodable, substitutions};
}

/** Printer bytes for text: two-byte characters in Chinese mode, or one byte per character on a code page. */
export function encodeText(text: string, encoding: PrinterEncoding): EncodedText {
	const result = printableText(text, encoding);
	const parts: Uint8Array[] = [];
	for (const character of result.text) {
		const bytes = encodeCharacter(character, encoding);
		if (bytes === undefined) {
			throw new Error(`printableText left ${JSON.stringify(character)}, which ${encoding} cannot print`);
		}

		parts.push(bytes);
	}

	return {bytes: Buffer.concat(parts), unencodable: result.unencodable, substitutions: result.substitutions};
}

/**
 * Columns a printable character takes on paper: in Chinese mode every two-byte character is a
 * full-width glyph (even `·` or `é`, which a terminal draws narrow); on a code page every byte is one column.
 */
export function printerWidth(text: string, encoding: PrinterEncoding): number {
	if (!isChineseSet(encoding)) {
		return [...text].length;
	}

	let width = 0;
	for (const character of text) {
		width += (character.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
	}

	return width;
}
