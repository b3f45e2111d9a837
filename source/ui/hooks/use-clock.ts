import {useEffect, useState} from 'react';

/** The time, refreshed at each new minute: the status bar shows hours and minutes, so a second tick would only redraw. */
export function useClock(now: () => number): number {
	const [time, setTime] = useState(now);
	useEffect(() => {
		let timer: NodeJS.Timeout;
		const schedule = () => {
			const current = now();
			timer = setTimeout(
				() => {
					setTime(now());
					schedule();
				},
				60_000 - (current % 60_000) + 50,
			);
		};

		schedule();
		return () => {
			clearTimeout(timer);
		};
	}, [now]);
	return time;
}
