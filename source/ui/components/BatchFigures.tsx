import {Box} from 'ink';
import React from 'react';
import {figureCells, type BatchSummary} from '../../domain/batch-summary.js';
import {displayWidth, padEndToWidth, padStartToWidth} from '../../domain/display-width.js';
import {formatScreen} from '../../domain/money.js';
import type {Messages} from '../../i18n/messages.js';
import {Text} from './Text.js';

/**
 * The batch figures as lines of text: a header, one row per channel, the total, and the net. Columns
 * are as wide as their widest cell in display columns (a Chinese character takes two), names on the
 * left, numbers on the right.
 */
export function figureLines(summary: BatchSummary, messages: Messages): string[] {
	const {columns, total, net} = messages.figures;
	const header = [
		columns.channel,
		columns.sales,
		columns.salesAmount,
		columns.voids,
		columns.voidsAmount,
		columns.fees,
		columns.feesBack,
	];
	const rows = [
		...summary.channels.map(row => [messages.channel[row.channel], ...figureCells(row)]),
		[total, ...figureCells(summary.total)],
	];
	const widths = header.map((title, index) =>
		Math.max(displayWidth(title), ...rows.map(row => displayWidth(row[index] ?? ''))),
	);
	const line = (row: string[]) =>
		row
			.map((cell, index) =>
				index === 0 ? padEndToWidth(cell, widths[index] ?? 0) : padStartToWidth(cell, widths[index] ?? 0),
			)
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
	const lines = figureLines(summary, messages);
	const totalIndex = lines.length - 2;
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text
					// eslint-disable-next-line react/no-array-index-key -- a table line has no identity but its place
					key={index}
					wrap="truncate"
					underline={index === 0}
					bold={index >= totalIndex}
				>
					{line}
				</Text>
			))}
		</Box>
	);
}
