import diagnosticsChannel from 'node:diagnostics_channel';
import test from 'ava';
import {authenticate, decoyPasswordHash, type AuthResult} from '../../source/services/auth-service.js';
import {addOperator, changePassword, OperatorError, unlockOperator} from '../../source/services/operator-service.js';
import {
	hashPassword,
	owaspScrypt,
	scryptWorkChannel,
	verifyPassword,
	type ScryptParameters,
} from '../../source/services/password-hash.js';
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
			message: /8 to 128 characters/,
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
		t.like(result, {ok: false, reason: 'wrong-credentials'}, `attempt ${attempt}`);
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

/** The scrypt derivations `work` makes, with their parameters. */
async function scryptWork<T>(work: () => Promise<T>): Promise<{result: T; derivations: ScryptParameters[]}> {
	const derivations: ScryptParameters[] = [];
	const listen = (message: unknown) => {
		derivations.push(message as ScryptParameters);
	};

	diagnosticsChannel.subscribe(scryptWorkChannel.name, listen);
	try {
		return {result: await work(), derivations};
	} finally {
		diagnosticsChannel.unsubscribe(scryptWorkChannel.name, listen);
	}
}

test.serial(
	'an unknown operator and a wrong password get one answer and cost the same scrypt work, from the first try',
	async t => {
		const fixture = openFixture();
		t.teardown(fixture.close);
		// A real operator at the production parameters, as every operator on a counter is.
		await addOperator(fixture.context, {operatorNo: '01', name: 'Li', role: 'cashier', password: 'right-pass'});
		const unknown = await scryptWork(async () => authenticate(fixture.context, '77', 'some-guess'));
		const wrong = await scryptWork(async () => authenticate(fixture.context, '01', 'some-guess'));
		t.deepEqual(
			unknown.derivations,
			[owaspScrypt],
			'one derivation at the production parameters, no decoy built first',
		);
		t.deepEqual(unknown.derivations, wrong.derivations);
		const shown = (result: AuthResult) => (result.ok ? 'signed in' : `${result.reason}: ${result.message}`);
		t.is(shown(unknown.result), shown(wrong.result));
		t.false(shown(unknown.result).includes('77'));
		// The audit log, for supervisors, still says which it was.
		const details = fixture.store.audit.recent({event: 'sign-in-failed'}, 5).map(row => row.detail);
		t.deepEqual(details, ['sign-in: wrong password (1)', 'sign-in: unknown operator']);
	},
);

test('the shipped decoy hash has the production scrypt parameters', t => {
	const [scheme, log2N, r, p] = decoyPasswordHash.split('$');
	t.deepEqual({scheme, log2N: Number(log2N), r: Number(r), p: Number(p)}, {scheme: 'scrypt', ...owaspScrypt});
});

test('a lock that ran out starts a fresh count: one wrong guess after it does not lock again', async t => {
	const fixture = openFixture({lockout: {maxFailures: 3, minutes: 30}});
	t.teardown(fixture.close);
	await addTestOperator(fixture.context, '00', 'supervisor', 'right-pass');
	for (let attempt = 0; attempt < 3; attempt++) {
		await authenticate(fixture.context, '00', 'guess');
	}

	t.like(await authenticate(fixture.context, '00', 'right-pass'), {ok: false, reason: 'locked'});
	fixture.clock.now += 30 * 60_000;
	t.like(await authenticate(fixture.context, '00', 'guess'), {ok: false, reason: 'wrong-credentials'});
	t.like(await authenticate(fixture.context, '00', 'guess'), {ok: false, reason: 'wrong-credentials'});
	t.like(fixture.store.operators.get('00'), {failedAttempts: 2, lockedUntil: undefined});
	t.like(await authenticate(fixture.context, '00', 'right-pass'), {ok: true});
});

test('a new password longer than the console field takes, or with a control character, is refused', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const supervisor = await addTestOperator(fixture.context, '00', 'supervisor');
	for (const password of ['x'.repeat(129), 'tab\there1', 'bell\u0007xx', 'c1\u0085xxxx']) {
		await t.throwsAsync(changePassword(fixture.context, '00', password, supervisor.operatorNo), {
			instanceOf: OperatorError,
			message: /6 to 128 characters|only printable characters/,
		});

		await t.throwsAsync(
			addOperator(fixture.context, {operatorNo: '02', name: 'Wu', role: 'cashier', password}, testScrypt),
			{instanceOf: OperatorError},
		);
	}

	await changePassword(fixture.context, '00', '密'.repeat(128), supervisor.operatorNo);
	t.like(await authenticate(fixture.context, '00', '密'.repeat(128)), {ok: true});
});
