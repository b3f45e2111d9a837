import {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {parseSearch, todayCriteria, type SearchCriteria, type SearchProblem} from '../../domain/search-query.js';
import type {Transaction} from '../../domain/transaction.js';
import type {ServiceContext} from '../../services/service-context.js';
import {countTransactions, databaseChangeMark, pageTransactions} from '../../services/transaction-list-service.js';
import {
	firstWindow,
	moveWindow,
	positionOf,
	reloadWindow,
	resizeWindow,
	type ListMove,
	type ListWindow,
	type PageSource,
} from '../state/list-window.js';

/** What the list shows: today by default, or what a search asked for. */
export type ListQuery = {criteria: SearchCriteria; text: string; day?: string; today: boolean};

export type TransactionList = {
	query: ListQuery;
	window: ListWindow<Transaction>;
	/** How many rows the query matches, and the highlighted one's place among them (from 1, newest first). */
	total: number | undefined;
	position: number;
	move: (move: ListMove) => void;
	/** Runs a `/` search; answers the problem when the text cannot be read, and then nothing changes. */
	search: (text: string) => SearchProblem | undefined;
	showToday: () => void;
	reload: () => void;
};

function todayQuery(context: ServiceContext): ListQuery {
	const {criteria, day} = todayCriteria(context.now(), context.config.timeZone);
	return {criteria, text: '', day, today: true};
}

/** `total` is counted after the frame that shows the rows, so a million rows never delay the first frame. */
type ListState = {query: ListQuery; window: ListWindow<Transaction>; total?: number};

/** How often the list looks for rows another program wrote (an import, a void on the command line). */
export const listRefreshMs = 2000;

/**
 * The transaction list's state: a query and a window of exactly `pageSize` rows read by keyset.
 * Moves are computed from the latest state held in a ref, so keys that arrive faster than frames
 * are never applied to a stale window.
 */
export function useTransactionList(
	context: ServiceContext,
	pageSize: number,
	refreshMs = listRefreshMs,
): TransactionList {
	const sourceFor = useCallback(
		(criteria: SearchCriteria): PageSource<Transaction> =>
			request =>
				pageTransactions(context, criteria, request.cursor, request.direction, request.limit),
		[context],
	);

	/** A new query: its first window; the count follows. */
	const start = useCallback(
		(query: ListQuery, size: number): ListState => ({query, window: firstWindow(size, sourceFor(query.criteria))}),
		[sourceFor],
	);

	const [state, setState] = useState<ListState>(() => start(todayQuery(context), pageSize));
	// Key handlers read the newest state from here: keys can arrive faster than frames.
	const latest = useRef(state);

	const commit = useCallback((next: ListState) => {
		if (next !== latest.current) {
			latest.current = next;
			setState(next);
		}
	}, []);

	// The terminal's height changed: fit the window, reading only the rows that are missing.
	useLayoutEffect(() => {
		const {current} = latest;
		const window = resizeWindow(current.window, pageSize, sourceFor(current.query.criteria));
		if (window !== current.window) {
			commit({...current, window});
		}
	}, [pageSize, commit, sourceFor]);

	const move = useCallback(
		(listMove: ListMove) => {
			const {current} = latest;
			const window = moveWindow(current.window, listMove, sourceFor(current.query.criteria));
			if (window !== current.window) {
				commit({...current, window});
			}
		},
		[commit, sourceFor],
	);

	const search = useCallback(
		(text: string): SearchProblem | undefined => {
			if (text.trim() === '') {
				commit(start(todayQuery(context), latest.current.window.pageSize));
				return undefined;
			}

			const parsed = parseSearch(text, {now: context.now(), timeZone: context.config.timeZone});
			if (!parsed.ok) {
				return parsed.problem;
			}

			const query: ListQuery = {criteria: parsed.criteria, text: text.trim(), day: parsed.day, today: false};
			commit(start(query, latest.current.window.pageSize));
			return undefined;
		},
		[commit, context, start],
	);

	const showToday = useCallback(() => {
		commit(start(todayQuery(context), latest.current.window.pageSize));
	}, [commit, context, start]);

	// Counted once the rows are on screen: a new query's total.
	useEffect(() => {
		const {current} = latest;
		if (current.total === undefined) {
			try {
				commit({...current, total: countTransactions(context, current.query.criteria)});
			} catch {
				// A busy database: the list works without its count.
			}
		}
	}, [state.query, commit, context]);

	/**
	 * Reads the rows again and counts them: after a void here, or rows another program wrote. At the top
	 * of the list the new rows come into view; further down the highlight stays on its row and the
	 * position is counted again, since rows may have arrived above it.
	 */
	const reload = useCallback(() => {
		const {current} = latest;
		const source = sourceFor(current.query.criteria);
		const atTop = current.window.offset === 0 && current.window.cursor === 0;
		let window = atTop ? firstWindow(current.window.pageSize, source) : reloadWindow(current.window, source);
		const first = window.rows[0];
		if (!atTop && first && window.offset >= 0) {
			window = {...window, offset: countTransactions(context, current.query.criteria, first)};
		}

		commit({...current, window, total: countTransactions(context, current.query.criteria)});
	}, [commit, context, sourceFor]);

	// Another program's commit changes the database's data version; the list then reads itself again.
	useEffect(() => {
		let mark = databaseChangeMark(context);
		const timer = setInterval(() => {
			try {
				const now = databaseChangeMark(context);
				if (now !== mark) {
					mark = now;
					reload();
				}
			} catch {
				// A busy or closing database: the next tick looks again.
			}
		}, refreshMs);
		return () => {
			clearInterval(timer);
		};
	}, [context, reload, refreshMs]);

	return useMemo(
		() => ({
			query: state.query,
			window: state.window,
			total: state.total,
			position: state.total === undefined ? 0 : positionOf(state.window, state.total),
			move,
			search,
			showToday,
			reload,
		}),
		[state, move, search, showToday, reload],
	);
}
