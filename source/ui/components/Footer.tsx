import React from 'react';
import {truncateToWidth} from '../../domain/display-width.js';
import type {Messages} from '../../i18n/messages.js';
import {footerBindings, type KeyPlace} from '../keymap.js';
import {Text} from './Text.js';

/** The keys of the screen in front, read from the keymap. */
export function Footer({
	places,
	messages,
	columns,
}: {
	readonly places: readonly KeyPlace[];
	readonly messages: Messages;
	readonly columns: number;
}): React.JSX.Element {
	const text = footerBindings(places)
		.map(binding => `${binding.label} ${messages.keysShort[binding.action]}`)
		.join('  ');
	return (
		<Text dimColor wrap="truncate">
			{truncateToWidth(text, columns)}
		</Text>
	);
}
