import {formatScreen} from '../domain/money.js';
import {singleLine} from '../domain/display-text.js';
import {displayWidth, padEndToWidth, truncateToWidth} from '../domain/display-width.js';
import {formatDateTime, formatTime} from '../domain/time-format.js';
import type {Transaction} from '../domain/transaction.js';
import type {Messages} from '../i18n/messages.js';

type ColumnName = 'time' | 'voucher' | 'channel' | 'card' | 'amount' | 'status';
type Column = {name: ColumnName; width: number};

/** How much the list drops as the window narrows, least needed first: never the amount. */
type Fit = {channel: boolean; card: 'full' | 'last-four' | 'none'; seconds: boolean; gap: number; amount: number};

const fits: readonly Fit[] = [
	{channel: true, card: 'full', seconds: true, gap: 2, amount: 13},
	{channel: false, card: 'full', seconds: true, gap: 2, amount: 13},
	{channel: false, card: 'last-four', seconds: true, gap: 2, amount: 13},
	{channel: false, card: 'none', seconds: true, gap: 2, amount: 13},
	{channel: false, card: 'none', seconds: false, gap: 1, amount: 10},
];

/** The cursor's two columns before the first cell. */
const lead = 2;

function widest(...texts: string[]): number {
	return Math.max(...texts.map(text => displayWidth(text)));
}

type Layout = {fit: Fit; cells: Column[]};

/** Layouts already worked out, per catalogue: every row of a frame shares its header's. */
const layouts = new WeakMap<Messages, Map<string, Layout>>();

function layout(messages: Messages, multiDay: boolean, columns: number): Layout {
	let known = layouts.get(messages);
	if (!known) {
		known = new Map();
		layouts.set(messages, known);
	}

	const key = `${multiDay ? 'd' : 't'}${columns}`;
	let found = known.get(key);
	if (!found) {
		found = fitColumns(messages, multiDay, columns);
		known.set(key, found);
	}

	return found;
}

/** The columns that fit in `columns`; the status comes last, so when nothing fits only it is cut, never an amount. */
function fitColumns(messages: Messages, multiDay: boolean, columns: number): Layout {
	const names = messages.list.columns;
	const statuses = Object.values(messages.transactionStatus);
	const channels = Object.values(messages.channel);
	for (const [index, fit] of fits.entries()) {
		const time = (multiDay ? 6 : 0) + (fit.seconds ? 8 : 5);
		const cells: Column[] = [
			{name: 'time', width: widest(names.time, '0'.repeat(time))},
			{name: 'voucher', width: widest(names.voucher, '000000')},
		];
		if (fit.channel) {
			cells.push({name: 'channel', width: widest(names.channel, ...channels)});
		}

		if (fit.card !== 'none') {
			cells.push({name: 'card', width: widest(names.card, fit.card === 'full' ? '0'.repeat(19) : '*0018')});
		}

		cells.push(
			{name: 'amount', width: widest(names.amount, '0'.repeat(fit.amount))},
			{name: 'status', width: widest(names.status, ...statuses)},
		);
		const width = lead + cells.reduce((sum, cell) => sum + cell.width, 0) + fit.gap * (cells.length - 1);
		if (width <= columns || index === fits.length - 1) {
			return {fit, cells};
		}
	}

	throw new Error('unreachable: the last fit is always taken');
}

function joinCells(cells: Column[], values: Record<ColumnName, string>, gap: number, columns: number): string {
	const line = cells
		.map(cell => {
			const value = values[cell.name];
			// An amount is padded, never cut: a wider one pushes the status along instead.
			return cell.name === 'amount'
				? ' '.repeat(Math.max(0, cell.width - displayWidth(value))) + value
				: padEndToWidth(value, cell.width);
		})
		.join(' '.repeat(gap));
	return truncateToWidth(`${' '.repeat(lead)}${line}`, columns);
}

export function listHeader(messages: Messages, multiDay: boolean, columns: number): string {
	const {fit, cells} = layout(messages, multiDay, columns);
	return joinCells(cells, messages.list.columns, fit.gap, columns);
}

/** One transaction as a list line; every field from the database passes through singleLine. */
export function listRow(
	transaction: Transaction,
	messages: Messages,
	options: {timeZone: string; multiDay: boolean; columns: number},
): string {
	const {fit, cells} = layout(messages, options.multiDay, options.columns);
	const time = options.multiDay
		? formatDateTime(transaction.createdAt, options.timeZone).slice(5).replace('/', '-')
		: formatTime(transaction.createdAt, options.timeZone);
	const card = singleLine(transaction.cardMasked);
	return joinCells(
		cells,
		{
			time: fit.seconds ? time : time.slice(0, -3),
			voucher: singleLine(transaction.voucherNo),
			channel: messages.channel[transaction.channel] ?? singleLine(transaction.channel),
			card: fit.card === 'full' ? card : `*${card.slice(-4)}`,
			amount: formatScreen(transaction.amount),
			status: messages.transactionStatus[transaction.status] ?? singleLine(transaction.status),
		},
		fit.gap,
		options.columns,
	);
}
