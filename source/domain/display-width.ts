import stringWidth from 'string-width';

/** Columns a string takes on a terminal or a receipt: a Chinese character takes two. */
export function displayWidth(text: string): number {
	return stringWidth(text);
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
