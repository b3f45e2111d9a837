import {Box} from 'ink';
import React, {useState} from 'react';
import {padEndToWidth, truncateToWidth} from '../../domain/display-width.js';
import type {Messages} from '../../i18n/messages.js';
import {layer, useKeys} from '../keyboard.js';
import {actionFor, helpEntries} from '../keymap.js';
import {Text} from '../components/Text.js';

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
	const visible = Math.max(1, height - 1);
	useKeys(layer.screen, (input, key) => {
		const action = actionFor(['help'], input, key);
		if (action === 'up' || action === 'down') {
			setTop(previous => Math.max(0, Math.min(lines.length - visible, previous + (action === 'up' ? -1 : 1))));
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
		</Box>
	);
}
