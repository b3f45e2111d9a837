type Parts = {year: string; month: string; day: string; hour: string; minute: string; second: string};

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(epochMs: number, timeZone: string): Parts {
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
