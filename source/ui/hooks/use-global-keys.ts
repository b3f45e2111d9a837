import {layer, useKeys} from '../keyboard.js';
import type {KeyAction} from '../keymap.js';
import type {AppEvent, AppState} from '../state/app-state.js';

/**
 * The keys that work behind every screen: Ctrl+C, ?, Esc back, and once signed in p s x a l. Esc is
 * offered only where there is somewhere to go back to.
 */
export function useGlobalKeys(state: AppState, dispatch: (event: AppEvent) => void, quit: () => void): void {
	const signedIn = state.session !== undefined && !state.locked;
	const effects: Partial<Record<KeyAction, AppEvent | (() => void)>> = {
		interrupt: quit,
		help: {type: 'open', screen: {name: 'help'}},
		back: {type: 'back'},
	};
	if (signedIn) {
		Object.assign(effects, {
			queue: {type: 'open', screen: {name: 'queue'}},
			settle: {type: 'open', screen: {name: 'settlement'}},
			shiftReport: {type: 'open', screen: {name: 'report'}},
			audit: {type: 'open', screen: {name: 'audit'}},
			lock: {type: 'lock'},
		} satisfies Partial<Record<KeyAction, AppEvent>>);
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
