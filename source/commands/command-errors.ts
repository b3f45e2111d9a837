import {UserError, type UserErrorOptions} from '../user-error.js';

/** An expected failure of a command: printed as its message alone (no stack), with this exit status. */
export class CommandError extends UserError {
	override name = 'CommandError';
	readonly exitCode: number;
	constructor(message: string, exitCode = 1, options: UserErrorOptions = {}) {
		super(message, options);
		this.exitCode = exitCode;
	}
}
