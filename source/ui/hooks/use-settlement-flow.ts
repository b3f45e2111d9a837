import {useCallback, useRef, useState} from 'react';
import {singleLine} from '../../domain/display-text.js';
import type {Language} from '../../i18n/language.js';
import type {Messages} from '../../i18n/messages.js';
import {type PrinterFailure, printJob, type PrintResult, type QueueFailure} from '../../services/print-service.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import {lastSettledBatch} from '../../services/settlement-history.js';
import {currentBatch} from '../../services/transaction-list-service.js';
import {openBatchSummary, reprintSettlement, settleBatch, SettlementError} from '../../services/settlement-service.js';
import {
	settlementFlowReducer,
	startSettlementFlow,
	type SettlementEvent,
	type SettlementFlow,
} from '../state/settlement-flow.js';
import {checkSupervisorPassword} from './use-supervisor-check.js';
import type {PrinterPoll} from './use-printer-status.js';

export type SettlementActions = {
	flow: SettlementFlow | undefined;
	start: () => void;
	submitNumber: (operatorNo: string) => void;
	submitPassword: (password: string) => void;
	/** `y` on the figures: settle the batch, then print its report. */
	confirm: () => void;
	/** `c` on the figures: another copy of the last settled batch's report, marked REPRINT. */
	reprintLast: () => void;
	retryPrint: () => void;
	scroll: (by: number, lines: number, height: number) => void;
	close: () => void;
};

type Options = {
	context: ServiceContext;
	language: Language;
	messages: Messages;
	session: Authenticated | undefined;
	printer: PrinterPoll;
	/** The database changed (a settlement, a print): the batch number and the waiting count are read again. */
	onChanged: () => void;
};

/** A failure of the printer itself (worth showing in the status bar), not the queue's own state. */
function isPrinterFailure(failure: QueueFailure): failure is PrinterFailure {
	return failure.kind !== 'already-printed' && failure.kind !== 'in-progress';
}

function printerFailureOf(result: PrintResult): PrinterFailure | undefined {
	return !result.ok && isPrinterFailure(result.failure) ? result.failure : undefined;
}

/**
 * Runs the settlement screen: the reducer holds every step; this hook does the service calls between
 * them. It lives with the app, not the screen, so a settlement printing while the console locks still
 * shows its result after the unlock. An answer that arrives after the flow was closed is dropped.
 */
export function useSettlementFlow({
	context,
	language,
	messages,
	session,
	printer,
	onChanged,
}: Options): SettlementActions {
	const [flow, setFlow] = useState<SettlementFlow | undefined>();
	const latest = useRef<SettlementFlow | undefined>(undefined);
	const generation = useRef(0);

	const set = useCallback((next: SettlementFlow | undefined) => {
		latest.current = next;
		setFlow(next);
	}, []);

	const dispatch = useCallback(
		(event: SettlementEvent, from = generation.current) => {
			if (from === generation.current && latest.current) {
				set(settlementFlowReducer(latest.current, event));
			}
		},
		[set],
	);

	const print = useCallback(
		async (jobId: number) => {
			const from = generation.current;
			printer.setPrinting(true);
			dispatch({type: 'print-step', step: 'claiming'}, from);
			try {
				const result = await printJob(context, jobId, language, step => {
					dispatch({type: 'print-step', step}, from);
				});
				dispatch({type: 'printed', result}, from);
				const failure = printerFailureOf(result);
				if (result.ok) {
					printer.report({ready: true, paperNearEnd: false});
				} else if (failure) {
					printer.report({ready: false, failure, paperNearEnd: false});
				}
			} finally {
				printer.setPrinting(false);
				onChanged();
			}
		},
		[context, dispatch, language, onChanged, printer],
	);

	const start = useCallback(() => {
		if (!session) {
			return;
		}

		generation.current++;
		set(startSettlementFlow(session));
	}, [session, set]);

	const submitNumber = useCallback(
		(operatorNo: string) => {
			dispatch({type: 'check', event: {type: 'number', operatorNo}});
		},
		[dispatch],
	);

	const submitPassword = useCallback(
		(password: string) => {
			const check = latest.current?.check;
			if (latest.current?.step !== 'check' || check?.step !== 'password' || check.busy || password === '') {
				return;
			}

			const supervisorNo = check.supervisorNo ?? '';
			const from = generation.current;
			dispatch({type: 'check', event: {type: 'checking'}});
			void checkSupervisorPassword(context, messages, {supervisorNo, password, purpose: 'settle'}).then(event => {
				if (event.type === 'accepted') {
					// The figures are read once the supervisor is known, so they are as fresh as the approval.
					dispatch({type: 'approved', approver: event.approver, figures: openBatchSummary(context)}, from);
				} else {
					dispatch({type: 'check', event}, from);
				}
			});
		},
		[context, dispatch, messages],
	);

	const failureText = useCallback(
		(error: unknown): string => {
			if (error instanceof SettlementError) {
				return messages.settlement.settledElsewhere;
			}

			if (error instanceof Error) {
				return messages.settlement.failed(singleLine(error.message));
			}

			throw error;
		},
		[messages],
	);

	const confirm = useCallback(() => {
		const {current} = latest;
		const approver = current?.check.approver;
		if (current?.step !== 'review' || !approver) {
			return;
		}

		// SettleBatch closes whichever batch is open: if the one on screen was settled elsewhere since, the
		// next (empty) batch must not be settled in its place.
		if (currentBatch(context)?.batchNo !== current.figures?.batch.batchNo) {
			dispatch({type: 'refused', text: messages.settlement.settledElsewhere});
			onChanged();
			return;
		}

		let jobId: number;
		try {
			const settlement = settleBatch(context, approver, current.figures?.batch.batchNo);
			jobId = settlement.printJobId;
			dispatch({
				type: 'queued',
				job: {kind: 'settlement', batchNo: settlement.batch.batchNo, nextBatchNo: settlement.nextBatch.batchNo, jobId},
			});
		} catch (error) {
			dispatch({type: 'refused', text: failureText(error)});
			onChanged();
			return;
		}

		onChanged();
		void print(jobId);
	}, [context, dispatch, failureText, messages, onChanged, print]);

	const reprintLast = useCallback(() => {
		const {current} = latest;
		const approver = current?.check.approver;
		if (current?.step !== 'review' || !approver) {
			return;
		}

		const batch = lastSettledBatch(context);
		if (!batch) {
			dispatch({type: 'notice', text: messages.settlement.nothingToReprint});
			return;
		}

		let jobId: number;
		try {
			jobId = reprintSettlement(context, batch.batchNo, approver);
		} catch (error) {
			dispatch({type: 'notice', text: failureText(error)});
			return;
		}

		dispatch({type: 'queued', job: {kind: 'reprint', batchNo: batch.batchNo, jobId}});
		onChanged();
		void print(jobId);
	}, [context, dispatch, failureText, messages, onChanged, print]);

	const retryPrint = useCallback(() => {
		const {current} = latest;
		if (current?.step === 'result' && current.print && !current.print.ok) {
			void print(current.print.jobId);
		}
	}, [print]);

	const scroll = useCallback(
		(by: number, lines: number, height: number) => {
			dispatch({type: 'scroll', by, lines, height});
		},
		[dispatch],
	);

	const close = useCallback(() => {
		generation.current++;
		set(undefined);
	}, [set]);

	return {flow, start, submitNumber, submitPassword, confirm, reprintLast, retryPrint, scroll, close};
}
