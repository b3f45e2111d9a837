import {displayWidth} from '../domain/display-width.js';
import {stripControl} from '../domain/display-text.js';
import type {Alignment} from './escpos-commands.js';
import type {SlipLine, SlipModel} from './slip-model.js';
import {printableText, printerWidth, type PrinterEncoding} from './text-encoding.js';

/** One physical line or action on paper, after wrapping; both renderers draw exactly these. */
export type PaperLine =
	| {kind: 'line'; text: string; align: Alignment; bold: boolean; size: 1 | 2}
	| {kind: 'qr'; data: string}
	| {kind: 'cut'};

/**
 * What the layout needs to know about the paper. Without `encoding` the text is laid out as a terminal
 * shows it; with one, as that printer prints it (its width rules, its `?` for what it cannot print).
 */
export type LayoutTarget = {
	columns: number;
	encoding?: PrinterEncoding;
	nativeQr?: boolean;
	cut?: boolean;
};

export type Layout = {lines: PaperLine[]; unencodable: string[]};

/** Lines fed instead of a cut on printers without a cutter, so the slip clears the tear bar. */
export const tearOffFeedLines = 4;

/** A stacked value sits this many columns right of its label. */
const valueIndent = 2;

type Measure = (text: string) => number;

export function measureFor(encoding: PrinterEncoding | undefined): Measure {
	return encoding === undefined ? displayWidth : (text: string) => printerWidth(text, encoding);
}

/** Greedy wrap by width, breaking at a space when one is on the line, else between characters (Chinese has no spaces). */
export function wrapToWidth(content: string, columns: number, measure: Measure): string[] {
	const room = Math.max(1, columns);
	const lines: string[] = [];
	let line = '';
	for (const character of content) {
		if (measure(line + character) <= room) {
			line += character;
			continue;
		}

		if (character === ' ') {
			lines.push(line.trimEnd());
			line = '';
			continue;
		}

		const space = line.lastIndexOf(' ');
		if (space > 0 && measure(line.slice(space + 1) + character) <= room) {
			lines.push(line.slice(0, space).trimEnd());
			line = line.slice(space + 1) + character;
		} else {
			if (line !== '') {
				lines.push(line);
			}

			line = character;
		}
	}

	if (line !== '' || lines.length === 0) {
		lines.push(line);
	}

	return lines;
}

type Context = {
	columns: number;
	measure: Measure;
	clean: (text: string) => string;
	target: LayoutTarget;
};

function plain(line: string, align: Alignment = 'left', bold = false, size: 1 | 2 = 1): PaperLine {
	return {kind: 'line', text: line, align, bold, size};
}

function layoutField(line: Extract<SlipLine, {kind: 'field'}>, context: Context): PaperLine[] {
	const {columns, measure} = context;
	const label = context.clean(line.label).replaceAll('\n', ' ');
	const value = context.clean(line.value).replaceAll('\n', ' ');
	const indent = ' '.repeat(line.indent);
	const room = columns - line.indent;
	const inlineWidth = measure(label) + (value === '' ? 0 : 1 + measure(value));
	if (!line.stacked && inlineWidth <= room) {
		const gap = value === '' ? 0 : room - measure(label) - measure(value);
		return [plain(indent + label + ' '.repeat(gap) + value, 'left', line.bold)];
	}

	const result = wrapToWidth(label, room, measure).map(part => plain(indent + part, 'left', line.bold));
	if (value !== '') {
		const valuePrefix = ' '.repeat(line.indent + valueIndent);
		for (const part of wrapToWidth(value, columns - line.indent - valueIndent, measure)) {
			result.push(plain(valuePrefix + part, 'left', line.bold));
		}
	}

	return result;
}

function layoutLine(line: SlipLine, context: Context): PaperLine[] {
	switch (line.kind) {
		case 'text': {
			const room = Math.floor(context.columns / line.size);
			return context
				.clean(line.text)
				.split('\n')
				.flatMap(paragraph => wrapToWidth(paragraph, room, context.measure))
				.map(part => plain(part, line.align, line.bold, line.size));
		}

		case 'field': {
			return layoutField(line, context);
		}

		case 'rule': {
			return [plain(line.character.repeat(context.columns))];
		}

		case 'qr': {
			const data = context.clean(line.data).replaceAll('\n', '');
			if (data === '') {
				return [];
			}

			if (context.target.nativeQr === false) {
				return wrapToWidth(data, context.columns, context.measure).map(part => plain(part, 'centre'));
			}

			return [{kind: 'qr', data}];
		}

		case 'feed': {
			return Array.from({length: line.lines}, () => plain(''));
		}

		case 'cut': {
			return context.target.cut === false ? Array.from({length: tearOffFeedLines}, () => plain('')) : [{kind: 'cut'}];
		}
	}
}

/** Lays a slip out for one paper width and, when given, one printer encoding. */
export function layoutSlip(model: SlipModel, target: LayoutTarget): Layout {
	const unencodable: string[] = [];
	const {encoding} = target;
	const clean =
		encoding === undefined
			? stripControl
			: (content: string) => {
					const printable = printableText(content, encoding);
					for (const character of printable.unencodable) {
						if (!unencodable.includes(character)) {
							unencodable.push(character);
						}
					}

					return printable.text;
				};

	const context: Context = {
		columns: target.columns,
		measure: measureFor(encoding),
		clean,
		target,
	};
	return {
		lines: model.lines.flatMap(line => layoutLine(line, context)),
		unencodable,
	};
}

/** Leading spaces that put a line of `width` physical columns where its alignment says: the printer's rule and the preview's. */
export function alignmentPadding(align: Alignment, width: number, columns: number): number {
	const free = Math.max(0, columns - width);
	if (align === 'centre') {
		return Math.floor(free / 2);
	}

	return align === 'right' ? free : 0;
}

/** How the preview and the emulator draw what is not text. */
export function qrPlaceholder(data: string): string {
	return `[QR: ${data}]`;
}

export const cutMarker = '[CUT]';
