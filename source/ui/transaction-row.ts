import {formatScreen} from '../domain/money.js';
import {singleLine} from '../domain/display-text.js';
import {padEndToWidth, padStartToWidth, truncateToWidth} from '../domain/display-width.js';
import {formatDateTime, formatTime} from '../domain/time-format.js';
import type {Transaction} from '../domain/transaction.js';
import type {Messages} from '../i18n/messages.js';

type Column = {width: number; align: 'left' | 'right'};

/** Column widths in display columns; Chinese headers and channel names take two per character. */
function layout(multiDay: boolean): Column[] {
	return [
		{width: multiDay ? 14 : 8, align: 'left'},
		{width: 7, align: 'left'},
		{width: 11, align: 'left'},
		{width: 19, align: 'left'},
		{width: 13, align: 'right'},
		{width: 9, align: 'left'},
	];
}

function joinCells(cells: string[], multiDay: boolean, columns: number): string {
	const line = layout(multiDay)
		.map((column, index) => {
			const cell = cells[index] ?? '';
			return column.align === 'right' ? padStartToWidth(cell, column.width) : padEndToWidth(cell, column.width);
		})
		.join('  ');
	return truncateToWidth(`  ${line}`, columns);
}

export function listHeader(messages: Messages, multiDay: boolean, columns: number): string {
	const {time, voucher, channel, card, amount, status} = messages.list.columns;
	return joinCells([time, voucher, channel, card, amount, status], multiDay, columns);
}

/** One transaction as a list line; every field from the database passes through singleLine. */
export function listRow(
	transaction: Transaction,
	messages: Messages,
	options: {timeZone: string; multiDay: boolean; columns: number},
): string {
	const when = options.multiDay
		? formatDateTime(transaction.createdAt, options.timeZone).slice(5).replace('/', '-')
		: formatTime(transaction.createdAt, options.timeZone);
	return joinCells(
		[
			when,
			singleLine(transaction.voucherNo),
			messages.channel[transaction.channel] ?? singleLine(transaction.channel),
			singleLine(transaction.cardMasked),
			formatScreen(transaction.amount),
			messages.transactionStatus[transaction.status] ?? singleLine(transaction.status),
		],
		options.multiDay,
		options.columns,
	);
}
