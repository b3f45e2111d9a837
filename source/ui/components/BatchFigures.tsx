import {Box} from 'ink';
import React from 'react';
import {figureCells, type BatchSummary} from '../../domain/batch-summary.js';
import {displayWidth, padEndToWidth, padStartToWidth} from '../../domain/display-width.js';
import {formatScreen} from '../../domain/money.js';
import type {Messages} from '../../i18n/messages.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {Text} from './Text.js';

/**
 * The batch figures as lines of text: a header, one row per channel, the total, and the net. Columns
 * are as wide as their widest cell in display columns (a Chinese character takes two), names on the
 * left, numbers on the right.
 */
/** The columns given up first when the table is wider than the window: the fees, then the counts. Never an amount column. */
const droppedFirst = [6, 5, 3, 1];

export function figureLines(summary: BatchSummary, messages: Messages, columns = Number.POSITIVE_INFINITY): string[] {
	const {columns: titles, total, net} = messages.figures;
	const header = [
		titles.channel,
		titles.sales,
		titles.salesAmount,
		titles.voids,
		titles.voidsAmount,
		titles.fees,
		titles.feesBack,
	];
	const rows = [
		...summary.channels.map(row => [messages.channel[row.channel], ...figureCells(row)]),
		[total, ...figureCells(summary.total)],
	];
	const widths = header.map((title, index) =>
		Math.max(displayWidth(title), ...rows.map(row => displayWidth(row[index] ?? ''))),
	);
	const shown = new Set(header.keys());
	const tableWidth = () => [...shown].reduce((sum, index) => sum + (widths[index] ?? 0), 0) + 2 * (shown.size - 1);
	for (const index of droppedFirst) {
		if (tableWidth() <= columns) {
			break;
		}

		shown.delete(index);
	}

	const line = (row: string[]) =>
		row
			.map((cell, index) =>
				index === 0 ? padEndToWidth(cell, widths[index] ?? 0) : padStartToWidth(cell, widths[index] ?? 0),
			)
			.filter((_cell, index) => shown.has(index))
			.join('  ');
	return [
		line(header),
		...rows.map(row => line(row)),
		net(summary.netCount, formatScreen(summary.netAmount), formatScreen(summary.netFees)),
	];
}

/** The figures table: header underlined, the total and the net in bold. */
export function BatchFigures({
	summary,
	messages,
}: {
	readonly summary: BatchSummary;
	readonly messages: Messages;
}): React.JSX.Element {
	const {columns} = useTerminalSize();
	const lines = figureLines(summary, messages, columns);
	const totalIndex = lines.length - 2;
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text
					// eslint-disable-next-line react/no-array-index-key -- a table line has no identity but its place
					key={index}
					// The net line is a sentence: it wraps rather than lose its figures.
					wrap={index === lines.length - 1 ? 'wrap' : 'truncate'}
					underline={index === 0}
					bold={index >= totalIndex}
				>
					{line}
				</Text>
			))}
		</Box>
	);
}
