import {maskCardNumbers} from '../domain/card-mask.js';
import {freeText, singleLine} from '../domain/display-text.js';
import {isValidWallClock, zonedEpoch} from '../domain/local-time.js';
import {type Fen, parseMoney} from '../domain/money.js';

/**
 * Splits one CSV record into fields: commas, "quoted fields" with "" for a quote. Returns undefined when a
 * quoted field is still open at the end of the text (it goes on on the next line).
 */
export function splitCsv(text: string, separator = ','): string[] | undefined {
	if (!text.includes('"')) {
		return text.split(separator);
	}

	const fields: string[] = [];
	let field = '';
	let quoted = false;
	let start = true;
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (quoted) {
			if (character === '"') {
				if (text[index + 1] === '"') {
					field += '"';
					index++;
				} else {
					quoted = false;
				}
			} else {
				field += character;
			}
		} else if (character === separator) {
			fields.push(field);
			field = '';
			start = true;
			continue;
		} else if (character === '"' && (start || /^[\s`]*$/.test(field))) {
			quoted = true;
		} else {
			field += character;
		}

		start = false;
	}

	if (quoted) {
		return undefined;
	}

	fields.push(field);
	return fields;
}

/**
 * A field as the bill wrote it, made plain: the tab and space padding Alipay adds, WeChat Pay's leading
 * backtick (it keeps spreadsheets from reading numbers as floats), and every control byte, removed.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;

export function plainField(raw: string): string {
	let text = raw.trim();
	if (text.startsWith('`')) {
		text = text.slice(1).trim();
	}

	return controlCharacter.test(text) ? singleLine(text).trim() : text;
}

/** Name of a column as the header writes it, compared without width or padding: `订单金额(元)` = `订单金额（元）`. */
export function columnKey(raw: string): string {
	return plainField(raw).normalize('NFKC').replaceAll(/\s/g, '');
}

// Digits of any script with anything but letters and digits between them, as domain/card-mask.ts reads a run;
// no character stands for more than three digits, so fewer than 5 characters cannot hold 13.
const digitRun = /\p{N}(?:[^\p{L}\p{N}]*\p{N})*/gu;

const asciiDigitRun = /\d(?:[^A-Za-z\d]*\d)*/g;
const printableAscii = /^[\u0020-\u007E]*$/;

function asciiDigits(run: string): string {
	return run.normalize('NFKC').replaceAll(/\D/g, '');
}

/** The Luhn check every payment card number passes (ISO/IEC 7812). */
export function passesLuhn(digits: string): boolean {
	let sum = 0;
	let double = false;
	for (let index = digits.length - 1; index >= 0; index--) {
		let digit = digits.codePointAt(index)! - 48;
		if (double) {
			digit *= 2;
			if (digit > 9) {
				digit -= 9;
			}
		}

		sum += digit;
		double = !double;
	}

	return sum % 10 === 0;
}

/**
 * An identifier (order, refund, merchant, terminal number): kept as written, except that a run of 13 to
 * 19 digits passing the Luhn check could be a card number and is masked to first 6 and last 4. A
 * platform's 28-digit order number is never touched; a 16-digit merchant order number that happens to
 * pass the check (one in ten) is masked, which costs a search by it, never a card number.
 */
export function identifier(raw: string): string {
	const text = plainField(raw).replaceAll(/[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '');
	if (text.length < 5) {
		return text;
	}

	// Most identifiers are printable ASCII: the same runs, found without Unicode classes or NFKC.
	const ascii = printableAscii.test(text);
	if (ascii && text.replaceAll(/\D/g, '').length < 13) {
		return text;
	}

	return text.replaceAll(ascii ? asciiDigitRun : digitRun, run => {
		const digits = ascii ? run.replaceAll(/\D/g, '') : asciiDigits(run);
		if (digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) {
			return run;
		}

		return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
	});
}

/** A value as a message may quote it: one line, every card number masked, not too long. */
export function quoted(raw: string): string {
	const text = freeText(raw);
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export type Parsed<T> = {ok: true; value: T} | {ok: false; reason: string};

/** Yuan with up to two decimals, signed (refund rows and fees are often negative), as fen. */
export function signedFen(label: string, raw: string): Parsed<Fen> {
	const text = plainField(raw).replaceAll(/^[¥￥]/g, '');
	const negative = text.startsWith('-');
	const parsed = parseMoney(negative || text.startsWith('+') ? text.slice(1) : text);
	if (!parsed.ok) {
		return {ok: false, reason: maskCardNumbers(parsed.message.replace(/^amount/, label))};
	}

	return {ok: true, value: negative && parsed.fen !== 0 ? -parsed.fen : parsed.fen};
}

/** A total a file states about itself: yuan with up to two decimals, signed, with no upper bound (a day's total can pass one sale's largest amount). */
export function totalFen(raw: string): number {
	const text = plainField(raw);
	const match = /^(?<sign>[-+]?)(?<yuan>\d+)(?:\.(?<fraction>\d{1,2}))?$/.exec(text)?.groups;
	if (!match) {
		return Number.NaN;
	}

	const fen = Number(match['yuan']) * 100 + Number((match['fraction'] ?? '').padEnd(2, '0'));
	return match['sign'] === '-' ? -fen : fen;
}

/** A fee or other optional amount: an empty field is 0.00. */
export function optionalFen(label: string, raw: string): Parsed<Fen> {
	return plainField(raw) === '' ? {ok: true, value: 0} : signedFen(label, raw);
}

const wallClockPattern =
	/^(?<year>\d{4})[-/.]?(?<month>\d{1,2})[-/.]?(?<day>\d{1,2})(?:[ T]+|(?=\d{6}$))(?<hour>\d{1,2}):?(?<minute>\d{2}):?(?<second>\d{2})$/;

const dateShaped = /^\d{4}(?:[-/.]\d{1,2}){2} \d{1,2}(?::\d{2}){1,2}$/;

/** A bill's local date and time (`2026-11-25 10:03:27`, `2026/11/25 10:03:27`, `20261125100327`) in the counter's zone. */
export function localTime(label: string, raw: string, timeZone: string): Parsed<number> {
	const text = plainField(raw);
	const groups = wallClockPattern.exec(text)?.groups;
	const clock = groups && {
		year: Number(groups['year']),
		month: Number(groups['month']),
		day: Number(groups['day']),
		hour: Number(groups['hour']),
		minute: Number(groups['minute']),
		second: Number(groups['second']),
	};
	if (!clock || !isValidWallClock(clock)) {
		return {
			ok: false,
			// A date's 14 digits would read as a card number to the masking; a date-shaped value is shown whole.
			reason: `${label} "${dateShaped.test(text) ? text : quoted(text)}" is not a date and time like 2026-11-25 10:03:27`,
		};
	}

	return {ok: true, value: zonedEpoch(clock, timeZone)};
}
