import {useCallback, useEffect, useLayoutEffect, useRef} from 'react';

/**
 * Calls `onIdle` once no key has been pressed for `idleMs` while `armed`, on time: one timer waits for
 * the idle time, and when keys came meanwhile it waits again only for what is left. Returns the
 * function the keyboard router calls on every key, which only notes the time. Idle time is measured
 * on the monotonic clock: the wall clock stepping back must not keep a console open.
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
		let timer: NodeJS.Timeout | undefined;
		const wait = (ms: number) => {
			timer = setTimeout(() => {
				const left = idleMs - (performance.now() - lastKey.current);
				if (left <= 0) {
					onIdleRef.current();
				} else {
					wait(left);
				}
			}, ms);
		};

		wait(idleMs);
		return () => {
			clearTimeout(timer);
		};
	}, [idleMs, armed]);

	return useCallback(() => {
		lastKey.current = performance.now();
	}, []);
}
