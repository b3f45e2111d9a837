import {singleLine} from '../domain/display-text.js';
import {storedFailureKind, type PrintFailureKind} from '../domain/print-failure.js';
import type {Advice, Messages} from './messages.js';

/** What to tell the person at the screen about a failed print, and what to do about it. */
export function printFailureText(messages: Pick<Messages, 'printFailure'>, failure: {kind: PrintFailureKind}): Advice {
	return messages.printFailure[failure.kind];
}

/** A failure kept with a print job, told in the clerk's language when its kind is known; otherwise as kept, on one line. */
export function storedFailureText(messages: Pick<Messages, 'printFailure'>, stored: string | undefined): string {
	if (stored === undefined) {
		return '';
	}

	const kind = storedFailureKind(stored);
	return kind === undefined ? singleLine(stored) : messages.printFailure[kind].message;
}
