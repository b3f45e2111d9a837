import test from 'ava';
import {channels} from '../../source/domain/transaction.js';
import {startPrinterEmulator} from '../../source/printing/emulator/printer-emulator.js';
import {exportBatch} from '../../source/services/export-service.js';
import {printJob, slipPreview} from '../../source/services/print-service.js';
import {
	batchSummary,
	openBatchSummary,
	reprintSettlement,
	settleBatch,
	SettlementError,
} from '../../source/services/settlement-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture, type Fixture} from '../helpers/fixture.js';

/** A batch with sales on every channel and a void on every channel. */
async function busyBatch(fixture: Fixture) {
	const cashier = await addTestOperator(fixture.context, '01', 'cashier');
	const supervisor = await addTestOperator(fixture.context, '00', 'supervisor');
	for (const [index, channel] of channels.entries()) {
		const ids = [1, 2, 3].map(step => addSale(fixture.context, {channel, amount: 1000 + 1317 * (index * 3 + step)}));
		const outcome = voidTransaction(fixture.context, {transactionId: ids[1]!, operator: cashier, reason: 'x'});
		if (!outcome.ok) {
			throw new Error(outcome.detail);
		}
	}

	return {cashier, supervisor};
}

test('the batch figures equal sums computed independently with SQL over the same rows', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	await busyBatch(fixture);
	const {batch, summary} = openBatchSummary(fixture.context);
	const sql = fixture.store.db.prepare(`
		SELECT channel,
			(SELECT count(*) FROM transactions s WHERE s.batch_id = ? AND s.channel = c.channel) AS salesCount,
			(SELECT total(amount) FROM transactions s WHERE s.batch_id = ? AND s.channel = c.channel) AS salesAmount,
			(SELECT total(fee) FROM transactions s WHERE s.batch_id = ? AND s.channel = c.channel) AS salesFees,
			(SELECT count(*) FROM voids v JOIN transactions s ON s.id = v.transaction_id WHERE v.batch_id = ? AND s.channel = c.channel) AS voidsCount,
			(SELECT total(s.amount) FROM voids v JOIN transactions s ON s.id = v.transaction_id WHERE v.batch_id = ? AND s.channel = c.channel) AS voidsAmount,
			(SELECT total(s.fee) FROM voids v JOIN transactions s ON s.id = v.transaction_id WHERE v.batch_id = ? AND s.channel = c.channel) AS voidsFees
		FROM (SELECT DISTINCT channel FROM transactions) c ORDER BY channel`);
	const expected = sql.all(batch.id, batch.id, batch.id, batch.id, batch.id, batch.id) as Array<
		Record<string, number | string>
	>;
	for (const row of expected) {
		const ours = summary.channels.find(channel => channel.channel === row['channel'])!;
		t.deepEqual(
			{...ours},
			{
				channel: row['channel'],
				salesCount: row['salesCount'],
				salesAmount: row['salesAmount'],
				salesFees: row['salesFees'],
				voidsCount: row['voidsCount'],
				voidsAmount: row['voidsAmount'],
				voidsFees: row['voidsFees'],
			},
		);
		t.is(ours.voidsCount, 1);
	}

	const totals = fixture.store.db
		.prepare(
			`SELECT total(amount) AS amount, total(fee) AS fee FROM transactions WHERE batch_id = ? AND status = 'completed'`,
		)
		.get(batch.id) as {amount: number; fee: number};
	t.is(summary.netAmount, totals.amount);
	t.is(summary.netFees, totals.fee);
	t.is(summary.netCount, 10);
});

test('settlement closes the batch, opens the next one and queues the report in one step', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const {supervisor, cashier} = await busyBatch(fixture);
	const open = openBatchSummary(fixture.context).batch;
	const pending = addSale(fixture.context);

	const settlement = settleBatch(fixture.context, supervisor);

	t.is(settlement.batch.batchNo, open.batchNo);
	t.is(settlement.nextBatch.batchNo, String(Number(open.batchNo) + 1).padStart(6, '0'));
	t.like(fixture.store.batches.get(open.id), {settledBy: '00'});
	t.like(fixture.store.printJobs.get(settlement.printJobId), {
		kind: 'settlement-report',
		state: 'pending',
		batchId: open.id,
	});
	t.like(fixture.store.audit.recent({event: 'settlement'}, 1)[0], {operatorNo: '00', record: `batch:${open.batchNo}`});

	const refused = voidTransaction(fixture.context, {transactionId: pending, operator: cashier, reason: 'x'});
	t.like(refused, {ok: false, reason: 'batch-settled'});
	t.true(!refused.ok && refused.detail.includes('bank'));
	t.is(batchSummary(fixture.context, settlement.nextBatch.id).total.salesCount, 0);
});

test('a batch settled elsewhere since its figures were shown is not replaced by the next one', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const {supervisor} = await busyBatch(fixture);
	const shown = openBatchSummary(fixture.context).batch;
	settleBatch(fixture.context, supervisor);
	t.throws(() => settleBatch(fixture.context, supervisor, shown.batchNo), {
		instanceOf: SettlementError,
		message: /another window/,
	});
	t.is(fixture.store.batches.currentOpen(fixture.context.config.terminalId)!.settledAt, undefined);
});

test('a cashier cannot settle', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const {cashier} = await busyBatch(fixture);
	t.throws(() => settleBatch(fixture.context, cashier), {instanceOf: SettlementError, message: /not a supervisor/});
});

test('the settlement report prints through the queue, and a reprint is marked REPRINT', async t => {
	const emulator = await startPrinterEmulator({columns: 32});
	const fixture = openFixture();
	fixture.context.config = {
		...fixture.context.config,
		printer: {...fixture.context.config.printer, port: emulator.port, copies: 1},
	};
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});
	const {supervisor} = await busyBatch(fixture);
	const settlement = settleBatch(fixture.context, supervisor);

	const printed = await printJob(fixture.context, settlement.printJobId);
	t.true(printed.ok);
	const [job] = await emulator.waitForJobs(1, 5000);
	t.regex(job!.text, /结算总计单 SETTLEMENT/);
	t.regex(job!.text, /微信支付 WECHAT PAY/);
	t.deepEqual(job!.unknown, []);

	const reprint = reprintSettlement(fixture.context, settlement.batch.batchNo, supervisor);
	t.regex(slipPreview(fixture.context, reprint), /重打印 REPRINT/);
	const reprinted = await printJob(fixture.context, reprint);
	t.true(reprinted.ok);
	const jobs = await emulator.waitForJobs(2, 5000);
	t.regex(jobs[1]!.text, /重打印 REPRINT/);
});

test('the export lists sales and voids of the batch with masked cards only', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	await busyBatch(fixture);
	addSale(fixture.context, {card: '6228480000000018', amount: 100});
	const {batch} = openBatchSummary(fixture.context);
	const csv = [...exportBatch(fixture.context, batch.batchNo, 'csv')];
	t.is(
		csv[0],
		'kind,voucher_no,original_voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card_masked,amount,fee,currency,created_at,operator_no,approver_no,reason',
	);
	t.is(csv.length, 1 + 16 + 5);
	t.is(csv.filter(line => line.startsWith('void,')).length, 5);
	t.false(csv.join('\n').includes('6228480000000018'));
	t.true(csv.some(line => line.includes('622848******0018')));
	const json = [...exportBatch(fixture.context, batch.batchNo, 'json')].map(
		line => JSON.parse(line) as Record<string, unknown>,
	);
	t.is(json.length, 21);
	t.like(
		json.find(row => row['kind'] === 'void'),
		{amount: json.find(row => row['kind'] === 'void')!['amount']},
	);
	t.true(String(json.find(row => row['kind'] === 'void')!['amount']).startsWith('-'));
});
