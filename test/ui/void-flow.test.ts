import test from 'ava';
import type {Transaction} from '../../source/domain/transaction.js';
import type {Authenticated} from '../../source/services/auth-service.js';
import {
	canCancel,
	isOtherReason,
	startVoidFlow,
	voidFlowReducer,
	type VoidEvent,
	type VoidFlow,
} from '../../source/ui/state/void-flow.js';

const transaction: Transaction = {
	id: 7,
	voucherNo: '000101',
	referenceNo: '331125000101',
	authCode: 'A1B2C3',
	batchNo: '000001',
	terminalId: '10293847',
	merchantId: '898440358120011',
	channel: 'debit',
	cardMasked: '622848******0018',
	amount: 12_850,
	fee: 64,
	currency: 'CNY',
	createdAt: 0,
	operatorNo: '01',
	status: 'completed',
};

const cashier: Authenticated = {operatorNo: '01', name: 'Cashier', role: 'cashier', at: 1};
const supervisor: Authenticated = {operatorNo: '00', name: 'Supervisor', role: 'supervisor', at: 2};

function run(flow: VoidFlow, ...events: VoidEvent[]): VoidFlow {
	let next = flow;
	for (const event of events) {
		next = voidFlowReducer(next, event);
	}

	return next;
}

test('a refusal is shown at once, before any password', t => {
	const flow = startVoidFlow(transaction, {ok: false, reason: 'batch-settled', detail: 'settled'});
	t.is(flow.step, 'refused');
	t.deepEqual(flow.notice, {kind: 'refusal', code: 'batch-settled', detail: {terminalId: '10293847'}});
});

test('under the limit: password, then reason, then confirm', t => {
	const flow = run(
		startVoidFlow(transaction, {ok: true, needsSupervisor: false, until: 10}),
		{type: 'checking'},
		{type: 'password-accepted', operator: cashier},
	);
	t.is(flow.step, 'reason');
	t.false(flow.busy);
	const confirm = voidFlowReducer(flow, {type: 'reason', reason: 'Customer cancelled'});
	t.is(confirm.step, 'confirm');
	t.is(confirm.reason, 'Customer cancelled');
	t.true(canCancel(confirm));
});

test('a wrong password stays on the password step with the message and a fresh field', t => {
	const flow = run(
		startVoidFlow(transaction, {ok: true, needsSupervisor: false, until: 10}),
		{type: 'checking'},
		{type: 'password-refused', text: 'wrong password'},
	);
	t.is(flow.step, 'password');
	t.deepEqual(flow.notice, {kind: 'text', text: 'wrong password'});
	t.is(flow.attempt, 1);
	t.false(flow.busy);
});

test('over the limit the supervisor number and password come before the reason', t => {
	let flow = run(startVoidFlow(transaction, {ok: true, needsSupervisor: true, until: 10}), {
		type: 'password-accepted',
		operator: cashier,
	});
	t.is(flow.step, 'approval');
	t.is(flow.check?.step, 'number');
	flow = voidFlowReducer(flow, {type: 'check', event: {type: 'number', operatorNo: '00'}});
	t.is(flow.check?.step, 'password');
	const refused = voidFlowReducer(flow, {
		type: 'check',
		event: {type: 'refused', text: 'not a supervisor', backToNumber: true},
	});
	t.is(refused.check?.step, 'number');
	t.is(refused.check?.attempt, 1);
	flow = voidFlowReducer(flow, {type: 'check', event: {type: 'accepted', approver: supervisor}});
	t.is(flow.step, 'reason');
	t.is(flow.approver, supervisor);
});

test('the signed-in operator cannot approve their own void', t => {
	const flow = run(startVoidFlow(transaction, {ok: true, needsSupervisor: true, until: 10}), {
		type: 'password-accepted',
		operator: cashier,
	});
	t.is(voidFlowReducer(flow, {type: 'check', event: {type: 'number', operatorNo: '01'}}), flow);
});

test('after the commit the flow cannot be cancelled; printing ends on the result', t => {
	const flow = run(
		startVoidFlow(transaction, {ok: true, needsSupervisor: false, until: 10}),
		{type: 'password-accepted', operator: cashier},
		{type: 'reason', reason: 'x'},
	);
	const outcome = {
		ok: true as const,
		transaction: {...transaction, status: 'voided' as const},
		void: {
			id: 1,
			transactionId: 7,
			terminalId: '10293847',
			batchId: 1,
			voucherNo: '000102',
			referenceNo: '261125000102',
			operatorNo: '01',
			approverNo: undefined,
			reason: 'x',
			createdAt: 5,
		},
		printJobId: 3,
	};
	const printing = run(flow, {type: 'voided', outcome}, {type: 'print-step', step: 'sending'});
	t.is(printing.step, 'printing');
	t.is(printing.printStep, 'sending');
	t.false(canCancel(printing));
	const result = voidFlowReducer(printing, {
		type: 'printed',
		result: {
			ok: true,
			jobId: 3,
			preview: 'a\nb\nc',
			unencodable: [],
			substitutions: [],
			recorded: true,
			confirmed: true,
		},
	});
	t.is(result.step, 'result');
	t.is(result.transaction.status, 'voided');
});

test('the slip preview scrolls within its lines', t => {
	const flow = startVoidFlow(transaction, {ok: true, needsSupervisor: false, until: 10});
	t.is(voidFlowReducer(flow, {type: 'scroll', by: 5, lines: 10, height: 4}).previewTop, 5);
	t.is(voidFlowReducer(flow, {type: 'scroll', by: 50, lines: 10, height: 4}).previewTop, 6);
	t.is(voidFlowReducer(flow, {type: 'scroll', by: -3, lines: 10, height: 4}).previewTop, 0);
});

test('y on the confirm step says "Voiding…" (busy) before the write, and nothing cancels it meanwhile', t => {
	const confirm = run(
		startVoidFlow(transaction, {ok: true, needsSupervisor: false, until: 10}),
		{type: 'password-accepted', operator: cashier},
		{type: 'reason', reason: 'Customer cancelled'},
	);
	const committing = voidFlowReducer(confirm, {type: 'committing'});
	t.is(committing.step, 'confirm');
	t.true(committing.busy);
	t.false(canCancel(committing));
});

test('"Other" asks for the reason in words; a digit-picked reason goes straight to confirm', t => {
	const reason = run(startVoidFlow(transaction, {ok: true, needsSupervisor: false, until: 10}), {
		type: 'password-accepted',
		operator: cashier,
	});
	t.is(voidFlowReducer(reason, {type: 'reason-other'}).step, 'reason-text');
	t.true(isOtherReason('其他 Other'));
	t.false(isOtherReason('金额错误 Wrong amount'));
});
