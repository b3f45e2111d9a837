import {UserError} from '../user-error.js';

/** Problems with the database file that a person can act on. The message says what to do. */
export class StoreError extends UserError {
	override name = 'StoreError';
}

/** Another program holds the write lock longer than the busy timeout. */
export class DatabaseBusyError extends StoreError {
	override name = 'DatabaseBusyError';
	constructor(file: string) {
		super(`another program is using the database ${file}`, {
			advice: 'Wait a moment and try again; if it persists, close the other posvoid window or command.',
		});
	}
}

export class NotPosvoidDatabaseError extends StoreError {
	override name = 'NotPosvoidDatabaseError';
	constructor(file: string, why: string) {
		super(`${file} is not a posvoid database (${why}); it was left untouched`, {
			advice: 'Pass --db with the right file.',
		});
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

/** The file fails SQLite's integrity check, or a read met a damaged page. */
export class DatabaseDamagedError extends StoreError {
	override name = 'DatabaseDamagedError';
	constructor(file: string, detail: string) {
		super(
			`the database ${file} is damaged (${detail || 'SQLite: database disk image is malformed'}); nothing more was written to it. Keep this file as it is (copy it aside with its -wal and -shm files), restore the last backup in its place, and tell the engineer who keeps this PC`,
		);
	}
}

/** SQLite or the file system refused a write: a read-only file or folder, or a full disk. */
export class DatabaseNotWritableError extends StoreError {
	override name = 'DatabaseNotWritableError';
}

type SqliteLikeError = Error & {code?: string};

const fullCodes = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const readOnlyCodes = new Set(['SQLITE_READONLY', 'EROFS', 'EACCES', 'EPERM', 'SQLITE_PERM', 'SQLITE_CANTOPEN']);

function codeOf(error: unknown): string {
	return String((error as SqliteLikeError | undefined)?.code ?? '');
}

/**
 * The store failure a person can act on, for an error SQLite or the file system raised on `file`; undefined
 * for anything else (a bug, which keeps its stack).
 */
export function storeFailure(file: string, error: unknown): StoreError | undefined {
	if (error instanceof StoreError) {
		return error;
	}

	const code = codeOf(error);
	if (isBusyError(error)) {
		return new DatabaseBusyError(file);
	}

	if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
		return new DatabaseDamagedError(file, `SQLite: ${(error as Error).message}`);
	}

	if (fullCodes.has(code) || code.startsWith('SQLITE_FULL')) {
		return new DatabaseNotWritableError(
			`the disk that holds ${file} is full: nothing was written. Free some space on it (old slips in data/slips, logs, downloads) and try again`,
		);
	}

	if (readOnlyCodes.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
		return new DatabaseNotWritableError(
			`the database ${file} cannot be written (${(error as Error).message}): nothing was written. The file, its folder and its -wal and -shm files must be writable by this account and not on a read-only disk; check them with \`ls -la ${file}*\``,
		);
	}

	if (code.startsWith('SQLITE_IOERR')) {
		return new DatabaseNotWritableError(
			`the disk failed while reading or writing ${file} (${(error as Error).message}): nothing more was written. Check the disk (is it full, removed, or failing?) and try again; keep a copy of the file`,
		);
	}

	return undefined;
}

export function isBusyError(error: unknown): boolean {
	const code = (error as SqliteLikeError | undefined)?.code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

/**
 * Runs `work` and reports what a person can act on (a busy timeout, a damaged file, a read-only file or
 * folder, a full disk) as a StoreError instead of a raw SQLite error.
 */
export function reportBusy<T>(file: string, work: () => T): T {
	try {
		return work();
	} catch (error) {
		throw storeFailure(file, error) ?? error;
	}
}
