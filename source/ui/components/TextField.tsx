import React, {useRef, useState} from 'react';
import {isPasswordCharacter, passwordMaxLength} from '../../domain/password-rule.js';
import {layer, swallowsTyping, useKeys} from '../keyboard.js';
import {Text} from './Text.js';

type Props = {
	readonly prompt: string;
	/** Draws one `*` per character: passwords are never on screen. A masked field takes the password rule's characters and length. */
	readonly isMasked?: boolean;
	/** Which characters may be typed; others fall through to the screen (so `?` still opens help in a digits field). */
	readonly accept?: (character: string) => boolean;
	readonly maxLength?: number;
	readonly isActive?: boolean;
	readonly initialValue?: string;
	readonly onSubmit: (value: string) => void;
	readonly onChange?: (value: string) => void;
};

export const digitsOnly = (character: string) => character >= '0' && character <= '9';

const printable = (character: string) => character >= ' ' && character !== '\u007F';

/**
 * A one-line input that claims the keys it uses while active: printable characters, Backspace and
 * Enter. Esc, arrows and Ctrl+C go on to the screen and the app.
 */
export function TextField({
	prompt,
	isMasked = false,
	accept = isMasked ? isPasswordCharacter : printable,
	maxLength = isMasked ? passwordMaxLength : 64,
	isActive = true,
	initialValue = '',
	onSubmit,
	onChange,
}: Props): React.JSX.Element {
	const [value, setValue] = useState(initialValue);
	// Keys can arrive in one burst (a paste, a test writing "01\r"): each sees the value the previous one left.
	const current = useRef(initialValue);

	const update = (next: string) => {
		current.current = next;
		setValue(next);
		onChange?.(next);
	};

	const takes = (character: string) => printable(character) && accept(character);
	useKeys(
		layer.field,
		{
			name: 'field',
			places: ['field'],
			swallows: swallowsTyping(takes),
			onKey(_action, input, key) {
				if (key.return) {
					onSubmit(current.current);
					return true;
				}

				// Most terminals send DEL for Backspace, which Ink reports as delete.
				if (key.backspace || key.delete) {
					update([...current.current].slice(0, -1).join(''));
					return true;
				}

				if (key.ctrl || key.meta || key.escape || key.tab || input === '') {
					return false;
				}

				const characters = [...input];
				// A single key the field does not take goes on to the screen (`?` in a digits field opens help).
				if (characters.length === 1 && !takes(input)) {
					return false;
				}

				let next = current.current;
				for (const character of characters) {
					if (character === '\r' || character === '\n') {
						update(next);
						onSubmit(next);
						return true;
					}

					if (takes(character) && [...next].length < maxLength) {
						next += character;
					}
				}

				update(next);
				return true;
			},
		},
		isActive,
	);

	const shown = isMasked ? '*'.repeat([...value].length) : value;
	return (
		<Text wrap="truncate">
			{prompt}
			{shown}
			{isActive ? <Text inverse> </Text> : null}
		</Text>
	);
}
