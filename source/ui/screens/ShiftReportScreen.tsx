import {Box} from 'ink';
import React, {useContext, useState} from 'react';
import {formatDateTime} from '../../domain/time-format.js';
import type {Messages} from '../../i18n/messages.js';
import {unconfirmedTextFor} from '../../i18n/unconfirmed-text.js';
import {ConsoleContext} from '../console-context.js';
import {reconcileText} from '../../i18n/reconcile-text.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {PrinterFailure} from '../../services/print-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import {printShiftReport} from '../../services/settlement-service.js';
import type {ShiftReportView} from '../hooks/screen-data.js';
import {BatchFigures} from '../components/BatchFigures.js';
import {PrintFailureLines} from '../components/PrintOutcome.js';
import type {PrinterPoll} from '../hooks/use-printer-status.js';
import {useMounted, usePrintTracking} from '../hooks/use-print-tracking.js';
import {layer, useKeys} from '../keyboard.js';
import {Text} from '../components/Text.js';

type Props = {
	readonly context: ServiceContext;
	/** Read as the summary opened (hooks/screen-data.ts): the figures stay still while read or printed. */
	readonly report: ShiftReportView;
	readonly messages: Messages;
	readonly session: Authenticated;
	readonly printer: PrinterPoll;
	/** After a print: the status bar's figures are read again. */
	readonly onChanged: () => void;
};

type PrintState =
	{state: 'printing'} | {state: 'printed'} | {state: 'unconfirmed'} | {state: 'failed'; failure: PrinterFailure};

/**
 * The shift summary (X report), key `x`: the open batch's figures as they are now, without closing it.
 * `p` prints it; it is a look at the figures, not a record, so a failed print is simply tried again.
 */
export function ShiftReportScreen({context, report, messages, session, printer, onChanged}: Props): React.JSX.Element {
	const text = messages.shiftReport;
	const language = useContext(ConsoleContext)?.language ?? 'en';
	const [printing, setPrinting] = useState<PrintState | undefined>();
	const mounted = useMounted();
	const track = usePrintTracking(printer, onChanged);
	const print = async () => {
		setPrinting({state: 'printing'});
		const result = await track(async () => printShiftReport(context, session.operatorNo));
		if (mounted()) {
			setPrinting(
				result.ok ? {state: result.confirmed ? 'printed' : 'unconfirmed'} : {state: 'failed', failure: result.failure},
			);
		}
	};

	const isPrinting = printing?.state === 'printing';
	useKeys(layer.screen, {
		name: 'report',
		places: ['report'],
		handles: action => action === 'printReport' && !isPrinting,
		// While it prints, only Esc and Ctrl+C leave; nothing else starts.
		swallows: binding => isPrinting && binding.action !== 'back' && binding.action !== 'interrupt',
		onKey(action) {
			if (isPrinting) {
				return action !== 'back' && action !== 'interrupt';
			}

			if (action === 'printReport') {
				void print();
				return true;
			}

			return false;
		},
	});

	const {batch, summary, takenAt, lastReconciliation} = report;
	const {timeZone} = context.config;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{text.title(batch.batchNo)}
			</Text>
			<Text wrap="wrap">{text.taken(formatDateTime(takenAt, timeZone), formatDateTime(batch.openedAt, timeZone))}</Text>
			<BatchFigures summary={summary} messages={messages} />
			{lastReconciliation ? (
				<Text color={lastReconciliation.unmatched > 0 ? 'yellow' : undefined} wrap="wrap">
					{reconcileText[language].last(lastReconciliation.unmatched, formatDateTime(lastReconciliation.at, timeZone))}
				</Text>
			) : null}
			<Text dimColor wrap="wrap">
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
			{printing?.state === 'unconfirmed' ? (
				<Text bold color="yellow" wrap="truncate">
					{unconfirmedTextFor(language).reportPrompt}
				</Text>
			) : null}
			{printing?.state === 'failed' ? (
				<PrintFailureLines failure={printing.failure} failures={messages.printFailure} texts={text} />
			) : null}
		</Box>
	);
}
