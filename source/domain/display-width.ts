import {eastAsianWidth} from 'get-east-asian-width';
import stringWidth from 'string-width';

/**
 * Characters that are always a grapheme of their own and never an emoji, a mark, a format or
 * control character or Hangul jamo, so their width is their East Asian Width alone. A string of
 * only these needs no grapheme segmentation. Inclusive ranges, in order.
 */
const plainRanges: ReadonlyArray<readonly [number, number]> = [
	[0x20, 0x7e], // Printable ASCII
	[0xa0, 0x2_ff], // Latin-1 and Latin Extended letters and signs: ¥ · × é
	[0x20_10, 0x20_27], // Dashes, quotes, bullets: — “ ” • …
	[0x20_30, 0x20_5e], // ‰ ′ ‹ › and the like
	[0x21_90, 0x21_93], // ← ↑ → ↓ (the arrows after them are emoji)
	[0x25_00, 0x25_9f], // Box drawing and block elements
	[0x30_00, 0x30_29], // Ideographic space and CJK punctuation, up to the combining tone marks
	[0x34_00, 0x4d_bf], // CJK Extension A
	[0x4e_00, 0x9f_ff], // CJK Unified Ideographs
	[0xff_01, 0xff_60], // Full-width forms of ASCII
	[0xff_e0, 0xff_e6], // Full-width signs: ￠ ￡ ￥ (the slip's yen)
];

/** Inside those ranges but not plain: the soft hyphen (a format character), and © ® ‼ ⁉ (emoji). */
const notPlain = new Set([0xad, 0xa9, 0xae, 0x20_3c, 0x20_49]);

function isPlainCharacter(code: number): boolean {
	for (const [from, to] of plainRanges) {
		if (code < from) {
			return false;
		}

		if (code <= to) {
			return !notPlain.has(code);
		}
	}

	return false;
}

/**
 * Columns a string takes on a terminal or a receipt: a Chinese character takes two. The same answer
 * as string-width, which Ink uses; text made only of plain characters (what the console shows) is
 * measured character by character, about twenty times faster than string-width's grapheme
 * segmentation, whose first use also costs tens of milliseconds of set-up. The build gives Ink this
 * function in place of string-width (scripts/build.js).
 */
export function displayWidth(text: string): number {
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		// An astral character (a surrogate pair) is never plain, so reading UTF-16 units is enough.
		const code = text.codePointAt(index) ?? 0;
		if (code >= 0x20 && code <= 0x7e) {
			width++;
		} else if (isPlainCharacter(code)) {
			width += eastAsianWidth(code);
		} else {
			return stringWidth(text);
		}
	}

	return width;
}

/** Cuts a string to at most `columns` display columns, never splitting a wide character. */
export function truncateToWidth(text: string, columns: number): string {
	if (displayWidth(text) <= columns) {
		return text;
	}

	let result = '';
	let used = 0;
	for (const character of text) {
		const width = displayWidth(character);
		if (used + width > columns) {
			break;
		}

		result += character;
		used += width;
	}

	return result;
}

export function padEndToWidth(text: string, columns: number): string {
	const cut = truncateToWidth(text, columns);
	return cut + ' '.repeat(Math.max(0, columns - displayWidth(cut)));
}

export function padStartToWidth(text: string, columns: number): string {
	const cut = truncateToWidth(text, columns);
	return ' '.repeat(Math.max(0, columns - displayWidth(cut))) + cut;
}

/** Left text and right text on one line of `columns`, with at least one space between; the left side is cut if both do not fit. */
export function spreadToWidth(left: string, right: string, columns: number): string {
	const rightWidth = displayWidth(right);
	const leftRoom = Math.max(0, columns - rightWidth - 1);
	const leftCut = truncateToWidth(left, leftRoom);
	const gap = Math.max(1, columns - displayWidth(leftCut) - rightWidth);
	return leftCut + ' '.repeat(gap) + right;
}

/** Centres text in `columns`. */
export function centreToWidth(text: string, columns: number): string {
	const cut = truncateToWidth(text, columns);
	const left = Math.floor((columns - displayWidth(cut)) / 2);
	return ' '.repeat(left) + cut;
}
