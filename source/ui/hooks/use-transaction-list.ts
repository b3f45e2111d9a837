import {useCallback, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {parseSearch, todayCriteria, type SearchCriteria, type SearchProblem} from '../../domain/search-query.js';
import type {Transaction} from '../../domain/transaction.js';
import type {ServiceContext} from '../../services/service-context.js';
import {pageTransactions} from '../../services/transaction-list-service.js';
import {
	firstWindow,
	moveWindow,
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

type ListState = {query: ListQuery; window: ListWindow<Transaction>};

/**
 * The transaction list's state: a query and a window of exactly `pageSize` rows read by keyset.
 * Moves are computed from the latest state held in a ref, so keys that arrive faster than frames
 * are never applied to a stale window.
 */
export function useTransactionList(context: ServiceContext, pageSize: number): TransactionList {
	const sourceFor = useCallback(
		(criteria: SearchCriteria): PageSource<Transaction> =>
			request =>
				pageTransactions(context, criteria, request.cursor, request.direction, request.limit),
		[context],
	);

	const [state, setState] = useState<ListState>(() => {
		const query = todayQuery(context);
		return {query, window: firstWindow(pageSize, sourceFor(query.criteria))};
	});
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
				const query = todayQuery(context);
				commit({query, window: firstWindow(latest.current.window.pageSize, sourceFor(query.criteria))});
				return undefined;
			}

			const parsed = parseSearch(text, {now: context.now(), timeZone: context.config.timeZone});
			if (!parsed.ok) {
				return parsed.problem;
			}

			const query: ListQuery = {criteria: parsed.criteria, text: text.trim(), day: parsed.day, today: false};
			commit({query, window: firstWindow(latest.current.window.pageSize, sourceFor(query.criteria))});
			return undefined;
		},
		[commit, context, sourceFor],
	);

	const showToday = useCallback(() => {
		const query = todayQuery(context);
		commit({query, window: firstWindow(latest.current.window.pageSize, sourceFor(query.criteria))});
	}, [commit, context, sourceFor]);

	const reload = useCallback(() => {
		const {current} = latest;
		commit({...current, window: reloadWindow(current.window, sourceFor(current.query.criteria))});
	}, [commit, sourceFor]);

	return useMemo(
		() => ({query: state.query, window: state.window, move, search, showToday, reload}),
		[state, move, search, showToday, reload],
	);
}
