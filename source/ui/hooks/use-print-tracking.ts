import {useCallback, useEffect, useRef} from 'react';
import {isPrinterFailure, type QueueFailure} from '../../services/print-service.js';
import type {PrinterPoll} from './use-printer-status.js';

/** Whether the component is still on screen: an answer that arrives after it left is not drawn. */
export function useMounted(): () => boolean {
	const mounted = useRef(true);
	useEffect(() => {
		mounted.current = true;
		return () => {
			mounted.current = false;
		};
	}, []);
	return useCallback(() => mounted.current, []);
}

/**
 * Print and track, for every screen that prints (a void, a settlement, the queue, the shift summary):
 * the status bar shows the printer busy while `run` prints, learns what the printer said, and the
 * console's figures are read again afterwards, whether or not the screen is still there.
 */
export function usePrintTracking(
	printer: PrinterPoll,
	onChanged: () => void,
): <R extends {ok: boolean}>(run: () => Promise<R>) => Promise<R> {
	return useCallback(
		async <R extends {ok: boolean}>(run: () => Promise<R>): Promise<R> => {
			printer.setPrinting(true);
			try {
				const result = await run();
				const {failure} = result as {failure?: QueueFailure};
				if (result.ok) {
					printer.report({ready: true, paperNearEnd: false});
				} else if (failure && isPrinterFailure(failure)) {
					printer.report({ready: false, failure, paperNearEnd: false});
				}

				return result;
			} finally {
				printer.setPrinting(false);
				onChanged();
			}
		},
		[printer, onChanged],
	);
}
