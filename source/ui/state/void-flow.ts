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
	/** An online void: the request is at its platform, the answer awaited (Esc leaves it running). */
	| 'sending'
	/** The platform declined, or gave no answer: nothing to print, the clerk is told what happens next. */
	| 'platform-answer'
	/** A terminal-assisted card void: the clerk voids on the bank terminal and types its numbers. */
	| 'terminal'
	| 'printing'
	| 'result';

/** A message for the clerk in the step it belongs to: a wrong password, a refusal, a printer problem. */
export type FlowNotice = {kind: 'refusal'; code: string; detail: FlowRefusalDetail} | {kind: 'text'; text: string};

/** What a refusal names; an outside refund's time is read in the counter's zone when it is shown. */
export type FlowRefusalDetail = {
	terminalId?: string;
	operatorNo?: string;
	outside?: OutsideNote;
	inDoubt?: {platform: string; since: number};
};

/** What an online void's platform said, when it did not approve it. */
export type PlatformAnswer =
	| {state: 'declined'; platform: string; code: string; detail: string}
	/** `why` is an UnknownReason of payments/payment-adapter.ts; `id` the void request's number. */
	| {state: 'in-doubt'; platform: string; why: string; id: number};

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
	/** An online void on its way: the platform (alipay, wechat) and when the request was written. */
	sending?: {platform: string; since: number};
	platformAnswer?: PlatformAnswer;
	/** An approved online void: the platform and its refund or cancel number, for the result's headline. */
	approvedAt?: {platform: string; refundNo: string};
	/** The terminal's void voucher, typed; the reference is asked next. */
	terminalVoucher?: string;
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
	| {type: 'voided'; outcome: Extract<VoidOutcome, {ok: true}>; approvedAt?: {platform: string; refundNo: string}}
	| {type: 'sending'; platform: string; since: number}
	| {type: 'platform-answer'; answer: PlatformAnswer}
	| {type: 'terminal-step'}
	| {type: 'terminal-voucher'; voucherNo: string}
	/** The terminal's numbers were refused (format, taken): both are asked again. */
	| {type: 'terminal-refused'; text: string}
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
			detail: {
				terminalId: transaction.terminalId,
				...(answer.outside && {outside: answer.outside}),
				...(answer.inDoubt && {inDoubt: answer.inDoubt}),
			},
		},
	};
}

function needsSupervisor(flow: VoidFlow): boolean {
	return flow.answer.ok && flow.answer.needsSupervisor;
}

type OnlineStepEvent = Extract<
	VoidEvent,
	{type: 'sending' | 'platform-answer' | 'terminal-step' | 'terminal-voucher' | 'terminal-refused'}
>;

/** The steps of a void that reaches the money: sent to its platform, or made on the bank terminal. */
function onlineStepReducer(flow: VoidFlow, event: OnlineStepEvent): VoidFlow {
	switch (event.type) {
		case 'sending': {
			return {...flow, step: 'sending', busy: true, sending: {platform: event.platform, since: event.since}};
		}

		case 'platform-answer': {
			return {...flow, step: 'platform-answer', busy: false, platformAnswer: event.answer};
		}

		case 'terminal-step': {
			return {...flow, step: 'terminal', busy: false, terminalVoucher: undefined, notice: undefined};
		}

		case 'terminal-voucher': {
			return flow.step === 'terminal' ? {...flow, terminalVoucher: event.voucherNo, notice: undefined} : flow;
		}

		case 'terminal-refused': {
			return {
				...flow,
				step: 'terminal',
				busy: false,
				terminalVoucher: undefined,
				attempt: flow.attempt + 1,
				notice: {kind: 'text', text: event.text},
			};
		}
	}
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

		case 'sending':
		case 'platform-answer':
		case 'terminal-step':
		case 'terminal-voucher':
		case 'terminal-refused': {
			return onlineStepReducer(flow, event);
		}

		case 'voided': {
			return {
				...flow,
				...(event.approvedAt && {approvedAt: event.approvedAt}),
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

/**
 * Esc while an online void waits for its platform: the screen goes, the request does not. Its answer
 * is written when it comes (or found by the query), and the status bar counts it until then.
 */
export function canLeaveRunning(flow: VoidFlow): boolean {
	return flow.step === 'sending';
}
