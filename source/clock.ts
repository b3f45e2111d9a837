import process from 'node:process';
import {UserError} from './user-error.js';

/** Milliseconds since the epoch, UTC. Every use case reads the time through one of these, never `Date.now()`. */
export type Clock = () => number;

export class ClockError extends UserError {
	override name = 'ClockError';
}

/**
 * Reads POSVOID_CLOCK: an ISO 8601 instant with its offset (`2026-11-25T09:30:00Z`) or epoch
 * milliseconds. Undefined when it is not set.
 */
export function parseClockStart(text: string | undefined): number | undefined {
	if (text === undefined || text.trim() === '') {
		return undefined;
	}

	const value = text.trim();
	const start = /^\d{1,15}$/.test(value)
		? Number(value)
		: /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?(?:Z|[+-]\d\d:\d\d)$/.test(value)
			? Date.parse(value)
			: Number.NaN;
	if (!Number.isFinite(start)) {
		throw new ClockError(
			`POSVOID_CLOCK=${value} is not an instant: give an ISO 8601 time with its offset, such as 2026-11-25T09:30:00Z, or unset it`,
		);
	}

	return start;
}

/**
 * The process's clock. Normally the system clock. With POSVOID_CLOCK set (tests and demonstrations),
 * the process's clock read that instant when the process started and runs on at the real rate,
 * measured on the monotonic clock: every clock of one process agrees, and a test passes its current
 * time to each process it starts (test/helpers/test-clock.ts), so they agree whatever the date of the run.
 */
export function systemClock(environment: NodeJS.ProcessEnv = process.env): Clock {
	const start = parseClockStart(environment['POSVOID_CLOCK']);
	if (start === undefined) {
		return () => Date.now();
	}

	// Performance.now() counts from the start of this process, whoever asks for a clock and when.
	return () => start + Math.floor(performance.now());
}
