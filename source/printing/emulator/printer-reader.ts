import type {PrinterModel} from '../printer-profile.js';
import {CommandParser} from './command-parser.js';
import {PaperRenderer} from './paper-renderer.js';

/** The bytes side of one emulated printer: the parser and the paper, both reading as `model` does. */
export type PrinterReader = {parser: CommandParser; paper: PaperRenderer};

/**
 * A parser and a paper renderer for one job on a printer of this model (the default profile when none
 * is given); `columns` overrides the model's Font A columns. What `posvoid printer --profile NAME` uses.
 */
export function createPrinterReader(model?: PrinterModel, columns?: number): PrinterReader {
	const width = columns ?? model?.paper.columns.fontA ?? 48;
	return {parser: new CommandParser(model), paper: new PaperRenderer(width, model)};
}
