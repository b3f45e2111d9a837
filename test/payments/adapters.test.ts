import test from 'ava';
import type {VoidOperation, VoidOutcome} from '../../source/payments/payment-adapter.js';
import type {SimulatorFault} from '../../source/payments/simulator/simulator-faults.js';
import {testClock} from '../helpers/test-clock.js';
import {qrSale, startPlatforms, voidKey, type Platforms} from './platform-fixture.js';

const dayMs = 24 * 60 * 60 * 1000;
const platforms = ['wechat', 'alipay'] as const;

/** A sale of two days ago, so Alipay refunds (a same-day sale is cancelled instead). */
async function voidOf(p: Platforms, channel: 'alipay' | 'wechat', ageMs = 2 * dayMs) {
	const adapter = p.adapter(channel);
	const sale = qrSale(p, channel, ageMs);
	const now = testClock();
	const operation: VoidOperation = adapter.plan(sale, now);
	const key = voidKey(sale);
	const request = {idempotencyKey: key, amount: sale.total, reason: '顾客取消 Customer cancelled', operation, now};
	return {
		adapter,
		sale,
		key,
		operation,
		send: async () => adapter.requestVoid(sale, {...request, now: testClock()}),
		query: async () => adapter.queryVoid(sale, {idempotencyKey: key, operation, now: testClock()}),
	};
}

for (const channel of platforms) {
	test(`${channel}: a void is approved with the platform's number, and the simulator made exactly one refund`, async t => {
		const p = await startPlatforms(t);
		const v = await voidOf(p, channel);
		t.is(v.operation, 'refund');
		const outcome = await v.send();
		t.like(outcome, {kind: 'approved'});
		t.truthy((outcome as Extract<VoidOutcome, {kind: 'approved'}>).platformRefundNo);
		t.is(p.simulator.ledger.refundsByKey(v.key), 1);
		t.like(await v.query(), {kind: 'approved'});
		t.deepEqual(
			p.exchanges.map(exchange => exchange.direction),
			['request', 'answer', 'request', 'answer'],
		);
		t.false(JSON.stringify(p.exchanges).includes('PRIVATE KEY'));
	});

	test(`${channel}: the same key twice refunds once and answers with the first result`, async t => {
		const p = await startPlatforms(t);
		const v = await voidOf(p, channel);
		const first = await v.send();
		const second = await v.send();
		t.like(first, {kind: 'approved'});
		t.deepEqual(second, first);
		t.is(p.simulator.ledger.refundsByKey(v.key), 1);
		t.is(p.simulator.ledger.requestsByKey(v.key), 2);
		t.true(v.adapter.repeatIsSafe(v.operation));
	});

	test(`${channel}: a refund over the amount and a closed trade are declined with the platform's code`, async t => {
		const p = await startPlatforms(t);
		const over = await voidOf(p, channel);
		p.simulator.setFault({fault: 'over-amount', count: 1});
		const declined = await over.send();
		t.like(declined, {
			kind: 'declined',
			code: channel === 'wechat' ? 'INVALID_REQUEST' : 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
		});
		t.is(p.simulator.ledger.refundsByKey(over.key), 0);
		const closed = await voidOf(p, channel);
		p.simulator.setFault({fault: 'closed', count: 1});
		t.like(await closed.send(), {kind: 'declined'});
		t.is(p.simulator.ledger.refundsByKey(closed.key), 0);
	});

	test(`${channel}: a query for a key the platform never saw says not-found`, async t => {
		const p = await startPlatforms(t);
		const v = await voidOf(p, channel);
		t.like(await v.query(), {kind: 'not-found'});
	});

	const faults: Array<[SimulatorFault, string, number]> = [
		['no-answer', 'timeout', 1],
		['slow', 'timeout', 1],
		['5xx', 'server-error', 0],
		['reset', 'reset', 1],
		['bad-signature', 'bad-signature', 1],
		['processing', 'processing', 1],
		...(channel === 'wechat' ? [['stale-timestamp', 'stale-reply', 1] as [SimulatorFault, string, number]] : []),
	];
	for (const [fault, why, refunds] of faults) {
		test(`${channel}: fault ${fault} gives unknown (${why}), and the query then settles it`, async t => {
			const p = await startPlatforms(t);
			const v = await voidOf(p, channel);
			p.simulator.setFault({fault, count: 1, delayMs: 3000});
			const outcome = await v.send();
			t.like(outcome, {kind: 'unknown', why});
			t.is(p.simulator.ledger.refundsByKey(v.key), refunds, 'money moved only where the fault carried the request out');
			const settled = await v.query();
			t.like(settled, {kind: refunds === 1 ? 'approved' : 'not-found'});
			// Where nothing was made, repeating with the same key is documented safe on both platforms.
			const repeat = settled.kind === 'not-found' ? await v.send() : settled;
			t.like(repeat, {kind: 'approved'});
			t.is(p.simulator.ledger.refundsByKey(v.key), 1);
		});
	}
}

test('alipay: a same-day sale is cancelled (alipay.trade.cancel), and a repeat does not refund twice', async t => {
	const p = await startPlatforms(t);
	const v = await voidOf(p, 'alipay', 60_000);
	t.is(v.operation, 'cancel');
	t.like(await v.send(), {kind: 'approved', platformRefundNo: v.sale.platformOrderNo});
	t.like(await v.query(), {kind: 'approved'});
	t.is(p.simulator.ledger.refundsOfSale(v.sale.merchantOrderNo!).length, 1);
	t.is(p.exchanges[0]?.operation, 'alipay.trade.cancel');
});

test('a refused connection is unknown (not-sent): the request never reached the platform', async t => {
	const p = await startPlatforms(t);
	const v = await voidOf(p, 'wechat');
	await p.simulator.close();
	t.like(await v.send(), {kind: 'unknown', why: 'not-sent'});
});

test('a QR sale with no order number is declined without a request', async t => {
	const p = await startPlatforms(t);
	for (const channel of platforms) {
		const {platformOrderNo, merchantOrderNo, ...sale} = qrSale(p, channel);
		const outcome = await p.adapter(channel).requestVoid(sale, {
			idempotencyKey: 'K1',
			amount: sale.total,
			reason: 'r',
			operation: 'refund',
			now: testClock(),
		});
		t.like(outcome, {kind: 'declined', code: 'NO_ORDER_NUMBER'});
		t.truthy(platformOrderNo && merchantOrderNo);
	}

	t.is(p.exchanges.length, 0);
});
