import {useInput, type Key} from 'ink';
import React, {
	createContext,
	useContext,
	useLayoutEffect,
	useMemo,
	useRef,
	useSyncExternalStore,
	type ReactNode,
} from 'react';
import {bindingsIn, keymap, typedCharacters, type Binding, type KeyAction, type KeyPlace} from './keymap.js';

/** Who hears a key first: a focused text field or menu, then the screen in front, then the app's global keys. */
export const layer = {app: 0, screen: 10, field: 20} as const;

/**
 * Answers true when it used the key, so no lower layer sees it. `action` is what the key means in the
 * registered places or anywhere (Esc, ?, Ctrl+C).
 */
export type KeyHandler = (action: KeyAction | undefined, input: string, key: Key) => boolean;

export type KeyRegistration = {
	/** The keymap places this handler answers in: the footer offers their keys. */
	readonly places: readonly KeyPlace[];
	readonly onKey: KeyHandler;
	/**
	 * Whether the handler acts on an action of its places right now (r only after a failed print, Esc
	 * only with somewhere to go back to). Defaults to every action of its places.
	 */
	readonly handles?: (action: KeyAction) => boolean;
	/**
	 * Keys this layer takes without acting on them as keys, so no lower layer hears them: a text field
	 * takes typed characters, help takes everything but Esc and ?.
	 */
	readonly swallows?: (binding: Binding) => boolean;
	/** Names the registration in key reports (tests). */
	readonly name?: string;
};

/** What became of one key, for a test that checks the footer's promise. */
export type KeyReport = {
	/** The key as the keymap writes it; undefined for a key the keymap does not name (Tab). */
	readonly label: string | undefined;
	readonly offered: boolean;
	/** Every key offered when it was pressed. */
	readonly offeredLabels: readonly string[];
	readonly usedBy?: string;
	readonly violation?: string;
};

type Entry = {priority: number; order: number; registration: KeyRegistration};

type Router = {
	register: (entry: Omit<Entry, 'order'>) => {update: (registration: KeyRegistration) => void; remove: () => void};
	subscribe: (listener: () => void) => () => void;
	offered: () => readonly Binding[];
};

const RouterContext = createContext<Router | undefined>(undefined);

/** A field takes the characters it accepts as text; keys that are not characters still reach the layers below. */
export function swallowsTyping(accept: (character: string) => boolean): (binding: Binding) => boolean {
	return binding => typedCharacters(binding).some(character => accept(character));
}

function ordered(entries: readonly Entry[]): Entry[] {
	return entries.toSorted((a, b) => b.priority - a.priority || b.order - a.order);
}

/** The keys that act now, front layer first: a key a higher layer acts on or swallows is not reachable below it. */
export function offeredBindings(registrations: readonly KeyRegistration[]): Binding[] {
	const claimed = new Set<string>();
	const offered: Binding[] = [];
	for (const registration of registrations) {
		for (const binding of bindingsIn(registration.places)) {
			if (!claimed.has(binding.label) && (registration.handles?.(binding.action) ?? true)) {
				offered.push(binding);
				claimed.add(binding.label);
			}
		}

		for (const binding of keymap) {
			if (registration.swallows?.(binding)) {
				claimed.add(binding.label);
			}
		}
	}

	return offered;
}

function keyReport({
	label,
	offeredNow,
	usedBy,
	usedAs,
	isThisKey,
}: {
	label: string | undefined;
	offeredNow: readonly Binding[];
	usedBy: Entry | undefined;
	usedAs: KeyAction | undefined;
	isThisKey: (binding: Binding) => boolean;
}): KeyReport {
	const offeredLabels = offeredNow.map(binding => binding.label);
	const offeredAs = offeredNow.find(binding => binding.label === label)?.action;
	const offered = offeredAs !== undefined;
	const name = usedBy ? (usedBy.registration.name ?? `layer ${usedBy.priority}`) : undefined;
	const swallowed = keymap.some(binding => isThisKey(binding) && usedBy?.registration.swallows?.(binding));
	const report = {label, offered, offeredLabels, usedBy: name};
	if (label !== undefined && offered && !usedBy) {
		return {...report, violation: `${label} is offered but nothing used it`};
	}

	if (label !== undefined && !offered && usedBy && !swallowed) {
		return {...report, violation: `${label} acted (${name}) but is not offered`};
	}

	// Typing into a field is not the key's action; any other use must be the action the footer names.
	if (offered && usedBy && !swallowed && usedAs !== undefined && usedAs !== offeredAs) {
		return {...report, violation: `${label} is offered as ${offeredAs} but acted as ${usedAs} (${name})`};
	}

	return report;
}

function keyLabel(input: string, key: Key): string | undefined {
	return keymap.find(binding => binding.matches(input, key))?.label;
}

/**
 * The one place that reads the keyboard. Screens and fields register their places and a handler
 * while they are in front; a key goes to the highest layer first (the newest registration within a
 * layer) and stops at the first handler that uses it. The footer reads the same registrations.
 */
export function KeyboardRouter({
	children,
	onAnyKey,
	onKeyReport,
}: {
	readonly children: ReactNode;
	readonly onAnyKey?: () => void;
	readonly onKeyReport?: (report: KeyReport) => void;
}): React.JSX.Element {
	const entries = useRef<Entry[]>([]);
	const counter = useRef(0);
	const listeners = useRef(new Set<() => void>());
	const offered = useRef<readonly Binding[]>([]);
	const callbacks = useRef({onAnyKey, onKeyReport});
	useLayoutEffect(() => {
		callbacks.current = {onAnyKey, onKeyReport};
	});

	const router = useMemo<Router>(() => {
		const changed = () => {
			const next = offeredBindings(ordered(entries.current).map(entry => entry.registration));
			const same =
				next.length === offered.current.length && next.every((binding, index) => binding === offered.current[index]);
			if (!same) {
				offered.current = next;
				for (const listener of listeners.current) {
					listener();
				}
			}
		};

		return {
			register(entry) {
				const own: Entry = {...entry, order: counter.current++};
				entries.current.push(own);
				changed();
				return {
					update(registration) {
						own.registration = registration;
						changed();
					},
					remove() {
						entries.current = entries.current.filter(other => other !== own);
						changed();
					},
				};
			},
			subscribe(listener) {
				listeners.current.add(listener);
				return () => {
					listeners.current.delete(listener);
				};
			},
			offered: () => offered.current,
		};
	}, []);

	useInput((input, key) => {
		callbacks.current.onAnyKey?.();
		const dispatch = (text: string): boolean => {
			const label = keyLabel(text, key);
			const offeredNow = router.offered();
			let usedBy: Entry | undefined;
			let usedAs: KeyAction | undefined;
			for (const entry of ordered(entries.current)) {
				const {registration} = entry;
				// A handler is told the keys that work anywhere (Esc, ?, Ctrl+C) too, so it can let them pass.
				const binding = bindingsIn([...registration.places, 'anywhere']).find(candidate =>
					candidate.matches(text, key),
				);
				if (registration.onKey(binding?.action, text, key)) {
					usedBy = entry;
					usedAs = binding?.action;
					break;
				}
			}

			const report = callbacks.current.onKeyReport;
			report?.(
				keyReport({
					label,
					offeredNow,
					usedBy,
					usedAs,
					isThisKey: binding => binding.label === label && binding.matches(text, key),
				}),
			);

			return usedBy !== undefined;
		};

		// Several characters in one read are a paste for a text field; when no field takes them, they
		// are keys typed faster than the terminal was read ("jjj"), and each one counts.
		if (!dispatch(input) && [...input].length > 1 && !key.ctrl && !key.meta) {
			for (const character of input) {
				dispatch(character);
			}
		}
	});

	return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

/**
 * Hears keys at `priority` while `isActive`, in the registered places. The registration of the latest
 * render is the one used, by the dispatch and by the footer alike.
 */
export function useKeys(priority: number, registration: KeyRegistration, isActive = true): void {
	const router = useContext(RouterContext);
	const handle = useRef<ReturnType<Router['register']> | undefined>(undefined);
	const latest = useRef(registration);
	// Declared before the registration so that on mount it runs first and the registration sees this render's handler.
	useLayoutEffect(() => {
		latest.current = registration;
		handle.current?.update(registration);
	});
	// Registered during the commit, not after it: a key typed right after `/` must reach the new search field.
	useLayoutEffect(() => {
		if (!router || !isActive) {
			return undefined;
		}

		handle.current = router.register({priority, registration: latest.current});
		return () => {
			handle.current?.remove();
			handle.current = undefined;
		};
	}, [router, priority, isActive]);
}

/** The keys that act now, for the footer. */
export function useOfferedKeys(): readonly Binding[] {
	const router = useContext(RouterContext);
	return useSyncExternalStore(router?.subscribe ?? (() => () => undefined), router?.offered ?? (() => []));
}
