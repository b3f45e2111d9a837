import React from 'react';
import {displayWidth, padEndToWidth, truncateToWidth} from '../../domain/display-width.js';
import {freeText} from '../../domain/display-text.js';
import {formatDateTime} from '../../domain/time-format.js';
import type {Language} from '../../i18n/language.js';
import type {Messages} from '../../i18n/messages.js';
import {unconfirmedTextFor} from '../../i18n/unconfirmed-text.js';
import {printFailureText} from '../../i18n/print-failure-text.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {PrinterState} from '../hooks/use-printer-status.js';
import {cutAtWord} from '../fit-text.js';
import {Text} from './Text.js';

type Props = {
	readonly messages: Messages;
	readonly columns: number;
	readonly operator?: Authenticated;
	readonly batchNo?: string;
	readonly printer: PrinterState;
	/** Slips not printed, the unconfirmed ones among them. */
	readonly waiting: number;
	readonly unconfirmed?: number;
	readonly language?: Language;
	/** "1 void in doubt", when there is one. */
	readonly inDoubt?: string;
	readonly time: number;
	readonly timeZone: string;
	readonly isDemo: boolean;
};

export function printerText(printer: PrinterState, messages: Messages): string {
	switch (printer.state) {
		case 'checking': {
			return messages.status.printer('checking');
		}

		case 'ready': {
			return messages.status.printer(printer.paperNearEnd ? 'near-end' : 'ready');
		}

		case 'problem': {
			return messages.status.printer('problem', printFailureText(messages, printer.failure).message);
		}
	}
}

/**
 * The parts joined by ` │ ` that fit in `room`; when one does not, it is cut at a word and ends in `…`,
 * so a cut bar says so and never cuts a number in half.
 */
export function fitParts(parts: readonly string[], room: number): string {
	const whole = parts.join(' │ ');
	if (displayWidth(whole) <= room) {
		return whole;
	}

	return cutAtWord(whole, room) || truncateToWidth(whole, room);
}

/** One line, inverse: who is signed in, the batch, the printer, slips waiting, the clock. */
export function StatusBar({
	messages,
	columns,
	operator,
	batchNo,
	printer,
	waiting,
	unconfirmed = 0,
	language = 'en',
	inDoubt,
	time,
	timeZone,
	isDemo,
}: Props): React.JSX.Element {
	const parts = [
		isDemo ? messages.status.demo : undefined,
		operator ? messages.status.operator(operator.operatorNo, freeText(operator.name)) : undefined,
		operator ? messages.status.batch(batchNo) : undefined,
		operator ? messages.status.waiting(waiting - unconfirmed) : undefined,
		operator && unconfirmed > 0 ? unconfirmedTextFor(language).count(unconfirmed) : undefined,
		operator ? inDoubt : undefined,
		// Last: a printer problem can be long, and the bar is cut at the right edge.
		printerText(printer, messages),
	].filter(part => part !== undefined);
	const clock = formatDateTime(time, timeZone).slice(11, 16);
	const room = Math.max(0, columns - displayWidth(clock) - 1);
	const left = fitParts(parts, room);
	const problem = printer.state === 'problem' || waiting > 0 || inDoubt !== undefined;
	return (
		<Text inverse wrap="truncate" color={problem ? 'yellow' : undefined}>
			{padEndToWidth(left, room)} {clock}
		</Text>
	);
}
