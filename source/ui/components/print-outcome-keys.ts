import type {PrintResult} from '../../services/print-service.js';
import type {KeyRegistration} from '../keyboard.js';
import type {KeyAction} from '../keymap.js';
import {previewLines} from './PrintOutcome.js';

type Options = {
	readonly name: string;
	readonly print: PrintResult | undefined;
	/** Rows the slip preview has on screen. */
	readonly previewRows: number;
	readonly scroll: (by: number, lines: number, height: number) => void;
	readonly retryPrint: () => void;
	/** The clerk's answer after a print the printer could not confirm: did the slip come out? */
	readonly answerSlip?: (cameOut: boolean) => void;
	/** Enter or Esc: the result has been read. */
	readonly onDone: () => void;
};

/**
 * The keys of a print's result, for every screen that prints (the void, the settlement): scroll the
 * preview while it is longer than its window, r while the print failed, y or n while a slip sent to a
 * printer that cannot confirm it waits for the clerk's answer, Enter or Esc to leave.
 */
export function printOutcomeKeys({
	name,
	print,
	previewRows,
	scroll,
	retryPrint,
	answerSlip,
	onDone,
}: Options): KeyRegistration {
	const unconfirmed = print?.ok === true && !print.confirmed && answerSlip !== undefined;
	const lines = previewLines(print).length;
	const scrollBy: Partial<Record<KeyAction, number>> = {
		up: -1,
		down: 1,
		pageUp: -previewRows,
		pageDown: previewRows,
	};
	const handles = (action: KeyAction): boolean =>
		action === 'done' || action === 'back'
			? true
			: action === 'retry'
				? print?.ok === false
				: action === 'slipCameOut' || action === 'slipMissing'
					? unconfirmed
					: scrollBy[action] !== undefined && lines > previewRows;

	return {
		name,
		places: ['result', 'anywhere'],
		handles: action => action !== 'help' && action !== 'interrupt' && handles(action),
		onKey(action) {
			if (action === undefined || !handles(action)) {
				return false;
			}

			if (action === 'slipCameOut' || action === 'slipMissing') {
				answerSlip?.(action === 'slipCameOut');
				return true;
			}

			if (action === 'done' || action === 'back') {
				onDone();
			} else if (action === 'retry') {
				retryPrint();
			} else {
				scroll(scrollBy[action] ?? 0, lines, previewRows);
			}

			return true;
		},
	};
}
