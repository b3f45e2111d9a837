import {isOperatorNo, operatorNoProblem} from '../domain/operator-number.js';
import {authenticate, type AuthPurpose, type Authenticated} from '../services/auth-service.js';
import type {ServiceContext} from '../services/service-context.js';
import {CommandError} from './command-errors.js';
import type {SecretSource} from './secret-input.js';

/** Asks for an operator's password and authenticates it; a refusal is a CommandError with the reason (exit 2). */
export async function authenticateFromSource(
	context: ServiceContext,
	secrets: SecretSource,
	operatorNo: string,
	purpose: AuthPurpose,
	options: {supervisor?: boolean} = {},
): Promise<Authenticated> {
	if (!isOperatorNo(operatorNo)) {
		throw new CommandError(operatorNoProblem(operatorNo));
	}

	const password = await secrets.read(`Password for operator ${operatorNo}: `);
	const result = await authenticate(context, operatorNo, password, purpose);
	if (!result.ok) {
		// A busy database is an error to retry, not a refusal of this operator.
		throw new CommandError(`operator ${operatorNo}: ${result.message}`, result.reason === 'busy' ? 1 : 2);
	}

	if (options.supervisor && result.operator.role !== 'supervisor') {
		throw new CommandError(`operator ${operatorNo} is not a supervisor: this needs a supervisor's password`, 2);
	}

	return result.operator;
}
