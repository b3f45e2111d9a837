import {freeText} from '../domain/display-text.js';
import {isOperatorNo, operatorNoProblem} from '../domain/operator-number.js';
import {newPasswordProblem} from '../domain/password-rule.js';
import type {OperatorRole} from '../domain/transaction.js';
import type {OperatorRow} from '../store/operators-store.js';
import {UserError} from '../user-error.js';
import type {Authenticated} from './auth-service.js';
import type {PcAdministrator} from './pc-account.js';
import {hashPassword, owaspScrypt, type ScryptParameters} from './password-hash.js';
import type {ServiceContext} from './service-context.js';

/** A request a person can fix: the message says how. */
export class OperatorError extends UserError {
	override name = 'OperatorError';
}

export type OperatorSummary = Omit<OperatorRow, 'passwordHash'> & {locked: boolean};

export function validateOperatorNo(operatorNo: string): void {
	if (!isOperatorNo(operatorNo)) {
		throw new OperatorError(operatorNoProblem(operatorNo));
	}
}

export function validateName(name: string): string {
	const clean = freeText(name);
	if (clean === '' || [...clean].length > 20) {
		throw new OperatorError('the operator name must be 1 to 20 characters');
	}

	return clean;
}

/** The one password rule (domain/password-rule), with the configured minimum length. */
export function validatePassword(context: ServiceContext, password: string): void {
	const problem = newPasswordProblem(password, context.config.passwordMinLength);
	if (problem !== undefined) {
		throw new OperatorError(problem);
	}
}

export async function addOperator(
	context: ServiceContext,
	input: {operatorNo: string; name: string; role: OperatorRole; password: string; by?: string},
	parameters: ScryptParameters = owaspScrypt,
): Promise<void> {
	validateOperatorNo(input.operatorNo);
	const name = validateName(input.name);
	validatePassword(context, input.password);
	if (context.store.operators.get(input.operatorNo)) {
		throw new OperatorError(
			`operator ${input.operatorNo} already exists: use \`posvoid operator passwd ${input.operatorNo}\` to change its password`,
		);
	}

	const hash = await hashPassword(input.password, context.random(16), parameters);
	context.store.immediate(() => {
		if (context.store.operators.get(input.operatorNo)) {
			throw new OperatorError(`operator ${input.operatorNo} already exists`);
		}

		const now = context.now();
		context.store.operators.insert(input.operatorNo, name, input.role, hash, now);
		context.store.audit.append(
			{
				operatorNo: input.by,
				event: 'operator-add',
				result: 'ok',
				record: `operator:${input.operatorNo}`,
				detail: input.role,
			},
			now,
		);
	});
}

export async function changePassword(
	context: ServiceContext,
	operatorNo: string,
	password: string,
	by?: string,
): Promise<void> {
	validatePassword(context, password);
	if (!context.store.operators.get(operatorNo)) {
		throw new OperatorError(`there is no operator ${operatorNo}: see \`posvoid operator list\``);
	}

	const hash = await hashPassword(password, context.random(16));
	context.store.immediate(() => {
		const now = context.now();
		context.store.operators.setPassword(operatorNo, hash);
		context.store.audit.append(
			{operatorNo: by, event: 'password-change', result: 'ok', record: `operator:${operatorNo}`},
			now,
		);
	});
}

/**
 * Clears a lockout. The caller is a supervisor who just authenticated, or the PC account that owns
 * the database file (checkPcAdministrator), for a store whose supervisors are all locked out.
 */
export function unlockOperator(
	context: ServiceContext,
	operatorNo: string,
	by: Authenticated | {pcAdministrator: PcAdministrator},
): void {
	if ('role' in by && by.role !== 'supervisor') {
		throw new OperatorError('only a supervisor can unlock an operator');
	}

	context.store.immediate(() => {
		if (!context.store.operators.clearFailures(operatorNo)) {
			throw new OperatorError(`there is no operator ${operatorNo}: see \`posvoid operator list\``);
		}

		context.store.audit.append(
			'role' in by
				? {operatorNo: by.operatorNo, event: 'unlock', result: 'ok', record: `operator:${operatorNo}`}
				: {
						event: 'unlock',
						result: 'ok',
						record: `operator:${operatorNo}`,
						detail: `by PC account ${freeText(by.pcAdministrator.account)} (uid ${by.pcAdministrator.uid}) with --admin`,
					},
			context.now(),
		);
	});
}

export function listOperators(context: ServiceContext): OperatorSummary[] {
	const now = context.now();
	return context.store.operators.list().map(({passwordHash: _, ...operator}) => ({
		...operator,
		locked: operator.lockedUntil !== undefined && operator.lockedUntil > now,
	}));
}

export function hasOperators(context: ServiceContext): boolean {
	return context.store.operators.count() > 0;
}
