import {createContext, useCallback, useContext, useEffect} from 'react';
import type {Language} from '../../i18n/language.js';
import type {Messages} from '../../i18n/messages.js';
import type {ServiceContext} from '../../services/service-context.js';
import {frontScreen, type AppEvent, type AppState} from '../state/app-state.js';
import {hasCommitted} from '../state/settlement-flow.js';
import type {PrinterPoll} from './use-printer-status.js';
import {useSettlementFlow, type SettlementActions} from './use-settlement-flow.js';
import {useSupervisorCheck, type SupervisorCheckActions} from './use-supervisor-check.js';
import {useTransactionList, type TransactionList} from './use-transaction-list.js';
import {useVoidFlow, type VoidActions} from './use-void-flow.js';

/** The screens' state that outlives the screen in front: help over a void must not lose the void. */
export type ConsoleFlows = {
	list: TransactionList;
	voidFlow: VoidActions;
	settlement: SettlementActions;
	auditCheck: SupervisorCheckActions;
	/** `v`: checks the sale at once, and opens the void only for a sale that is still there. */
	openVoid: (transactionId: number) => void;
	/** Sign-out or a lockout: every flow is dropped. */
	closeAll: () => void;
};

export const FlowsContext = createContext<ConsoleFlows | undefined>(undefined);

export function useFlows(): ConsoleFlows {
	const flows = useContext(FlowsContext);
	if (!flows) {
		throw new Error('useFlows outside the console');
	}

	return flows;
}

type Options = {
	context: ServiceContext;
	language: Language;
	messages: Messages;
	state: AppState;
	dispatch: (event: AppEvent) => void;
	printer: PrinterPoll;
	pageSize: number;
	refresh: () => void;
};

/**
 * Holds the list and the flows, and starts or drops each as its screen comes to the front or leaves
 * the stack. A supervisor's approval lasts while its screen is open and the console unlocked; a
 * settlement that committed stays to show its result.
 */
export function useConsoleFlows({
	context,
	language,
	messages,
	state,
	dispatch,
	printer,
	pageSize,
	refresh,
}: Options): ConsoleFlows {
	const {session} = state;
	const list = useTransactionList(context, pageSize);
	// Too many wrong passwords at the void lock the operator: they are signed out, and the sign-in says why.
	const lockedOut = useCallback(
		(notice: string) => {
			dispatch({type: 'sign-out', notice});
		},
		[dispatch],
	);
	const voidFlow = useVoidFlow({
		context,
		language,
		messages,
		session,
		printer,
		onChanged: refresh,
		onLockedOut: lockedOut,
	});
	const settlement = useSettlementFlow({context, language, messages, session, printer, onChanged: refresh});
	const auditCheck = useSupervisorCheck({context, messages, session, purpose: 'approve'});

	const active = Boolean(session && !state.locked);
	const frontName = active ? frontScreen(state).name : undefined;
	const open = (name: string) => active && state.stack.some(screen => screen.name === name);
	const settlementOpen = open('settlement');
	const auditOpen = open('audit');

	// The list is read again whenever it comes back to the front: a void or a reprint may have changed a row.
	const {reload} = list;
	useEffect(() => {
		if (frontName === 'list') {
			reload();
		}
	}, [frontName, reload]);

	const {flow: settlementFlow, start: startSettlement, close: closeSettlement} = settlement;
	useEffect(() => {
		if (frontName === 'settlement' && !settlementFlow) {
			startSettlement();
		} else if (!settlementOpen && settlementFlow && !hasCommitted(settlementFlow)) {
			closeSettlement();
		}
	}, [frontName, settlementOpen, settlementFlow, startSettlement, closeSettlement]);

	const {check: auditApproval, start: startAuditCheck, close: closeAuditCheck} = auditCheck;
	useEffect(() => {
		if (frontName === 'audit' && !auditApproval) {
			startAuditCheck(true);
		} else if (!auditOpen && auditApproval) {
			closeAuditCheck();
		}
	}, [frontName, auditOpen, auditApproval, startAuditCheck, closeAuditCheck]);

	const {start: startVoid, close: closeVoid} = voidFlow;
	const openVoid = useCallback(
		(transactionId: number) => {
			if (startVoid(transactionId)) {
				dispatch({type: 'open', screen: {name: 'void'}});
			}
		},
		[dispatch, startVoid],
	);
	const closeAll = useCallback(() => {
		closeVoid();
		closeSettlement();
		closeAuditCheck();
	}, [closeVoid, closeSettlement, closeAuditCheck]);

	return {list, voidFlow, settlement, auditCheck, openVoid, closeAll};
}
