import {useCallback, useMemo} from 'react';
import {voidSlipSubstitutions, type Substitution} from '../../services/print-service.js';
import {authenticate} from '../../services/auth-service.js';
import {getTransaction} from '../../services/transaction-list-service.js';
import {checkVoidable, voidTransaction} from '../../services/void-service.js';
import {singleLine} from '../../domain/display-text.js';
import {authRefusalText} from '../../i18n/auth-text.js';
import {isOtherReason, startVoidFlow, voidFlowReducer, type VoidFlow} from '../state/void-flow.js';
import type {CheckEvent} from '../state/supervisor-check.js';
import {type FlowOptions, usePrintingFlow} from './use-printing-flow.js';
import {useApprovalActions, type ApprovalActions} from './use-supervisor-check.js';

/** Longer than Ink's frame interval (30 fps), so the frame before a blocking call is on screen. */
const afterNextFrameMs = 50;

export type VoidActions = {
	flow: VoidFlow | undefined;
	/** Checks at once whether the transaction can be voided; false when it is gone. */
	start: (transactionId: number) => boolean;
	submitPassword: (password: string) => void;
	/** The supervisor's approval over the limit: number, then password. */
	approval: ApprovalActions;
	moveReason: (by: number, count: number) => void;
	/** Picks the highlighted reason as it is now, not as the last frame drew it. */
	chooseHighlightedReason: (reasons: readonly string[]) => void;
	/** Picks reason `index` (the digit pressed, less one); "Other" asks for the clerk's own words. */
	chooseReason: (index: number, reasons: readonly string[]) => void;
	/** The clerk's own words for "Other"; empty keeps "Other" itself. */
	submitOtherReason: (text: string, other: string) => void;
	/** Esc while typing the "Other" reason: back to the reasons. */
	backToReasons: () => void;
	confirm: () => void;
	/** What the printer will substitute on this void's slip, found before the void commits; shown on the confirm step. */
	slipSubstitutions: Substitution[];
	retryPrint: () => void;
	/** After a print the printer could not confirm: the clerk's y (it came out) or n (print it again). */
	answerSlip: (cameOut: boolean) => void;
	scroll: (by: number, lines: number, height: number) => void;
	close: () => void;
};

/**
 * Runs the void flow: the reducer holds every step; this hook does the service calls between them.
 * An answer that arrives after the flow was closed or restarted is dropped (usePrintingFlow).
 */
export function useVoidFlow({
	context,
	messages,
	session,
	printer,
	onChanged,
	onLockedOut,
}: FlowOptions & {
	/** Too many wrong passwords at the void locked the operator: the flow is closed, and the console signs out. */
	readonly onLockedOut?: (notice: string) => void;
}): VoidActions {
	const {flow, latest, dispatch, generation, begin, close, print, retryPrint, answerSlip, scroll} = usePrintingFlow({
		context,
		session,
		printer,
		onChanged,
		reducer: voidFlowReducer,
	});

	const start = useCallback(
		(transactionId: number) => {
			const transaction = session ? getTransaction(context, transactionId) : undefined;
			if (!transaction || !session) {
				return false;
			}

			begin(startVoidFlow(transaction, checkVoidable(context, transaction, session.role)));
			return true;
		},
		[begin, context, session],
	);

	const submitPassword = useCallback(
		(password: string) => {
			const {current} = latest;
			if (!current || current.busy || !session || password === '') {
				return;
			}

			const from = generation();
			dispatch({type: 'checking'});
			void authenticate(context, session.operatorNo, password, 'void').then(result => {
				if (!result.ok && result.reason === 'locked' && generation() === from) {
					close();
					onLockedOut?.(authRefusalText(messages, result, context.now()));
					return;
				}

				dispatch(
					result.ok
						? {type: 'password-accepted', operator: result.operator}
						: {type: 'password-refused', text: authRefusalText(messages, result, context.now())},
					from,
				);
			});
		},
		[close, context, dispatch, generation, latest, messages, onLockedOut, session],
	);

	const readCheck = useCallback(
		() => (latest.current?.step === 'approval' ? latest.current.check : undefined),
		[latest],
	);
	const dispatchCheck = useCallback(
		(event: CheckEvent, from?: number) => {
			dispatch({type: 'check', event}, from);
		},
		[dispatch],
	);
	const refuseNumber = useCallback(
		(operatorNo: string) =>
			operatorNo === latest.current?.operator?.operatorNo ? messages.voidFlow.sameOperator : undefined,
		[latest, messages],
	);
	const approval = useApprovalActions({
		context,
		messages,
		purpose: 'approve',
		readCheck,
		dispatchCheck,
		generation,
		refuseNumber,
	});

	const chooseReason = useCallback(
		(index: number, reasons: readonly string[]) => {
			const reason = reasons[index];
			if (latest.current?.step === 'reason' && reason !== undefined) {
				dispatch(isOtherReason(reason) ? {type: 'reason-other'} : {type: 'reason', reason: singleLine(reason)});
			}
		},
		[dispatch, latest],
	);

	const chooseHighlightedReason = useCallback(
		(reasons: readonly string[]) => {
			chooseReason(latest.current?.reasonIndex ?? 0, reasons);
		},
		[chooseReason, latest],
	);

	const submitOtherReason = useCallback(
		(text: string, other: string) => {
			if (latest.current?.step === 'reason-text') {
				const words = singleLine(text).trim();
				dispatch({type: 'reason', reason: words === '' ? singleLine(other) : words});
			}
		},
		[dispatch, latest],
	);

	const backToReasons = useCallback(() => {
		dispatch({type: 'reason-back'});
	}, [dispatch]);

	const moveReason = useCallback(
		(by: number, count: number) => {
			dispatch({type: 'reason-move', by, count});
		},
		[dispatch],
	);

	const confirm = useCallback(() => {
		const {current} = latest;
		if (current?.step !== 'confirm' || current.busy || !current.operator || current.reason === undefined) {
			return;
		}

		// "Voiding…" is drawn first; the write, which can block for seconds on a locked database, runs
		// once Ink has written that frame (it draws at most every 1000 / 30 ms).
		const from = generation();
		const request = {
			transactionId: current.transaction.id,
			operator: current.operator,
			approver: current.approver,
			reason: current.reason,
		};
		dispatch({type: 'committing'});
		setTimeout(() => {
			if (generation() !== from) {
				return;
			}

			const outcome = voidTransaction(context, request);
			if (!outcome.ok) {
				dispatch({
					type: 'void-refused',
					code: outcome.reason,
					detail: {
						terminalId: current.transaction.terminalId,
						operatorNo: current.approver?.operatorNo,
						outside: outcome.outside,
					},
				});
				onChanged();
				return;
			}

			dispatch({type: 'voided', outcome});
			onChanged();
			void print(outcome.printJobId);
		}, afterNextFrameMs);
	}, [context, dispatch, generation, latest, onChanged, print]);

	const confirming = flow?.step === 'confirm' ? flow : undefined;
	const slipSubstitutions = useMemo(
		() =>
			confirming?.operator && confirming.reason !== undefined
				? voidSlipSubstitutions(context, confirming.transaction, {
						operatorNo: confirming.operator.operatorNo,
						reason: confirming.reason,
						approverNo: confirming.approver?.operatorNo,
					})
				: [],
		[context, confirming],
	);

	return {
		flow,
		start,
		slipSubstitutions,
		submitPassword,
		approval,
		moveReason,
		chooseHighlightedReason,
		chooseReason,
		submitOtherReason,
		backToReasons,
		confirm,
		retryPrint,
		answerSlip,
		scroll,
		close,
	};
}
