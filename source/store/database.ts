import fs from 'node:fs';
import path from 'node:path';
import {migrate, posvoidApplicationId, schemaVersion} from './migrations.js';
import {openSqlite, type SqlDatabase} from './sqlite-driver.js';
import {DatabaseTooNewError, NotPosvoidDatabaseError, StoreError, reportBusy} from './store-errors.js';

export type OpenOptions = {
	/** How long a write waits for another program's lock before giving up, in ms. */
	busyTimeoutMs?: number;
	/** Create the file (mode 0600) when it does not exist. Default true. */
	create?: boolean;
};

export const defaultBusyTimeoutMs = 5000;

/**
 * Opens a posvoid database: refuses foreign and newer files without writing to them, then sets and
 * checks WAL, synchronous=FULL, foreign keys and the busy timeout, then migrates.
 */
export function openDatabase(file: string, options: OpenOptions = {}): SqlDatabase {
	const busyTimeoutMs = options.busyTimeoutMs ?? defaultBusyTimeoutMs;
	const exists = fs.existsSync(file);
	if (!exists) {
		if (options.create === false) {
			throw new StoreError(
				`no database at ${path.resolve(file)}: run \`posvoid init --db ${file}\` first, or pass --db with the right file`,
			);
		}

		fs.mkdirSync(path.dirname(path.resolve(file)), {recursive: true});
		// SQLite gives the -wal and -shm files the mode of the database file, so they stay owner-only too.
		fs.closeSync(fs.openSync(file, 'wx', 0o600));
	}

	let db: SqlDatabase;
	try {
		db = openSqlite(file, {timeout: busyTimeoutMs, fileMustExist: true});
	} catch (error) {
		throw new StoreError(`cannot open the database ${file}: ${(error as Error).message}`);
	}

	try {
		checkIdentity(db, file);
		configure(db, file);
		reportBusy(file, () => {
			migrate(db);
		});
		return db;
	} catch (error) {
		db.close();
		throw error;
	}
}

/** Reads the header only: nothing is written to a file that is not ours. */
function checkIdentity(db: SqlDatabase, file: string): void {
	let applicationId: number;
	let userVersion: number;
	let tableCount: number;
	try {
		applicationId = db.pragma('application_id', {simple: true}) as number;
		userVersion = db.pragma('user_version', {simple: true}) as number;
		tableCount = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
	} catch (error) {
		const {code} = error as {code?: string};
		if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
			throw new NotPosvoidDatabaseError(file, 'not an SQLite database');
		}

		throw error;
	}

	const isEmpty = applicationId === 0 && userVersion === 0 && tableCount === 0;
	if (isEmpty) {
		return;
	}

	if (applicationId !== posvoidApplicationId) {
		throw new NotPosvoidDatabaseError(file, 'an SQLite database of another program');
	}

	if (userVersion > schemaVersion) {
		throw new DatabaseTooNewError(file, userVersion, schemaVersion);
	}
}

function configure(db: SqlDatabase, file: string): void {
	const journalMode = reportBusy(file, () => db.pragma('journal_mode = WAL', {simple: true}));
	if (journalMode !== 'wal') {
		throw new StoreError(
			`the database ${file} could not switch to WAL mode (got ${String(journalMode)}); is it on a network drive or read-only?`,
		);
	}

	// SQLite (and better-sqlite3) leaves later opens of a WAL file at NORMAL; a void must survive a power cut.
	db.pragma('synchronous = FULL');
	const synchronous = db.pragma('synchronous', {simple: true});
	if (synchronous !== 2) {
		throw new StoreError(`the database ${file} refused synchronous=FULL (got ${String(synchronous)})`);
	}

	db.pragma('foreign_keys = ON');
	if (db.pragma('foreign_keys', {simple: true}) !== 1) {
		throw new StoreError(`the database ${file} refused foreign_keys=ON`);
	}
}
