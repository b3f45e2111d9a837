import type {Alignment} from './escpos-commands.js';

/**
 * A slip as content, not as bytes or padded text: the same model renders to printer bytes and to the
 * on-screen preview, and the layout (wrapping, spreading, centring) happens at render time with the
 * target's own idea of character width.
 */
export type SlipLine =
	| {kind: 'text'; text: string; align: Alignment; bold: boolean; size: 1 | 2}
	/** Label and value on one line, value at the right edge; or, when they do not fit or `stacked`, the value indented under the label. */
	| {
			kind: 'field';
			label: string;
			value: string;
			indent: number;
			bold: boolean;
			stacked: boolean;
	  }
	| {kind: 'rule'; character: '-' | '='}
	| {kind: 'qr'; data: string}
	| {kind: 'feed'; lines: number}
	| {kind: 'cut'};

export type SlipModel = {lines: SlipLine[]};

export type TextOptions = {align?: Alignment; bold?: boolean; size?: 1 | 2};

export function text(content: string, options: TextOptions = {}): SlipLine {
	return {
		kind: 'text',
		text: content,
		align: options.align ?? 'left',
		bold: options.bold ?? false,
		size: options.size ?? 1,
	};
}

export type FieldOptions = {indent?: number; bold?: boolean; stacked?: boolean};

/** A label-value line: `授权码 AUTH NO             A1B2C3`, or the value under the label when it is long. */
export function labelValue(label: string, value: string, options: FieldOptions = {}): SlipLine {
	return {
		kind: 'field',
		label,
		value,
		indent: options.indent ?? 0,
		bold: options.bold ?? false,
		stacked: options.stacked ?? false,
	};
}

export function rule(character: '-' | '=' = '-'): SlipLine {
	return {kind: 'rule', character};
}

export function qr(data: string): SlipLine {
	return {kind: 'qr', data};
}

export function feed(lines = 1): SlipLine {
	return {kind: 'feed', lines};
}

export function cut(): SlipLine {
	return {kind: 'cut'};
}

/** The header every slip from this terminal starts with: the title, centred and bold, then 重打印 REPRINT when it is one. */
export function slipHeader(title: string, reprint: boolean, reprintLabel = '重打印 REPRINT'): SlipLine[] {
	const lines = [text(title, {align: 'centre', bold: true})];
	if (reprint) {
		lines.push(text(reprintLabel, {align: 'centre', bold: true}));
	}

	return lines;
}

/** A heading between two rules, as the copy name sits on the slip. */
export function ruledHeading(left: string, right = ''): SlipLine[] {
	return [rule(), labelValue(left, right), rule()];
}
