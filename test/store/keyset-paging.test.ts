import test from 'ava';
import type {Transaction} from '../../source/domain/transaction.js';
import type {Cursor, Direction, TransactionQuery} from '../../source/store/transactions-store.js';
import type {Store} from '../../source/store/store.js';
import {tempDatabase, testNow} from '../helpers/temp-db.js';

/** 257 sales, many sharing a millisecond, so the id must break ties. */
function fill(store: Store): void {
	store.immediate(() => {
		const batchId = store.batches.insert('10293847', '000001', testNow - 1_000_000);
		for (let index = 1; index <= 257; index++) {
			const voucherNo = String(index).padStart(6, '0');
			store.transactions.insert(
				{
					voucherNo,
					referenceNo: `261125${voucherNo}`,
					authCode: '123456',
					batchNo: '000001',
					terminalId: '10293847',
					merchantId: '898440358120011',
					channel: index % 2 === 0 ? 'wechat' : 'debit',
					cardMasked: '****1234',
					amount: index % 3 === 0 ? 500 : 12_850,
					fee: 1,
					currency: 'CNY',
					// Out of id order on purpose, with ties: time and id do not agree.
					createdAt: testNow - ((index * 7919) % 50) * 1000,
					operatorNo: '01',
				},
				batchId,
			);
		}
	});
}

function newestFirst(rows: Transaction[]): Transaction[] {
	return rows.toSorted((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

function walk(store: Store, query: TransactionQuery, direction: Direction, pageSize: number): Transaction[][] {
	const pages: Transaction[][] = [];
	let cursor: Cursor | undefined;
	for (;;) {
		const page = store.transactions.page(query, cursor, direction, pageSize);
		if (page.length === 0) {
			return pages;
		}

		pages.push(page);
		// Pages are newest first either way: walking older continues after the last row, newer before the first.
		const edge = direction === 'older' ? page.at(-1)! : page[0]!;
		cursor = {createdAt: edge.createdAt, id: edge.id};
	}
}

for (const [title, query] of [
	['the whole list', {}],
	['an amount', {amount: 12_850}],
	['last four and amount', {lastFour: '1234', amount: 500}],
] as Array<[string, TransactionQuery]>) {
	test(`paging older through ${title} visits every row once, newest first, ties broken by id`, t => {
		const {store} = tempDatabase(t);
		fill(store);
		const expected = newestFirst(store.transactions.page(query, undefined, 'older', 1000));
		const pages = walk(store, query, 'older', 20);
		t.deepEqual(
			pages.flat().map(row => row.id),
			expected.map(row => row.id),
		);
		t.true(pages.every(page => page.length <= 20));
	});

	test(`paging newer through ${title} from the oldest row gives the same rows, each page newest first`, t => {
		const {store} = tempDatabase(t);
		fill(store);
		const expected = newestFirst(store.transactions.page(query, undefined, 'older', 1000));
		const pages = walk(store, query, 'newer', 20);
		for (const page of pages) {
			t.deepEqual(page, newestFirst(page));
		}

		t.deepEqual(
			pages
				.toReversed()
				.flat()
				.map(row => row.id),
			expected.map(row => row.id),
		);
	});
}

test('from a cursor in the middle, one page older and one page newer are the rows on either side of it', t => {
	const {store} = tempDatabase(t);
	fill(store);
	const all = newestFirst(store.transactions.page({}, undefined, 'older', 1000));
	const middle = all[100]!;
	const cursor = {createdAt: middle.createdAt, id: middle.id};
	t.deepEqual(
		store.transactions.page({}, cursor, 'older', 10).map(row => row.id),
		all.slice(101, 111).map(row => row.id),
	);
	t.deepEqual(
		store.transactions.page({}, cursor, 'newer', 10).map(row => row.id),
		all.slice(90, 100).map(row => row.id),
	);
});
