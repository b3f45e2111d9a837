import test from 'ava';
import fc from 'fast-check';
import {
	positionOf,
	firstWindow,
	moveWindow,
	reloadWindow,
	resizeWindow,
	selectedRow,
	type PageRequest,
	type RowKey,
} from '../../source/ui/state/list-window.js';

/** 100 rows, newest first (id 100 is the newest), served by keyset like the store, counting the reads. */
function source(count = 100) {
	const rows: RowKey[] = Array.from({length: count}, (_, index) => ({
		id: count - index,
		createdAt: (count - index) * 1000,
	}));
	const requests: PageRequest[] = [];
	const fetch = (request: PageRequest): RowKey[] => {
		requests.push(request);
		const {cursor, direction, limit} = request;
		const after = (row: RowKey) =>
			!cursor ||
			(direction === 'older'
				? row.createdAt < cursor.createdAt || (row.createdAt === cursor.createdAt && row.id < cursor.id)
				: row.createdAt > cursor.createdAt || (row.createdAt === cursor.createdAt && row.id > cursor.id));
		const matching = rows.filter(row => after(row));
		return direction === 'older' ? matching.slice(0, limit) : matching.slice(-limit);
	};

	return {fetch, requests};
}

const ids = (rows: RowKey[]) => rows.map(row => row.id);

test('the first window holds exactly the visible rows, newest first', t => {
	const {fetch, requests} = source();
	const window = firstWindow(10, fetch);
	t.deepEqual(ids(window.rows), [100, 99, 98, 97, 96, 95, 94, 93, 92, 91]);
	t.is(window.cursor, 0);
	t.is(requests.length, 1);
});

test('moving down inside the window reads nothing', t => {
	const {fetch, requests} = source();
	let window = firstWindow(10, fetch);
	for (let index = 0; index < 9; index++) {
		window = moveWindow(window, 'down', fetch);
	}

	t.is(window.cursor, 9);
	t.is(selectedRow(window)?.id, 91);
	t.is(requests.length, 1);
});

test('crossing the bottom edge reads the next keyset page once, then moves freely again', t => {
	const {fetch, requests} = source();
	let window = firstWindow(10, fetch);
	for (let index = 0; index < 10; index++) {
		window = moveWindow(window, 'down', fetch);
	}

	t.is(selectedRow(window)?.id, 90);
	t.is(window.rows.length, 10);
	t.is(requests.length, 2);
	t.deepEqual(requests[1], {cursor: {createdAt: 91_000, id: 91}, direction: 'older', limit: 10});
	for (let index = 0; index < 9; index++) {
		window = moveWindow(window, 'down', fetch);
	}

	t.is(selectedRow(window)?.id, 81);
	t.is(requests.length, 2);
});

test('moving up past the top reads the newer rows and keeps the window full', t => {
	const {fetch} = source();
	let window = moveWindow(firstWindow(10, fetch), 'pageDown', fetch);
	t.is(selectedRow(window)?.id, 90);
	window = moveWindow(window, 'up', fetch);
	t.is(selectedRow(window)?.id, 91);
	t.is(window.rows.length, 10);
	t.deepEqual(ids(window.rows).slice(0, 2), [100, 99]);
});

test('page down and page up move by a screen; at the ends they stop on the last and first row', t => {
	const {fetch} = source(25);
	let window = firstWindow(10, fetch);
	window = moveWindow(window, 'down', fetch);
	window = moveWindow(window, 'pageDown', fetch);
	t.is(selectedRow(window)?.id, 14);
	window = moveWindow(window, 'pageDown', fetch);
	t.is(selectedRow(window)?.id, 4);
	t.deepEqual(ids(window.rows), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
	window = moveWindow(window, 'pageDown', fetch);
	t.is(selectedRow(window)?.id, 1);
	window = moveWindow(window, 'pageUp', fetch);
	t.is(selectedRow(window)?.id, 11);
	window = moveWindow(window, 'pageUp', fetch);
	window = moveWindow(window, 'pageUp', fetch);
	t.is(selectedRow(window)?.id, 25);
});

test('Home and End jump to the newest and the oldest rows', t => {
	const {fetch} = source();
	let window = moveWindow(firstWindow(10, fetch), 'end', fetch);
	t.deepEqual(ids(window.rows), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
	t.is(selectedRow(window)?.id, 1);
	window = moveWindow(window, 'down', fetch);
	t.is(selectedRow(window)?.id, 1);
	window = moveWindow(window, 'home', fetch);
	t.is(selectedRow(window)?.id, 100);
});

test('an empty list stays empty and still answers every move', t => {
	const {fetch} = source(0);
	let window = firstWindow(10, fetch);
	for (const move of ['down', 'up', 'pageDown', 'pageUp', 'home', 'end'] as const) {
		window = moveWindow(window, move, fetch);
	}

	t.deepEqual(window.rows, []);
	t.is(selectedRow(window), undefined);
});

test('shrinking keeps the highlighted row on screen; growing reads only the missing rows', t => {
	const {fetch, requests} = source();
	let window = firstWindow(10, fetch);
	for (let index = 0; index < 8; index++) {
		window = moveWindow(window, 'down', fetch);
	}

	const small = resizeWindow(window, 4, fetch);
	t.is(small.rows.length, 4);
	t.is(selectedRow(small)?.id, 92);
	const before = requests.length;
	const large = resizeWindow(small, 12, fetch);
	t.is(large.rows.length, 12);
	t.is(selectedRow(large)?.id, 92);
	t.is(requests.length, before + 1);
	t.deepEqual(requests.at(-1), {cursor: {createdAt: 92_000, id: 92}, direction: 'older', limit: 8});
});

test('growing at the end of the list fills from above', t => {
	const {fetch} = source(20);
	const window = moveWindow(firstWindow(5, fetch), 'end', fetch);
	const grown = resizeWindow(window, 8, fetch);
	t.deepEqual(ids(grown.rows), [8, 7, 6, 5, 4, 3, 2, 1]);
	t.is(selectedRow(grown)?.id, 1);
});

test('reload reads the window again from its first row and keeps the highlight', t => {
	const {fetch} = source();
	let window = moveWindow(firstWindow(10, fetch), 'pageDown', fetch);
	window = moveWindow(window, 'down', fetch);
	const reloaded = reloadWindow(window, fetch);
	t.deepEqual(ids(reloaded.rows), ids(window.rows));
	t.is(reloaded.cursor, window.cursor);
});

test("the position shown is the highlighted row's place, after any moves and resizes", t => {
	const moves = ['down', 'up', 'pageDown', 'pageUp', 'home', 'end'] as const;
	const result = fc.check(
		fc.property(
			fc.integer({min: 0, max: 60}),
			fc.integer({min: 1, max: 12}),
			fc.array(fc.oneof(fc.constantFrom(...moves), fc.integer({min: 1, max: 15})), {maxLength: 40}),
			(count, pageSize, steps) => {
				const {fetch} = source(count);
				let window = firstWindow(pageSize, fetch);
				for (const step of steps) {
					window = typeof step === 'number' ? resizeWindow(window, step, fetch) : moveWindow(window, step, fetch);
					const selected = selectedRow(window);
					// Ids run from `count` at the newest down to 1, so the place is count - id + 1.
					const expected = selected ? count - selected.id + 1 : 0;
					if (positionOf(window, count) !== expected) {
						return false;
					}
				}

				return true;
			},
		),
		{numRuns: 500},
	);
	t.false(result.failed, fc.defaultReportMessage(result));
});
