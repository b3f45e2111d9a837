/**
 * Reading a wall-clock time written without an offset (a bill's `2026-11-25 10:03:27`) as the instant it
 * names in an IANA time zone. `time-format.ts` goes the other way (instant to wall clock).
 */
export type WallClock = {year: number; month: number; day: number; hour: number; minute: number; second: number};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
			hourCycle: 'h23',
		});
		formatters.set(timeZone, formatter);
	}

	return formatter;
}

/** The zone's offset from UTC at `epochMs`, in ms (Asia/Shanghai: +8 h). */
function offsetAt(epochMs: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
		parts[part.type] = Number(part.value);
	}

	const asUtc = Date.UTC(
		parts['year'] ?? 0,
		(parts['month'] ?? 1) - 1,
		parts['day'] ?? 1,
		parts['hour'] ?? 0,
		parts['minute'] ?? 0,
		parts['second'] ?? 0,
	);
	return asUtc - (epochMs - (epochMs % 1000));
}

/** Whether the fields name a real calendar date and time (no 30 February, no 24:00). */
export function isValidWallClock(clock: WallClock): boolean {
	const {year, month, day, hour, minute, second} = clock;
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
		return false;
	}

	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Start of each local hour already converted: a bill's rows share few hours, and Intl is slow per row. */
const hourStarts = new Map<string, number>();

/**
 * The UTC epoch ms of a wall-clock time in `timeZone`. Offsets are taken per local hour (zones change
 * offset on the hour); in the repeated hour of a change back, the earlier instant is chosen.
 */
export function zonedEpoch(clock: WallClock, timeZone: string): number {
	const key = `${timeZone} ${clock.year}-${clock.month}-${clock.day} ${clock.hour}`;
	let hourStart = hourStarts.get(key);
	if (hourStart === undefined) {
		const guess = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour);
		const first = guess - offsetAt(guess, timeZone);
		const second = guess - offsetAt(first, timeZone);
		hourStart = Math.min(first, second);
		if (hourStarts.size > 10_000) {
			hourStarts.clear();
		}

		hourStarts.set(key, hourStart);
	}

	return hourStart + clock.minute * 60_000 + clock.second * 1000;
}
