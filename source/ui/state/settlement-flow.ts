import type {OpenBatchFigures} from '../../services/settlement-service.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {PrintProgress, PrintResult} from '../../services/print-service.js';
import {slipPrintingReducer, type SlipPrintingEvent} from './slip-printing.js';
import {checkReducer, startCheck, type CheckEvent, type SupervisorCheck} from './supervisor-check.js';

/**
 * What the supervisor is shown: the password check, the open batch's figures with y/n, the report
 * printing, its result; or why the settlement did not happen. Nothing changes before `printing`.
 */
export type SettlementStep = 'check' | 'review' | 'printing' | 'result' | 'refused';

/** The report being printed: the settlement just made, or another copy of the last one (REPRINT). */
export type SettlementJob =
	| {kind: 'settlement'; batchNo: string; nextBatchNo: string; jobId: number}
	| {kind: 'reprint'; batchNo: string; jobId: number};

export type SettlementFlow = {
	step: SettlementStep;
	check: SupervisorCheck;
	/** The open batch and its figures, read when the supervisor was accepted. */
	figures?: OpenBatchFigures;
	job?: SettlementJob;
	printStep?: PrintProgress | 'claiming';
	print?: PrintResult;
	/** Report preview scroll position, in lines. */
	previewTop: number;
	/** A message for the step in front: nothing to reprint, a refusal. */
	notice?: string;
};

export type SettlementEvent =
	| {type: 'check'; event: CheckEvent}
	| {type: 'approved'; approver: Authenticated; figures: OpenBatchFigures}
	| {type: 'queued'; job: SettlementJob}
	| {type: 'refused'; text: string}
	| {type: 'notice'; text: string}
	| SlipPrintingEvent;

export function startSettlementFlow(session: Authenticated): SettlementFlow {
	return {step: 'check', check: startCheck(session), previewTop: 0};
}

export function settlementFlowReducer(flow: SettlementFlow, event: SettlementEvent): SettlementFlow {
	switch (event.type) {
		case 'check': {
			// An accepted password moves on with 'approved', which also carries the figures.
			return flow.step === 'check' && event.event.type !== 'accepted'
				? {...flow, check: checkReducer(flow.check, event.event)}
				: flow;
		}

		case 'approved': {
			return flow.step === 'check'
				? {
						...flow,
						step: 'review',
						check: checkReducer(flow.check, {type: 'accepted', approver: event.approver}),
						figures: event.figures,
						notice: undefined,
					}
				: flow;
		}

		case 'queued': {
			return {...flow, step: 'printing', job: event.job, printStep: 'claiming', print: undefined, notice: undefined};
		}

		case 'refused': {
			return {...flow, step: 'refused', notice: event.text};
		}

		case 'notice': {
			return {...flow, notice: event.text};
		}

		case 'print-step':
		case 'printed':
		case 'scroll': {
			return slipPrintingReducer(flow, event);
		}
	}
}

/** Where the supervisor can still back out with nothing changed. */
export function canBackOut(flow: SettlementFlow): boolean {
	return (flow.step === 'check' && !flow.check.busy) || flow.step === 'review' || flow.step === 'refused';
}

/** Whether the flow holds a settlement or a reprint that was committed: it is kept while the screen is away. */
export function hasCommitted(flow: SettlementFlow | undefined): boolean {
	return flow?.step === 'printing' || flow?.step === 'result';
}
