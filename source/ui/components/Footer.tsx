import React from 'react';
import {displayWidth} from '../../domain/display-width.js';
import {useConsole} from '../console-context.js';
import {useOfferedKeys} from '../keyboard.js';
import {Text} from './Text.js';

const separator = '  ';

/**
 * The keys that act on the screen in front, read from the same registrations the keys are dispatched
 * to. ↑ and ↓ share one entry. When the line is too narrow, the last entries give way, never `?`.
 */
export function Footer(): React.JSX.Element {
	const {keyText, columns} = useConsole();
	const offered = useOfferedKeys().filter(binding => binding.footer);
	const actions = new Set(offered.map(binding => binding.action));
	const items: string[] = [];
	let help: string | undefined;
	for (const binding of offered) {
		if (binding.action === 'up' && actions.has('down')) {
			items.push(`↑↓ ${keyText.move}`);
		} else if (binding.action === 'down' && actions.has('up')) {
			continue;
		} else if (binding.action === 'help') {
			help = `${binding.label} ${keyText.keysShort.help}`;
		} else {
			items.push(`${binding.label} ${keyText.keysShort[binding.action]}`);
		}
	}

	const fits = (parts: string[]) => displayWidth(parts.join(separator)) <= columns;
	const shown = help === undefined ? items : [...items, help];
	while (shown.length > 1 && !fits(shown)) {
		shown.splice(help === undefined ? -1 : -2, 1);
	}

	return (
		<Text dimColor wrap="truncate">
			{shown.join(separator)}
		</Text>
	);
}
