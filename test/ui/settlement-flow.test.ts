import test from 'ava';
import {summarise} from '../../source/domain/batch-summary.js';
import type {Authenticated} from '../../source/services/auth-service.js';
import {
	canBackOut,
	hasCommitted,
	settlementFlowReducer,
	startSettlementFlow,
	type SettlementFlow,
} from '../../source/ui/state/settlement-flow.js';
import {checkReducer, startCheck} from '../../source/ui/state/supervisor-check.js';

const at = Date.parse('2026-11-25T09:30:00Z');
const cashier: Authenticated = {operatorNo: '01', name: 'Li', role: 'cashier', at};
const boss: Authenticated = {operatorNo: '00', name: 'Wang', role: 'supervisor', at};
const figures = {
	batch: {id: 1, terminalId: '10293847', batchNo: '000001', openedAt: at, settledAt: undefined, settledBy: undefined},
	summary: summarise([]),
	inDoubt: 0,
};

test('a cashier is asked for a supervisor number first; a supervisor re-enters their own password', t => {
	t.like(startCheck(cashier), {step: 'number', ownPassword: false});
	t.like(startCheck(boss), {step: 'password', supervisorNo: '00', ownPassword: true});
	t.like(startSettlementFlow(cashier), {step: 'check', check: {step: 'number'}});
});

test('a refusal goes back to the number when it names the wrong person, and never for your own password', t => {
	let check = checkReducer(startCheck(cashier), {type: 'number', operatorNo: '01'});
	t.like(check, {step: 'password', supervisorNo: '01'});
	check = checkReducer(check, {type: 'checking'});
	t.true(check.busy);
	check = checkReducer(check, {type: 'refused', text: 'not a supervisor', backToNumber: true});
	t.like(check, {step: 'number', supervisorNo: undefined, busy: false, attempt: 1, notice: 'not a supervisor'});

	const own = checkReducer(startCheck(boss), {type: 'refused', text: 'locked', backToNumber: true});
	t.like(own, {step: 'password', supervisorNo: '00', attempt: 1});
});

test('the figures come only with an approval, and y/n are possible only until the report is queued', t => {
	let flow: SettlementFlow = startSettlementFlow(boss);
	// A bare accepted check does not skip the figures.
	t.is(settlementFlowReducer(flow, {type: 'check', event: {type: 'accepted', approver: boss}}), flow);
	t.true(canBackOut(flow));
	flow = settlementFlowReducer(flow, {type: 'check', event: {type: 'checking'}});
	t.false(canBackOut(flow), 'not while the password is being checked');
	flow = settlementFlowReducer(flow, {type: 'approved', approver: boss, figures});
	t.like(flow, {step: 'review', check: {step: 'approved', approver: boss, busy: false}, figures});
	t.true(canBackOut(flow));
	t.false(hasCommitted(flow));

	flow = settlementFlowReducer(flow, {
		type: 'queued',
		job: {kind: 'settlement', batchNo: '000001', nextBatchNo: '000002', jobId: 7},
	});
	t.like(flow, {step: 'printing', printStep: 'claiming'});
	t.false(canBackOut(flow));
	t.true(hasCommitted(flow));

	flow = settlementFlowReducer(flow, {
		type: 'printed',
		result: {
			ok: true,
			jobId: 7,
			preview: 'a\nb\nc\nd',
			unencodable: [],
			substitutions: [],
			recorded: true,
			confirmed: true,
		},
	});
	t.like(flow, {step: 'result', previewTop: 0});
	t.true(hasCommitted(flow));
	flow = settlementFlowReducer(flow, {type: 'scroll', by: 10, lines: 4, height: 3});
	t.is(flow.previewTop, 1);
	flow = settlementFlowReducer(flow, {type: 'scroll', by: -10, lines: 4, height: 3});
	t.is(flow.previewTop, 0);
});

test('a settlement that did not happen is shown and can be left', t => {
	let flow = settlementFlowReducer(startSettlementFlow(boss), {type: 'approved', approver: boss, figures});
	flow = settlementFlowReducer(flow, {type: 'refused', text: 'settled from another window'});
	t.like(flow, {step: 'refused', notice: 'settled from another window'});
	t.true(canBackOut(flow));
	t.false(hasCommitted(flow));
});
