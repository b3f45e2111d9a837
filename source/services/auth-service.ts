import type {OperatorRole} from '../domain/transaction.js';
import type {OperatorRow} from '../store/operators-store.js';
import {DatabaseBusyError, isBusyError} from '../store/store-errors.js';
import {verifyPassword, hashPassword} from './password-hash.js';
import type {ServiceContext} from './service-context.js';

/** Proof that an operator typed the right password just now. Only this module creates one. */
export type Authenticated = {
	readonly operatorNo: string;
	readonly name: string;
	readonly role: OperatorRole;
	readonly at: number;
};

export type AuthRefusal = 'unknown-operator' | 'wrong-password' | 'locked' | 'busy';

export type AuthResult =
	| {ok: true; operator: Authenticated}
	| {ok: false; reason: AuthRefusal; message: string; lockedUntil?: number; attemptsLeft?: number};

export type AuthPurpose = 'sign-in' | 'void' | 'approve' | 'settle' | 'unlock-screen' | 'reprint' | 'import';

/** A hash of a password no one has, verified for unknown operators so their answer takes as long as a real one. */
let decoyHash: Promise<string> | undefined;

function lockedMessage(until: number, now: number): string {
	const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
	return `this operator is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} after too many wrong passwords: wait, or ask a supervisor to unlock it`;
}

function isLocked(operator: OperatorRow, now: number): operator is OperatorRow & {lockedUntil: number} {
	return operator.lockedUntil !== undefined && operator.lockedUntil > now;
}

/** The password check itself; authenticate turns a busy database into a refusal. */
async function checkPassword(
	context: ServiceContext,
	operatorNo: string,
	password: string,
	purpose: AuthPurpose = 'sign-in',
): Promise<AuthResult> {
	const {store, config} = context;
	const before = store.operators.get(operatorNo);
	const startedAt = context.now();

	if (!before) {
		decoyHash ??= hashPassword('decoy', Buffer.alloc(16));
		await verifyPassword(password, await decoyHash);
		store.audit.append(
			{operatorNo, event: 'sign-in-failed', result: 'refused', detail: `${purpose}: unknown operator`},
			context.now(),
		);
		return {
			ok: false,
			reason: 'unknown-operator',
			message: `there is no operator ${operatorNo}: check the number, or ask a supervisor to add it`,
		};
	}

	if (isLocked(before, startedAt)) {
		store.audit.append(
			{operatorNo, event: 'sign-in-failed', result: 'refused', detail: `${purpose}: locked`},
			startedAt,
		);
		return {
			ok: false,
			reason: 'locked',
			message: lockedMessage(before.lockedUntil, startedAt),
			lockedUntil: before.lockedUntil,
		};
	}

	const matches = await verifyPassword(password, before.passwordHash);

	// The password check is async; the failure count is settled under the write lock with a fresh read.
	return store.immediate((): AuthResult => {
		const now = context.now();
		const operator = store.operators.get(operatorNo);
		if (!operator) {
			return {ok: false, reason: 'unknown-operator', message: `there is no operator ${operatorNo}`};
		}

		if (isLocked(operator, now)) {
			store.audit.append({operatorNo, event: 'sign-in-failed', result: 'refused', detail: `${purpose}: locked`}, now);
			return {
				ok: false,
				reason: 'locked',
				message: lockedMessage(operator.lockedUntil, now),
				lockedUntil: operator.lockedUntil,
			};
		}

		if (matches) {
			if (operator.failedAttempts > 0 || operator.lockedUntil !== undefined) {
				store.operators.clearFailures(operatorNo);
			}

			store.audit.append({operatorNo, event: 'sign-in', result: 'ok', detail: purpose}, now);
			return {ok: true, operator: {operatorNo, name: operator.name, role: operator.role, at: now}};
		}

		const failures = operator.failedAttempts + 1;
		const {maxFailures, minutes} = config.lockout;
		const locks = failures >= maxFailures;
		const lockedUntil = locks ? now + minutes * 60_000 : undefined;
		store.operators.recordFailure(operatorNo, lockedUntil);
		store.audit.append(
			{operatorNo, event: 'sign-in-failed', result: 'refused', detail: `${purpose}: wrong password (${failures})`},
			now,
		);
		if (lockedUntil !== undefined) {
			store.audit.append(
				{
					operatorNo,
					event: 'lockout',
					result: 'ok',
					detail: `locked for ${minutes} minutes after ${failures} failures`,
				},
				now,
			);
			return {ok: false, reason: 'locked', message: lockedMessage(lockedUntil, now), lockedUntil};
		}

		const attemptsLeft = maxFailures - failures;
		return {
			ok: false,
			reason: 'wrong-password',
			message: `wrong password: ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left before the operator is locked`,
			attemptsLeft,
		};
	});
}

/**
 * Checks an operator's password, counting failures and locking after the configured number.
 * A locked operator is refused even with the right password. Every attempt is audited. Another
 * program holding the database past the busy timeout is a refusal too ('busy'), never a crash.
 */
export async function authenticate(
	context: ServiceContext,
	operatorNo: string,
	password: string,
	purpose: AuthPurpose = 'sign-in',
): Promise<AuthResult> {
	try {
		return await checkPassword(context, operatorNo, password, purpose);
	} catch (error) {
		if (error instanceof DatabaseBusyError || isBusyError(error)) {
			return {ok: false, reason: 'busy', message: new DatabaseBusyError(context.store.file).message};
		}

		throw error;
	}
}
