import {useCallback} from 'react';
import {singleLine} from '../../domain/display-text.js';
import {lastSettledBatch} from '../../services/settlement-history.js';
import {currentBatch} from '../../services/transaction-list-service.js';
import {openBatchSummary, reprintSettlement, settleBatch, SettlementError} from '../../services/settlement-service.js';
import {DatabaseBusyError} from '../../services/service-context.js';
import {settlementRefusalText} from '../../i18n/settlement-text.js';
import {settlementFlowReducer, startSettlementFlow, type SettlementFlow} from '../state/settlement-flow.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {CheckEvent} from '../state/supervisor-check.js';
import {useApprovalActions} from './use-supervisor-check.js';
import {type FlowOptions, usePrintingFlow} from './use-printing-flow.js';

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
	/** After a print the printer could not confirm: the clerk's y (it came out) or n (print it again). */
	answerSlip: (cameOut: boolean) => void;
	scroll: (by: number, lines: number, height: number) => void;
	close: () => void;
};

/**
 * Runs the settlement screen: the reducer holds every step; this hook does the service calls between
 * them. It lives with the app, not the screen, so a settlement printing while the console locks still
 * shows its result after the unlock. An answer that arrives after the flow was closed is dropped.
 */
export function useSettlementFlow({context, messages, session, printer, onChanged}: FlowOptions): SettlementActions {
	const {flow, latest, dispatch, generation, begin, close, print, retryPrint, answerSlip, scroll} = usePrintingFlow({
		context,
		session,
		printer,
		onChanged,
		reducer: settlementFlowReducer,
	});

	const start = useCallback(() => {
		if (!session) {
			return;
		}

		begin(startSettlementFlow(session));
	}, [begin, session]);

	const readCheck = useCallback(() => (latest.current?.step === 'check' ? latest.current.check : undefined), [latest]);
	const dispatchCheck = useCallback(
		(event: CheckEvent, from?: number) => {
			dispatch({type: 'check', event}, from);
		},
		[dispatch],
	);
	// The figures are read once the supervisor is known, so they are as fresh as the approval.
	const onAccepted = useCallback(
		(approver: Authenticated, from: number) => {
			dispatch({type: 'approved', approver, figures: openBatchSummary(context)}, from);
		},
		[context, dispatch],
	);
	const {submitNumber, submitPassword} = useApprovalActions({
		context,
		messages,
		purpose: 'settle',
		readCheck,
		dispatchCheck,
		generation,
		onAccepted,
	});

	const failureText = useCallback(
		(error: unknown): string => {
			if (error instanceof SettlementError) {
				return settlementRefusalText(messages, error);
			}

			if (error instanceof DatabaseBusyError) {
				return messages.settlement.busy;
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
			// Older batches left open settle with it; their reports wait in the print queue (p).
			const batchNo = [...settlement.earlier, settlement].map(settled => settled.batch.batchNo).join(', ');
			dispatch({
				type: 'queued',
				job: {kind: 'settlement', batchNo, nextBatchNo: settlement.nextBatch.batchNo, jobId},
			});
		} catch (error) {
			dispatch({type: 'refused', text: failureText(error)});
			onChanged();
			return;
		}

		onChanged();
		void print(jobId);
	}, [context, dispatch, failureText, latest, messages, onChanged, print]);

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
	}, [context, dispatch, failureText, latest, messages, onChanged, print]);

	return {flow, start, submitNumber, submitPassword, confirm, reprintLast, retryPrint, answerSlip, scroll, close};
}
