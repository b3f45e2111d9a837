import {useCallback, useEffect, useLayoutEffect, useRef} from 'react';

/**
 * Calls `onIdle` once no key has been pressed for `idleMs` while `armed`. Returns the function the
 * keyboard router calls on every key. The check runs on a coarse timer, never per key. Idle time
 * is measured on the monotonic clock: the wall clock stepping back must not keep a console open.
 */
export function useIdleLock(idleMs: number, armed: boolean, onIdle: () => void): () => void {
	const lastKey = useRef(0);
	const onIdleRef = useRef(onIdle);
	useLayoutEffect(() => {
		onIdleRef.current = onIdle;
	});

	useEffect(() => {
		if (!armed) {
			return undefined;
		}

		lastKey.current = performance.now();
		const every = Math.max(20, Math.min(15_000, Math.floor(idleMs / 4)));
		const timer = setInterval(() => {
			if (performance.now() - lastKey.current >= idleMs) {
				onIdleRef.current();
			}
		}, every);
		return () => {
			clearInterval(timer);
		};
	}, [idleMs, armed]);

	return useCallback(() => {
		lastKey.current = performance.now();
	}, []);
}
