/**
 * A bill that cannot be read as a whole: missing, empty, in an unknown format, or without a column the
 * format needs. The message says what is wrong and `advice` what to do. It has the shape of the command
 * line's UserError (bills/ imports only domain/), so the import service can pass both on as one.
 */
export class BillFileError extends Error {
	override name = 'BillFileError';
	readonly advice: string | undefined;
	constructor(message: string, advice?: string) {
		super(message);
		this.advice = advice;
	}
}
