type Parts = {year: string; month: string; day: string; hour: string; minute: string; second: string};

const formatters = new Map<string, Intl.DateTimeFormat>();

function intlPartsOf(epochMs: number, timeZone: string): Parts {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		});
		formatters.set(timeZone, formatter);
	}

	const parts: Record<string, string> = {};
	for (const part of formatter.formatToParts(epochMs)) {
		parts[part.type] = part.value;
	}

	return {
		year: parts['year'] ?? '',
		month: parts['month'] ?? '',
		day: parts['day'] ?? '',
		hour: parts['hour'] ?? '',
		minute: parts['minute'] ?? '',
		second: parts['second'] ?? '',
	};
}

const quarterHour = 15 * 60 * 1000;

/** Each zone's UTC offset per quarter hour already asked, or NaN where an offset change falls inside it. */
const offsets = new Map<string, Map<number, number>>();

function intlOffset(epochMs: number, timeZone: string): number {
	const p = intlPartsOf(epochMs, timeZone);
	const wholeSecond = Math.floor(epochMs / 1000) * 1000;
	return (
		Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) -
		wholeSecond
	);
}

/**
 * The zone's offset at `epochMs`, asked of Intl once per quarter hour: offsets change only on quarter
 * hours in every zone of this era, and a quarter hour whose two ends disagree is never cached as one.
 */
function offsetAt(epochMs: number, timeZone: string): number {
	let zone = offsets.get(timeZone);
	if (!zone || zone.size > 50_000) {
		zone = new Map();
		offsets.set(timeZone, zone);
	}

	const bucket = Math.floor(epochMs / quarterHour);
	let offset = zone.get(bucket);
	if (offset === undefined) {
		const start = intlOffset(bucket * quarterHour, timeZone);
		const end = intlOffset((bucket + 1) * quarterHour - 1, timeZone);
		offset = start === end ? start : Number.NaN;
		zone.set(bucket, offset);
	}

	return offset;
}

const two = (value: number) => String(value).padStart(2, '0');

/** The wall-clock fields of `epochMs` in `timeZone`. The list formats thousands a second, so Intl is asked per quarter hour, not per time. */
function partsOf(epochMs: number, timeZone: string): Parts {
	const offset = offsetAt(epochMs, timeZone);
	if (Number.isNaN(offset)) {
		return intlPartsOf(epochMs, timeZone);
	}

	const wall = new Date(epochMs + offset);
	const year = wall.getUTCFullYear();
	if (year < 1000 || year > 9999) {
		return intlPartsOf(epochMs, timeZone);
	}

	return {
		year: String(year),
		month: two(wall.getUTCMonth() + 1),
		day: two(wall.getUTCDate()),
		hour: two(wall.getUTCHours()),
		minute: two(wall.getUTCMinutes()),
		second: two(wall.getUTCSeconds()),
	};
}

/** `2026/11/25 17:30:12` in the counter's time zone, as slips print it. */
export function formatDateTime(epochMs: number, timeZone: string): string {
	const p = partsOf(epochMs, timeZone);
	return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `17:30:12` in the counter's time zone. */
export function formatTime(epochMs: number, timeZone: string): string {
	const p = partsOf(epochMs, timeZone);
	return `${p.hour}:${p.minute}:${p.second}`;
}

/** `2026-11-25` in the counter's time zone. */
export function formatDate(epochMs: number, timeZone: string): string {
	const p = partsOf(epochMs, timeZone);
	return `${p.year}-${p.month}-${p.day}`;
}

/** The UTC instant at which the calendar day containing `epochMs` starts in `timeZone`. */
export function startOfDay(epochMs: number, timeZone: string): number {
	const p = partsOf(epochMs, timeZone);
	const midnightAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
	// The zone's offset at that moment, found by formatting the guess back.
	const guess = partsOf(midnightAsUtc, timeZone);
	const guessAsUtc = Date.UTC(
		Number(guess.year),
		Number(guess.month) - 1,
		Number(guess.day),
		Number(guess.hour),
		Number(guess.minute),
		Number(guess.second),
	);
	return midnightAsUtc - (guessAsUtc - midnightAsUtc);
}

/** `2h 05m`, `12m`: a duration for "the void window closes in …". */
export function formatDuration(ms: number): string {
	const totalMinutes = Math.max(0, Math.floor(ms / 60_000));
	const hours = Math.floor(totalMinutes / 60);
	const minutes = totalMinutes % 60;
	return hours > 0 ? `${hours}h ${String(minutes).padStart(2, '0')}m` : `${minutes}m`;
}
