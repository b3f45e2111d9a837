import {Box} from 'ink';
import React, {useState} from 'react';
import {padEndToWidth, truncateToWidth} from '../../domain/display-width.js';
import type {Messages} from '../../i18n/messages.js';
import {layer, useKeys} from '../keyboard.js';
import {actionFor, helpEntries, isMoveAction, type MoveAction} from '../keymap.js';
import {Text} from '../components/Text.js';

/** The first line shown after a move key, kept within the lines. */
export function helpTop(top: number, action: MoveAction, lines: number, visible: number): number {
	const by: Record<MoveAction, number> = {
		up: -1,
		down: 1,
		pageUp: -visible,
		pageDown: visible,
		home: -lines,
		end: lines,
	};
	return Math.max(0, Math.min(lines - visible, top + by[action]));
}

/** Every key, generated from the keymap, so help cannot drift from what the keys do. */
export function HelpScreen({
	messages,
	height,
	columns,
}: {
	readonly messages: Messages;
	readonly height: number;
	readonly columns: number;
}): React.JSX.Element {
	const [top, setTop] = useState(0);
	const lines = helpEntries().map(entry => {
		const places = entry.places.map(place => messages.help.places[place]).join(', ');
		return truncateToWidth(
			`  ${padEndToWidth(entry.labels, 16)} ${padEndToWidth(messages.keys[entry.action], 56)} ${places}`,
			columns,
		);
	});
	// The title, then the lines, then one line that says whether there is more above or below.
	const visible = Math.max(1, height - 2);
	useKeys(layer.screen, (input, key) => {
		const action = actionFor(['help'], input, key);
		if (isMoveAction(action)) {
			setTop(previous => helpTop(previous, action, lines.length, visible));
			return true;
		}

		// Help lists every key but answers only scrolling and Esc; the others would surprise behind it.
		return action !== 'back' && action !== 'interrupt' && action !== 'help';
	});

	return (
		<Box flexDirection="column">
			<Text bold>{messages.help.title}</Text>
			{lines.slice(top, top + visible).map(line => (
				<Text key={line} wrap="truncate">
					{line}
				</Text>
			))}
			<Text dimColor wrap="truncate">
				{[top > 0 ? messages.help.moreAbove : '', top + visible < lines.length ? messages.help.moreBelow : '']
					.filter(Boolean)
					.join('  ') || ' '}
			</Text>
		</Box>
	);
}
