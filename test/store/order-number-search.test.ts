import test from 'ava';
import {seedDatabase} from '../../source/services/seed-service.js';
import type {TransactionQuery} from '../../source/store/transactions-store.js';
import {tempDatabase, testNow} from '../helpers/temp-db.js';

function addQrSale(
	store: ReturnType<typeof tempDatabase>['store'],
	platformOrderNo: string,
	merchantOrderNo: string,
	createdAt: number,
): number {
	const batchId =
		store.batches.byNumber('10293847', '000077')?.id ?? store.batches.insert('10293847', '000077', createdAt);
	return store.transactions.insert(
		{
			voucherNo: '',
			referenceNo: '',
			authCode: '',
			batchNo: '000077',
			terminalId: '10293847',
			merchantId: '898440358120011',
			channel: 'wechat',
			cardMasked: '',
			amount: 3200,
			fee: 19,
			currency: 'CNY',
			createdAt,
			operatorNo: '01',
			platformOrderNo,
			merchantOrderNo,
			payerMasked: 'oUp***9aX2',
		},
		batchId,
	);
}

test('a QR sale without a voucher reads back with its order numbers and empty card fields', t => {
	const {store} = tempDatabase(t);
	const id = addQrSale(store, '4200002026112512345678', 'M202611250001', testNow);
	const sale = store.transactions.get(id)!;
	t.like(sale, {
		voucherNo: '',
		referenceNo: '',
		cardMasked: '',
		platformOrderNo: '4200002026112512345678',
		merchantOrderNo: 'M202611250001',
		payerMasked: 'oUp***9aX2',
	});
});

test('the search finds a QR sale by the last 4, 5 or 6 digits of either order number, beside vouchers and last fours', t => {
	const {context, store} = tempDatabase(t);
	seedDatabase(context, {rows: 2000, days: 1, seed: 5, now: testNow});
	const id = addQrSale(store, '4200002026112512345678', 'M202611250001', testNow - 1000);
	for (const orderTail of ['5678', '45678', '345678', '250001', '0001']) {
		const found = store.transactions.page({orderTail}, undefined, 'older', 50).map(row => row.id);
		t.true(found.includes(id), orderTail);
	}

	t.false(
		store.transactions
			.page({orderTail: '345679'}, undefined, 'older', 50)
			.map(row => row.id)
			.includes(id),
	);
	// Typed as a voucher or a last four, the same digits find the QR sale and the card sales alike.
	const seededVoucher = store.transactions.page({}, undefined, 'older', 1)[0]!.voucherNo;
	const both = store.transactions.page({voucherNo: seededVoucher, orderTail: seededVoucher}, undefined, 'older', 50);
	t.true(both.some(row => row.voucherNo === seededVoucher));
	t.true(
		store.transactions.page({lastFour: '5678', orderTail: '5678'}, undefined, 'older', 50).some(row => row.id === id),
	);
});

test('an order-number search is an index seek on the order tails, never a scan of the table', t => {
	const {context, store} = tempDatabase(t);
	seedDatabase(context, {rows: 20_000, days: 3, seed: 5, now: testNow});
	const cases: TransactionQuery[] = [
		{orderTail: '345678'},
		{voucherNo: '000123', orderTail: '000123'},
		{lastFour: '1234', orderTail: '1234'},
	];
	// With a day as well the planner may seek by time instead: still a seek.
	const day = {orderTail: '45678', from: testNow - 86_400_000, to: testNow};
	t.false(
		store
			.explain(
				store.transactions.pageQuery(day, undefined, 'older', 50).sql,
				store.transactions.pageQuery(day, undefined, 'older', 50).parameters,
			)
			.some(line => line.startsWith('SCAN transactions')),
	);
	for (const query of cases) {
		for (const cursor of [undefined, {createdAt: testNow - 60_000, id: 10_000}]) {
			const {sql, parameters} = store.transactions.pageQuery(query, cursor, 'older', 50);
			const plan = store.explain(sql, parameters);
			t.false(
				plan.some(line => line.startsWith('SCAN transactions')),
				plan.join(' / '),
			);
			t.true(
				plan.some(line => line.includes('transactions_by_platform_tail')) &&
					plan.some(line => line.includes('transactions_by_merchant_tail')),
				plan.join(' / '),
			);
		}
	}
});

test('findByOrderNumber takes the whole number or its end, and only QR sales that really end so', t => {
	const {store} = tempDatabase(t);
	const first = addQrSale(store, '4200002026112512345678', 'M202611250001', testNow - 2000);
	const second = addQrSale(store, '4200002026112599345678', 'M202611250002', testNow - 1000);
	t.deepEqual(
		store.transactions.findByOrderNumber('4200002026112512345678').map(row => row.id),
		[first],
	);
	t.deepEqual(
		store.transactions.findByOrderNumber('345678').map(row => row.id),
		[second, first],
	);
	t.deepEqual(
		store.transactions.findByOrderNumber('M202611250002').map(row => row.id),
		[second],
	);
	t.deepEqual(store.transactions.findByOrderNumber('4200002026112512345679'), []);
});
