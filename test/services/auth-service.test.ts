import test from 'ava';
import {authenticate} from '../../source/services/auth-service.js';
import {addOperator, OperatorError, unlockOperator} from '../../source/services/operator-service.js';
import {hashPassword, owaspScrypt, verifyPassword} from '../../source/services/password-hash.js';
import {addTestOperator, openFixture, testScrypt} from '../helpers/fixture.js';

test('passwords are hashed with scrypt at OWASP parameters, stored with their salt and parameters', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	await addOperator(fixture.context, {operatorNo: '00', name: 'Boss', role: 'supervisor', password: 'correct horse'});
	const stored = fixture.store.operators.get('00')!.passwordHash;
	const [scheme, log2N, r, p, salt] = stored.split('$');
	t.deepEqual(
		[scheme, Number(log2N), Number(r), Number(p)],
		['scrypt', owaspScrypt.log2N, owaspScrypt.r, owaspScrypt.p],
	);
	t.is(Buffer.from(salt!, 'base64').length, 16);
	t.false(stored.includes('correct horse'));
	t.true(await verifyPassword('correct horse', stored));
	t.false(await verifyPassword('correct horsE', stored));
});

test('two operators with the same password get different hashes', async t => {
	const a = await hashPassword('same-password', Buffer.alloc(16, 1), testScrypt);
	const b = await hashPassword('same-password', Buffer.alloc(16, 2), testScrypt);
	t.not(a, b);
});

test('a password shorter than the configured minimum is refused', async t => {
	const fixture = openFixture({passwordMinLength: 8});
	t.teardown(fixture.close);
	await t.throwsAsync(
		addOperator(fixture.context, {operatorNo: '01', name: 'Li', role: 'cashier', password: 'short12'}, testScrypt),
		{
			instanceOf: OperatorError,
			message: /at least 8/,
		},
	);
	t.is(fixture.store.operators.count(), 0);
});

test('after 5 wrong passwords the operator is locked and refused even with the right one', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	await addTestOperator(fixture.context, '01', 'cashier', 'right-pass');
	for (let attempt = 1; attempt <= 4; attempt++) {
		const result = await authenticate(fixture.context, '01', 'wrong-pass');
		t.like(result, {ok: false, reason: 'wrong-password', attemptsLeft: 5 - attempt});
	}

	t.like(await authenticate(fixture.context, '01', 'wrong-pass'), {ok: false, reason: 'locked'});
	const locked = await authenticate(fixture.context, '01', 'right-pass');
	t.like(locked, {ok: false, reason: 'locked'});
	t.true(!locked.ok && locked.message.includes('supervisor'));

	fixture.clock.now += 30 * 60_000;
	t.like(await authenticate(fixture.context, '01', 'right-pass'), {ok: true});
	t.is(fixture.store.operators.get('01')!.failedAttempts, 0);
});

test('a supervisor unlock lifts the lock at once', async t => {
	const fixture = openFixture({lockout: {maxFailures: 2, minutes: 30}});
	t.teardown(fixture.close);
	const supervisor = await addTestOperator(fixture.context, '00', 'supervisor');
	await addTestOperator(fixture.context, '01', 'cashier', 'right-pass');
	await authenticate(fixture.context, '01', 'bad');
	t.like(await authenticate(fixture.context, '01', 'bad'), {ok: false, reason: 'locked'});
	unlockOperator(fixture.context, '01', supervisor);
	t.like(await authenticate(fixture.context, '01', 'right-pass'), {ok: true});
});

test('every sign-in attempt is audited, success and failure, and an unknown operator too', async t => {
	const fixture = openFixture({lockout: {maxFailures: 2, minutes: 30}});
	t.teardown(fixture.close);
	await addTestOperator(fixture.context, '01', 'cashier', 'right-pass');
	await authenticate(fixture.context, '01', 'bad');
	await authenticate(fixture.context, '01', 'bad');
	await authenticate(fixture.context, '01', 'right-pass');
	await authenticate(fixture.context, '77', 'whatever');
	const events = fixture.store.audit
		.recent({}, 20)
		.toReversed()
		.map(row => `${row.operatorNo ?? '-'} ${row.event} ${row.result}`);
	t.deepEqual(events, [
		'- operator-add ok',
		'01 sign-in ok',
		'01 sign-in-failed refused',
		'01 sign-in-failed refused',
		'01 lockout ok',
		'01 sign-in-failed refused',
		'77 sign-in-failed refused',
	]);
	t.true(fixture.store.audit.verify().ok);
});
