import test from 'ava';
import {startPrinterEmulator} from '../../source/printing/emulator/printer-emulator.js';
import {
	isPrinterFailure,
	markInterruptedJobs,
	printJob,
	reprintVoid,
	waitingJobs,
} from '../../source/services/print-service.js';
import {currentClaimer} from '../../source/services/process-claim.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {spawnTs, waitForLine} from '../helpers/child-process.js';
import {addSale, addTestOperator, openFixture} from '../helpers/fixture.js';

async function voidedWithPrinter(fault: 'reset' | 'paper-out' | 'paper-out-mid') {
	const emulator = await startPrinterEmulator({columns: 32, fault});
	const fixture = openFixture();
	const {printer} = fixture.context.config;
	fixture.context.config = {
		...fixture.context.config,
		printer: {...printer, port: emulator.port, copies: 1, connectTimeoutMs: 500, writeTimeoutMs: 500},
	};
	const operator = await addTestOperator(fixture.context, '01', 'cashier');
	const outcome = voidTransaction(fixture.context, {transactionId: addSale(fixture.context), operator, reason: 'x'});
	if (!outcome.ok) {
		throw new Error(outcome.detail);
	}

	return {emulator, fixture, jobId: outcome.printJobId};
}

test('a slip cut off mid-way is retried marked REPRINT, since part of it may be on paper', async t => {
	const {emulator, fixture, jobId} = await voidedWithPrinter('reset');
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});

	const first = await printJob(fixture.context, jobId);
	t.like(first, {ok: false, failure: {kind: 'reset'}});
	t.like(fixture.store.printJobs.get(jobId), {state: 'failed', attempts: 1});

	emulator.setFault(undefined);
	const retry = await printJob(fixture.context, jobId);
	t.true(retry.ok);
	t.regex(retry.preview, /重打印 REPRINT/);
	t.like(fixture.store.printJobs.get(jobId), {state: 'printed', attempts: 2});
	t.deepEqual(waitingJobs(fixture.context), []);
});

test('paper out mid-slip on a confirming printer: the job stays queued, and its retry is marked REPRINT', async t => {
	const {emulator, fixture, jobId} = await voidedWithPrinter('paper-out-mid');
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});
	emulator.setFault('paper-out-mid', 300);

	const first = await printJob(fixture.context, jobId);
	t.like(first, {ok: false, failure: {kind: 'paper-out', afterSend: true}});
	t.notRegex(first.preview, /REPRINT/);
	t.like(fixture.store.printJobs.get(jobId), {state: 'failed', mayHavePrinted: true});
	t.deepEqual(
		waitingJobs(fixture.context).map(view => view.job.id),
		[jobId],
	);
	const [cutOff] = await emulator.waitForJobs(1, 5000);
	t.true((cutOff?.bytes.length ?? 0) < 600, 'the printer stopped part-way');

	emulator.setFault(undefined);
	const retry = await printJob(fixture.context, jobId);
	t.true(retry.ok);
	const jobs = await emulator.waitForJobs(2, 5000);
	t.regex(jobs[1]!.text, /重打印 REPRINT/);
	t.like(fixture.store.printJobs.get(jobId), {state: 'printed'});
});

test('a slip refused before anything was sent is retried as the original', async t => {
	const {emulator, fixture, jobId} = await voidedWithPrinter('paper-out');
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});

	const refused = await printJob(fixture.context, jobId);
	t.like(refused, {ok: false, failure: {kind: 'paper-out'}});
	// The service answers the kind; the screen or the command says it in the clerk's language.
	t.deepEqual(Object.keys(refused).toSorted(), ['failure', 'jobId', 'ok', 'preview', 'recorded']);
	t.is(emulator.jobs.length, 0);
	emulator.setFault(undefined);
	const retry = await printJob(fixture.context, jobId);
	t.true(retry.ok);
	t.notRegex(retry.preview, /REPRINT/);
	const [job] = await emulator.waitForJobs(1, 5000);
	t.notRegex(job!.text, /REPRINT/);
});

test('a printed job is not printed again by a second retry', async t => {
	const {emulator, fixture, jobId} = await voidedWithPrinter('paper-out');
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});
	emulator.setFault(undefined);
	const first = await printJob(fixture.context, jobId);
	t.true(first.ok);
	t.like(await printJob(fixture.context, jobId), {ok: false, failure: {kind: 'already-printed'}});
	await emulator.waitForJobs(1, 5000);
	t.is(emulator.jobs.length, 1);
});

test("only the printer's own failures count as the printer's state, not the queue's or the database's", t => {
	t.true(isPrinterFailure({kind: 'paper-out', detail: ''}));
	t.true(isPrinterFailure({kind: 'unreachable', detail: ''}));
	for (const kind of ['already-printed', 'in-progress', 'database-busy'] as const) {
		t.false(isPrinterFailure({kind, detail: ''}), kind);
	}
});

test('a job left printing by a process killed mid-slip is known at once, without the clock moving; a live one is left alone', async t => {
	const {emulator, fixture, jobId} = await voidedWithPrinter('reset');
	emulator.setFault(undefined);
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});
	const worker = spawnTs('test/helpers/print-claim-worker.ts', [
		fixture.file,
		String(jobId),
		String(fixture.clock.now),
	]);
	const exited = new Promise(resolve => {
		worker.once('exit', resolve);
	});
	t.teardown(() => worker.kill('SIGKILL'));
	await waitForLine(worker, 'claimed');

	// Another console while the worker prints: it is told to wait, and nothing is taken from the worker.
	t.like(markInterruptedJobs(fixture.context), {failed: 0, busy: false});
	t.like(await printJob(fixture.context, jobId), {ok: false, failure: {kind: 'in-progress'}});
	t.like(fixture.store.printJobs.get(jobId), {state: 'printing', attempts: 1});

	worker.kill('SIGKILL');
	await exited;
	t.like(markInterruptedJobs(fixture.context), {failed: 1, busy: false});
	t.like(fixture.store.printJobs.get(jobId), {state: 'failed', mayHavePrinted: true});
	const retry = await printJob(fixture.context, jobId);
	t.true(retry.ok);
	t.regex(retry.preview, /重打印 REPRINT/);
});

test('a retry takes a job whose claimer died without waiting for the queue to be opened', async t => {
	const {emulator, fixture, jobId} = await voidedWithPrinter('reset');
	emulator.setFault(undefined);
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});
	const worker = spawnTs('test/helpers/print-claim-worker.ts', [
		fixture.file,
		String(jobId),
		String(fixture.clock.now),
	]);
	const exited = new Promise(resolve => {
		worker.once('exit', resolve);
	});
	await waitForLine(worker, 'claimed');
	worker.kill('SIGKILL');
	await exited;
	const retry = await printJob(fixture.context, jobId);
	t.true(retry.ok, retry.ok ? '' : retry.failure.kind);
	t.regex(retry.preview, /重打印 REPRINT/);
});

test('a job claimed where its claimer cannot be asked is abandoned by time in either direction, so a clock step back does not hold it', async t => {
	const {emulator, fixture, jobId} = await voidedWithPrinter('reset');
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});
	const elsewhere = `another-pc|${currentClaimer().split('|').slice(1).join('|')}`;
	fixture.store.printJobs.claim(jobId, fixture.clock.now, elsewhere);
	t.like(
		markInterruptedJobs(fixture.context),
		{failed: 0, busy: false},
		'a claim just made on another PC may be printing',
	);

	// The clock stepped back two hours after the claim: the claim is in the future.
	fixture.clock.now -= 2 * 60 * 60_000;
	t.like(markInterruptedJobs(fixture.context), {failed: 1, busy: false});
	t.like(fixture.store.printJobs.get(jobId), {state: 'failed', mayHavePrinted: true});
});

test('a reprint of a void the database does not have is answered, not thrown, and queues nothing', t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	t.deepEqual(reprintVoid(fixture.context, 999, undefined), {ok: false, reason: 'no-void'});
	t.is(fixture.context.store.printJobs.waitingCount(), 0);
});
