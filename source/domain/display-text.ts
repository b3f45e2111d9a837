import {maskCardNumbers} from './card-mask.js';

// C0 controls except line feed, DEL and the C1 range. ESC, DLE, GS and FS are C0.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * Characters that change how the text around them is drawn without being seen: bidi embeddings,
 * overrides and isolates (U+202A–202E, U+2066–2069, U+061C), zero-width spaces, joiners and marks
 * (U+200B–200F, U+2060, U+FEFF).
 */
const invisibleCharacters = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Unicode's line and paragraph separators: some line splitters (JavaScript's among them) break lines there. */
const lineSeparators = /[\u2028\u2029]/g;

/** Removes control characters so that no field from the database can drive a terminal or a printer. Keeps line feeds. */
export function stripControl(text: string): string {
	return text.replaceAll(controlCharacters, '');
}

/** Removes control characters and line feeds: for single-line fields such as names. */
export function singleLine(text: string): string {
	return stripControl(text).replaceAll('\n', ' ');
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const terminalControls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * What may reach a terminal: no control character but line feed and tab (so no escape sequence,
 * no OSC 52 clipboard write, no bell, no C1 CSI), and nothing that reorders or hides text.
 * Every line posvoid writes to a terminal passes through this, whatever it quotes.
 */
export function terminalText(text: string): string {
	return text.replaceAll(terminalControls, '').replaceAll(invisibleCharacters, '').replaceAll(lineSeparators, ' ');
}

/**
 * Free text a person typed or a file supplied (a void reason, an operator's or the merchant's name):
 * one line, nothing invisible, every card number masked, trimmed, then cut to `maxLength`
 * characters. Masking comes before the cut, so a cut never leaves part of a card number readable.
 */
export function freeText(text: string, maxLength = Number.POSITIVE_INFINITY): string {
	const oneLine = singleLine(text).replaceAll(lineSeparators, ' ').replaceAll(invisibleCharacters, '');
	const characters = [...maskCardNumbers(oneLine).trim()];
	return characters.length > maxLength ? characters.slice(0, maxLength).join('').trimEnd() : characters.join('');
}
