/**
 * A failure the person at the counter or the engineer can fix: the command line prints its message
 * alone, without a stack trace, and exits non-zero. Bugs are plain Errors and keep their stack.
 */
export class UserError extends Error {
	override name = 'UserError';
}
