import {Box, useApp} from 'ink';
import React, {useCallback, useMemo, useReducer} from 'react';
import {messagesFor} from '../i18n/catalogue.js';
import type {Language} from '../i18n/language.js';
import {voidStateText} from '../i18n/void-state-text.js';
import {type PrinterReadiness, checkPrinter as checkConfiguredPrinter} from '../services/print-service.js';
import type {ServiceContext} from '../services/service-context.js';
import {Footer} from './components/Footer.js';
import {StatusBar} from './components/StatusBar.js';
import {Text} from './components/Text.js';
import {ConsoleContext, type ConsoleValue} from './console-context.js';
import {useClock} from './hooks/use-clock.js';
import {FlowsContext, useConsoleFlows} from './hooks/use-console-flows.js';
import {useGlobalKeys} from './hooks/use-global-keys.js';
import {useIdleLock} from './hooks/use-idle-lock.js';
import {usePrinterStatus} from './hooks/use-printer-status.js';
import {useStatusFigures} from './hooks/use-status-figures.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {keyTextFor} from './key-text.js';
import {KeyboardRouter, type KeyReport} from './keyboard.js';
import {listChrome} from './screens/ListScreen.js';
import {FrontScreen} from './screens/registry.js';
import {SignInScreen} from './screens/SignInScreen.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {appReducer, frontScreen, initialAppState, type AppEvent, type AppState} from './state/app-state.js';

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
	/** What became of each key: a test checks that the footer offers exactly the keys that act. */
	readonly onKeyReport?: (report: KeyReport) => void;
};

/** Status bar and footer; the screen gets the rest. The frame keeps to rows − 1 lines so Ink never scrolls. */
const barLines = 2;
const minimumColumns = 40;
const minimumRows = 8;

/**
 * The console. Holds the app state (session, lock, screen stack) and the idle timer, and puts the
 * single keyboard router around everything.
 */
export function App({idleLockMs, onKeyReport, ...props}: AppProps): React.JSX.Element {
	const [state, dispatch] = useReducer(appReducer, initialAppState);
	const idleMs = idleLockMs ?? props.context.config.idleLockMinutes * 60_000;
	const onIdle = useCallback(() => {
		dispatch({type: 'lock'});
	}, []);
	const touch = useIdleLock(idleMs, state.session !== undefined && !state.locked, onIdle);

	return (
		<KeyboardRouter onAnyKey={touch} onKeyReport={onKeyReport}>
			<Console {...props} state={state} dispatch={dispatch} />
		</KeyboardRouter>
	);
}

type ConsoleProps = Omit<AppProps, 'idleLockMs' | 'onKeyReport'> & {
	readonly state: AppState;
	readonly dispatch: (event: AppEvent) => void;
};

/** Wires the console's context and flows, the keys behind every screen, and the frame around the screen in front. */
function Console({context, language, demoAccounts, printerPollMs = 5000, checkPrinter, state, dispatch}: ConsoleProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const bodyHeight = Math.max(1, rows - 1 - barLines);
	const time = useClock(context.now);
	const check = useCallback(
		async () => (checkPrinter ?? (async () => checkConfiguredPrinter(context)))(),
		[checkPrinter, context],
	);
	const printer = usePrinterStatus(check, printerPollMs);
	const {figures, refresh} = useStatusFigures(context, printerPollMs);
	const quit = useCallback(() => {
		exit();
	}, [exit]);

	const value = useMemo<ConsoleValue>(
		() => ({
			context,
			language,
			messages: messagesFor(language),
			keyText: keyTextFor(language),
			timeZone: context.config.timeZone,
			columns,
			bodyHeight,
			session: state.session && !state.locked ? state.session : undefined,
			printer,
			dispatch,
			refresh,
			quit,
		}),
		[context, language, columns, bodyHeight, state.session, state.locked, printer, dispatch, refresh, quit],
	);
	const {messages} = value;
	const flows = useConsoleFlows({
		context,
		language,
		messages,
		state,
		dispatch,
		printer,
		pageSize: Math.max(1, bodyHeight - listChrome),
		refresh,
	});
	useGlobalKeys({context, state, dispatch, quit});

	if (columns < minimumColumns || rows < minimumRows) {
		return <Text wrap="truncate">{messages.tooSmall}</Text>;
	}

	const {session} = state;
	let body: React.JSX.Element;
	if (!session) {
		body = state.helpSignedOut ? (
			<HelpScreen />
		) : (
			<SignInScreen
				context={context}
				messages={messages}
				demoAccounts={demoAccounts}
				notice={state.signOutNotice}
				onSignedIn={operator => {
					dispatch({type: 'signed-in', operator});
					flows.list.showToday();
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
				onSignOut={notice => {
					flows.closeAll();
					dispatch({type: 'sign-out', notice});
				}}
			/>
		);
	} else {
		body = <FrontScreen screen={frontScreen(state)} />;
	}

	return (
		<ConsoleContext.Provider value={value}>
			<FlowsContext.Provider value={flows}>
				<Box flexDirection="column" width={columns} height={rows - 1}>
					<StatusBar
						messages={messages}
						columns={columns}
						operator={session}
						batchNo={figures?.batchNo}
						printer={printer.printer}
						waiting={figures?.waiting ?? 0}
						unconfirmed={figures?.unconfirmed ?? 0}
						language={language}
						inDoubt={figures?.inDoubt ? voidStateText[language].inDoubtCount(figures.inDoubt) : undefined}
						time={time}
						timeZone={context.config.timeZone}
						isDemo={demoAccounts !== undefined}
					/>
					{/* Clipped top to bottom only: every screen cuts its lines to the width itself, and clipping
					    sideways would make Ink slice every line of every frame. */}
					<Box flexDirection="column" height={bodyHeight} overflowY="hidden">
						{body}
					</Box>
					<Footer />
				</Box>
			</FlowsContext.Provider>
		</ConsoleContext.Provider>
	);
}
