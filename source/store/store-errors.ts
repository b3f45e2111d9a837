import {UserError} from '../user-error.js';

/** Problems with the database file that a person can act on. The message says what to do. */
export class StoreError extends UserError {
	override name = 'StoreError';
}

/** Another program holds the write lock longer than the busy timeout. */
export class DatabaseBusyError extends StoreError {
	override name = 'DatabaseBusyError';
	constructor(file: string) {
		super(
			`another program is using the database ${file}: wait a moment and try again; if it persists, close the other posvoid window or command`,
		);
	}
}

export class NotPosvoidDatabaseError extends StoreError {
	override name = 'NotPosvoidDatabaseError';
	constructor(file: string, why: string) {
		super(
			`${file} is not a posvoid database (${why}); it was left untouched. Pass --db with the right file, or a new path to create one`,
		);
	}
}

export class DatabaseTooNewError extends StoreError {
	override name = 'DatabaseTooNewError';
	constructor(file: string, found: number, known: number) {
		super(
			`${file} was written by a newer posvoid (schema ${found}, this one knows up to ${known}); it was left untouched. Update posvoid before using this database`,
		);
	}
}

type SqliteLikeError = Error & {code?: string};

export function isBusyError(error: unknown): boolean {
	const code = (error as SqliteLikeError | undefined)?.code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

/** Runs `work` and reports a busy timeout as DatabaseBusyError instead of a raw SQLite error. */
export function reportBusy<T>(file: string, work: () => T): T {
	try {
		return work();
	} catch (error) {
		if (isBusyError(error)) {
			throw new DatabaseBusyError(file);
		}

		throw error;
	}
}
