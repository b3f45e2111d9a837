/** What one suite did and what it found. Every loss, duplicate and hang must be 0. */
export type SuiteFigures = {
	suite: string;
	/** Rounds or cases run. */
	cases: number;
	/** Faults injected: kills, contested attempts, printer faults, hostile inputs, tamperings. */
	faults: number;
	/** Acknowledged work that is gone: a void, a row, a slip marked printed that the printer did not accept. */
	losses: number;
	/** Work done twice: a second void, a repeated voucher, a second slip for one retry. */
	duplicates: number;
	/** Calls that ran past their bound (busy timeout, printer timeouts, a worker that never answered). */
	hangs: number;
	/** Any other broken promise (integrity, classification, a message missing or unsafe), one line each. */
	violations: string[];
	/** What ran past its bound, one line each; kept apart because ava tests assert no timing. */
	hangDetails: string[];
	/** Suite-specific counts for the table's notes column. */
	notes: Record<string, number | string>;
};

export function emptyFigures(suite: string): SuiteFigures {
	return {suite, cases: 0, faults: 0, losses: 0, duplicates: 0, hangs: 0, violations: [], hangDetails: [], notes: {}};
}

/** Keeps the first violations only, so a systematic failure does not flood the report. */
export function noteViolation(figures: SuiteFigures, text: string): void {
	if (figures.violations.length < 50) {
		figures.violations.push(text);
	} else if (figures.violations.length === 50) {
		figures.violations.push('… further violations not listed');
	}
}

/** Counts a call that ran past its bound. */
export function noteHang(figures: SuiteFigures, text: string): void {
	figures.hangs++;
	if (figures.hangDetails.length < 20) {
		figures.hangDetails.push(text);
	}
}

export function addNote(figures: SuiteFigures, key: string, by = 1): void {
	const current = figures.notes[key];
	figures.notes[key] = (typeof current === 'number' ? current : 0) + by;
}

/** A clean suite: nothing lost, doubled or hung, and no other violation. */
export function isClean(figures: SuiteFigures): boolean {
	return figures.losses === 0 && figures.duplicates === 0 && figures.hangs === 0 && figures.violations.length === 0;
}

/** A uniform random integer in [min, max]. */
export function randomInt(min: number, max: number): number {
	return min + Math.floor(Math.random() * (max - min + 1));
}

/** The characters that must never reach a terminal or a printer from data: C0 (but line feed), DEL and C1. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const controlCharacter = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
