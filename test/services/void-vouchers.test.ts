import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {importTransactions} from '../../source/services/import-service.js';
import {voidTransaction, voucherCounterName} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture, type Fixture} from '../helpers/fixture.js';

const header =
	'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';

/** Imports this terminal's sales with these vouchers into its open batch 000001, made a minute before the clock. */
async function importVouchers(fixture: Fixture, vouchers: string[]) {
	const at = new Date(fixture.clock.now - 60_000).toISOString().replace('Z', '+00:00');
	const file = path.join(fixture.directory, `vouchers-${vouchers.join('-')}.csv`);
	const lines = vouchers.map(
		voucher =>
			`${voucher},2611${voucher}00,A1B2C3,000001,10293847,898440358120011,debit,6228480402564890018,12.50,CNY,${at},01`,
	);
	fs.writeFileSync(file, [header, ...lines].join('\n') + '\n');
	return importTransactions(fixture.context, file, {skipBad: true});
}

function usedVouchers(fixture: Fixture) {
	return fixture.store.db
		.prepare(
			`SELECT voucher_no, count(*) AS uses FROM (SELECT voucher_no FROM transactions UNION ALL SELECT voucher_no FROM voids)
			GROUP BY voucher_no HAVING uses > 1`,
		)
		.all();
}

test('imported vouchers 999998 and 999999 send the counter round to 000001 without colliding with an earlier void', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const operator = await addTestOperator(fixture.context, '01', 'cashier');
	const sales = [addSale(fixture.context), addSale(fixture.context), addSale(fixture.context)];
	const first = voidTransaction(fixture.context, {transactionId: sales[0]!, operator, reason: 'x'});
	t.like(first, {ok: true, void: {voucherNo: '000001'}});

	const report = await importVouchers(fixture, ['999998', '999999', '000002']);
	t.is(report.imported, 3);
	t.is(fixture.store.counters.get(voucherCounterName('10293847')), 999_999);

	const second = voidTransaction(fixture.context, {transactionId: sales[1]!, operator, reason: 'x'});
	const third = voidTransaction(fixture.context, {transactionId: sales[2]!, operator, reason: 'x'});
	// 000001 is the first void's, 000002 an imported sale's.
	t.like(second, {ok: true, void: {voucherNo: '000003'}});
	t.like(third, {ok: true, void: {voucherNo: '000004'}});
	t.deepEqual(usedVouchers(fixture), []);
});

test("a void never takes a sale's voucher: the terminal's trace numbers are one sequence", async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const operator = await addTestOperator(fixture.context, '01', 'cashier');
	const sale = addSale(fixture.context, {voucherNo: '000051'});
	for (const voucherNo of ['000052', '000053']) {
		addSale(fixture.context, {voucherNo});
	}

	fixture.store.counters.set(voucherCounterName('10293847'), 50);
	t.like(voidTransaction(fixture.context, {transactionId: sale, operator, reason: 'x'}), {
		ok: true,
		void: {voucherNo: '000054'},
	});
	t.deepEqual(usedVouchers(fixture), []);
});

test("an imported sale on a void's voucher is refused on its line, and the rest import", async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const operator = await addTestOperator(fixture.context, '01', 'cashier');
	const sale = addSale(fixture.context, {voucherNo: '000012'});
	fixture.store.counters.set(voucherCounterName('10293847'), 50);
	t.like(voidTransaction(fixture.context, {transactionId: sale, operator, reason: 'x'}), {void: {voucherNo: '000051'}});

	const report = await importVouchers(fixture, ['000050', '000051', '000052']);
	t.is(report.imported, 2);
	t.deepEqual(
		report.bad.map(bad => bad.line),
		[3],
	);
	t.regex(report.bad[0]!.problems[0]!, /voucher 0{4}51 of batch 0{5}1 is already the number of a void/);
	t.deepEqual(usedVouchers(fixture), []);
});
