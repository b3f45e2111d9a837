import process from 'node:process';
import {parseClockStart, systemClock} from '../../source/clock.js';

/**
 * Tests own their clock: every test process and every process it starts reads the time through
 * POSVOID_CLOCK, which starts here (17:30 in Asia/Shanghai, mid-week, mid-month) whatever the date of
 * the run. ava's configuration sets it for its workers; importing this module sets it for scripts
 * run outside ava (the soak). Children inherit it through the environment.
 */
export const defaultTestClockStart = '2026-11-25T09:30:00Z';

process.env['POSVOID_CLOCK'] ??= defaultTestClockStart;

/** The instant this process's test clock started at. */
export const testClockStart = parseClockStart(process.env['POSVOID_CLOCK'])!;

/** This process's clock: it started at `testClockStart` and runs at the real rate. */
export const testClock = systemClock();

/** What a process this test starts needs in its environment to carry on from this process's clock. */
export function clockEnvironment(): {POSVOID_CLOCK: string} {
	return {POSVOID_CLOCK: String(testClock())};
}
