import {Box} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import {formatDateTime} from '../../domain/time-format.js';
import type {Messages} from '../../i18n/messages.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {PrinterFailure} from '../../services/print-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import {printShiftReport, shiftReport} from '../../services/settlement-service.js';
import {BatchFigures} from '../components/BatchFigures.js';
import {PrintFailureLines} from '../components/PrintOutcome.js';
import type {PrinterPoll} from '../hooks/use-printer-status.js';
import {layer, useKeys} from '../keyboard.js';
import {actionFor} from '../keymap.js';
import {Text} from '../components/Text.js';

type Props = {
	readonly context: ServiceContext;
	readonly messages: Messages;
	readonly session: Authenticated;
	readonly printer: PrinterPoll;
};

type PrintState = {state: 'printing'} | {state: 'printed'} | {state: 'failed'; failure: PrinterFailure};

/**
 * The shift summary (X report), key `x`: the open batch's figures as they are now, without closing it.
 * `p` prints it; it is a look at the figures, not a record, so a failed print is simply tried again.
 */
export function ShiftReportScreen({context, messages, session, printer}: Props): React.JSX.Element {
	const text = messages.shiftReport;
	// Read once when the screen opens: the figures stay still while they are read or printed.
	const report = useMemo(
		() => ({...shiftReport(context, session.operatorNo), takenAt: context.now()}),
		[context, session.operatorNo],
	);
	const [printing, setPrinting] = useState<PrintState | undefined>();
	const mounted = useRef(true);
	useEffect(
		() => () => {
			mounted.current = false;
		},
		[],
	);

	const print = async () => {
		setPrinting({state: 'printing'});
		printer.setPrinting(true);
		try {
			const result = await printShiftReport(context, session.operatorNo);
			if (mounted.current) {
				setPrinting(result.ok ? {state: 'printed'} : {state: 'failed', failure: result.failure});
			}

			if (result.ok) {
				printer.report({ready: true, paperNearEnd: false});
			}
		} finally {
			printer.setPrinting(false);
		}
	};

	useKeys(layer.screen, (input, key) => {
		const action = actionFor(['report'], input, key);
		if (printing?.state === 'printing') {
			// While it prints, only Esc and Ctrl+C leave; nothing else starts.
			return action !== 'back' && action !== 'interrupt';
		}

		if (action === 'printReport') {
			void print();
			return true;
		}

		return false;
	});

	const {batch, summary, takenAt} = report;
	const {timeZone} = context.config;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{text.title(batch.batchNo)}
			</Text>
			<Text wrap="truncate">
				{text.taken(formatDateTime(takenAt, timeZone), formatDateTime(batch.openedAt, timeZone))}
			</Text>
			<BatchFigures summary={summary} messages={messages} />
			<Text dimColor wrap="truncate">
				{text.hint}
			</Text>
			{printing?.state === 'printing' ? (
				<Text color="cyan" wrap="truncate">
					{text.printing}
				</Text>
			) : null}
			{printing?.state === 'printed' ? (
				<Text color="green" wrap="truncate">
					{text.printed}
				</Text>
			) : null}
			{printing?.state === 'failed' ? (
				<PrintFailureLines failure={printing.failure} failures={messages.printFailure} texts={text} />
			) : null}
		</Box>
	);
}
