import test, {type ExecutionContext} from 'ava';
import {settleBatch, SettlementError} from '../../source/services/settlement-service.js';
import {
	inDoubtCount,
	resolveInDoubt,
	settleByHand,
	startOnlineVoid,
	terminalVoid,
	voidStateOfSale,
	type OnlineVoidResult,
} from '../../source/services/online-void-service.js';
import {slipPreview} from '../../source/services/print-service.js';
import {verifyBooks} from '../../source/services/books-verification.js';
import {verifyAuditChain} from '../../source/services/audit-service.js';
import {voidTransaction, type VoidRequest} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture, type Fixture} from '../helpers/fixture.js';
import {addQrSale, onlinePayments, refundCount, startSimulator} from '../helpers/online-platforms.js';
import {testClock} from '../helpers/test-clock.js';
import type {PlatformSimulator} from '../../source/payments/simulator/platform-simulator.js';

type Counter = {
	fixture: Fixture;
	simulator: PlatformSimulator;
	cashier: Awaited<ReturnType<typeof addTestOperator>>;
	supervisor: Awaited<ReturnType<typeof addTestOperator>>;
};

async function counter(t: ExecutionContext): Promise<Counter> {
	const simulator = await startSimulator();
	const fixture = openFixture({payments: onlinePayments(simulator)});
	t.teardown(async () => {
		fixture.close();
		await simulator.close();
	});
	fixture.clock.now = testClock();
	const cashier = await addTestOperator(fixture.context, '01', 'cashier');
	const supervisor = await addTestOperator(fixture.context, '00', 'supervisor');
	return {fixture, simulator, cashier, supervisor};
}

function request(c: Counter, transactionId: number): VoidRequest {
	return {transactionId, operator: {...c.cashier, at: c.fixture.clock.now}, reason: '顾客取消'};
}

async function voidOnline(c: Counter, transactionId: number): Promise<OnlineVoidResult> {
	const started = await startOnlineVoid(c.fixture.context, request(c, transactionId));
	if (!started.ok) {
		throw new Error(`refused: ${started.reason}`);
	}

	return started.answer;
}

function booksAreWhole(t: ExecutionContext, c: Counter) {
	const books = verifyBooks(c.fixture.context);
	t.true(books.ok, books.problems.join('\n'));
	t.like(verifyAuditChain(c.fixture.context), {ok: true});
}

for (const channel of ['wechat', 'alipay'] as const) {
	test(`${channel}: an online void is approved, the sale voided, and the slip carries the platform's refund number`, async t => {
		const c = await counter(t);
		const sale = addQrSale(c.fixture.context, c.simulator, channel);
		const result = await voidOnline(c, sale.id);
		t.is(result.state, 'approved');
		const refundNo = result.request.platformRefundNo!;
		t.truthy(refundNo);
		t.is(c.fixture.store.transactions.get(sale.id)!.status, 'voided');
		t.is(c.fixture.store.voidRequests.voidPlatformNo(c.fixture.store.voids.forTransaction(sale.id)!.id), refundNo);
		t.true(slipPreview(c.fixture.context, result.printJobId!).includes(refundNo));
		t.is(refundCount(c.simulator, sale.platformOrderNo), 1);
		t.is(inDoubtCount(c.fixture.context), 0);
		booksAreWhole(t, c);
	});
}

test('a declined void leaves the sale completed and voidable, with the platform reason kept', async t => {
	const c = await counter(t);
	const sale = addQrSale(c.fixture.context, c.simulator, 'wechat');
	c.simulator.setFault({fault: 'over-amount', count: 1});
	const declined = await voidOnline(c, sale.id);
	t.is(declined.state, 'declined');
	t.is(declined.request.declineCode, 'INVALID_REQUEST');
	t.is(c.fixture.store.transactions.get(sale.id)!.status, 'completed');
	t.is(refundCount(c.simulator, sale.platformOrderNo), 0);
	const again = await voidOnline(c, sale.id);
	t.is(again.state, 'approved');
	t.not(again.request.idempotencyKey, declined.request.idempotencyKey);
	booksAreWhole(t, c);
});

test('a timeout leaves the void in doubt: the sale cannot be voided again, settlement waits, and the query resolves it once', async t => {
	const c = await counter(t);
	const sale = addQrSale(c.fixture.context, c.simulator, 'alipay');
	c.simulator.setFault({fault: 'no-answer', count: 1});
	const inDoubt = await voidOnline(c, sale.id);
	t.is(inDoubt.state, 'in-doubt');
	t.is(inDoubt.why, 'timeout');
	t.is(inDoubtCount(c.fixture.context), 1);
	t.is(c.fixture.store.transactions.get(sale.id)!.status, 'completed');
	t.like(voidStateOfSale(c.fixture.context, sale.id), {state: 'in-doubt', platform: 'alipay'});
	// Neither online nor record-only: the money may already be back.
	const second = await startOnlineVoid(c.fixture.context, request(c, sale.id));
	t.like(second, {ok: false, reason: 'in-doubt', inDoubt: {platform: 'alipay'}});
	t.like(voidTransaction(c.fixture.context, request(c, sale.id)), {ok: false, reason: 'in-doubt'});
	const refused = t.throws(() => settleBatch(c.fixture.context, {...c.supervisor, at: c.fixture.clock.now}), {
		instanceOf: SettlementError,
	});
	t.is(refused?.refusal, 'voids-in-doubt');
	t.regex(refused?.subject ?? '', new RegExp(`#${inDoubt.request.id} `));
	const pass = await resolveInDoubt(c.fixture.context);
	t.deepEqual(
		pass.results.map(result => result.state),
		['approved'],
	);
	t.is(pass.stillInDoubt, 0);
	t.is(refundCount(c.simulator, sale.platformOrderNo), 1);
	t.is(c.fixture.store.transactions.get(sale.id)!.status, 'voided');
	const again = await resolveInDoubt(c.fixture.context);
	t.is(again.results.length, 0);
	t.is(refundCount(c.simulator, sale.platformOrderNo), 1);
	t.notThrows(() => settleBatch(c.fixture.context, {...c.supervisor, at: c.fixture.clock.now}));
	booksAreWhole(t, c);
});

test('a request the platform never received (5xx) is sent again with the same key on resolution, and refunds once', async t => {
	const c = await counter(t);
	const sale = addQrSale(c.fixture.context, c.simulator, 'wechat');
	c.simulator.setFault({fault: '5xx', count: 1});
	const inDoubt = await voidOnline(c, sale.id);
	t.is(inDoubt.state, 'in-doubt');
	t.is(refundCount(c.simulator, sale.platformOrderNo), 0);
	const pass = await resolveInDoubt(c.fixture.context);
	t.is(pass.results[0]?.state, 'approved');
	t.is(refundCount(c.simulator, sale.platformOrderNo), 1);
});

test('two resolution passes at once write one void and refund once', async t => {
	const c = await counter(t);
	const sale = addQrSale(c.fixture.context, c.simulator, 'wechat');
	c.simulator.setFault({fault: 'reset', count: 1});
	const inDoubt = await voidOnline(c, sale.id);
	t.is(inDoubt.state, 'in-doubt');
	const passes = await Promise.all([resolveInDoubt(c.fixture.context), resolveInDoubt(c.fixture.context)]);
	t.true(passes.every(pass => pass.results.every(result => result.state === 'approved')));
	t.is(refundCount(c.simulator, sale.platformOrderNo), 1);
	t.is(c.fixture.store.voidRequests.recent('approved', 10).length, 1);
	booksAreWhole(t, c);
});

test('a supervisor settles a void in doubt by hand: declined leaves the sale voidable, approved voids it; both audited', async t => {
	const c = await counter(t);
	const first = addQrSale(c.fixture.context, c.simulator, 'wechat');
	const second = addQrSale(c.fixture.context, c.simulator, 'wechat');
	c.simulator.setFault({fault: 'no-answer', count: 2});
	const a = await voidOnline(c, first.id);
	const b = await voidOnline(c, second.id);
	t.is(a.state, 'in-doubt');
	t.is(b.state, 'in-doubt');
	t.like(
		settleByHand(c.fixture.context, {requestId: a.request.id, supervisor: c.cashier, approved: true, reason: 'x'}),
		{
			ok: false,
			problem: 'not-supervisor',
		},
	);
	const declined = settleByHand(c.fixture.context, {
		requestId: a.request.id,
		supervisor: c.supervisor,
		approved: false,
		reason: 'no refund in merchant app',
	});
	t.like(declined, {ok: true, result: {state: 'declined'}});
	t.is(c.fixture.store.transactions.get(first.id)!.status, 'completed');
	const approved = settleByHand(c.fixture.context, {
		requestId: b.request.id,
		supervisor: c.supervisor,
		approved: true,
		reason: 'refund seen in merchant app',
	});
	t.like(approved, {ok: true, result: {state: 'approved'}});
	t.is(c.fixture.store.transactions.get(second.id)!.status, 'voided');
	t.like(
		settleByHand(c.fixture.context, {requestId: b.request.id, supervisor: c.supervisor, approved: false, reason: 'x'}),
		{
			ok: false,
			problem: 'not-open',
		},
	);
	const settles = c.fixture.store.audit.recent({event: 'void-settle'}, 10);
	t.is(settles.length, 2);
	t.true(settles.every(row => row.operatorNo === '00'));
	booksAreWhole(t, c);
});

test('a terminal-assisted card void records the terminal voucher and reference; bad numbers change nothing', async t => {
	const c = await counter(t);
	const id = addSale(c.fixture.context, {channel: 'debit', voucherNo: '000401', amount: 12_850});
	const bad = await terminalVoid(c.fixture.context, request(c, id), {voidVoucherNo: '12345', voidReferenceNo: '1'});
	t.like(bad, {ok: false, reason: 'terminal-answer', problem: 'voucher'});
	t.is(c.fixture.store.transactions.get(id)!.status, 'completed');
	const outcome = await terminalVoid(c.fixture.context, request(c, id), {
		voidVoucherNo: '000777',
		voidReferenceNo: '331125000777',
	});
	t.like(outcome, {ok: true, void: {voucherNo: '000777', referenceNo: '331125000777'}});
	t.like(c.fixture.store.voids.forTransaction(id), {voucherNo: '000777'});
	t.like(c.fixture.store.voids.forTransaction(id), {referenceNo: '331125000777'});
	booksAreWhole(t, c);
});
