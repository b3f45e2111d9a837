import {displayWidth} from '../domain/display-width.js';
import {stripControl} from '../domain/display-text.js';
import type {Alignment} from './escpos-commands.js';
import type {CutterKind, PrinterModel} from './printer-profile.js';
import type {SlipLine, SlipModel} from './slip-model.js';
import {encodingFor, printableText, printerWidth, type PrinterEncoding, type Substitution} from './text-encoding.js';

/** One physical line or action on paper, after wrapping; both renderers draw exactly these. */
export type PaperLine =
	| {kind: 'line'; text: string; align: Alignment; bold: boolean; size: 1 | 2}
	| {kind: 'qr'; data: string}
	| {kind: 'cut'};

/**
 * What the layout needs to know about the paper. Without `encoding` the text is laid out as a terminal
 * shows it; with one, as that printer prints it (its width rules, its substitutions for what it lacks).
 * Without `cutter` a cut stays a cut; with `none` it becomes a tear line and the feed to the tear bar.
 */
export type LayoutTarget = {
	columns: number;
	encoding?: PrinterEncoding;
	cutter?: CutterKind;
	feedBeforeCutLines?: number;
};

/**
 * A slip laid out: the paper lines; each character the printer could not print as itself; and each
 * substitution made for them, which the clerk and the command line are told before the void commits.
 */
export type Layout = {lines: PaperLine[]; unencodable: string[]; substitutions: Substitution[]};

/** The layout target of a printer model: its Font A columns, its encoding, its cutter. */
export function layoutTargetFor(model: PrinterModel): LayoutTarget {
	return {
		columns: model.paper.columns.fontA,
		encoding: encodingFor(model),
		cutter: model.cutter,
		feedBeforeCutLines: model.feedBeforeCutLines,
	};
}

/** Printed between copies where the paper is torn by hand: where to tear. */
export function tearLine(columns: number): string {
	return '- '.repeat(Math.floor(columns / 2)).trimEnd();
}

/** A stacked value sits this many columns right of its label. */
const valueIndent = 2;

type Measure = (text: string) => number;

export function measureFor(encoding: PrinterEncoding | undefined): Measure {
	return encoding === undefined ? displayWidth : (text: string) => printerWidth(text, encoding);
}

/** A character a line may break before and after, as Chinese text breaks between any two characters. */
const breaksAround = /[\p{Script=Han}\u3000-\u303F]/u;
/** Punctuation that stays with the character before it: a line never starts with it. */
const staysWithPrevious = /[,.;:!?)\]}%，。、；：！？）】》]/u;

/**
 * The unbreakable pieces of a paragraph, each with whether a space came before it: a Latin word, a
 * number or an amount (`-￥128.50`) is one piece; each Chinese character is its own, closing punctuation
 * kept with the piece before it.
 */
function pieces(content: string): Array<{text: string; spaced: boolean}> {
	const result: Array<{text: string; spaced: boolean}> = [];
	let spaced = false;
	let previous = '';
	for (const character of content) {
		if (character === ' ') {
			spaced = result.length > 0;
			previous = '';
			continue;
		}

		const last = result.at(-1);
		const glued =
			last !== undefined &&
			previous !== '' &&
			(staysWithPrevious.test(character) || (!breaksAround.test(character) && !breaksAround.test(previous)));
		if (glued) {
			last.text += character;
		} else {
			result.push({text: character, spaced});
		}

		previous = character;
		spaced = false;
	}

	return result;
}

/**
 * Greedy wrap by width at piece boundaries: between words, between Chinese characters, never inside a
 * number, an amount or a word. Only a piece wider than the whole line is cut, between characters.
 */
export function wrapToWidth(content: string, columns: number, measure: Measure): string[] {
	const room = Math.max(1, columns);
	const lines: string[] = [];
	let line = '';
	for (const piece of pieces(content)) {
		const joined = line === '' ? piece.text : line + (piece.spaced ? ' ' : '') + piece.text;
		if (measure(joined) <= room) {
			line = joined;
			continue;
		}

		if (line !== '') {
			lines.push(line);
		}

		line = '';
		for (const character of piece.text) {
			if (line !== '' && measure(line + character) > room) {
				lines.push(line);
				line = '';
			}

			line += character;
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
			return data === '' ? [] : [{kind: 'qr', data}];
		}

		case 'feed': {
			return Array.from({length: line.lines}, () => plain(''));
		}

		case 'cut': {
			const {cutter, feedBeforeCutLines = 0} = context.target;
			const fed = Array.from({length: feedBeforeCutLines}, () => plain(''));
			if (cutter === 'none') {
				// No cutter: a line shows where to tear, then the feed that brings it to the tear bar.
				return [plain(tearLine(context.columns)), ...fed];
			}

			return [...fed, {kind: 'cut'}];
		}
	}
}

/** Lays a slip out for one paper width and, when given, one printer encoding and cutter. */
export function layoutSlip(model: SlipModel, target: LayoutTarget): Layout {
	const unencodable: string[] = [];
	const substitutions: Substitution[] = [];
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

					for (const entry of printable.substitutions) {
						if (!substitutions.some(known => known.from === entry.from && known.to === entry.to)) {
							substitutions.push(entry);
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
		substitutions,
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
