export type UserErrorOptions = {
	/** What the person reading it can do about it: printed after the message, on its own line. */
	advice?: string;
	cause?: unknown;
};

/**
 * A failure the person at the counter or the engineer can fix: the command line prints its message
 * and its advice, without a stack trace, and exits non-zero. Bugs are plain Errors and keep their stack.
 */
export class UserError extends Error {
	override name = 'UserError';
	readonly advice: string | undefined;
	constructor(message: string, options: UserErrorOptions = {}) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.advice = options.advice;
	}
}

/** What the command line prints for a user error: the message, then what to do when the error says. */
export function userErrorLines(error: UserError, prefix = 'posvoid: '): string[] {
	return error.advice ? [`${prefix}${error.message}`, error.advice] : [`${prefix}${error.message}`];
}
