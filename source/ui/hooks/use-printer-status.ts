import {useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {PrinterFailure, PrinterReadiness} from '../../services/print-service.js';

export type PrinterState =
	{state: 'checking'} | {state: 'ready'; paperNearEnd: boolean} | {state: 'problem'; failure: PrinterFailure};

export type PrinterPoll = {
	printer: PrinterState;
	/** Call around a print so the poll does not open a second connection to a printer that serves one at a time. */
	setPrinting: (printing: boolean) => void;
	/** Record what a print just learned, without waiting for the next poll. */
	report: (readiness: PrinterReadiness) => void;
};

function toState(readiness: PrinterReadiness): PrinterState {
	if (readiness.ready) {
		return {state: 'ready', paperNearEnd: readiness.paperNearEnd};
	}

	return {state: 'problem', failure: readiness.failure ?? {kind: 'printer-error', detail: 'not ready'}};
}

/**
 * Asks the printer for its status in the background every `intervalMs`. The check is async network
 * I/O that never runs in a key handler, so a slow or absent printer cannot delay a keystroke.
 */
export function usePrinterStatus(check: () => Promise<PrinterReadiness>, intervalMs: number): PrinterPoll {
	const [printer, setPrinter] = useState<PrinterState>({state: 'checking'});
	const printing = useRef(false);
	const checkRef = useRef(check);
	useLayoutEffect(() => {
		checkRef.current = check;
	});

	useEffect(() => {
		let stopped = false;
		let inFlight = false;
		const poll = async () => {
			if (inFlight || printing.current) {
				return;
			}

			inFlight = true;
			try {
				const readiness = await checkRef.current();
				if (!stopped && !printing.current) {
					setPrinter(toState(readiness));
				}
			} catch (error) {
				if (!stopped) {
					setPrinter({state: 'problem', failure: {kind: 'unreachable', detail: (error as Error).message}});
				}
			} finally {
				inFlight = false;
			}
		};

		// The first check waits for the first frame: start-up does not pay for the network.
		const first = setTimeout(() => {
			void poll();
		}, 0);
		const timer = setInterval(() => {
			void poll();
		}, intervalMs);
		return () => {
			stopped = true;
			clearTimeout(first);
			clearInterval(timer);
		};
	}, [intervalMs]);

	return {
		printer,
		setPrinting(value) {
			printing.current = value;
		},
		report(readiness) {
			setPrinter(toState(readiness));
		},
	};
}
