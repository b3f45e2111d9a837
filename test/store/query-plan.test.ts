import test from 'ava';
import {seedDatabase} from '../../source/services/seed-service.js';
import type {Cursor, Direction, TransactionQuery} from '../../source/store/transactions-store.js';
import {tempDatabase, testNow} from '../helpers/temp-db.js';

const lookups: Array<[string, TransactionQuery]> = [
	['voucher', {voucherNo: '000123'}],
	['reference', {referenceNo: '261125000123'}],
	['last four and amount', {lastFour: '1234', amount: 12_850}],
	['amount', {amount: 12_850}],
	['time range', {from: testNow - 3_600_000, to: testNow}],
	['status and time', {status: 'completed', from: testNow - 3_600_000, to: testNow}],
];

/** Lists the lookups whose plan is not a seek, or that sort, with the plan text. */
function planProblems(
	store: ReturnType<typeof tempDatabase>['store'],
	cases: Array<[string, TransactionQuery]>,
): string[] {
	const problems: string[] = [];
	for (const [name, query] of cases) {
		for (const direction of ['older', 'newer'] as Direction[]) {
			for (const hasCursor of [false, true]) {
				const {sql, parameters} = store.transactions.pageQuery(query, cursorFor(hasCursor), direction, 50);
				const plan = store.explain(sql, parameters);
				const seeks = plan.some(line => /^SEARCH transactions USING (?:COVERING )?INDEX/.test(line));
				const scans = plan.some(line => line.startsWith('SCAN transactions'));
				const sorts = plan.some(line => line.includes('USE TEMP B-TREE FOR ORDER BY'));
				if (!seeks || scans || sorts) {
					problems.push(`${name}, ${direction}, ${hasCursor ? 'cursor' : 'first page'}: ${plan.join(' / ')}`);
				}
			}
		}
	}

	return problems;
}

function cursorFor(hasCursor: boolean): Cursor | undefined {
	return hasCursor ? {createdAt: testNow - 60_000, id: 10_000} : undefined;
}

test('every lookup the list offers is an index seek with no sort, in both directions, with and without a cursor', t => {
	const {context, store} = tempDatabase(t);
	seedDatabase(context, {rows: 20_000, days: 3, seed: 5, now: testNow});
	const problems = planProblems(store, lookups);
	t.deepEqual(problems, []);
});

// Transactions_by_last4 is (card_last4, amount, created_at) for last four and amount; migration 2
// adds (card_last4, created_at) so last four alone does not sort its matches by time.
test('last four alone is an index seek with no sort', t => {
	const {context, store} = tempDatabase(t);
	seedDatabase(context, {rows: 20_000, days: 3, seed: 5, now: testNow});
	t.deepEqual(planProblems(store, [['last four', {lastFour: '1234'}]]), []);
});

test('a page deep in the unfiltered history is a seek from the cursor, not a scan from the newest row', t => {
	const {context, store} = tempDatabase(t);
	seedDatabase(context, {rows: 20_000, days: 3, seed: 5, now: testNow});
	for (const direction of ['older', 'newer'] as Direction[]) {
		const {sql, parameters} = store.transactions.pageQuery({}, cursorFor(true), direction, 50);
		const plan = store.explain(sql, parameters);
		t.true(
			plan.some(line => /^SEARCH transactions USING (?:COVERING )?INDEX transactions_by_time/.test(line)),
			plan.join(' / '),
		);
		t.false(
			plan.some(line => line.includes('TEMP B-TREE')),
			plan.join(' / '),
		);
	}
});

test("the list's total and position are counted from an index, never by reading the table", t => {
	const {context, store} = tempDatabase(t);
	seedDatabase(context, {rows: 20_000, days: 3, seed: 5, now: testNow});
	const problems: string[] = [];
	for (const [name, query] of lookups) {
		for (const newerThan of [undefined, cursorFor(true)]) {
			const {sql, parameters} = store.transactions.countQuery(query, newerThan);
			const plan = store.explain(sql, parameters);
			if (!plan.some(line => /^SEARCH transactions USING (?:COVERING )?INDEX/.test(line))) {
				problems.push(`${name}${newerThan ? ', newer than a row' : ''}: ${plan.join(' / ')}`);
			}
		}
	}

	t.deepEqual(problems, []);
	t.is(store.transactions.count({}), 20_000);
});

test('a count takes the same filters as the page it counts, for every lookup the list offers', t => {
	const {context, store} = tempDatabase(t);
	seedDatabase(context, {rows: 5000, days: 3, seed: 7, now: testNow});
	const all = store.transactions.page({}, undefined, 'older', 100_000);
	const sample = all[1234]!;
	const cases: TransactionQuery[] = [
		...lookups.map(([, query]) => query),
		{voucherNo: sample.voucherNo},
		{lastFour: sample.cardMasked.slice(-4)},
		{orderTail: '1234'},
		{voucherNo: sample.voucherNo, orderTail: sample.voucherNo},
	];
	for (const query of cases) {
		const rows = store.transactions.page(query, undefined, 'older', 100_000);
		t.is(store.transactions.count(query), rows.length, JSON.stringify(query));
		const middle = rows[Math.floor(rows.length / 2)];
		const newer = middle ? store.transactions.count(query, middle) : 0;
		t.is(newer, Math.floor(rows.length / 2) * (middle ? 1 : 0), JSON.stringify(query));
	}
});
