import test from 'ava';
import {
	currentBatch,
	getTransaction,
	pageTransactions,
	voidOfTransaction,
} from '../../source/services/transaction-list-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture, type Fixture} from '../helpers/fixture.js';

const minute = 60_000;

/** Thirty sales one minute apart, the newest one minute before the fixture's clock; ids in time order. */
function thirtySales(fixture: Fixture): number[] {
	const ids: number[] = [];
	for (let index = 0; index < 30; index++) {
		ids.push(
			addSale(fixture.context, {
				voucherNo: String(200 + index).padStart(6, '0'),
				amount: index % 2 === 0 ? 12_850 : 500,
				card: index === 7 ? '6222021234567890' : '6228480000000018',
				createdAt: fixture.clock.now - (30 - index) * minute,
			}),
		);
	}

	return ids;
}

test('pages run newest first in both directions with a keyset cursor', t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const ids = thirtySales(fixture);
	const newestFirst = ids.toReversed();

	const first = pageTransactions(fixture.context, {}, undefined, 'older', 10);
	t.deepEqual(
		first.map(row => row.id),
		newestFirst.slice(0, 10),
	);

	const last = first.at(-1)!;
	const second = pageTransactions(fixture.context, {}, {createdAt: last.createdAt, id: last.id}, 'older', 10);
	t.deepEqual(
		second.map(row => row.id),
		newestFirst.slice(10, 20),
	);

	const top = second[0]!;
	const back = pageTransactions(fixture.context, {}, {createdAt: top.createdAt, id: top.id}, 'newer', 4);
	t.deepEqual(
		back.map(row => row.id),
		newestFirst.slice(6, 10),
	);

	const oldest = pageTransactions(fixture.context, {}, undefined, 'newer', 3);
	t.deepEqual(
		oldest.map(row => row.id),
		newestFirst.slice(-3),
	);
});

test('filters narrow the page: last four with amount, and a time range', t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const ids = thirtySales(fixture);

	const byCard = pageTransactions(fixture.context, {lastFour: '7890', amount: 500}, undefined, 'older', 10);
	t.deepEqual(
		byCard.map(row => row.id),
		[ids[7]],
	);

	const from = fixture.clock.now - 5 * minute;
	const recent = pageTransactions(fixture.context, {from, to: fixture.clock.now}, undefined, 'older', 50);
	t.is(recent.length, 5);
	t.true(recent.every(row => row.createdAt >= from));
});

test('a page asks for at least one and at most 500 rows', t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	thirtySales(fixture);
	t.is(pageTransactions(fixture.context, {}, undefined, 'older', 0).length, 1);
	t.is(pageTransactions(fixture.context, {}, undefined, 'older', 10_000).length, 30);
});

test('getTransaction, the void of a voided transaction, and the open batch', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const id = addSale(fixture.context, {voucherNo: '000321'});
	t.is(getTransaction(fixture.context, id)?.voucherNo, '000321');
	t.is(getTransaction(fixture.context, id + 1000), undefined);
	t.is(voidOfTransaction(fixture.context, id), undefined);

	const operator = await addTestOperator(fixture.context, '01', 'cashier');
	const outcome = voidTransaction(fixture.context, {
		transactionId: id,
		operator,
		reason: 'test',
	});
	t.true(outcome.ok);
	t.is(voidOfTransaction(fixture.context, id)?.reason, 'test');
	t.is(currentBatch(fixture.context)?.batchNo, '000001');
});
