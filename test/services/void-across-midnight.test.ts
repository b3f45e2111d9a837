import test from 'ava';
import {todayCriteria} from '../../source/domain/search-query.js';
import {pageTransactions} from '../../source/services/transaction-list-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture} from '../helpers/fixture.js';

// A clock that moves during the work: the clerk signs in and the customer pays before midnight in the
// counter's zone, the void happens after it, in a new day, month and year.
test("a sale made before midnight on New Year's Eve is voided after it: the void is dated in the new year, and each day lists its own rows", async t => {
	const {context, store, clock, close} = openFixture();
	t.teardown(close);
	clock.now = Date.parse('2027-12-31T23:59:30+08:00');
	const operator = await addTestOperator(context, '01', 'cashier');
	const id = addSale(context, {amount: 12_850, createdAt: clock.now});

	clock.now = Date.parse('2028-01-01T00:00:30+08:00');
	const outcome = voidTransaction(context, {transactionId: id, operator: {...operator, at: clock.now}, reason: 'x'});
	t.true(outcome.ok, outcome.ok ? '' : outcome.reason);
	if (!outcome.ok) {
		return;
	}

	t.is(outcome.void.createdAt, clock.now);
	t.true(outcome.void.referenceNo.startsWith('280101'), outcome.void.referenceNo);

	const today = todayCriteria(clock.now, context.config.timeZone);
	t.is(today.day, '2028-01-01');
	t.deepEqual(pageTransactions(context, today.criteria, undefined, 'older', 10), []);
	const yesterday = todayCriteria(clock.now - 86_400_000, context.config.timeZone);
	t.is(yesterday.day, '2027-12-31');
	t.deepEqual(
		pageTransactions(context, yesterday.criteria, undefined, 'older', 10).map(row => [row.id, row.status]),
		[[id, 'voided']],
	);
	t.is(store.voids.forTransaction(id)?.createdAt, clock.now);
});
