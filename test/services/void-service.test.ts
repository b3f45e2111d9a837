import test from 'ava';
import {voidTransaction, voucherCounterName} from '../../source/services/void-service.js';
import {collect, spawnTs, waitForLine} from '../helpers/child-process.js';
import {addSale, addTestOperator, openFixture} from '../helpers/fixture.js';

test('a void flips the sale, records the void with the next voucher, its audit row and its print job, all at once', async t => {
	const {context, store, close} = openFixture();
	t.teardown(close);
	const operator = await addTestOperator(context, '01', 'cashier');
	const id = addSale(context, {amount: 12_850});
	store.counters.set(voucherCounterName(context.config.terminalId), 123);

	const outcome = voidTransaction(context, {transactionId: id, operator, reason: '顾客取消'});

	t.true(outcome.ok);
	if (!outcome.ok) {
		return;
	}

	t.is(store.transactions.get(id)!.status, 'voided');
	t.like(store.voids.forTransaction(id), {
		voucherNo: '000124',
		operatorNo: '01',
		reason: '顾客取消',
		approverNo: undefined,
	});
	t.is(outcome.void.referenceNo, '261125000124');
	t.deepEqual(
		store.printJobs.forVoid(outcome.void.id).map(job => [job.kind, job.state, job.reprint]),
		[['void-slip', 'pending', false]],
	);
	t.like(store.audit.recent({event: 'void'}, 1)[0], {operatorNo: '01', result: 'ok', record: `transaction:${id}`});
});

test('a second void of the same sale answers already voided and writes only an audit row', async t => {
	const {context, store, close} = openFixture();
	t.teardown(close);
	const operator = await addTestOperator(context, '01', 'cashier');
	const id = addSale(context);
	t.true(voidTransaction(context, {transactionId: id, operator, reason: 'x'}).ok);
	const auditBefore = store.audit.recent({}, 1)[0]!.id;

	const again = voidTransaction(context, {transactionId: id, operator, reason: 'x'});

	t.like(again, {ok: false, reason: 'already-voided'});
	t.is(store.printJobs.recent(10).length, 1);
	const after = store.audit.recent({}, 5).filter(row => row.id > auditBefore);
	t.deepEqual(
		after.map(row => [row.event, row.result]),
		[['void-refused', 'refused']],
	);
});

test('when any part of the void fails, nothing of it is kept', async t => {
	const {context, store, close} = openFixture();
	t.teardown(close);
	const operator = await addTestOperator(context, '01', 'cashier');
	const id = addSale(context);
	const auditRows = store.audit.verify();
	// A real failure inside the transaction: the print job insert is refused by the database.
	store.db.exec(
		`CREATE TRIGGER fail_print_jobs BEFORE INSERT ON print_jobs BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
	);

	t.throws(() => voidTransaction(context, {transactionId: id, operator, reason: 'x'}), {
		any: true,
		message: /disk trouble/,
	});

	t.is(store.transactions.get(id)!.status, 'completed');
	t.is(store.voids.forTransaction(id), undefined);
	t.is(store.counters.get(voucherCounterName(context.config.terminalId)), 0);
	t.deepEqual(store.audit.verify(), auditRows);
});

test('over the supervisor limit a cashier needs an approving supervisor, who is recorded', async t => {
	const {context, store, close} = openFixture();
	t.teardown(close);
	const cashier = await addTestOperator(context, '01', 'cashier');
	const supervisor = await addTestOperator(context, '00', 'supervisor');
	const id = addSale(context, {amount: 88_800});

	t.like(voidTransaction(context, {transactionId: id, operator: cashier, reason: 'x'}), {
		ok: false,
		reason: 'supervisor-required',
	});
	t.like(voidTransaction(context, {transactionId: id, operator: cashier, approver: cashier, reason: 'x'}), {
		ok: false,
		reason: 'not-supervisor',
	});
	const outcome = voidTransaction(context, {transactionId: id, operator: cashier, approver: supervisor, reason: 'x'});
	t.true(outcome.ok);
	t.is(store.voids.forTransaction(id)!.approverNo, '00');
});

test('credentials entered long ago are not accepted', async t => {
	const {context, clock, close} = openFixture();
	t.teardown(close);
	const operator = await addTestOperator(context, '01', 'cashier');
	const id = addSale(context);
	clock.now += 10 * 60_000;
	t.like(voidTransaction(context, {transactionId: id, operator, reason: 'x'}), {
		ok: false,
		reason: 'stale-credentials',
	});
});

test('a sale past the void window or in a settled batch is refused with its reason', async t => {
	const {context, store, clock, close} = openFixture();
	t.teardown(close);
	const operator = await addTestOperator(context, '01', 'cashier');
	const old = addSale(context, {createdAt: clock.now - 25 * 3_600_000});
	t.like(voidTransaction(context, {transactionId: old, operator, reason: 'x'}), {ok: false, reason: 'window-expired'});

	const fresh = addSale(context);
	const batch = store.batches.currentOpen(context.config.terminalId)!;
	store.immediate(() => store.batches.settle(batch.id, '00', clock.now));
	t.like(voidTransaction(context, {transactionId: fresh, operator, reason: 'x'}), {ok: false, reason: 'batch-settled'});
	t.is(store.transactions.get(fresh)!.status, 'completed');
});

test('void voucher numbers wrap from 999999 to 000001', async t => {
	const {context, store, close} = openFixture();
	t.teardown(close);
	const operator = await addTestOperator(context, '01', 'cashier');
	store.counters.set(voucherCounterName(context.config.terminalId), 999_998);
	const vouchers = [addSale(context), addSale(context), addSale(context)].map(id => {
		const outcome = voidTransaction(context, {transactionId: id, operator, reason: 'x'});
		return outcome.ok ? outcome.void.voucherNo : outcome.reason;
	});
	t.deepEqual(vouchers, ['999999', '000001', '000002']);
});

test('two processes voiding the same sales at the same moment: each voided exactly once, the loser told already voided', async t => {
	const {context, store, file, close} = openFixture();
	t.teardown(close);
	await addTestOperator(context, '01', 'cashier');
	const ids = Array.from({length: 40}, () => String(addSale(context)));
	const workers = [
		spawnTs('test/helpers/void-worker.ts', [file, ...ids]),
		spawnTs('test/helpers/void-worker.ts', [file, ...ids.toReversed()]),
	];
	await Promise.all(workers.map(async worker => waitForLine(worker, 'ready')));
	const results = workers.map(async worker => collect(worker));
	for (const worker of workers) {
		worker.stdin.end('go\n');
	}

	const outputs = await Promise.all(results);
	const lines = outputs.flatMap(output => output.stdout.trim().split('\n'));
	t.deepEqual(
		outputs.map(output => output.code),
		[0, 0],
		outputs.map(output => output.stderr).join('\n'),
	);
	for (const id of ids) {
		const forId = lines.filter(line => line.split(' ')[1] === id).map(line => line.split(' ')[0] ?? '');
		t.deepEqual(
			forId.toSorted((a, b) => a.localeCompare(b)),
			['refused', 'voided'],
			`transaction ${id}`,
		);
	}

	t.is(store.db.prepare('SELECT count(*) FROM voids').pluck().get(), ids.length);
	t.is(store.db.prepare('SELECT count(DISTINCT voucher_no) FROM voids').pluck().get(), ids.length);
	t.true(lines.filter(line => line.startsWith('refused')).every(line => line.endsWith('already-voided')));
});
