// The small rule set the configuration is read with: each rule turns a JSON value into a typed one
// or into a problem that says what form the key expects. Hand-written rather than a schema
// library, because the console reads its configuration on every start and a library's set-up cost
// was a measurable share of start-up (see the readme's Performance section).

import {freeText} from './domain/display-text.js';

/** A rule's answer: the value, or what the key should have held. */
export type Checked<T> = {ok: true; value: T} | {ok: false; expected: string};

export type Rule<T> = (value: unknown) => Checked<T>;

const ok = <T>(value: T): Checked<T> => ({ok: true, value});
const expected = <T>(form: string): Checked<T> => ({ok: false, expected: form});

export function integer(min: number, max: number): Rule<number> {
	return value =>
		typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
			? ok(value)
			: expected(`a whole number from ${min} to ${max}`);
}

export function decimal(min: number, max: number): Rule<number> {
	return value =>
		typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
			? ok(value)
			: expected(`a number from ${min} to ${max}`);
}

/** A number greater than `min` (which is itself refused) and at most `max`. */
export function above(min: number, max: number): Rule<number> {
	return value =>
		typeof value === 'number' && Number.isFinite(value) && value > min && value <= max
			? ok(value)
			: expected(`a number above ${min}, up to ${max}`);
}

export function text(min: number, max: number): Rule<string> {
	return value =>
		typeof value === 'string' && value.length >= min && value.length <= max
			? ok(value)
			: expected(min === max ? `text of ${min} characters` : `text of ${min} to ${max} characters`);
}

/**
 * Text printed on slips or shown on screens (the merchant's name, void reasons): read as free text,
 * one line with card numbers masked, so a number typed into the file never reaches paper or screen.
 */
export function shownText(min: number, max: number): Rule<string> {
	const plain = text(min, max);
	return value => {
		const checked = plain(value);
		if (!checked.ok) {
			return checked;
		}

		const clean = freeText(checked.value, max);
		return clean.length >= min ? ok(clean) : expected(`text of ${min} to ${max} visible characters`);
	};
}

/**
 * A printer's host name or address: no spaces, control, format (bidi, zero-width) or unassigned
 * characters. It is quoted back in messages and stored in the print queue's errors.
 */
export function isHostName(value: string): boolean {
	return /^[^\s\p{C}]{1,253}$/u.test(value);
}

/** A string the pattern matches whole; `form` describes it for the person editing the file. */
export function matching(pattern: RegExp, form: string): Rule<string> {
	return value => (typeof value === 'string' && pattern.test(value) ? ok(value) : expected(form));
}

/** A string for which `test` holds. */
export function textWhere(test: (value: string) => boolean, form: string): Rule<string> {
	return value => (typeof value === 'string' && test(value) ? ok(value) : expected(form));
}

export function oneOf<const T extends string | number>(choices: readonly T[]): Rule<T> {
	return value =>
		choices.includes(value as T)
			? ok(value as T)
			: expected(`one of ${choices.map(choice => JSON.stringify(choice)).join(', ')}`);
}

export const flag: Rule<boolean> = value => (typeof value === 'boolean' ? ok(value) : expected('true or false'));

export function listOf<T>(item: Rule<T>, min: number, max: number, form: string): Rule<T[]> {
	return value => {
		if (!Array.isArray(value) || value.length < min || value.length > max) {
			return expected(`a list of ${min} to ${max} ${form}`);
		}

		const items: T[] = [];
		for (const entry of value) {
			const checked = item(entry);
			if (!checked.ok) {
				return expected(`a list of ${min} to ${max} ${form}`);
			}

			items.push(checked.value);
		}

		return ok(items);
	};
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads one object of the file. Every problem is collected under its dotted key, so a file with
 * several mistakes names them all at once; an unknown key is a problem too (a misspelt key must not
 * silently leave the default in force).
 */
export class SectionReader {
	readonly #record: Record<string, unknown>;
	readonly #path: string;
	readonly #problems: string[];
	/** The section was not an object: that was said once, and its keys are not asked for again. */
	readonly #broken: boolean;

	constructor(value: unknown, path: string, problems: string[], known: readonly string[]) {
		this.#path = path;
		this.#problems = problems;
		this.#record = isRecord(value) ? value : {};
		this.#broken = value !== undefined && !isRecord(value);
		if (this.#broken) {
			this.#problems.push(`${path || '(top level)'}: an object of keys, such as {}`);
			return;
		}

		for (const key of Object.keys(this.#record)) {
			if (!known.includes(key)) {
				this.#problems.push(`${this.#keyPath(key)}: not a key posvoid knows; check its spelling`);
			}
		}
	}

	/** The key's value by `rule`, or `fallback` when the key is absent. A bad value is recorded and `fallback` stands in. */
	read<T>(key: string, rule: Rule<T>, fallback: T): T {
		const value = this.#record[key];
		if (value === undefined) {
			return fallback;
		}

		const checked = rule(value);
		if (checked.ok) {
			return checked.value;
		}

		this.#problems.push(`${this.#keyPath(key)}: ${checked.expected}`);
		return fallback;
	}

	/** Like read, for a key the section cannot do without once the section is given. */
	require<T>(key: string, rule: Rule<T>, stand: T): T {
		return this.#isMissing(key) ? stand : this.read(key, rule, stand);
	}

	/** Records a problem with a key that no single rule sees (one key needs another). */
	report(key: string, problem: string): void {
		this.#problems.push(`${this.#keyPath(key)}: ${problem}`);
	}

	/** Whether the file gave the key at all. */
	has(key: string): boolean {
		return this.#record[key] !== undefined;
	}

	/** A nested object, read by `readSection` from its own reader (absent: an empty object, so its defaults apply). */
	section<T>(key: string, known: readonly string[], readSection: (reader: SectionReader) => T): T {
		return readSection(new SectionReader(this.#record[key], this.#keyPath(key), this.#problems, known));
	}

	/** A nested object the section cannot do without once the section is given; `stand` in its place when absent. */
	requiredSection<T>(key: string, known: readonly string[], readSection: (reader: SectionReader) => T, stand: T): T {
		return this.#isMissing(key) ? stand : this.section(key, known, readSection);
	}

	/** Whether a required key is absent, which is recorded; in a section that was not an object, nothing more is said. */
	#isMissing(key: string): boolean {
		if (this.#broken) {
			return true;
		}

		if (this.#record[key] === undefined) {
			this.#problems.push(`${this.#keyPath(key)}: required`);
			return true;
		}

		return false;
	}

	#keyPath(key: string): string {
		return this.#path ? `${this.#path}.${key}` : key;
	}
}
