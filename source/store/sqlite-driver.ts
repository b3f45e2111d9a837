import fs from 'node:fs';
import {createRequire} from 'node:module';
import process from 'node:process';
import {openNodeSqlite} from './node-sqlite-driver.js';
import {StoreError} from './store-errors.js';

/**
 * The part of an SQLite connection that store/ uses: better-sqlite3's own method names, so on Node 20
 * the better-sqlite3 connection is used as it is, and on Node 24 a thin adapter over `node:sqlite`
 * gives the same calls. Errors carry better-sqlite3's string codes (`SQLITE_BUSY`, …) on both.
 */
export type SqlRunResult = {changes: number; lastInsertRowid: number | bigint};

export type SqlStatement<Parameters extends unknown[] = unknown[], Result = unknown> = {
	readonly source: string;
	run(...parameters: Parameters): SqlRunResult;
	get(...parameters: Parameters): Result | undefined;
	all(...parameters: Parameters): Result[];
	iterate(...parameters: Parameters): IterableIterator<Result>;
	/** Rows come back as their first column only. */
	pluck(toggle?: boolean): SqlStatement<Parameters, Result>;
	/** Rows come back as arrays of their columns. */
	raw(toggle?: boolean): SqlStatement<Parameters, Result>;
};

// A function type that transactions wrap; their arguments pass through unchanged.

type Work = (...arguments_: any[]) => any;

export type SqlTransaction<F extends Work> = F & {deferred: F; immediate: F; exclusive: F};

export type SqlDatabase = {
	readonly open: boolean;
	readonly inTransaction: boolean;
	prepare<Parameters extends unknown[] | Record<string, unknown> = unknown[], Result = unknown>(
		source: string,
	): Parameters extends unknown[] ? SqlStatement<Parameters, Result> : SqlStatement<[Parameters], Result>;
	exec(source: string): unknown;
	pragma(source: string, options?: {simple?: boolean}): unknown;
	transaction<F extends Work>(work: F): SqlTransaction<F>;
	close(): unknown;
};

export type SqlOpenOptions = {
	/** The file must exist already (it is never created by the driver). */
	fileMustExist?: boolean;
	readonly?: boolean;
	/** Busy timeout in ms. */
	timeout?: number;
};

/** Which engine this runtime uses: better-sqlite3 before Node 24, `node:sqlite` from 24 on. */
export type SqlEngine = 'better-sqlite3' | 'node:sqlite';

/**
 * Better-sqlite3 12 aborts on Node 24 (its Statement destructor trips an assertion of Node's changed
 * ObjectWrap), and 13 needs Node 22; `node:sqlite` is built in from Node 22.13 and stable enough on 24.
 * POSVOID_SQLITE forces one engine, for tests that compare them.
 */
export function sqlEngine(): SqlEngine {
	const forced = process.env['POSVOID_SQLITE'];
	if (forced === 'better-sqlite3' || forced === 'node:sqlite') {
		return forced;
	}

	const major = Number(process.versions.node.split('.')[0]);
	return major >= 24 ? 'node:sqlite' : 'better-sqlite3';
}

const requireModule = createRequire(import.meta.url);

type BetterSqlite3 = new (
	file: string,
	options: {timeout?: number; fileMustExist?: boolean; readonly?: boolean; nativeBinding?: string},
) => SqlDatabase;

let BetterSqlite3Database: BetterSqlite3 | undefined;
let addonPath: string | undefined | false;

/**
 * Where better-sqlite3's compiled addon is, found once. Left to itself better-sqlite3 looks for it
 * through the `bindings` package, which tries a dozen paths: about 2 ms of every start.
 * Undefined (better-sqlite3's own search) if it is not where a normal install puts it.
 */
function nativeBinding(): string | undefined {
	if (addonPath === undefined) {
		try {
			addonPath = requireModule.resolve('better-sqlite3/build/Release/better_sqlite3.node');
		} catch {
			addonPath = false;
		}
	}

	return addonPath === false ? undefined : addonPath;
}

/** Better-sqlite3 is an optional dependency (Node 24 never needs it): a failed build is said plainly. */
function loadBetterSqlite3(): BetterSqlite3 {
	try {
		return requireModule('better-sqlite3') as BetterSqlite3;
	} catch (error) {
		throw new StoreError(
			`posvoid on Node ${process.versions.node} needs better-sqlite3, which is not installed or did not build (${(error as Error).message.split('\n')[0]}): install python3, make and g++ and run \`npm rebuild better-sqlite3\`, or run posvoid on Node 24, which needs no native module`,
		);
	}
}

/**
 * The engine's own connection, with no posvoid adapter between: the benchmarks' raw baseline. Both
 * engines' connections have these calls (better-sqlite3's Database and node:sqlite's DatabaseSync).
 */
export type EngineConnection = {
	prepare(source: string): {
		all(...parameters: unknown[]): unknown[];
		get(...parameters: unknown[]): unknown;
		run(...parameters: unknown[]): unknown;
	};
	exec(source: string): unknown;
	close(): unknown;
};

export function openEngineConnection(file: string): EngineConnection {
	if (sqlEngine() === 'node:sqlite') {
		const {DatabaseSync} = process.getBuiltinModule('node:sqlite') as {
			DatabaseSync: new (file: string) => EngineConnection;
		};
		return new DatabaseSync(file);
	}

	return openSqlite(file);
}

/** Opens a connection with this runtime's engine. Only store/ and its tests call this. */
export function openSqlite(file: string, options: SqlOpenOptions = {}): SqlDatabase {
	if (options.fileMustExist && file !== ':memory:' && !fs.existsSync(file)) {
		throw Object.assign(new Error(`unable to open database file ${file}`), {code: 'SQLITE_CANTOPEN'});
	}

	if (sqlEngine() === 'node:sqlite') {
		return openNodeSqlite(file, options);
	}

	// Loaded here, not imported at the top: on Node 24 its addon must never be loaded at all.
	BetterSqlite3Database ??= loadBetterSqlite3();
	const binding = nativeBinding();
	return new BetterSqlite3Database(file, {
		...options,
		...(binding === undefined ? {} : {nativeBinding: binding}),
	});
}
