import type {MoveAction} from '../keymap.js';
import {clampIndex, windowStart} from './scroll.js';

/** A row's place in the newest-first order. */
export type RowKey = {createdAt: number; id: number};

export type PageRequest = {cursor: RowKey | undefined; direction: 'older' | 'newer'; limit: number};

/** Reads one keyset page, newest first. Synchronous: the store is; the screen waits for nothing. */
export type PageSource<Row extends RowKey> = (request: PageRequest) => Row[];

/**
 * The rows on screen (exactly the visible ones) and the highlighted one. `offset` places the first row
 * in the whole list without counting it: from 0 it counts from the newest end, below 0 from the oldest
 * (after End, -rows.length is the window that ends on the oldest row).
 */
export type ListWindow<Row extends RowKey> = {rows: Row[]; cursor: number; pageSize: number; offset: number};

export type ListMove = MoveAction;

export function emptyWindow<Row extends RowKey>(pageSize: number): ListWindow<Row> {
	return {rows: [], cursor: 0, pageSize: Math.max(1, pageSize), offset: 0};
}

function keyOf(row: RowKey): RowKey {
	return {createdAt: row.createdAt, id: row.id};
}

/** The window at the newest end: what Home shows and where a new query starts. */
export function firstWindow<Row extends RowKey>(pageSize: number, fetch: PageSource<Row>): ListWindow<Row> {
	const size = Math.max(1, pageSize);
	return {rows: fetch({cursor: undefined, direction: 'older', limit: size}), cursor: 0, pageSize: size, offset: 0};
}

function clampCursor<Row extends RowKey>(window: ListWindow<Row>): ListWindow<Row> {
	const cursor = clampIndex(window.cursor, window.rows.length);
	return cursor === window.cursor ? window : {...window, cursor};
}

/** Rows older than the window's last one. */
function older<Row extends RowKey>(window: ListWindow<Row>, fetch: PageSource<Row>, limit: number): Row[] {
	const last = window.rows.at(-1);
	return last ? fetch({cursor: keyOf(last), direction: 'older', limit}) : [];
}

/** Rows newer than the window's first one, newest first. */
function newer<Row extends RowKey>(window: ListWindow<Row>, fetch: PageSource<Row>, limit: number): Row[] {
	const first = window.rows[0];
	return first ? fetch({cursor: keyOf(first), direction: 'newer', limit}) : [];
}

/** Slides the window down by the older rows fetched, keeping it full, with the cursor on `target` of `[...rows, ...page]`. */
function slideDown<Row extends RowKey>(window: ListWindow<Row>, page: Row[], target: number): ListWindow<Row> {
	const joined = [...window.rows, ...page];
	const rows = joined.slice(-window.pageSize);
	const dropped = joined.length - rows.length;
	return {...window, rows, cursor: Math.min(rows.length - 1, target - dropped), offset: window.offset + dropped};
}

/** Slides the window up by the newer rows fetched, with the cursor on `target` of `[...page, ...rows]`. */
function slideUp<Row extends RowKey>(window: ListWindow<Row>, page: Row[], target: number): ListWindow<Row> {
	const joined = [...page, ...window.rows];
	const rows = joined.slice(0, window.pageSize);
	return {...window, rows, cursor: clampIndex(target, rows.length), offset: window.offset - page.length};
}

/**
 * Moves the highlight. Within the window it is arithmetic alone; only crossing the window's edge
 * reads a keyset page from `fetch`, and then exactly as many rows as are needed.
 */
export function moveWindow<Row extends RowKey>(
	window: ListWindow<Row>,
	move: ListMove,
	fetch: PageSource<Row>,
): ListWindow<Row> {
	const {rows, cursor, pageSize} = window;
	switch (move) {
		case 'down': {
			if (cursor < rows.length - 1) {
				return {...window, cursor: cursor + 1};
			}

			// Crossing the bottom edge: the next page, so the next ↓ presses are free again.
			const page = older(window, fetch, pageSize);
			return page.length === 0 ? window : slideDown(window, page, rows.length);
		}

		case 'up': {
			if (cursor > 0) {
				return {...window, cursor: cursor - 1};
			}

			const page = newer(window, fetch, pageSize);
			return page.length === 0 ? window : slideUp(window, page, page.length - 1);
		}

		case 'pageDown': {
			const page = older(window, fetch, pageSize);
			if (page.length === 0) {
				return {...window, cursor: Math.max(0, rows.length - 1)};
			}

			return slideDown(window, page, Math.min(cursor + pageSize, rows.length + page.length - 1));
		}

		case 'pageUp': {
			const page = newer(window, fetch, pageSize);
			if (page.length === 0) {
				return {...window, cursor: 0};
			}

			return slideUp(window, page, Math.max(0, cursor + page.length - pageSize));
		}

		case 'home': {
			return firstWindow(pageSize, fetch);
		}

		case 'end': {
			const last = fetch({cursor: undefined, direction: 'newer', limit: pageSize});
			return {...window, rows: last, cursor: Math.max(0, last.length - 1), offset: -last.length};
		}
	}
}

/**
 * Fits the window to a new height. Shrinking keeps the highlighted row on screen; growing reads the
 * missing rows below, then above when the end of the list is reached.
 */
export function resizeWindow<Row extends RowKey>(
	window: ListWindow<Row>,
	pageSize: number,
	fetch: PageSource<Row>,
): ListWindow<Row> {
	const size = Math.max(1, pageSize);
	if (size === window.pageSize) {
		return window;
	}

	if (size < window.rows.length) {
		const start = windowStart(window.cursor, window.rows.length, size);
		const first = Math.min(start, window.cursor);
		return {
			rows: window.rows.slice(first, first + size),
			cursor: window.cursor - first,
			pageSize: size,
			offset: window.offset + first,
		};
	}

	let grown: ListWindow<Row> = {...window, pageSize: size};
	const missing = size - window.rows.length;
	if (missing > 0 && window.rows.length > 0) {
		const below = older(grown, fetch, missing);
		grown = {...grown, rows: [...grown.rows, ...below]};
		const stillMissing = size - grown.rows.length;
		if (stillMissing > 0) {
			const above = newer(grown, fetch, stillMissing);
			grown = {
				...grown,
				rows: [...above, ...grown.rows],
				cursor: grown.cursor + above.length,
				offset: grown.offset - above.length,
			};
		}
	}

	return grown;
}

/**
 * Reads the window again from its first row, after a void changed a row or new sales arrived,
 * keeping the highlight on the same position.
 */
export function reloadWindow<Row extends RowKey>(window: ListWindow<Row>, fetch: PageSource<Row>): ListWindow<Row> {
	const first = window.rows[0];
	if (!first) {
		return firstWindow(window.pageSize, fetch);
	}

	// A cursor just after the first row in newest-first order includes the first row itself.
	const rows = fetch({
		cursor: {createdAt: first.createdAt, id: first.id + 1},
		direction: 'older',
		limit: window.pageSize,
	});
	return rows.length === 0 ? firstWindow(window.pageSize, fetch) : clampCursor({...window, rows});
}

/** The highlighted row's place, from 1 at the newest, in a list of `total` rows; 0 when it is empty. */
export function positionOf<Row extends RowKey>(window: ListWindow<Row>, total: number): number {
	if (window.rows.length === 0 || total === 0) {
		return 0;
	}

	const index = window.offset >= 0 ? window.offset + window.cursor : total + window.offset + window.cursor;
	return Math.min(total, Math.max(1, index + 1));
}

export function selectedRow<Row extends RowKey>(window: ListWindow<Row>): Row | undefined {
	return window.rows[window.cursor];
}
