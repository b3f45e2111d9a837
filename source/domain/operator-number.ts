import {freeText} from './display-text.js';

/** An operator number is 2 to 4 ASCII digits (`01`, `0007`): nothing else is stored, audited or shown as one. */
export function isOperatorNo(text: string): boolean {
	return /^\d{2,4}$/.test(text);
}

/** What to tell the person who gave `text` as an operator number, quoting it safely (shortened, card numbers masked). */
export function operatorNoProblem(text: string, label = 'operator number'): string {
	return `${label} "${freeText(text, 20)}" must be 2 to 4 digits, such as 01`;
}
