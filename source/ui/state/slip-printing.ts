import type {PrintProgress, PrintResult} from '../../services/print-service.js';
import {clampTop} from './scroll.js';

/**
 * The part of a flow that prints a slip and shows its preview, the same in the void flow and the
 * settlement flow: the step of the print under way, its result, and how far the preview is scrolled.
 */
export type SlipPrinting = {
	step: string;
	printStep?: PrintProgress | 'claiming';
	print?: PrintResult;
	/** Preview scroll position, in lines. */
	previewTop: number;
};

export type SlipPrintingEvent =
	| {type: 'print-step'; step: PrintProgress | 'claiming'}
	| {type: 'printed'; result: PrintResult}
	| {type: 'scroll'; by: number; lines: number; height: number};

/** A print step moves the flow to `printing`, the result to `result` with the preview at its top. */
export function slipPrintingReducer<F extends SlipPrinting>(flow: F, event: SlipPrintingEvent): F {
	switch (event.type) {
		case 'print-step': {
			return {...flow, step: 'printing', printStep: event.step, print: undefined};
		}

		case 'printed': {
			return {...flow, step: 'result', print: event.result, printStep: 'done', previewTop: 0};
		}

		case 'scroll': {
			return {...flow, previewTop: clampTop(flow.previewTop + event.by, event.lines, event.height)};
		}
	}
}
