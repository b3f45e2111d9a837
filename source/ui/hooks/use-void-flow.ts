import {useCallback, useRef, useState} from 'react';
import type {Language} from '../../i18n/language.js';
import type {Messages} from '../../i18n/messages.js';
import {authenticate, type Authenticated} from '../../services/auth-service.js';
import {type PrinterFailure, printJob, type QueueFailure} from '../../services/print-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import {getTransaction} from '../../services/transaction-list-service.js';
import {checkVoidable, voidTransaction} from '../../services/void-service.js';
import {singleLine} from '../../domain/display-text.js';
import {authRefusalText} from '../auth-text.js';
import {startVoidFlow, voidFlowReducer, type VoidEvent, type VoidFlow} from '../state/void-flow.js';
import type {PrinterPoll} from './use-printer-status.js';

/** A failure of the printer itself, as opposed to the queue's own state (already printed, printing elsewhere). */
function isPrinterFailure(failure: QueueFailure): failure is PrinterFailure {
	return failure.kind !== 'already-printed' && failure.kind !== 'in-progress';
}

export type VoidActions = {
	flow: VoidFlow | undefined;
	/** Checks at once whether the transaction can be voided; false when it is gone. */
	start: (transactionId: number) => boolean;
	submitPassword: (password: string) => void;
	submitSupervisorNumber: (operatorNo: string) => void;
	submitSupervisorPassword: (password: string) => void;
	moveReason: (by: number, count: number) => void;
	/** Picks the highlighted reason as it is now, not as the last frame drew it. */
	chooseHighlightedReason: (reasons: readonly string[]) => void;
	confirm: () => void;
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
	/** The database changed (a void, a print): the list, the batch and the waiting count are read again. */
	onChanged: () => void;
};

/**
 * Runs the void flow: the reducer holds every step; this hook does the service calls between them.
 * An answer that arrives after the flow was closed or restarted is dropped (`generation`).
 */
export function useVoidFlow({context, language, messages, session, printer, onChanged}: Options): VoidActions {
	const [flow, setFlow] = useState<VoidFlow | undefined>();
	const latest = useRef<VoidFlow | undefined>(undefined);
	const generation = useRef(0);

	const set = useCallback((next: VoidFlow | undefined) => {
		latest.current = next;
		setFlow(next);
	}, []);

	const dispatch = useCallback(
		(event: VoidEvent, from = generation.current) => {
			if (from !== generation.current || !latest.current) {
				return;
			}

			set(voidFlowReducer(latest.current, event));
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
				if (result.ok) {
					printer.report({ready: true, paperNearEnd: false});
				} else if (isPrinterFailure(result.failure)) {
					printer.report({ready: false, failure: result.failure, paperNearEnd: false});
				}
			} finally {
				printer.setPrinting(false);
				onChanged();
			}
		},
		[context, dispatch, language, onChanged, printer],
	);

	const start = useCallback(
		(transactionId: number) => {
			const transaction = session ? getTransaction(context, transactionId) : undefined;
			if (!transaction || !session) {
				return false;
			}

			generation.current++;
			set(startVoidFlow(transaction, checkVoidable(context, transaction, session.role)));
			return true;
		},
		[context, session, set],
	);

	const submitPassword = useCallback(
		(password: string) => {
			const {current} = latest;
			if (!current || current.busy || !session || password === '') {
				return;
			}

			const from = generation.current;
			dispatch({type: 'checking'});
			void authenticate(context, session.operatorNo, password, 'void').then(result => {
				dispatch(
					result.ok
						? {type: 'password-accepted', operator: result.operator}
						: {type: 'password-refused', text: authRefusalText(messages, result, session.operatorNo, context.now())},
					from,
				);
			});
		},
		[context, dispatch, messages, session],
	);

	const submitSupervisorNumber = useCallback(
		(operatorNo: string) => {
			if (operatorNo === '') {
				return;
			}

			if (operatorNo === latest.current?.operator?.operatorNo) {
				dispatch({type: 'approver-refused', text: messages.voidFlow.sameOperator, backToNumber: true});
				return;
			}

			dispatch({type: 'supervisor-number', operatorNo});
		},
		[dispatch, messages],
	);

	const submitSupervisorPassword = useCallback(
		(password: string) => {
			const {current} = latest;
			const supervisorNo = current?.supervisorNo;
			if (!current || current.busy || supervisorNo === undefined || password === '') {
				return;
			}

			const from = generation.current;
			dispatch({type: 'checking'});
			void authenticate(context, supervisorNo, password, 'approve').then(result => {
				if (result.ok && result.operator.role === 'supervisor') {
					dispatch({type: 'approver-accepted', approver: result.operator}, from);
				} else if (result.ok) {
					dispatch(
						{type: 'approver-refused', text: messages.voidFlow.notSupervisor(supervisorNo), backToNumber: true},
						from,
					);
				} else {
					dispatch(
						{
							type: 'approver-refused',
							text: authRefusalText(messages, result, supervisorNo, context.now()),
							backToNumber: result.reason !== 'wrong-password',
						},
						from,
					);
				}
			});
		},
		[context, dispatch, messages],
	);

	const chooseHighlightedReason = useCallback(
		(reasons: readonly string[]) => {
			const reason = reasons[latest.current?.reasonIndex ?? 0];
			if (latest.current?.step === 'reason' && reason !== undefined) {
				dispatch({type: 'reason', reason: singleLine(reason)});
			}
		},
		[dispatch],
	);

	const moveReason = useCallback(
		(by: number, count: number) => {
			dispatch({type: 'reason-move', by, count});
		},
		[dispatch],
	);

	const confirm = useCallback(() => {
		const {current} = latest;
		if (current?.step !== 'confirm' || !current.operator || current.reason === undefined) {
			return;
		}

		const outcome = voidTransaction(context, {
			transactionId: current.transaction.id,
			operator: current.operator,
			approver: current.approver,
			reason: current.reason,
		});
		if (!outcome.ok) {
			dispatch({
				type: 'void-refused',
				code: outcome.reason,
				detail: {terminalId: current.transaction.terminalId, operatorNo: current.approver?.operatorNo},
			});
			onChanged();
			return;
		}

		dispatch({type: 'voided', outcome});
		onChanged();
		void print(outcome.printJobId);
	}, [context, dispatch, onChanged, print]);

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

	return {
		flow,
		start,
		submitPassword,
		submitSupervisorNumber,
		submitSupervisorPassword,
		moveReason,
		chooseHighlightedReason,
		confirm,
		retryPrint,
		scroll,
		close,
	};
}
