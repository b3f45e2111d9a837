import type {Authenticated} from '../../services/auth-service.js';
import type {QueueEntry, ShiftReportView, TransactionDetail} from '../hooks/screen-data.js';

/** The screens the clerk moves between once signed in; the list is always at the bottom. */
export type Screen =
	| {name: 'list'}
	/** What each screen shows is read when it opens (hooks/screen-data.ts). */
	| {name: 'detail'; transactionId: number; detail: TransactionDetail | undefined}
	| {name: 'void'}
	| {name: 'queue'; entries: QueueEntry[]}
	| {name: 'help'}
	| {name: 'settlement'}
	/** The shift summary (X report). */
	| {name: 'report'; report: ShiftReportView}
	| {name: 'audit'};

export type AppState = {
	session?: Authenticated;
	/** The console is locked for the session's operator after the idle time. */
	locked: boolean;
	/** Help before sign-in has its own flag, so the sign-in screen keeps what was typed. */
	helpSignedOut: boolean;
	stack: Screen[];
	/** Why the last session ended, for the sign-in screen: a lockout signs the operator out. */
	signOutNotice?: string;
};

export type AppEvent =
	| {type: 'signed-in'; operator: Authenticated}
	| {type: 'sign-out'; notice?: string}
	| {type: 'lock'}
	| {type: 'unlocked'}
	| {type: 'open'; screen: Screen}
	| {type: 'back'}
	| {type: 'back-to-list'};

export const initialAppState: AppState = {locked: false, helpSignedOut: false, stack: [{name: 'list'}]};

export function appReducer(state: AppState, event: AppEvent): AppState {
	switch (event.type) {
		case 'signed-in': {
			return {...initialAppState, session: event.operator};
		}

		case 'sign-out': {
			return event.notice === undefined ? initialAppState : {...initialAppState, signOutNotice: event.notice};
		}

		case 'lock': {
			return state.session ? {...state, locked: true} : state;
		}

		case 'unlocked': {
			return {...state, locked: false};
		}

		case 'open': {
			if (!state.session) {
				return event.screen.name === 'help' ? {...state, helpSignedOut: true} : state;
			}

			// Opening a screen already in front (p on the queue) does nothing; one already below comes forward.
			const rest = state.stack.filter(screen => screen.name !== event.screen.name || screen.name === 'list');
			return {...state, stack: event.screen.name === 'list' ? [{name: 'list'}] : [...rest, event.screen]};
		}

		case 'back': {
			if (!state.session) {
				return {...state, helpSignedOut: false};
			}

			return state.stack.length > 1 ? {...state, stack: state.stack.slice(0, -1)} : state;
		}

		case 'back-to-list': {
			return {...state, stack: [{name: 'list'}]};
		}
	}
}

export function frontScreen(state: AppState): Screen {
	return state.stack.at(-1) ?? {name: 'list'};
}
