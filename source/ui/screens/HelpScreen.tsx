import {Box} from 'ink';
import React, {useState} from 'react';
import {padEndToWidth, truncateToWidth} from '../../domain/display-width.js';
import {useConsole} from '../console-context.js';
import {layer, useKeys} from '../keyboard.js';
import {helpEntries, isMoveAction, type MoveAction} from '../keymap.js';
import {Text} from '../components/Text.js';
import {clampTop, moveStep} from '../state/scroll.js';

/** The first line shown after a move key, kept within the lines. */
export function helpTop(top: number, action: MoveAction, lines: number, visible: number): number {
	return clampTop(top + moveStep(action, visible, lines), lines, visible);
}

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
	// The title, then the lines, then one line that says whether there is more above or below.
	const visible = Math.max(1, height - 2);
	const scrolls = lines.length > visible;
	const leavesHelp = (action: string) => action === 'back' || action === 'interrupt' || action === 'help';
	useKeys(layer.screen, {
		name: 'help',
		places: ['help'],
		handles: action => isMoveAction(action) && scrolls,
		// Help lists every key but answers only scrolling and Esc; the others would surprise behind it.
		swallows: binding => !leavesHelp(binding.action),
		onKey(action) {
			if (isMoveAction(action) && scrolls) {
				setTop(previous => helpTop(previous, action, lines.length, visible));
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
			<Text dimColor wrap="truncate">
				{[top > 0 ? messages.help.moreAbove : '', top + visible < lines.length ? messages.help.moreBelow : '']
					.filter(Boolean)
					.join('  ') || ' '}
			</Text>
		</Box>
	);
}
