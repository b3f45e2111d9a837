import {useCallback} from 'react';
import {authenticate} from '../../services/auth-service.js';
import {getTransaction} from '../../services/transaction-list-service.js';
import {checkVoidable, voidTransaction} from '../../services/void-service.js';
import {singleLine} from '../../domain/display-text.js';
import {authRefusalText} from '../../i18n/auth-text.js';
import {startVoidFlow, voidFlowReducer, type VoidFlow} from '../state/void-flow.js';
import {type FlowOptions, usePrintingFlow} from './use-printing-flow.js';

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

/**
 * Runs the void flow: the reducer holds every step; this hook does the service calls between them.
 * An answer that arrives after the flow was closed or restarted is dropped (usePrintingFlow).
 */
export function useVoidFlow({context, messages, session, printer, onChanged}: FlowOptions): VoidActions {
	const {flow, latest, dispatch, generation, begin, close, print, retryPrint, scroll} = usePrintingFlow({
		context,
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
				dispatch(
					result.ok
						? {type: 'password-accepted', operator: result.operator}
						: {type: 'password-refused', text: authRefusalText(messages, result, context.now())},
					from,
				);
			});
		},
		[context, dispatch, generation, latest, messages, session],
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
		[dispatch, latest, messages],
	);

	const submitSupervisorPassword = useCallback(
		(password: string) => {
			const {current} = latest;
			const supervisorNo = current?.supervisorNo;
			if (!current || current.busy || supervisorNo === undefined || password === '') {
				return;
			}

			const from = generation();
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
							text: authRefusalText(messages, result, context.now()),
							// One answer for a wrong number and a wrong password, so both ask for the number again.
							backToNumber: true,
						},
						from,
					);
				}
			});
		},
		[context, dispatch, generation, latest, messages],
	);

	const chooseHighlightedReason = useCallback(
		(reasons: readonly string[]) => {
			const reason = reasons[latest.current?.reasonIndex ?? 0];
			if (latest.current?.step === 'reason' && reason !== undefined) {
				dispatch({type: 'reason', reason: singleLine(reason)});
			}
		},
		[dispatch, latest],
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
	}, [context, dispatch, latest, onChanged, print]);

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
