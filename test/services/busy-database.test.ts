import test from 'ava';
import {authenticate} from '../../source/services/auth-service.js';
import {markInterruptedJobs, printJob, reprintVoid} from '../../source/services/print-service.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {openStore} from '../../source/store/store.js';
import {addSale, addTestOperator, openFixture} from '../helpers/fixture.js';

/** A second console on the same file, with a short busy timeout, while the first holds the write lock. */
async function heldLock() {
	const fixture = openFixture();
	const operator = await addTestOperator(fixture.context, '01', 'cashier', 'right-pass');
	const saleId = addSale(fixture.context);
	const other = openStore(fixture.file, {busyTimeoutMs: 200});
	const context = createServiceContext(other, fixture.context.config, {now: () => fixture.clock.now});
	fixture.store.db.exec('BEGIN IMMEDIATE');
	return {
		fixture,
		context,
		operator,
		saleId,
		release() {
			fixture.store.db.exec('ROLLBACK');
			other.close();
			fixture.close();
		},
	};
}

test('signing in while another program holds the database is a clear refusal, not a crash', async t => {
	const {context, release} = await heldLock();
	t.teardown(release);
	const result = await authenticate(context, '01', 'right-pass');
	t.like(result, {ok: false, reason: 'busy'});
	t.true(!result.ok && result.message.includes('another program is using the database'));
});

test('a void while another program holds the database is refused as busy and writes nothing', async t => {
	const {context, operator, saleId, fixture, release} = await heldLock();
	t.teardown(release);
	const outcome = voidTransaction(context, {
		transactionId: saleId,
		operator: {...operator, at: fixture.clock.now},
		reason: 'x',
	});
	t.like(outcome, {ok: false, reason: 'busy'});
	t.is(context.store.transactions.get(saleId)!.status, 'completed');
	t.is(context.store.voids.forTransaction(saleId), undefined);
});

test('printing or opening the queue while the database is busy answers without sending or crashing', async t => {
	const {context, operator, saleId, fixture, release} = await heldLock();
	fixture.store.db.exec('ROLLBACK');
	const voided = voidTransaction(context, {
		transactionId: saleId,
		operator: {...operator, at: fixture.clock.now},
		reason: 'x',
	});
	fixture.store.db.exec('BEGIN IMMEDIATE');
	t.teardown(release);
	t.true(voided.ok);
	if (!voided.ok) {
		return;
	}

	const printed = await printJob(context, voided.printJobId);
	t.like(printed, {ok: false, failure: {kind: 'database-busy'}, recorded: false});
	t.deepEqual(markInterruptedJobs(context), {failed: 0, busy: false});
	t.like(context.store.printJobs.get(voided.printJobId), {state: 'pending', attempts: 0});
});

test('a reprint while another program holds the database is answered as busy, and queues nothing', async t => {
	const {context, operator, saleId, fixture, release} = await heldLock();
	fixture.store.db.exec('ROLLBACK');
	const voided = voidTransaction(context, {
		transactionId: saleId,
		operator: {...operator, at: fixture.clock.now},
		reason: 'x',
	});
	fixture.store.db.exec('BEGIN IMMEDIATE');
	t.teardown(release);
	if (!voided.ok) {
		throw new Error(voided.detail);
	}

	t.deepEqual(reprintVoid(context, voided.void.id, operator), {ok: false, reason: 'busy'});
	t.is(context.store.printJobs.waitingCount(), 1);
});
