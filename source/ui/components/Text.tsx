import {Text as InkText, type TextProps} from 'ink';
import React from 'react';
import {terminalText} from '../../domain/display-text.js';

/** A string as the screen may draw it: terminalText, and a tab as one space (Ink measures it as none). */
export function screenText(text: string): string {
	return terminalText(text).replaceAll('\t', ' ');
}

/**
 * Ink's Text, drawing every string child through screenText: whatever a screen shows (a name, a
 * reason, a printer's error), no escape sequence, bell or bidi override reaches the terminal.
 * Screens import this Text, never Ink's (a lint rule in xo.config.js says so).
 */
export function Text({children, ...props}: TextProps): React.JSX.Element {
	return (
		<InkText {...props}>
			{React.Children.map(children, (child): React.ReactNode =>
				typeof child === 'string' ? screenText(child) : child,
			)}
		</InkText>
	);
}

/** An ink-select-input item drawn with this Text, so menu labels pass the same sanitiser. */
export function MenuItem({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) {
	return <Text color={isSelected ? 'blue' : undefined}>{label}</Text>;
}
