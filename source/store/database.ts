import fs from 'node:fs';
import path from 'node:path';
import {migrate, posvoidApplicationId, schemaVersion} from './migrations.js';
import {openSqlite, type SqlDatabase} from './sqlite-driver.js';
import {openGate, startIntegrityCheck, type WriteGate} from './integrity-check.js';
import {
	DatabaseDamagedError,
	DatabaseTooNewError,
	NotPosvoidDatabaseError,
	StoreError,
	reportBusy,
	storeFailure,
} from './store-errors.js';

export type OpenOptions = {
	/** How long a write waits for another program's lock before giving up, in ms. */
	busyTimeoutMs?: number;
	/**
	 * Create the database: a new file (mode 0600), or schema in an existing empty one. Default true for
	 * tests and tools; every command but `posvoid init` passes false, so an empty or truncated file is
	 * refused instead of silently becoming a new database with restarted voucher numbers.
	 */
	create?: boolean;
	/**
	 * `background`: run SQLite's quick_check in a worker thread, and let every write wait for it (the
	 * commands). `background-sign-in-first`: the same, but sign-in's own bookkeeping (its audit row, an
	 * operator's failure count) is written without waiting (the console, where the clerk types meanwhile).
	 * `skip` (the default): no check, for tests and benchmarks.
	 */
	integrity?: 'background' | 'background-sign-in-first' | 'skip';
};

export type OpenedDatabase = {db: SqlDatabase; gate: WriteGate};

export const defaultBusyTimeoutMs = 5000;

/**
 * Opens a posvoid database: refuses foreign, newer, empty and damaged files without writing to them,
 * makes the file owner-only, then sets and checks WAL, synchronous=FULL, foreign keys and the busy
 * timeout, then migrates.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
	const busyTimeoutMs = options.busyTimeoutMs ?? defaultBusyTimeoutMs;
	const create = options.create ?? true;
	const exists = fs.existsSync(file);
	if (!exists) {
		if (!create) {
			throw new StoreError(
				`no database at ${path.resolve(file)}: run \`posvoid init --db ${file}\` first, or pass --db with the right file`,
			);
		}

		guardFiles(file, () => {
			fs.mkdirSync(path.dirname(path.resolve(file)), {recursive: true});
			// SQLite gives the -wal and -shm files the mode of the database file, so they stay owner-only too.
			fs.closeSync(fs.openSync(file, 'wx', 0o600));
		});
	} else if (!create && fs.statSync(file).size === 0) {
		throw new StoreError(
			`the database ${path.resolve(file)} is empty (0 bytes): an interrupted copy or a full disk leaves a file like this, and it was left untouched. Restore the counter's database from the backup; only \`posvoid init\` creates a new one`,
		);
	}

	let db: SqlDatabase;
	try {
		db = openSqlite(file, {timeout: busyTimeoutMs, fileMustExist: true});
	} catch (error) {
		throw storeFailure(file, error) ?? new StoreError(`cannot open the database ${file}: ${(error as Error).message}`);
	}

	try {
		const identity = checkIdentity(db, file);
		if (identity === 'empty' && !create) {
			throw new StoreError(
				`the database ${path.resolve(file)} has no posvoid tables: it was left untouched. Restore the counter's database from the backup, or run \`posvoid init --db ${file}\` to make a new one here`,
			);
		}

		// Only a file that is ours, or empty, is made owner-only: a foreign one is left as it was.
		ownerOnly(file);
		configure(db, file);
		if (identity === 'needs-migration') {
			// A migration rewrites tables: it must not run on a damaged file. This happens once per upgrade.
			const problems = reportBusy(file, () => db.pragma('quick_check', {simple: true}));
			if (problems !== 'ok') {
				throw new DatabaseDamagedError(file, `SQLite quick_check: ${String(problems)}`);
			}
		}

		reportBusy(file, () => {
			migrate(db);
		});
		ownerOnly(file);
		const gate =
			options.integrity === undefined || options.integrity === 'skip'
				? openGate
				: startIntegrityCheck(file, () => String(db.pragma('quick_check', {simple: true})), {
						signInFirst: options.integrity === 'background-sign-in-first',
					});
		return {db, gate};
	} catch (error) {
		db.close();
		throw storeFailure(file, error) ?? error;
	}
}

/** File system work on the database's path, with a message for a read-only folder or a full disk. */
function guardFiles(file: string, work: () => void): void {
	try {
		work();
	} catch (error) {
		throw storeFailure(file, error) ?? error;
	}
}

/**
 * The database holds password hashes and the audit log: it and its -wal and -shm files are made
 * owner-only whenever they are opened, also when they were copied in or touched with another mode.
 */
function ownerOnly(file: string): void {
	for (const part of [file, `${file}-wal`, `${file}-shm`]) {
		let mode: number;
		try {
			mode = fs.statSync(part).mode;
		} catch {
			continue;
		}

		// The permission bits as an octal number: group and others are the last two digits.
		const permissions = mode % 0o1000;
		if (permissions % 0o100 === 0) {
			continue;
		}

		try {
			fs.chmodSync(part, permissions - (permissions % 0o100));
		} catch {
			throw new StoreError(
				`${part} can be read by other accounts on this PC (mode ${permissions.toString(8)}), and this account cannot change that. Its owner should run \`chmod 600 ${file} ${file}-wal ${file}-shm\``,
			);
		}
	}
}

type Identity = 'empty' | 'current' | 'needs-migration';

/** Reads the header only: nothing is written to a file that is not ours. */
function checkIdentity(db: SqlDatabase, file: string): Identity {
	let applicationId: number;
	let userVersion: number;
	let tableCount: number;
	try {
		applicationId = db.pragma('application_id', {simple: true}) as number;
		userVersion = db.pragma('user_version', {simple: true}) as number;
		tableCount = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
	} catch (error) {
		const code = String((error as {code?: string}).code ?? '');
		if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
			// An SQLite header with unreadable pages is a damaged database, perhaps the counter's own:
			// it must be restored, not replaced by a new one.
			throw looksLikeSqlite(file)
				? new DatabaseDamagedError(file, `SQLite: ${(error as Error).message}`)
				: new NotPosvoidDatabaseError(file, 'not an SQLite database');
		}

		throw error;
	}

	const isEmpty = applicationId === 0 && userVersion === 0 && tableCount === 0;
	if (isEmpty) {
		return 'empty';
	}

	if (applicationId !== posvoidApplicationId) {
		throw new NotPosvoidDatabaseError(file, 'an SQLite database of another program');
	}

	if (userVersion > schemaVersion) {
		throw new DatabaseTooNewError(file, userVersion, schemaVersion);
	}

	return userVersion < schemaVersion ? 'needs-migration' : 'current';
}

/** The 16 bytes every SQLite database starts with. */
function looksLikeSqlite(file: string): boolean {
	try {
		const header = Buffer.alloc(16);
		const descriptor = fs.openSync(file, 'r');
		try {
			fs.readSync(descriptor, header, 0, 16, 0);
		} finally {
			fs.closeSync(descriptor);
		}

		return header.toString('latin1') === 'SQLite format 3\0';
	} catch {
		return false;
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
