import {Box, useApp} from 'ink';
import React, {useCallback, useEffect, useReducer, useState} from 'react';
import type {Language} from '../i18n/language.js';
import {messagesFor} from '../i18n/catalogue.js';
import type {Messages} from '../i18n/messages.js';
import {
	type PrinterReadiness,
	checkPrinter as checkConfiguredPrinter,
	waitingCount,
} from '../services/print-service.js';
import type {ServiceContext} from '../services/service-context.js';
import {currentBatch} from '../services/transaction-list-service.js';
import {Footer} from './components/Footer.js';
import {StatusBar} from './components/StatusBar.js';
import {useClock} from './hooks/use-clock.js';
import {useIdleLock} from './hooks/use-idle-lock.js';
import {usePrinterStatus, type PrinterPoll} from './hooks/use-printer-status.js';
import {useSettlementFlow} from './hooks/use-settlement-flow.js';
import {useSupervisorCheck} from './hooks/use-supervisor-check.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useTransactionList} from './hooks/use-transaction-list.js';
import {useVoidFlow} from './hooks/use-void-flow.js';
import {KeyboardRouter, layer, useKeys} from './keyboard.js';
import {actionFor, type KeyAction, type KeyPlace} from './keymap.js';
import {AuditScreen} from './screens/AuditScreen.js';
import {DetailScreen} from './screens/DetailScreen.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {ListScreen, listChrome} from './screens/ListScreen.js';
import {PrintQueueScreen} from './screens/PrintQueueScreen.js';
import {SettlementScreen} from './screens/SettlementScreen.js';
import {ShiftReportScreen} from './screens/ShiftReportScreen.js';
import {SignInScreen} from './screens/SignInScreen.js';
import {VoidScreen} from './screens/VoidScreen.js';
import {appReducer, frontScreen, initialAppState, type AppEvent, type AppState} from './state/app-state.js';
import {hasCommitted, type SettlementFlow} from './state/settlement-flow.js';
import type {SupervisorCheck} from './state/supervisor-check.js';
import type {VoidFlow} from './state/void-flow.js';
import {Text} from './components/Text.js';

export type AppProps = {
	readonly context: ServiceContext;
	readonly language: Language;
	/** Demo mode: the sign-in screen shows these accounts, and the status bar says DEMO. */
	readonly demoAccounts?: string;
	/** Defaults to the configuration's idleLockMinutes. */
	readonly idleLockMs?: number;
	readonly printerPollMs?: number;
	/** Defaults to asking the configured printer; tests pass their own. */
	readonly checkPrinter?: () => Promise<PrinterReadiness>;
};

/** Status bar and footer; the screen gets the rest. The frame keeps to rows − 1 lines so Ink never scrolls. */
const barLines = 2;
const minimumColumns = 40;
const minimumRows = 8;

/**
 * The console. Holds the app state (session, lock, screen stack) and the idle timer, and puts the
 * single keyboard router around everything.
 */
export function App({idleLockMs, ...props}: AppProps): React.JSX.Element {
	const [state, dispatch] = useReducer(appReducer, initialAppState);
	const idleMs = idleLockMs ?? props.context.config.idleLockMinutes * 60_000;
	const onIdle = useCallback(() => {
		dispatch({type: 'lock'});
	}, []);
	const touch = useIdleLock(idleMs, state.session !== undefined && !state.locked, onIdle);

	return (
		<KeyboardRouter onAnyKey={touch}>
			<Console {...props} state={state} dispatch={dispatch} />
		</KeyboardRouter>
	);
}

type ConsoleProps = Omit<AppProps, 'idleLockMs'> & {
	readonly state: AppState;
	readonly dispatch: (event: AppEvent) => void;
};

/** The flows of the screens whose keys change with their step. */
type Flows = {
	voidFlow: VoidFlow | undefined;
	settlementFlow: SettlementFlow | undefined;
	auditCheck: SupervisorCheck | undefined;
};

function placesFor(state: AppState, flows: Flows): KeyPlace[] {
	if (!state.session || state.locked) {
		return state.helpSignedOut ? ['help', 'anywhere'] : ['anywhere'];
	}

	const front = frontScreen(state).name;
	const signedIn: KeyPlace[] = ['signed-in', 'anywhere'];
	switch (front) {
		case 'list':
		case 'detail':
		case 'queue':
		case 'help': {
			return [front, ...signedIn];
		}

		case 'void': {
			const voidStep = flows.voidFlow?.step;
			if (voidStep === 'confirm' || voidStep === 'result') {
				return [voidStep, ...signedIn];
			}

			return signedIn;
		}

		case 'settlement': {
			const settlementStep = flows.settlementFlow?.step;
			if (settlementStep === 'review') {
				return ['settlement', ...signedIn];
			}

			return settlementStep === 'result' ? ['result', ...signedIn] : signedIn;
		}

		case 'report': {
			return ['report', ...signedIn];
		}

		case 'audit': {
			return flows.auditCheck?.step === 'approved' ? ['audit', ...signedIn] : signedIn;
		}
	}
}

function Console({context, language, demoAccounts, printerPollMs = 5000, checkPrinter, state, dispatch}: ConsoleProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const messages: Messages = messagesFor(language);
	const bodyHeight = Math.max(1, rows - 1 - barLines);
	const pageSize = Math.max(1, bodyHeight - listChrome);
	const time = useClock(context.now);

	const check = useCallback(
		async () => (checkPrinter ?? (async () => checkConfiguredPrinter(context)))(),
		[checkPrinter, context],
	);
	const printer: PrinterPoll = usePrinterStatus(check, printerPollMs);

	const [counts, setCounts] = useState(() => ({
		waiting: waitingCount(context),
		batchNo: currentBatch(context)?.batchNo,
	}));
	const list = useTransactionList(context, pageSize);
	const {reload} = list;
	const refresh = useCallback(() => {
		setCounts({waiting: waitingCount(context), batchNo: currentBatch(context)?.batchNo});
	}, [context]);
	useEffect(() => {
		const timer = setInterval(refresh, printerPollMs);
		return () => {
			clearInterval(timer);
		};
	}, [refresh, printerPollMs]);

	// The list is read again whenever it comes back to the front: a void or a reprint may have changed a row.
	const frontName = state.session && !state.locked ? frontScreen(state).name : undefined;
	useEffect(() => {
		if (frontName === 'list') {
			reload();
		}
	}, [frontName, reload]);

	const voidFlow = useVoidFlow({context, language, messages, session: state.session, printer, onChanged: refresh});
	const settlement = useSettlementFlow({
		context,
		language,
		messages,
		session: state.session,
		printer,
		onChanged: refresh,
	});
	const auditCheck = useSupervisorCheck({context, messages, session: state.session, purpose: 'approve'});
	const front = frontScreen(state);
	const places = placesFor(state, {
		voidFlow: voidFlow.flow,
		settlementFlow: settlement.flow,
		auditCheck: auditCheck.check,
	});

	// A supervisor's approval lasts while its screen is open and the console unlocked; a settlement that
	// committed stays to show its result. Each starts afresh when its screen comes to the front.
	const open = (name: string) =>
		Boolean(state.session && !state.locked && state.stack.some(screen => screen.name === name));
	const settlementOpen = open('settlement');
	const auditOpen = open('audit');
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

	const quit = useCallback(() => {
		exit();
	}, [exit]);

	const globalKeys: Partial<Record<KeyAction, AppEvent | (() => void)>> = {
		interrupt: quit,
		help: {type: 'open', screen: {name: 'help'}},
		back: {type: 'back'},
		queue: {type: 'open', screen: {name: 'queue'}},
		settle: {type: 'open', screen: {name: 'settlement'}},
		shiftReport: {type: 'open', screen: {name: 'report'}},
		audit: {type: 'open', screen: {name: 'audit'}},
		lock: {type: 'lock'},
	};
	useKeys(layer.app, (input, key) => {
		const action = actionFor(places, input, key);
		const effect = action === undefined ? undefined : globalKeys[action];
		if (effect === undefined) {
			return false;
		}

		if (typeof effect === 'function') {
			effect();
		} else {
			dispatch(effect);
		}

		return true;
	});

	const openVoid = useCallback(
		(transactionId: number) => {
			if (voidFlow.start(transactionId)) {
				dispatch({type: 'open', screen: {name: 'void'}});
			}
		},
		[dispatch, voidFlow],
	);

	if (columns < minimumColumns || rows < minimumRows) {
		return <Text wrap="truncate">{messages.tooSmall}</Text>;
	}

	let body: React.JSX.Element;
	const {session} = state;
	if (!session) {
		body = state.helpSignedOut ? (
			<HelpScreen messages={messages} height={bodyHeight} columns={columns} />
		) : (
			<SignInScreen
				context={context}
				messages={messages}
				demoAccounts={demoAccounts}
				onSignedIn={operator => {
					dispatch({type: 'signed-in', operator});
					list.showToday();
					refresh();
				}}
			/>
		);
	} else if (state.locked) {
		body = (
			<SignInScreen
				context={context}
				messages={messages}
				lockedFor={session}
				onSignedIn={() => {
					dispatch({type: 'unlocked'});
				}}
				onSignOut={() => {
					voidFlow.close();
					closeSettlement();
					dispatch({type: 'sign-out'});
				}}
			/>
		);
	} else {
		switch (front.name) {
			case 'list': {
				body = (
					<ListScreen
						list={list}
						messages={messages}
						timeZone={context.config.timeZone}
						columns={columns}
						onOpen={transaction => {
							dispatch({type: 'open', screen: {name: 'detail', transactionId: transaction.id}});
						}}
						onVoid={transaction => {
							openVoid(transaction.id);
						}}
						onQuit={quit}
					/>
				);
				break;
			}

			case 'detail': {
				body = (
					<DetailScreen
						context={context}
						messages={messages}
						transactionId={front.transactionId}
						role={session.role}
						onVoid={() => {
							openVoid(front.transactionId);
						}}
					/>
				);
				break;
			}

			case 'void': {
				body = voidFlow.flow ? (
					<VoidScreen
						flow={voidFlow.flow}
						actions={voidFlow}
						messages={messages}
						config={context.config}
						height={bodyHeight}
						columns={columns}
						operatorNo={session.operatorNo}
						onExit={voided => {
							voidFlow.close();
							dispatch(voided ? {type: 'back-to-list'} : {type: 'back'});
							reload();
							refresh();
						}}
					/>
				) : (
					<Text> </Text>
				);
				break;
			}

			case 'queue': {
				body = (
					<PrintQueueScreen
						context={context}
						messages={messages}
						session={session}
						printer={printer}
						height={bodyHeight}
						columns={columns}
						onChanged={refresh}
					/>
				);
				break;
			}

			case 'help': {
				body = <HelpScreen messages={messages} height={bodyHeight} columns={columns} />;
				break;
			}

			case 'settlement': {
				body = settlementFlow ? (
					<SettlementScreen
						flow={settlementFlow}
						actions={settlement}
						messages={messages}
						timeZone={context.config.timeZone}
						height={bodyHeight}
						columns={columns}
						onExit={committed => {
							closeSettlement();
							dispatch(committed ? {type: 'back-to-list'} : {type: 'back'});
							refresh();
						}}
					/>
				) : (
					<Text> </Text>
				);
				break;
			}

			case 'report': {
				body = <ShiftReportScreen context={context} messages={messages} session={session} printer={printer} />;
				break;
			}

			case 'audit': {
				body = (
					<AuditScreen
						context={context}
						messages={messages}
						approval={auditCheck}
						height={bodyHeight}
						columns={columns}
					/>
				);
				break;
			}
		}
	}

	return (
		<Box flexDirection="column" width={columns} height={rows - 1}>
			<StatusBar
				messages={messages}
				columns={columns}
				operator={session}
				batchNo={counts.batchNo}
				printer={printer.printer}
				waiting={counts.waiting}
				time={time}
				timeZone={context.config.timeZone}
				isDemo={demoAccounts !== undefined}
			/>
			{/* Clipped top to bottom only: every screen cuts its lines to the width itself, and clipping
			    sideways would make Ink slice every line of every frame. */}
			<Box flexDirection="column" height={bodyHeight} overflowY="hidden">
				{body}
			</Box>
			<Footer places={places} messages={messages} columns={columns} />
		</Box>
	);
}
