import {Box} from 'ink';
import React, {useState} from 'react';
import {displayWidth, truncateToWidth} from '../../domain/display-width.js';
import {singleLine} from '../../domain/display-text.js';
import type {Transaction} from '../../domain/transaction.js';
import type {Messages} from '../../i18n/messages.js';
import {TextField} from '../components/TextField.js';
import type {TransactionList} from '../hooks/use-transaction-list.js';
import {layer, useKeys} from '../keyboard.js';
import {isMoveAction} from '../keymap.js';
import {selectedRow} from '../state/list-window.js';
import {listHeader, listRow} from '../transaction-row.js';
import {Text} from '../components/Text.js';
import {fitSegments} from '../fit-text.js';

type Props = {
	readonly list: TransactionList;
	readonly messages: Messages;
	readonly timeZone: string;
	readonly columns: number;
	readonly onOpen: (transaction: Transaction) => void;
	readonly onVoid: (transaction: Transaction) => void;
	readonly onQuit: () => void;
};

/** Lines the list uses besides its rows: the title, the column header and the search or notice line. */
export const listChrome = 3;

/** The title with the position at the right edge; a narrow window keeps the position and cuts the title. */
function titleLine(title: string, position: string, columns: number): string {
	if (position === '') {
		return truncateToWidth(title, columns);
	}

	const room = columns - displayWidth(position) - 2;
	if (room < 4) {
		return truncateToWidth(position, columns);
	}

	const head = truncateToWidth(title, room);
	return `${head}${' '.repeat(columns - displayWidth(head) - displayWidth(position))}${position}`;
}

/** Today's transactions (or a search), newest first, as a window of exactly the rows that fit. */
export function ListScreen({list, messages, timeZone, columns, onOpen, onVoid, onQuit}: Props): React.JSX.Element {
	const [searching, setSearching] = useState(false);
	const [notice, setNotice] = useState<string | undefined>();
	const {query, window} = list;
	const multiDay = query.day === undefined;

	const hasRow = selectedRow(window) !== undefined;
	// A sale refunded outside posvoid is not offered `v`: its detail (Enter) says where and when.
	const canVoid = hasRow && selectedRow(window)?.resolvedOutside !== true;
	// Esc closes the search line, then leaves a search for today's list; on today's list it does nothing.
	const canGoBack = searching || !query.today;
	useKeys(layer.screen, {
		name: 'list',
		places: ['list', 'anywhere'],
		handles: action =>
			action === 'back'
				? canGoBack
				: action === 'open'
					? hasRow
					: action === 'void'
						? canVoid
						: action === 'search' || action === 'quit' || isMoveAction(action),
		onKey(action) {
			if (isMoveAction(action)) {
				list.move(action);
				return true;
			}

			if (action === 'open' || action === 'void') {
				const row = selectedRow(window);
				if (row && (action === 'open' || row.resolvedOutside !== true)) {
					(action === 'open' ? onOpen : onVoid)(row);
				}

				return true;
			}

			if (action === 'search') {
				setSearching(true);
				setNotice(undefined);
				return true;
			}

			if (action === 'quit') {
				onQuit();
				return true;
			}

			if (action !== 'back') {
				return false;
			}

			if (searching) {
				setSearching(false);
				return true;
			}

			if (!query.today) {
				list.showToday();
				setNotice(undefined);
				return true;
			}

			return false;
		},
	});

	const title = query.today
		? messages.list.today(query.day ?? '')
		: query.day && query.text === query.day
			? messages.list.day(query.day)
			: messages.list.search(singleLine(query.text));
	const bottom = searching ? (
		<TextField
			prompt={`/ ${messages.list.searchPrompt}`}
			maxLength={60}
			onSubmit={text => {
				const problem = list.search(text);
				if (problem) {
					setNotice(messages.list.problem(problem));
				} else {
					setNotice(undefined);
					setSearching(false);
				}
			}}
		/>
	) : (
		<Text dimColor wrap="truncate">
			{/* One line (the rows fill the rest): whole hints only, so `amount 128.50` is never cut. */}
			{fitSegments(window.rows.length === 0 ? messages.list.empty : messages.list.searchHint, columns)}
		</Text>
	);

	return (
		<Box flexDirection="column">
			{notice ? (
				<Text color="red" wrap="truncate">
					{truncateToWidth(notice, columns)}
				</Text>
			) : (
				<Text bold wrap="truncate">
					{titleLine(title, list.total === undefined ? '' : messages.list.position(list.position, list.total), columns)}
				</Text>
			)}
			<Text underline wrap="truncate">
				{listHeader(messages, multiDay, columns)}
			</Text>
			{window.rows.map((row, index) => {
				const line = listRow(row, messages, {timeZone, multiDay, columns});
				const selected = index === window.cursor;
				return (
					<Text key={row.id} inverse={selected} color={row.status === 'voided' ? 'gray' : undefined} wrap="truncate">
						{selected ? `›${line.slice(1)}` : line}
					</Text>
				);
			})}
			{bottom}
		</Box>
	);
}
