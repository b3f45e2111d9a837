import {layer, useKeys} from '../keyboard.js';
import type {KeyAction} from '../keymap.js';
import type {ServiceContext} from '../../services/service-context.js';
import type {AppEvent, AppState} from '../state/app-state.js';
import {openQueueEntries, readShiftReport} from './screen-data.js';

/**
 * The keys that work behind every screen: Ctrl+C, ?, Esc back, and once signed in p s x a l. Esc is
 * offered only where there is somewhere to go back to.
 */
export function useGlobalKeys({
	context,
	state,
	dispatch,
	quit,
}: {
	context: ServiceContext;
	state: AppState;
	dispatch: (event: AppEvent) => void;
	quit: () => void;
}): void {
	const {session} = state;
	const signedIn = session !== undefined && !state.locked;
	const effects: Partial<Record<KeyAction, AppEvent | (() => void)>> = {
		interrupt: quit,
		help: {type: 'open', screen: {name: 'help'}},
		back: {type: 'back'},
	};
	if (signedIn) {
		// The queue and the shift summary are read as they open, and carry what they show.
		Object.assign(effects, {
			queue() {
				dispatch({type: 'open', screen: {name: 'queue', entries: openQueueEntries(context)}});
			},
			settle: {type: 'open', screen: {name: 'settlement'}},
			shiftReport() {
				dispatch({type: 'open', screen: {name: 'report', report: readShiftReport(context, session.operatorNo)}});
			},
			audit: {type: 'open', screen: {name: 'audit'}},
			lock: {type: 'lock'},
		} satisfies Partial<Record<KeyAction, AppEvent | (() => void)>>);
	}

	const canGoBack = signedIn ? state.stack.length > 1 : !state.session && state.helpSignedOut;
	const acts = (action: KeyAction | undefined): action is KeyAction =>
		action !== undefined && effects[action] !== undefined && (action !== 'back' || canGoBack);

	useKeys(layer.app, {
		name: 'app',
		places: signedIn ? ['signed-in', 'anywhere'] : ['anywhere'],
		handles: acts,
		onKey(action) {
			if (!acts(action)) {
				return false;
			}

			const effect = effects[action];
			if (typeof effect === 'function') {
				effect();
			} else if (effect) {
				dispatch(effect);
			}

			return true;
		},
	});
}
