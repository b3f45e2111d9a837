import {figureCells, type BatchSummary} from '../domain/batch-summary.js';
import {padEndToWidth, padStartToWidth} from '../domain/display-width.js';
import {formatScreen} from '../domain/money.js';
import type {Messages} from '../i18n/messages.js';

/** The batch figures as a plain table for the terminal, in the catalogue's words. */
export function summaryTable(summary: BatchSummary, messages: Pick<Messages, 'figures' | 'channel'>): string {
	const {columns} = messages.figures;
	const header = [
		columns.channel,
		columns.sales,
		columns.salesAmount,
		columns.voids,
		columns.voidsAmount,
		columns.fees,
		columns.feesBack,
	];
	const widths = [12, 8, 14, 8, 14, 10, 10];
	const line = (cells: string[]) =>
		cells
			.map((cell, index) => (index === 0 ? padEndToWidth(cell, widths[index]!) : padStartToWidth(cell, widths[index]!)))
			.join(' ');
	const rows = [
		...summary.channels.map(row => ({...row, name: messages.channel[row.channel]})),
		{...summary.total, name: messages.figures.total},
	].map(row => line([row.name, ...figureCells(row)]));
	return [
		line(header),
		...rows,
		messages.figures.net(summary.netCount, formatScreen(summary.netAmount), formatScreen(summary.netFees)),
	].join('\n');
}
