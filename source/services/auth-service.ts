import {isOperatorNo, operatorNoProblem} from '../domain/operator-number.js';
import type {OperatorRole} from '../domain/transaction.js';
import type {OperatorRow} from '../store/operators-store.js';
import {DatabaseBusyError, isBusyError} from '../store/store-errors.js';
import {verifyPassword} from './password-hash.js';
import type {ServiceContext} from './service-context.js';

/** Proof that an operator typed the right password just now. Only this module creates one. */
export type Authenticated = {
	readonly operatorNo: string;
	readonly name: string;
	readonly role: OperatorRole;
	readonly at: number;
};

/**
 * 'wrong-credentials' is both an unknown operator number and a wrong password: the screen and the
 * command line give one answer for both, so neither tells anyone which numbers exist. The audit log,
 * which only supervisors read, still records which it was. 'bad-operator-number' is a number that is
 * not 2-4 digits, refused before anything is looked up or written.
 */
export type AuthRefusal = 'bad-operator-number' | 'wrong-credentials' | 'locked' | 'busy';

export type AuthResult =
	{ok: true; operator: Authenticated} | {ok: false; reason: AuthRefusal; message: string; lockedUntil?: number};

export type AuthPurpose = 'sign-in' | 'void' | 'approve' | 'settle' | 'unlock-screen' | 'reprint' | 'import';

/**
 * A hash of a password no one has, made once with the production parameters (password-hash's
 * owaspScrypt) and shipped as text: an unknown operator's password is verified against it, so that
 * answer costs one scrypt at the same parameters as a real operator's, in every process, from the first try.
 */
export const decoyPasswordHash = 'scrypt$17$8$1$ZYYwEeAlUf9GjulyGoN4FA==$GxCzi5eMSLOlK4weuGlDrJH8Ec3N2Va9XiGiVLi46No=';

const wrongCredentials = {
	ok: false,
	reason: 'wrong-credentials',
	message: 'the operator number or the password is wrong: check both and try again',
} as const;

function lockedMessage(until: number, now: number): string {
	const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
	return `this operator is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} after too many wrong passwords: wait, or ask a supervisor to unlock it (with every supervisor locked, \`posvoid operator unlock NO --admin\` as the PC account that owns the database)`;
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
		await verifyPassword(password, decoyPasswordHash);
		store.accessLog(() => {
			store.audit.append(
				{operatorNo, event: 'sign-in-failed', result: 'refused', detail: `${purpose}: unknown operator`},
				context.now(),
			);
		});
		return wrongCredentials;
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
	return store.accessLog((): AuthResult => {
		const now = context.now();
		const operator = store.operators.get(operatorNo);
		if (!operator) {
			return wrongCredentials;
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

		// A lock that has run out ends its count: the next lock takes as many wrong passwords as the
		// first did, so one guess every half hour cannot keep an operator locked for good.
		const lockEnded = operator.lockedUntil !== undefined;
		const failures = (lockEnded ? 0 : operator.failedAttempts) + 1;
		const {maxFailures, minutes} = config.lockout;
		const locks = failures >= maxFailures;
		const lockedUntil = locks ? now + minutes * 60_000 : undefined;
		store.operators.recordFailure(operatorNo, failures, lockedUntil);
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

		return wrongCredentials;
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
		if (!isOperatorNo(operatorNo)) {
			// Audited without the text typed: only an operator number is ever stored as one.
			context.store.audit.append(
				{event: 'sign-in-failed', result: 'refused', detail: `${purpose}: not an operator number`},
				context.now(),
			);
			return {ok: false, reason: 'bad-operator-number', message: operatorNoProblem(operatorNo)};
		}

		return await checkPassword(context, operatorNo, password, purpose);
	} catch (error) {
		if (error instanceof DatabaseBusyError || isBusyError(error)) {
			return {ok: false, reason: 'busy', message: new DatabaseBusyError(context.store.file).message};
		}

		throw error;
	}
}
