import {Box} from 'ink';
import React, {useContext} from 'react';
import {stripControl} from '../../domain/display-text.js';
import {truncateToWidth} from '../../domain/display-width.js';
import type {Messages} from '../../i18n/messages.js';
import {printFailureText} from '../../i18n/print-failure-text.js';
import {unconfirmedTextFor} from '../../i18n/unconfirmed-text.js';
import {ConsoleContext} from '../console-context.js';
import type {PrintFailureKind, PrintProgress, PrintResult} from '../../services/print-service.js';
import {Text} from './Text.js';

export type PrintOutcomeTexts = {
	printing: Record<PrintProgress | 'claiming', string>;
	printed: string;
	notPrinted: (message: string) => string;
	retryHint: string;
	backHint: string;
	preview: string;
};

type Props = {
	/** What was done before the print (settled, reprint queued), one line above the print's state. */
	readonly headline?: string;
	readonly printStep?: PrintProgress | 'claiming';
	readonly print?: PrintResult;
	readonly texts: PrintOutcomeTexts;
	/** What each failure means and what to do about it. */
	readonly failures: Messages['printFailure'];
	readonly previewTop: number;
	readonly height: number;
	readonly columns: number;
};

/** The preview of a printed (or waiting) job, one string per line, control characters removed. */
export function previewLines(print: PrintResult | undefined): string[] {
	return print ? stripControl(print.preview).split('\n') : [];
}

/** Lines above the preview: the headline, the print's state (three when it failed), the preview rule. */
export function outcomeHeaderLines(print: PrintResult | undefined, hasHeadline: boolean): number {
	return (hasHeadline ? 1 : 0) + (print?.ok === false ? 3 : 1) + 1;
}

/** Rows the preview may use in a body of `height` lines. */
export function previewHeight(print: PrintResult | undefined, hasHeadline: boolean, height: number): number {
	return Math.max(1, height - outcomeHeaderLines(print, hasHeadline));
}

/** Why a print failed, what to do, and the retry key: three lines (outcomeHeaderLines counts them). */
export function PrintFailureLines({
	failure,
	failures,
	texts,
}: {
	readonly failure: {kind: PrintFailureKind};
	readonly failures: Messages['printFailure'];
	readonly texts: Pick<PrintOutcomeTexts, 'notPrinted' | 'retryHint'>;
}): React.JSX.Element {
	const {message, advice} = printFailureText({printFailure: failures}, failure);
	return (
		<>
			<Text bold color="red" wrap="truncate">
				{texts.notPrinted(message)}
			</Text>
			<Text wrap="truncate">{advice}</Text>
			<Text color="yellow" wrap="truncate">
				{texts.retryHint}
			</Text>
		</>
	);
}

/**
 * A job being printed with its live step, then the result: printed; sent to a printer that cannot
 * confirm it, with the clerk's question (y/n); or the printer's problem with its advice and the retry
 * key. Then the preview windowed to the height it is given.
 */
export function PrintOutcome({
	headline,
	printStep,
	print,
	texts,
	failures,
	previewTop,
	height,
	columns,
}: Props): React.JSX.Element {
	const language = useContext(ConsoleContext)?.language ?? 'en';
	const head = headline ? (
		<Text bold color="green" wrap="truncate">
			{headline}
		</Text>
	) : undefined;
	if (!print) {
		return (
			<Box flexDirection="column">
				{head}
				<Text color="cyan" wrap="truncate">
					{texts.printing[printStep ?? 'claiming']}
				</Text>
			</Box>
		);
	}

	const rows = previewHeight(print, headline !== undefined, height);
	const shown = previewLines(print).slice(previewTop, previewTop + rows);
	return (
		<Box flexDirection="column">
			{head}
			{print.ok && !print.confirmed ? (
				<Text bold color="yellow" wrap="truncate">
					{unconfirmedTextFor(language).prompt}
				</Text>
			) : print.ok ? (
				<Text color="green" wrap="truncate">
					{texts.printed}
				</Text>
			) : (
				<PrintFailureLines failure={print.failure} failures={failures} texts={texts} />
			)}
			<Text dimColor wrap="truncate">
				{truncateToWidth(`── ${texts.preview} (↑↓) ── ${texts.backHint}`, columns)}
			</Text>
			{shown.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- a preview line has no identity but its place
				<Text key={index} wrap="truncate">
					{line === '' ? ' ' : line}
				</Text>
			))}
		</Box>
	);
}
