import {figureCells, type BatchSummary} from '../domain/batch-summary.js';
import {padEndToWidth, padStartToWidth} from '../domain/display-width.js';
import {formatScreen} from '../domain/money.js';

/** The batch figures as a plain table for the terminal. */
export function summaryTable(summary: BatchSummary): string {
	const header = ['channel', 'sales', 'amount', 'voids', 'amount', 'fees', 'fees back'];
	const widths = [12, 6, 14, 6, 14, 10, 10];
	const line = (cells: string[]) =>
		cells
			.map((cell, index) => (index === 0 ? padEndToWidth(cell, widths[index]!) : padStartToWidth(cell, widths[index]!)))
			.join(' ');
	const rows = [...summary.channels.map(row => ({...row, name: row.channel})), {...summary.total, name: 'TOTAL'}].map(
		row => line([row.name, ...figureCells(row)]),
	);
	return [
		line(header),
		...rows,
		`net: ${summary.netCount} sales, ${formatScreen(summary.netAmount)}, fees ${formatScreen(summary.netFees)}`,
	].join('\n');
}
