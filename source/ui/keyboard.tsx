import {useInput, type Key} from 'ink';
import React, {createContext, useContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';

/** Answers true when it used the key, so no lower layer sees it. */
export type KeyHandler = (input: string, key: Key) => boolean;

/** Who hears a key first: a focused text field or menu, then the screen in front, then the app's global keys. */
export const layer = {app: 0, screen: 10, field: 20} as const;

type Registration = {priority: number; order: number; handler: {current: KeyHandler}};

type Router = {register: (registration: Omit<Registration, 'order'>) => () => void};

const RouterContext = createContext<Router | undefined>(undefined);

/**
 * The one place that reads the keyboard. Screens and fields register a handler while they are in
 * front; a key goes to the highest layer first (the newest registration within a layer) and stops
 * at the first handler that uses it.
 */
export function KeyboardRouter({
	children,
	onAnyKey,
}: {
	readonly children: ReactNode;
	readonly onAnyKey?: () => void;
}): React.JSX.Element {
	const registrations = useRef<Registration[]>([]);
	const counter = useRef(0);
	const onAnyKeyRef = useRef(onAnyKey);
	useLayoutEffect(() => {
		onAnyKeyRef.current = onAnyKey;
	});

	useInput((input, key) => {
		onAnyKeyRef.current?.();
		const dispatch = (text: string): boolean => {
			const ordered = registrations.current.toSorted((a, b) => b.priority - a.priority || b.order - a.order);
			return ordered.some(registration => registration.handler.current(text, key));
		};

		// Several characters in one read are a paste for a text field; when no field takes them, they
		// are keys typed faster than the terminal was read ("jjj"), and each one counts.
		if (!dispatch(input) && [...input].length > 1 && !key.ctrl && !key.meta) {
			for (const character of input) {
				dispatch(character);
			}
		}
	});

	const router = useMemo<Router>(
		() => ({
			register(registration) {
				const entry = {...registration, order: counter.current++};
				registrations.current.push(entry);
				return () => {
					registrations.current = registrations.current.filter(other => other !== entry);
				};
			},
		}),
		[],
	);

	return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

/** Hears keys at `priority` while `isActive`; the handler of the latest render is the one called. */
export function useKeys(priority: number, handler: KeyHandler, isActive = true): void {
	const router = useContext(RouterContext);
	const handlerRef = useRef(handler);
	useLayoutEffect(() => {
		handlerRef.current = handler;
	});
	// Registered during the commit, not after it: a key typed right after `/` must reach the new search field.
	useLayoutEffect(() => {
		if (!router || !isActive) {
			return undefined;
		}

		return router.register({priority, handler: handlerRef});
	}, [router, priority, isActive]);
}
