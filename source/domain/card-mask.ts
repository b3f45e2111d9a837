/**
 * A full card number (PAN) never reaches the store: it is masked here first.
 * Card numbers keep at most the first 6 and last 4 digits; anything else (a QR payer id) keeps its last 4.
 */
export function maskCard(raw: string): string {
	const compact = raw.replaceAll(/[\s-]/g, '');
	const run = /^\p{N}(?:[^\p{L}\p{N}]*\p{N})*$/u.test(raw.trim()) ? cardDigits(raw.trim()) : '';
	if (run.length >= 13 && run.length <= 19) {
		return maskedForm(run);
	}

	if (isAlreadyMasked(compact)) {
		return compact;
	}

	const visible = [...compact].filter(character => /[\dA-Za-z]/.test(character));
	const lastFour = visible.slice(-4).join('');
	return `****${lastFour}`;
}

/** A value that is already masked: digits, then stars, then at most four digits, with at most 10 digits visible. */
export function isAlreadyMasked(value: string): boolean {
	const match = /^(?<head>\d{0,6})\*+(?<tail>[\dA-Za-z]{0,4})$/.exec(value);
	return match !== null;
}

/**
 * A run of digits of any script (ASCII, full-width ６, Arabic-Indic ٦, superscript ⁶, circled ⑥ …) with anything
 * but letters and digits between them: spaces of every kind, dots, hyphens, slashes, zero-width characters.
 */
const digitRun = /\p{N}(?:[^\p{L}\p{N}]*\p{N})*/gu;

/** No single character stands for more than three digits (⅒ is 1⁄10), so a shorter run cannot hold 13. */
const shortestCardRun = 5;

/**
 * Masks every run of 13 or more digits in free text, whatever separates them, as a card number:
 * `pay 6228 4804-0256.4890 018 back` becomes `pay 622848*********0018 back`. Shorter runs stay as
 * they are. This is the one place that decides what a card number in text looks like; reasons,
 * names, import messages and anything else a person typed go through it before they are stored,
 * shown or printed.
 */
export function maskCardNumbers(text: string): string {
	return text.replaceAll(digitRun, run => {
		if (run.length < shortestCardRun) {
			return run;
		}

		const digits = cardDigits(run);
		return digits.length >= 13 ? maskedForm(digits) : run;
	});
}

/** Whether `text` holds anything maskCardNumbers would mask. */
export function containsCardNumber(text: string): boolean {
	return maskCardNumbers(text) !== text;
}

function maskedForm(digits: string): string {
	return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

/** The ASCII digits a run stands for. */
function cardDigits(run: string): string {
	let digits = '';
	for (const character of run) {
		if (character >= '0' && character <= '9') {
			digits += character;
		} else if (/\p{Nd}/u.test(character)) {
			digits += String(decimalValue(character.codePointAt(0) ?? 0));
		} else if (/\p{No}/u.test(character)) {
			// Superscripts, circled and parenthesised numbers: compatibility decomposition gives their digits.
			digits += character.normalize('NFKC').replaceAll(/\D/g, '');
		}
	}

	return digits;
}

const isDecimalDigit = (codePoint: number) => /\p{Nd}/u.test(String.fromCodePoint(codePoint));

/** Unicode keeps every script's decimal digits as a block of ten, 0 to 9, so the value is the place in the block. */
function decimalValue(codePoint: number): number {
	let before = 0;
	while (before < 60 && isDecimalDigit(codePoint - before - 1)) {
		before++;
	}

	return before % 10;
}
