import {parseMoney} from './money.js';
import {formatDate, startOfDay} from './time-format.js';
import type {TransactionQuery, TransactionStatus} from './transaction.js';

/** What the list can filter on: a day searched is `from` (inclusive) to `to` (exclusive). */
export type SearchCriteria = TransactionQuery;

/** A term the parser could not read, as data so the screen can say it in the clerk's language. */
export type SearchProblem =
	| {kind: 'unknown-term'; term: string}
	| {kind: 'digits'; term: string}
	| {kind: 'bad-amount'; term: string; message: string}
	| {kind: 'bad-date'; term: string}
	| {kind: 'repeated'; term: string; field: keyof SearchCriteria | 'day'};

export type SearchParse = {ok: true; criteria: SearchCriteria; day?: string} | {ok: false; problem: SearchProblem};

const statusWords: Record<string, TransactionStatus> = {
	voided: 'voided',
	void: 'voided',
	已撤销: 'voided',
	撤销: 'voided',
	completed: 'completed',
	complete: 'completed',
	已完成: 'completed',
	完成: 'completed',
};

const dayMs = 86_400_000;

/** Start of the calendar day `yyyy-mm-dd` in `timeZone`, or undefined when it is not a real date. */
function startOfNamedDay(date: string, timeZone: string): number | undefined {
	const match = /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$/v.exec(date);
	if (!match?.groups) {
		return undefined;
	}

	const {year = '', month = '', day = ''} = match.groups;
	const noonUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), 12);
	if (new Date(noonUtc).toISOString().slice(0, 10) !== date) {
		return undefined;
	}

	// Noon UTC falls on the same calendar day for most zones; step a day either way for the rest.
	for (const guess of [noonUtc, noonUtc - dayMs / 2, noonUtc + dayMs / 2]) {
		const start = startOfDay(guess, timeZone);
		if (formatDate(start, timeZone) === date) {
			return start;
		}
	}

	return undefined;
}

/** The day a term names, as `[from, to)` in epoch ms, and as text for the screen. */
function readDay(term: string, now: number, timeZone: string): {from: number; to: number; day: string} | undefined {
	const lower = term.toLowerCase();
	let from: number | undefined;
	if (lower === 'today' || term === '今天') {
		from = startOfDay(now, timeZone);
	} else if (lower === 'yesterday' || term === '昨天') {
		from = startOfDay(startOfDay(now, timeZone) - dayMs / 2, timeZone);
	} else {
		from = startOfNamedDay(term, timeZone);
	}

	if (from === undefined) {
		return undefined;
	}

	// The next midnight, found from a point well inside the next day so 23- and 25-hour days work.
	const to = startOfDay(from + dayMs + dayMs / 2, timeZone);
	return {from, to, day: formatDate(from, timeZone)};
}

/** The whole day containing `now`: the list's default view. */
export function todayCriteria(now: number, timeZone: string): {criteria: SearchCriteria; day: string} {
	const today = readDay('today', now, timeZone)!;
	return {criteria: {from: today.from, to: today.to}, day: today.day};
}

/**
 * Reads the `/` search: terms separated by spaces, in any order. 6 digits are a voucher, 12 a reference,
 * 4 a card's last four, and 4 to 6 digits also the end of a QR sale's order number; an amount has a decimal point (`128.50`) or up to 3 digits (`128`); a date
 * (`2026-11-24`, `today`, `yesterday`) and a status (`voided`, `completed`) narrow it further.
 * An empty query is valid and filters nothing.
 */
export function parseSearch(text: string, options: {now: number; timeZone: string}): SearchParse {
	const criteria: SearchCriteria = {};
	let day: string | undefined;
	// A control character (a pasted tab, a C1 byte the input field lets through) separates terms; kept
	// inside one, it would be echoed to the terminal in the problem message.
	const terms = text
		// eslint-disable-next-line no-control-regex -- matching control characters is the point
		.replaceAll(/[\u0000-\u001F\u007F-\u009F]/gv, ' ')
		.trim()
		.split(/\s+/v)
		.filter(term => term !== '');

	const set = <K extends keyof SearchCriteria>(
		field: K,
		value: SearchCriteria[K],
		term: string,
	): SearchProblem | undefined => {
		if (criteria[field] !== undefined) {
			return {kind: 'repeated', term, field};
		}

		criteria[field] = value;
		return undefined;
	};

	// A voucher or last four also finds a QR sale whose order number ends so; with both typed, cards only.
	const widenToOrders = (term: string): void => {
		if (criteria.voucherNo !== undefined && criteria.lastFour !== undefined) {
			delete criteria.orderTail;
		} else {
			criteria.orderTail = term;
		}
	};

	for (const rawTerm of terms) {
		const term = rawTerm.replace(/^[¥￥]/v, '');
		let problem: SearchProblem | undefined;
		const status = statusWords[term.toLowerCase()];
		if (status) {
			problem = set('status', status, rawTerm);
		} else if (/^\d{6}$/v.test(term)) {
			problem = set('voucherNo', term, rawTerm);
			widenToOrders(term);
		} else if (/^\d{12}$/v.test(term)) {
			problem = set('referenceNo', term, rawTerm);
		} else if (/^\d{4}$/v.test(term)) {
			problem = set('lastFour', term, rawTerm);
			widenToOrders(term);
		} else if (/^\d{5}$/v.test(term)) {
			problem = set('orderTail', term, rawTerm);
		} else if (/^\d{1,3}$/v.test(term) || /^\d*\.\d*$/v.test(term)) {
			const money = parseMoney(term);
			problem = money.ok
				? set('amount', money.fen, rawTerm)
				: {kind: 'bad-amount', term: rawTerm, message: money.message};
		} else if (/^\d+$/v.test(term)) {
			problem = {kind: 'digits', term: rawTerm};
		} else if (/^\d{4}-\d{2}-\d{2}$/v.test(term) || /^(?:today|yesterday|今天|昨天)$/iv.test(term)) {
			const found = readDay(term, options.now, options.timeZone);
			if (!found) {
				problem = {kind: 'bad-date', term: rawTerm};
			} else if (day === undefined) {
				day = found.day;
				criteria.from = found.from;
				criteria.to = found.to;
			} else {
				problem = {kind: 'repeated', term: rawTerm, field: 'day'};
			}
		} else {
			problem = {kind: 'unknown-term', term: rawTerm};
		}

		if (problem) {
			return {ok: false, problem};
		}
	}

	return day === undefined ? {ok: true, criteria} : {ok: true, criteria, day};
}
