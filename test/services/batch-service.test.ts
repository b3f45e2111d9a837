import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {ensureOpenBatch} from '../../source/services/batch-service.js';
import {importTransactions} from '../../source/services/import-service.js';
import {openBatchSummary, settleBatch, shiftReport} from '../../source/services/settlement-service.js';
import {checkVoidable, voidTransaction} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture, type Fixture} from '../helpers/fixture.js';

const header =
	'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';

/** One CSV line of a sale of `terminal` (this counter's by default) in `batchNo`, made an hour before the fixture's clock. */
function line(fixture: Fixture, voucherNo: string, batchNo: string, terminal = '10293847'): string {
	const at = new Date(fixture.clock.now - 3_600_000).toISOString().replace('Z', '+00:00');
	return `${voucherNo},2611${voucherNo}00,A1B2C3,${batchNo},${terminal},898440358120011,debit,6228480402564890018,12.50,CNY,${at},01`;
}

function importFile(fixture: Fixture, lines: string[]): string {
	const file = path.join(fixture.directory, `import-${lines.length}-${Math.random()}.csv`);
	fs.writeFileSync(file, [header, ...lines].join('\n') + '\n');
	return file;
}

function openBatches(fixture: Fixture) {
	return fixture.store.batches.open('10293847').map(batch => batch.batchNo);
}

test('rows of this terminal in a batch other than its open one are refused, each with a reason that names both batches', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	addSale(fixture.context, {voucherNo: '000001'});
	const report = await importTransactions(
		fixture.context,
		importFile(fixture, [line(fixture, '000002', '000001'), line(fixture, '000003', '000007')]),
		{skipBad: true},
	);
	t.is(report.imported, 1);
	t.deepEqual(
		report.bad.map(bad => bad.line),
		[3],
	);
	t.regex(report.bad[0]!.problems[0]!, /batch 0{5}7 is not the open batch 0{5}1 of this terminal 10293847/);
	t.deepEqual(openBatches(fixture), ['000001']);
	t.is(fixture.store.batches.byNumber('10293847', '000007'), undefined);
});

test("another terminal's rows keep their own batches: they are never this counter's to settle or void", async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	ensureOpenBatch(fixture.context);
	const report = await importTransactions(
		fixture.context,
		importFile(fixture, [line(fixture, '000003', '000007', '10293848')]),
	);
	t.true(report.committed);
	t.deepEqual(report.batchesCreated, ['10293848/000007']);
	t.deepEqual(openBatches(fixture), ['000001']);
});

test("an empty open batch takes the terminal's batch number when the file holds that one batch only", async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const empty = ensureOpenBatch(fixture.context);
	const report = await importTransactions(
		fixture.context,
		importFile(fixture, [line(fixture, '000004', '000007'), line(fixture, '000005', '000007')]),
	);
	t.true(report.committed);
	t.is(report.imported, 2);
	t.deepEqual(openBatches(fixture), ['000007']);
	t.is(fixture.store.batches.currentOpen('10293847')?.id, empty.id);
});

test('settlement closes every unsettled batch of the terminal, and the X report counts them all before', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const supervisor = await addTestOperator(fixture.context, '00', 'supervisor');
	const cashier = await addTestOperator(fixture.context, '01', 'cashier');
	// Two open batches, as an older posvoid's import left them.
	const old = addSale(fixture.context, {voucherNo: '000001', amount: 1250});
	fixture.store.immediate(() => fixture.store.batches.insert('10293847', '000007', fixture.clock.now));
	addSale(fixture.context, {voucherNo: '000002', amount: 5000, batchNo: '000007'});
	t.deepEqual(openBatches(fixture), ['000001', '000007']);

	const before = shiftReport(fixture.context, '01');
	t.is(before.batch.batchNo, '000007');
	t.is(before.summary.total.salesCount, 2);
	t.is(before.summary.total.salesAmount, 6250);
	t.regex(before.preview, /62\.50/);
	t.is(openBatchSummary(fixture.context).summary.netAmount, 6250);

	const settlement = settleBatch(fixture.context, supervisor, '000007');
	t.is(settlement.batch.batchNo, '000007');
	t.deepEqual(
		settlement.earlier.map(entry => [entry.batch.batchNo, entry.summary.total.salesAmount]),
		[['000001', 1250]],
	);
	t.is(settlement.nextBatch.batchNo, '000008');
	t.deepEqual(openBatches(fixture), ['000008']);
	t.is(fixture.store.db.prepare(`SELECT count(*) FROM print_jobs WHERE kind = 'settlement-report'`).pluck().get(), 2);

	const sale = fixture.store.transactions.get(old)!;
	t.like(checkVoidable(fixture.context, sale, 'supervisor'), {ok: false, reason: 'batch-settled'});
	const outcome = voidTransaction(fixture.context, {
		transactionId: old,
		operator: {...cashier, at: fixture.clock.now},
		reason: 'x',
	});
	t.like(outcome, {ok: false, reason: 'batch-settled'});
});

test('settling batch 999999 opens the next number no batch has used, not an already settled 000001', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const supervisor = await addTestOperator(fixture.context, '00', 'supervisor');
	const {store} = fixture;
	store.immediate(() => {
		const first = store.batches.insert('10293847', '000001', 1);
		store.batches.settle(first, '00', 2);
		store.batches.insert('10293847', '999999', 3);
	});
	const settlement = settleBatch(fixture.context, supervisor);
	t.is(settlement.batch.batchNo, '999999');
	t.is(settlement.nextBatch.batchNo, '000002');
	t.is(settlement.nextBatch.settledAt, undefined);
	t.is(ensureOpenBatch(fixture.context).batchNo, '000002');
});

test('with no batch open, the next one follows the batch settled last, past numbers already used', t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const {store} = fixture;
	store.immediate(() => {
		for (const [batchNo, settledAt] of [
			['000001', 5],
			['999999', 9],
		] as const) {
			store.batches.settle(store.batches.insert('10293847', batchNo, 1), '00', settledAt);
		}
	});
	t.is(ensureOpenBatch(fixture.context).batchNo, '000002');
});

test('a sale whose batch row cannot be found is refused as settled, never voided and never a crash', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const cashier = await addTestOperator(fixture.context, '01', 'cashier');
	const id = addSale(fixture.context, {voucherNo: '000001'});
	fixture.store.db.exec(`UPDATE batches SET batch_no = '000099'`);
	const sale = fixture.store.transactions.get(id)!;
	t.like(checkVoidable(fixture.context, sale, 'cashier'), {ok: false, reason: 'batch-settled'});
	t.like(voidTransaction(fixture.context, {transactionId: id, operator: cashier, reason: 'x'}), {
		ok: false,
		reason: 'batch-settled',
	});
	t.is(fixture.store.transactions.get(id)!.status, 'completed');
});
