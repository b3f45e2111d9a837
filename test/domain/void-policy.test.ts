import test from 'ava';
import {evaluateVoid, type VoidPolicyInput} from '../../source/domain/void-policy.js';

const hour = 3_600_000;
const base: VoidPolicyInput = {
	transaction: {status: 'completed', amount: 12_850, createdAt: 0},
	batch: {settledAt: undefined},
	now: hour,
	voidWindowMs: 24 * hour,
	supervisorLimit: 50_000,
	supervisorApproved: false,
	operatorRole: 'cashier',
	terminalId: '10293847',
	transactionTerminalId: '10293847',
};

test('a completed sale in an open batch inside the window can be voided, with the window end', t => {
	t.deepEqual(evaluateVoid(base), {ok: true, needsSupervisor: false, until: 24 * hour});
});

test('an already voided sale is refused as already voided', t => {
	const answer = evaluateVoid({...base, transaction: {...base.transaction, status: 'voided'}});
	t.like(answer, {ok: false, reason: 'already-voided'});
});

test('a sale in a settled batch is refused with the advice to refund through the bank', t => {
	const answer = evaluateVoid({...base, batch: {settledAt: 10}});
	t.like(answer, {ok: false, reason: 'batch-settled'});
	t.true(!answer.ok && answer.detail.includes('bank'));
});

test('settlement ends the window even inside 24 hours', t => {
	t.like(evaluateVoid({...base, now: 1000, batch: {settledAt: 500}}), {ok: false, reason: 'batch-settled'});
});

test('the window closes exactly 24 hours after the sale', t => {
	t.like(evaluateVoid({...base, now: 24 * hour - 1}), {ok: true});
	t.like(evaluateVoid({...base, now: 24 * hour}), {ok: false, reason: 'window-expired', until: 24 * hour});
});

test('over the supervisor limit a cashier needs approval', t => {
	const over = {...base, transaction: {...base.transaction, amount: 50_001}};
	t.like(evaluateVoid(over), {ok: false, reason: 'supervisor-required'});
	t.like(evaluateVoid({...over, supervisorApproved: true}), {ok: true, needsSupervisor: true});
	t.like(evaluateVoid({...base, transaction: {...base.transaction, amount: 50_000}}), {
		ok: true,
		needsSupervisor: false,
	});
});

test('a supervisor voiding over the limit needs no second approval', t => {
	t.like(evaluateVoid({...base, operatorRole: 'supervisor', transaction: {...base.transaction, amount: 900_000}}), {
		ok: true,
		needsSupervisor: false,
	});
});

test('a sale of another terminal is refused', t => {
	t.like(evaluateVoid({...base, transactionTerminalId: '99999999'}), {ok: false, reason: 'other-terminal'});
});

test('a sale refunded outside posvoid is refused as resolved outside, with where and when, before any other check', t => {
	const outside = {channel: 'wechat', kind: 'refund', resolvedAt: 30 * hour} as const;
	const answer = evaluateVoid({...base, now: 48 * hour, batch: {settledAt: 10}, outside});
	t.like(answer, {ok: false, reason: 'resolved-outside', outside});
});
