import {useCallback, useMemo} from 'react';
import {voidSlipSubstitutions, type Substitution} from '../../services/print-service.js';
import {authenticate} from '../../services/auth-service.js';
import {startOnlineVoid, terminalVoid, voidMode} from '../../services/online-void-service.js';
import {getTransaction, voidOfTransaction} from '../../services/transaction-list-service.js';
import {checkVoidable, voidTransaction, type VoidOutcome, type VoidRequest} from '../../services/void-service.js';
import {voidStateText} from '../../i18n/void-state-text.js';
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
	/** Y on the confirm step: records the void, sends it to its platform, or asks for the bank terminal's numbers. */
	confirm: () => void;
	/** The terminal-assisted card void: the terminal's void voucher, then its reference. */
	submitTerminalVoucher: (voucherNo: string) => void;
	submitTerminalReference: (referenceNo: string) => void;
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
	language,
	messages,
	session,
	printer,
	onChanged,
	onLockedOut,
}: FlowOptions & {
	/** Too many wrong passwords at the void locked the operator: the flow is closed, and the console signs out. */
	readonly onLockedOut?: (notice: string) => void;
}): VoidActions {
	const {flow, latest, dispatch, generation, begin, close, print, printDetached, retryPrint, answerSlip, scroll} =
		usePrintingFlow({
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

	/**
	 * A void the platform or the terminal approved: its slip prints, and the result shows where it was
	 * approved. After Esc left a void running the slip prints all the same (the status bar shows the
	 * printer); a print that fails leaves it in the queue with the printer's reason.
	 */
	const approved = useCallback(
		(outcome: Extract<VoidOutcome, {ok: true}>, from: number, approvedAt?: {platform: string; refundNo: string}) => {
			onChanged();
			if (generation() !== from) {
				// The clerk left (Esc) and may be on another void now: its screen must not show this slip's print.
				void printDetached(outcome.printJobId);
				return;
			}

			dispatch({type: 'voided', outcome, approvedAt}, from);
			void print(outcome.printJobId);
		},
		[dispatch, generation, onChanged, print, printDetached],
	);

	const refused = useCallback(
		(outcome: Extract<VoidOutcome, {ok: false}>, from: number) => {
			const transaction = latest.current?.transaction;
			dispatch(
				{
					type: 'void-refused',
					code: outcome.reason,
					detail: {
						terminalId: transaction?.terminalId,
						operatorNo: latest.current?.approver?.operatorNo,
						outside: outcome.outside,
						inDoubt: outcome.inDoubt,
					},
				},
				from,
			);
			onChanged();
		},
		[dispatch, latest, onChanged],
	);

	/**
	 * The online void: written `requested`, sent outside any transaction, its answer written when it comes.
	 * An answer that comes after Esc left the screen is written all the same; the list and the status bar show it.
	 */
	const sendOnline = useCallback(
		async (request: VoidRequest, from: number) => {
			let started;
			try {
				started = await startOnlineVoid(context, request);
			} catch (error) {
				// Nothing was written: the adapter (its keys, its link) could not be made.
				dispatch({type: 'void-refused', code: (error as Error).message, detail: {}}, from);
				return;
			}

			if (!started.ok) {
				refused(started, from);
				return;
			}

			onChanged();
			const {request: written} = started;
			let result;
			try {
				result = await started.answer;
			} catch (error) {
				// The answer could not be written (a busy database): the void stays requested, and the query settles it.
				onChanged();
				dispatch(
					{
						type: 'platform-answer',
						answer: {state: 'in-doubt', platform: written.platform, why: (error as Error).message, id: written.id},
					},
					from,
				);
				return;
			}

			onChanged();
			const {request: answered} = result;
			if (result.state === 'approved') {
				const transaction = getTransaction(context, answered.transactionId);
				const voidRow = voidOfTransaction(context, answered.transactionId);
				if (transaction && voidRow && result.printJobId !== undefined) {
					approved({ok: true, transaction, void: voidRow, printJobId: result.printJobId}, from, {
						platform: answered.platform,
						refundNo: answered.platformRefundNo ?? '',
					});
					return;
				}
			}

			dispatch(
				{
					type: 'platform-answer',
					answer:
						result.state === 'declined'
							? {
									state: 'declined',
									platform: answered.platform,
									code: answered.declineCode ?? '',
									detail: answered.detail,
								}
							: {state: 'in-doubt', platform: answered.platform, why: result.why ?? 'timeout', id: answered.id},
				},
				from,
			);
		},
		[approved, context, dispatch, onChanged, refused],
	);

	const confirm = useCallback(() => {
		const {current} = latest;
		if (current?.step !== 'confirm' || current.busy || !current.operator || current.reason === undefined) {
			return;
		}

		const {channel} = current.transaction;
		const mode = voidMode(context, channel);
		if (mode === 'terminal-assisted') {
			// Nothing is written until the terminal's numbers are typed: the void is made on the terminal.
			dispatch({type: 'terminal-step'});
			return;
		}

		// "Voiding…" or "sending to …" is drawn first; the write, which can block for seconds on a locked
		// database, runs once Ink has written that frame (it draws at most every 1000 / 30 ms).
		const from = generation();
		const request = {
			transactionId: current.transaction.id,
			operator: current.operator,
			approver: current.approver,
			reason: current.reason,
		};
		dispatch(mode === 'online' ? {type: 'sending', platform: channel, since: context.now()} : {type: 'committing'});
		setTimeout(() => {
			// Once y is pressed an online void goes out even if Esc already left the screen: Esc leaves it running.
			if (mode === 'online') {
				void sendOnline(request, from);
				return;
			}

			if (generation() !== from) {
				return;
			}

			const outcome = voidTransaction(context, request);
			if (outcome.ok) {
				approved(outcome, from);
			} else {
				refused(outcome, from);
			}
		}, afterNextFrameMs);
	}, [approved, context, dispatch, generation, latest, refused, sendOnline]);

	const submitTerminalVoucher = useCallback(
		(voucherNo: string) => {
			if (latest.current?.step === 'terminal' && !latest.current.busy) {
				dispatch({type: 'terminal-voucher', voucherNo: voucherNo.trim()});
			}
		},
		[dispatch, latest],
	);

	const submitTerminalReference = useCallback(
		(referenceNo: string) => {
			const {current} = latest;
			if (
				current?.step !== 'terminal' ||
				current.busy ||
				current.terminalVoucher === undefined ||
				!current.operator ||
				current.reason === undefined
			) {
				return;
			}

			const from = generation();
			const words = voidStateText[language];
			const request = {
				transactionId: current.transaction.id,
				operator: current.operator,
				approver: current.approver,
				reason: current.reason,
			};
			const answer = {voidVoucherNo: current.terminalVoucher, voidReferenceNo: referenceNo.trim()};
			dispatch({type: 'committing'});
			setTimeout(() => {
				if (generation() !== from) {
					return;
				}

				void terminalVoid(context, request, answer).then(outcome => {
					if (outcome.ok) {
						approved(outcome, from, {platform: 'terminal', refundNo: outcome.void.referenceNo});
					} else if (outcome.reason === 'terminal-answer') {
						dispatch(
							{
								type: 'terminal-refused',
								text:
									outcome.problem === 'taken'
										? words.terminalVoucherTaken(outcome.detail)
										: words.badTerminalAnswer(outcome.detail),
							},
							from,
						);
					} else {
						refused(outcome, from);
					}
				});
			}, afterNextFrameMs);
		},
		[approved, context, dispatch, generation, language, latest, refused],
	);

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
		submitTerminalVoucher,
		submitTerminalReference,
		retryPrint,
		answerSlip,
		scroll,
		close,
	};
}
