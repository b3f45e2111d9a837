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

/** A Chinese IME in full-width mode types `１２８．５０`: the field takes it as `128.50`. */
export function halfWidth(character: string): string {
	const code = character.codePointAt(0) ?? 0;
	if (code >= 0xff_10 && code <= 0xff_19) {
		return String.fromCodePoint(code - 0xff_10 + 0x30);
	}

	return character === '\uFF0E' ? '.' : character;
}

/** What a burst of keys (a paste, a test writing "01\r") leaves in the field, and whether it ended with Enter. */
function typed(
	value: string,
	characters: readonly string[],
	takes: (character: string) => boolean,
	maxLength: number,
): {next: string; submitted: boolean} {
	let next = value;
	for (const character of characters) {
		if (character === '\r' || character === '\n') {
			return {next, submitted: true};
		}

		if (takes(character) && [...next].length < maxLength) {
			next += character;
		}
	}

	return {next, submitted: false};
}

/**
 * A one-line input that claims the keys it uses while active: printable characters, Backspace,
 * Ctrl+U (clears the field) and Enter. Esc, arrows and Ctrl+C go on to the screen and the app.
 * A field that is not masked takes full-width digits and `．` as their ASCII forms.
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
			onKey(action, input, key) {
				// Ctrl+U clears the field, as in a shell.
				if (action === 'clear') {
					update('');
					return true;
				}

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

				const characters = isMasked ? [...input] : [...input].map(character => halfWidth(character));
				// A single key the field does not take goes on to the screen (`?` in a digits field opens help).
				const [single] = characters;
				if (characters.length === 1 && single !== undefined && !takes(single)) {
					return false;
				}

				const {next, submitted} = typed(current.current, characters, takes, maxLength);
				if (submitted) {
					update(next);
					onSubmit(next);
					return true;
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
