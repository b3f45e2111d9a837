import process from 'node:process';
import type {SqlDatabase, SqlOpenOptions, SqlRunResult, SqlStatement, SqlTransaction} from './sqlite-driver.js';

// The part of `node:sqlite` (Node 22.13+) used here, declared locally: the project's Node 20 types lack
// it, and the module is fetched at run time because Node 20 has none and a static import would fail.
type StatementSync = {
	run(...parameters: unknown[]): SqlRunResult;
	get(...parameters: unknown[]): unknown;
	all(...parameters: unknown[]): unknown[];
	iterate(...parameters: unknown[]): Iterator<unknown>;
	setReturnArrays(enabled: boolean): void;
	setAllowUnknownNamedParameters(enabled: boolean): void;
};
type DatabaseSync = {
	readonly isOpen: boolean;
	readonly isTransaction: boolean;
	prepare(source: string): StatementSync;
	exec(source: string): void;
	close(): void;
};
type NodeSqlite = {
	DatabaseSync: new (file: string, options: {readOnly: boolean; timeout: number}) => DatabaseSync;
};
let nodeSqlite: NodeSqlite | undefined;

/** SQLite's primary result codes by number, named as better-sqlite3 names them. */
const primaryCodes: Record<number, string> = {
	1: 'SQLITE_ERROR',
	2: 'SQLITE_INTERNAL',
	3: 'SQLITE_PERM',
	4: 'SQLITE_ABORT',
	5: 'SQLITE_BUSY',
	6: 'SQLITE_LOCKED',
	7: 'SQLITE_NOMEM',
	8: 'SQLITE_READONLY',
	9: 'SQLITE_INTERRUPT',
	10: 'SQLITE_IOERR',
	11: 'SQLITE_CORRUPT',
	12: 'SQLITE_NOTFOUND',
	13: 'SQLITE_FULL',
	14: 'SQLITE_CANTOPEN',
	15: 'SQLITE_PROTOCOL',
	17: 'SQLITE_SCHEMA',
	18: 'SQLITE_TOOBIG',
	19: 'SQLITE_CONSTRAINT',
	20: 'SQLITE_MISMATCH',
	21: 'SQLITE_MISUSE',
	23: 'SQLITE_AUTH',
	25: 'SQLITE_RANGE',
	26: 'SQLITE_NOTADB',
};

/** The extended codes store/ tells apart (the rest keep their primary name). */
const extendedCodes: Record<number, string> = {
	517: 'SQLITE_BUSY_SNAPSHOT',
	261: 'SQLITE_BUSY_RECOVERY',
	1555: 'SQLITE_CONSTRAINT_PRIMARYKEY',
	2067: 'SQLITE_CONSTRAINT_UNIQUE',
	787: 'SQLITE_CONSTRAINT_FOREIGNKEY',
	1299: 'SQLITE_CONSTRAINT_NOTNULL',
	275: 'SQLITE_CONSTRAINT_CHECK',
	1811: 'SQLITE_CONSTRAINT_TRIGGER',
};

/** Gives a `node:sqlite` error better-sqlite3's string code, so store-errors reads one vocabulary. */
function withSqliteCode(error: unknown): unknown {
	const sqliteError = error as {code?: string; errcode?: number} | undefined;
	if (sqliteError?.code === 'ERR_OUT_OF_RANGE') {
		// An integer past 2^53 in a posvoid table: nothing posvoid writes, so the file was edited or damaged.
		try {
			sqliteError.code = 'SQLITE_CORRUPT_VALUE';
		} catch {
			// A frozen error keeps its code.
		}

		return error;
	}

	if (sqliteError?.code === 'ERR_SQLITE_ERROR' && typeof sqliteError.errcode === 'number') {
		const code = extendedCodes[sqliteError.errcode] ?? primaryCodes[sqliteError.errcode % 256] ?? 'SQLITE_ERROR';
		try {
			sqliteError.code = code;
		} catch {
			// A frozen error keeps its code; the message still names the problem.
		}
	}

	return error;
}

function translated<T>(work: () => T): T {
	try {
		return work();
	} catch (error) {
		throw withSqliteCode(error);
	}
}

/** Named parameters in a statement (`@name`, `:name`, `$name`), outside quoted text. */
function namedParameters(source: string): string[] {
	return [...new Set([...unquoted(source).matchAll(/[@:$]([A-Za-z_]\w*)/g)].map(match => match[1]!))];
}

function unquoted(source: string): string {
	return source.replaceAll(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*/g, ' ');
}

/** How many `?` placeholders a statement has, outside quoted text. */
function positionalParameters(source: string): number {
	return unquoted(source).split('?').length - 1;
}

class NodeStatement implements SqlStatement {
	readonly source: string;
	private plucked = false;
	private readonly names: string[];
	private readonly positional: number;
	private readonly statement: StatementSync;

	constructor(statement: StatementSync, source: string) {
		this.statement = statement;
		this.source = source;
		// Better-sqlite3 ignores keys a statement does not use, and refuses a missing one; so does this.
		statement.setAllowUnknownNamedParameters(true);
		this.names = namedParameters(source);
		this.positional = positionalParameters(source);
	}

	run(...parameters: unknown[]): SqlRunResult {
		this.checkNamed(parameters);
		return translated(() => this.statement.run(...parameters));
	}

	get(...parameters: unknown[]): unknown {
		this.checkNamed(parameters);
		const row = translated(() => this.statement.get(...parameters));
		return this.plucked ? (row as unknown[] | undefined)?.[0] : row;
	}

	all(...parameters: unknown[]): unknown[] {
		this.checkNamed(parameters);
		const rows = translated(() => this.statement.all(...parameters));
		return this.plucked ? rows.map(row => (row as unknown[])[0]) : rows;
	}

	*iterate(...parameters: unknown[]): IterableIterator<unknown> {
		this.checkNamed(parameters);
		const rows = translated(() => this.statement.iterate(...parameters));
		try {
			while (true) {
				const next = translated(() => rows.next());
				if (next.done) {
					return;
				}

				yield this.plucked ? (next.value as unknown[])[0] : next.value;
			}
		} finally {
			// A loop left early must reset the statement, or its read snapshot stays open (better-sqlite3 does this too).
			rows.return?.();
		}
	}

	pluck(toggle = true): this {
		this.plucked = toggle;
		this.statement.setReturnArrays(toggle);
		return this;
	}

	raw(toggle = true): this {
		this.plucked = false;
		this.statement.setReturnArrays(toggle);
		return this;
	}

	private checkNamed(parameters: unknown[]): void {
		if (this.names.length === 0) {
			// Better-sqlite3 refuses too few positional values; node:sqlite would bind NULL.
			if (parameters.length < this.positional) {
				throw new RangeError(`Too few parameter values were provided (${parameters.length} of ${this.positional})`);
			}

			return;
		}

		const bound = parameters[0];
		if (bound === null || typeof bound !== 'object') {
			return;
		}

		for (const name of this.names) {
			if ((bound as Record<string, unknown>)[name] === undefined) {
				throw new RangeError(`Missing named parameter "${name}"`);
			}
		}
	}
}

class NodeDatabase implements SqlDatabase {
	private readonly begin: Record<'deferred' | 'immediate' | 'exclusive', StatementSync>;
	private readonly commit: StatementSync;
	private readonly rollback: StatementSync;
	private readonly db: DatabaseSync;

	constructor(db: DatabaseSync) {
		this.db = db;
		this.begin = {
			deferred: db.prepare('BEGIN DEFERRED'),
			immediate: db.prepare('BEGIN IMMEDIATE'),
			exclusive: db.prepare('BEGIN EXCLUSIVE'),
		};
		this.commit = db.prepare('COMMIT');
		this.rollback = db.prepare('ROLLBACK');
	}

	get open(): boolean {
		return this.db.isOpen;
	}

	get inTransaction(): boolean {
		return this.db.isOpen && this.db.isTransaction;
	}

	prepare(source: string): never {
		return new NodeStatement(
			translated(() => this.db.prepare(source)),
			source,
		) as never;
	}

	exec(source: string): this {
		translated(() => {
			this.db.exec(source);
		});
		return this;
	}

	pragma(source: string, options: {simple?: boolean} = {}): unknown {
		const statement = translated(() => this.db.prepare(`PRAGMA ${source}`));
		if (options.simple) {
			statement.setReturnArrays(true);
			return (translated(() => statement.get()) as unknown[] | undefined)?.[0];
		}

		return translated(() => statement.all());
	}

	/** The same contract as better-sqlite3's: all of `work` commits or none of it; nested calls use a savepoint. */
	transaction<F extends (...arguments_: never[]) => unknown>(work: F): SqlTransaction<F> {
		const run = (mode: 'deferred' | 'immediate' | 'exclusive') =>
			((...arguments_: never[]) => {
				if (this.db.isTransaction) {
					return this.inSavepoint(work, arguments_);
				}

				translated(() => this.begin[mode].run());
				try {
					const result = work(...arguments_);
					if (typeof (result as {then?: unknown} | undefined)?.then === 'function') {
						throw new TypeError('Transaction function cannot return a promise');
					}

					translated(() => this.commit.run());
					return result;
				} catch (error) {
					if (this.db.isTransaction) {
						this.rollback.run();
					}

					throw error;
				}
			}) as F;
		return Object.assign(run('deferred'), {
			deferred: run('deferred'),
			immediate: run('immediate'),
			exclusive: run('exclusive'),
		});
	}

	close(): this {
		this.db.close();
		return this;
	}

	private inSavepoint<F extends (...arguments_: never[]) => unknown>(work: F, arguments_: never[]): unknown {
		translated(() => {
			this.db.exec('SAVEPOINT posvoid_nested');
		});
		try {
			const result = work(...arguments_);
			translated(() => {
				this.db.exec('RELEASE posvoid_nested');
			});
			return result;
		} catch (error) {
			if (this.db.isTransaction) {
				this.db.exec('ROLLBACK TO posvoid_nested; RELEASE posvoid_nested');
			}

			throw error;
		}
	}
}

export function openNodeSqlite(file: string, options: SqlOpenOptions): SqlDatabase {
	nodeSqlite ??= process.getBuiltinModule('node:sqlite') as NodeSqlite;
	const db = translated(
		() =>
			new nodeSqlite!.DatabaseSync(file, {
				readOnly: options.readonly ?? false,
				// Better-sqlite3's default, so a connection opened without one waits as it would on Node 20.
				timeout: options.timeout ?? 5000,
			}),
	);
	return new NodeDatabase(db);
}
