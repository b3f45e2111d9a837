import {useCallback, useRef, useState} from 'react';
import type {Language} from '../../i18n/language.js';
import type {Messages} from '../../i18n/messages.js';
import type {Authenticated} from '../../services/auth-service.js';
import {answerUnconfirmed, printJob} from '../../services/print-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import type {SlipPrinting, SlipPrintingEvent} from '../state/slip-printing.js';
import type {PrinterPoll} from './use-printer-status.js';
import {usePrintTracking} from './use-print-tracking.js';

/** What the void and settlement flows are run with. */
export type FlowOptions = {
	context: ServiceContext;
	language: Language;
	messages: Messages;
	session: Authenticated | undefined;
	printer: PrinterPoll;
	/** The database changed (a commit, a print): the list, the batch and the waiting count are read again. */
	onChanged: () => void;
};

type Options<F, E> = {
	context: ServiceContext;
	/** Who answers whether an unconfirmed slip came out: the audit names them. */
	session?: Authenticated;
	printer: PrinterPoll;
	/** The database changed (a commit, a print): whatever shows it is read again. */
	onChanged: () => void;
	reducer: (flow: F, event: E | SlipPrintingEvent) => F;
};

export type PrintingFlow<F, E> = {
	flow: F | undefined;
	/** The flow as it is now, not as the last frame drew it: for key handlers. */
	latest: {readonly current: F | undefined};
	/** Applies `event`; an event from an earlier flow (`from`, see `generation`) is dropped. */
	dispatch: (event: E | SlipPrintingEvent, from?: number) => void;
	/** Which flow an answer belongs to: take it before an await and pass it back to dispatch. */
	generation: () => number;
	begin: (flow: F) => void;
	close: () => void;
	/** Prints the job with live steps, tells the status bar what the printer said, and ends on the result. */
	print: (jobId: number) => Promise<void>;
	/**
	 * Prints a job whose flow is gone (an online void approved after Esc): the status bar shows the
	 * printer, and no step reaches the flow on screen now, which may be another void.
	 */
	printDetached: (jobId: number) => Promise<void>;
	/** On a result that did not print: the same job again. */
	retryPrint: () => void;
	/**
	 * On a result the printer could not confirm: y, it came out (the job is printed); n, it did not
	 * (the job is queued again as REPRINT and printed at once). An answer the database could not take
	 * leaves the question on screen.
	 */
	answerSlip: (cameOut: boolean) => void;
	scroll: (by: number, lines: number, height: number) => void;
};

/**
 * What the void flow and the settlement flow share: a flow held in a reducer, answers from services
 * that arrive after the flow was closed or restarted dropped, and the slip printed through the queue
 * with its steps shown.
 */
export function usePrintingFlow<F extends SlipPrinting, E>({
	context,
	session,
	printer,
	onChanged,
	reducer,
}: Options<F, E>): PrintingFlow<F, E> {
	const [flow, setFlow] = useState<F | undefined>();
	const latest = useRef<F | undefined>(undefined);
	const generationRef = useRef(0);

	const set = useCallback((next: F | undefined) => {
		latest.current = next;
		setFlow(next);
	}, []);

	const dispatch = useCallback(
		(event: E | SlipPrintingEvent, from = generationRef.current) => {
			if (from === generationRef.current && latest.current) {
				set(reducer(latest.current, event));
			}
		},
		[reducer, set],
	);

	const generation = useCallback(() => generationRef.current, []);

	const begin = useCallback(
		(start: F) => {
			generationRef.current++;
			set(start);
		},
		[set],
	);

	const close = useCallback(() => {
		generationRef.current++;
		set(undefined);
	}, [set]);

	const track = usePrintTracking(printer, onChanged);
	const print = useCallback(
		async (jobId: number) => {
			const from = generationRef.current;
			dispatch({type: 'print-step', step: 'claiming'}, from);
			const result = await track(async () =>
				printJob(context, jobId, step => {
					dispatch({type: 'print-step', step}, from);
				}),
			);
			dispatch({type: 'printed', result}, from);
		},
		[context, dispatch, track],
	);

	const printDetached = useCallback(
		async (jobId: number) => {
			await track(async () => printJob(context, jobId));
		},
		[context, track],
	);

	const retryPrint = useCallback(() => {
		const {current} = latest;
		if (current?.step === 'result' && current.print && !current.print.ok) {
			void print(current.print.jobId);
		}
	}, [print]);

	const answerSlip = useCallback(
		(cameOut: boolean) => {
			const {current} = latest;
			if (current?.step !== 'result' || !current.print?.ok || current.print.confirmed) {
				return;
			}

			const {print: result} = current;
			const answer = answerUnconfirmed(context, result.jobId, cameOut, session);
			onChanged();
			if (!answer.ok) {
				return;
			}

			if (cameOut) {
				dispatch({type: 'printed', result: {...result, confirmed: true}});
			} else {
				void print(result.jobId);
			}
		},
		[context, dispatch, onChanged, print, session],
	);

	const scroll = useCallback(
		(by: number, lines: number, height: number) => {
			dispatch({type: 'scroll', by, lines, height});
		},
		[dispatch],
	);

	return {flow, latest, dispatch, generation, begin, close, print, printDetached, retryPrint, answerSlip, scroll};
}
