import {Box} from 'ink';
import React, {useState} from 'react';
import {padEndToWidth, truncateToWidth} from '../../domain/display-width.js';
import {useConsole} from '../console-context.js';
import {layer, useKeys} from '../keyboard.js';
import {helpEntries} from '../keymap.js';
import {Text} from '../components/Text.js';
import {clampTop} from '../state/scroll.js';

/** Every key, generated from the keymap, so help cannot drift from what the keys do. */
export function HelpScreen(): React.JSX.Element {
	const {messages, keyText, bodyHeight: height, columns} = useConsole();
	const [top, setTop] = useState(0);
	const lines = helpEntries().map(entry => {
		const places = entry.places.map(place => keyText.places[place]).join(', ');
		return truncateToWidth(
			`  ${padEndToWidth(entry.labels, 16)} ${padEndToWidth(keyText.keys[entry.action], 56)} ${places}`,
			columns,
		);
	});
	const visible = Math.max(1, height - 1);
	const leavesHelp = (action: string) => action === 'back' || action === 'interrupt' || action === 'help';
	useKeys(layer.screen, {
		name: 'help',
		places: ['help'],
		handles: action => action === 'up' || action === 'down',
		// Help lists every key but answers only scrolling and Esc; the others would surprise behind it.
		swallows: binding => !leavesHelp(binding.action),
		onKey(action) {
			if (action === 'up' || action === 'down') {
				setTop(previous => clampTop(previous + (action === 'up' ? -1 : 1), lines.length, visible));
				return true;
			}

			return action === undefined || !leavesHelp(action);
		},
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
