import {displayWidth, truncateToWidth} from '../domain/display-width.js';

/**
 * Text cut to `columns` at a word boundary, with ` …` when something was left out: a word, a number
 * or an amount is shown whole or not at all.
 */
export function cutAtWord(text: string, columns: number): string {
	if (displayWidth(text) <= columns) {
		return text;
	}

	const room = truncateToWidth(text, Math.max(0, columns - 2));
	const space = room.lastIndexOf(' ');
	const whole = (space === -1 ? '' : room.slice(0, space)).trimEnd();
	return whole === '' ? '' : `${whole} …`;
}

/** The `·`-separated hints that fit in `columns`, whole ones only, in order; text without a hint that fits comes back as it is. */
export function fitSegments(text: string, columns: number, separator = ' · '): string {
	let fitted = '';
	for (const segment of text.split(separator)) {
		const next = fitted === '' ? segment : `${fitted}${separator}${segment}`;
		if (displayWidth(next) > columns) {
			break;
		}

		fitted = next;
	}

	return fitted === '' ? text : fitted;
}
