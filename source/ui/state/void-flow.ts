import type {OutsideNote} from '../../domain/outside-resolution.js';
import type {PolicyAnswer} from '../../domain/void-policy.js';
import type {Transaction} from '../../domain/transaction.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {PrintProgress, PrintResult} from '../../services/print-service.js';
import type {VoidOutcome} from '../../services/void-service.js';
import {slipPrintingReducer, type SlipPrintingEvent} from './slip-printing.js';
import {checkReducer, startApproverCheck, type CheckEvent, type SupervisorCheck} from './supervisor-check.js';
import {clampIndex} from './scroll.js';

/** What the clerk is shown; the flow only moves forward through these, or back out before `voiding`. */
export type VoidStep =
	| 'refused'
	| 'password'
	| 'approval'
	| 'reason'
	/** "Other" was picked: the clerk types the reason. */
	| 'reason-text'
	| 'confirm'
	| 'printing'
	| 'result';

/** A message for the clerk in the step it belongs to: a wrong password, a refusal, a printer problem. */
export type FlowNotice = {kind: 'refusal'; code: string; detail: FlowRefusalDetail} | {kind: 'text'; text: string};

/** What a refusal names; an outside refund's time is read in the counter's zone when it is shown. */
export type FlowRefusalDetail = {terminalId?: string; operatorNo?: string; outside?: OutsideNote};

export type VoidFlow = {
	step: VoidStep;
	transaction: Transaction;
	answer: PolicyAnswer;
	/** True while a password is being checked: keys wait, nothing is typed twice. */
	busy: boolean;
	operator?: Authenticated;
	/** Over the supervisor limit: the supervisor's approval, the same check settlement uses. */
	check?: SupervisorCheck;
	approver?: Authenticated;
	reason?: string;
	notice?: FlowNotice;
	outcome?: Extract<VoidOutcome, {ok: true}>;
	printStep?: PrintProgress | 'claiming';
	print?: PrintResult;
	/** Slip preview scroll position, in lines. */
	previewTop: number;
	/** Counts refusals, so each new try starts with an empty field. */
	attempt: number;
	/** The highlighted void reason. */
	reasonIndex: number;
};

export type VoidEvent =
	| {type: 'checking'}
	/** The clerk said yes: the screen says so before the write, which may wait on a busy database. */
	| {type: 'committing'}
	| {type: 'password-accepted'; operator: Authenticated}
	| {type: 'password-refused'; text: string}
	| {type: 'check'; event: CheckEvent}
	| {type: 'reason-move'; by: number; count: number}
	| {type: 'reason'; reason: string}
	| {type: 'reason-other'}
	/** Esc while typing the "Other" reason: back to the list of reasons. */
	| {type: 'reason-back'}
	| {type: 'void-refused'; code: string; detail: FlowRefusalDetail}
	| {type: 'voided'; outcome: Extract<VoidOutcome, {ok: true}>}
	| SlipPrintingEvent;

/** Starts the flow from checkVoidable's answer: a refusal is shown at once, before any password. */
export function startVoidFlow(transaction: Transaction, answer: PolicyAnswer): VoidFlow {
	if (answer.ok) {
		return {step: 'password', transaction, answer, busy: false, previewTop: 0, attempt: 0, reasonIndex: 0};
	}

	return {
		step: 'refused',
		transaction,
		answer,
		busy: false,
		previewTop: 0,
		attempt: 0,
		reasonIndex: 0,
		notice: {
			kind: 'refusal',
			code: answer.reason,
			detail: {terminalId: transaction.terminalId, ...(answer.outside && {outside: answer.outside})},
		},
	};
}

function needsSupervisor(flow: VoidFlow): boolean {
	return flow.answer.ok && flow.answer.needsSupervisor;
}

export function voidFlowReducer(flow: VoidFlow, event: VoidEvent): VoidFlow {
	switch (event.type) {
		case 'checking':
		case 'committing': {
			return {...flow, busy: true, notice: undefined};
		}

		case 'password-accepted': {
			return {
				...flow,
				busy: false,
				operator: event.operator,
				...(needsSupervisor(flow) ? {step: 'approval', check: startApproverCheck()} : {step: 'reason'}),
			};
		}

		case 'password-refused': {
			return {
				...flow,
				busy: false,
				step: 'password',
				attempt: flow.attempt + 1,
				notice: {kind: 'text', text: event.text},
			};
		}

		case 'check': {
			if (flow.step !== 'approval' || !flow.check) {
				return flow;
			}

			// The clerk who voids cannot approve their own void.
			if (event.event.type === 'number' && event.event.operatorNo === flow.operator?.operatorNo) {
				return flow;
			}

			const check = checkReducer(flow.check, event.event);
			return check.step === 'approved'
				? {...flow, check, approver: check.approver, step: 'reason', notice: undefined}
				: {...flow, check};
		}

		case 'reason-move': {
			return {...flow, reasonIndex: clampIndex(flow.reasonIndex + event.by, event.count)};
		}

		case 'reason': {
			return {...flow, reason: event.reason, step: 'confirm', notice: undefined};
		}

		case 'reason-other': {
			return {...flow, step: 'reason-text', notice: undefined};
		}

		case 'reason-back': {
			return flow.step === 'reason-text' ? {...flow, step: 'reason', notice: undefined} : flow;
		}

		case 'void-refused': {
			return {...flow, busy: false, step: 'refused', notice: {kind: 'refusal', code: event.code, detail: event.detail}};
		}

		case 'voided': {
			return {
				...flow,
				outcome: event.outcome,
				transaction: event.outcome.transaction,
				step: 'printing',
				printStep: 'claiming',
				notice: undefined,
			};
		}

		case 'print-step':
		case 'printed':
		case 'scroll': {
			return slipPrintingReducer(flow, event);
		}
	}
}

/** The reason that asks for the clerk's own words: "Other", in either language. */
export function isOtherReason(reason: string): boolean {
	return /(?:^|\s)(?:其他|其它|other)(?:\s|$)/iu.test(reason);
}

/** Where the clerk can still back out with nothing changed. */
export function canCancel(flow: VoidFlow): boolean {
	return flow.step !== 'printing' && flow.step !== 'result' && !flow.busy && !flow.check?.busy;
}
