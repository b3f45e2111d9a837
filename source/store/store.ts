import type {SqlDatabase, SqlStatement} from './sqlite-driver.js';
import {createAuditStore} from './audit-store.js';
import {createBatchesStore} from './batches-store.js';
import {createCountersStore} from './counters-store.js';
import {openDatabase, type OpenOptions} from './database.js';
import type {WriteGate} from './integrity-check.js';
import {createImportStagingStore} from './import-staging-store.js';
import {createOperatorsStore} from './operators-store.js';
import {createOutsideResolutionsStore} from './outside-resolutions-store.js';
import {createPrintJobsStore} from './print-jobs-store.js';
import {createReconcileStore} from './reconcile-store.js';
import {createSettlementStore} from './settlement-store.js';
import {reportBusy} from './store-errors.js';
import {createTransactionsStore} from './transactions-store.js';
import {createVoidsStore} from './voids-store.js';
import {createVoidRequestsStore} from './void-requests-store.js';

/** One open database with its statements prepared once. Services receive this; only store/ holds SQL. */
export type Store = ReturnType<typeof createStore>;

function createStore(db: SqlDatabase, file: string, gate: WriteGate) {
	return {
		file,
		transactions: createTransactionsStore(db),
		batches: createBatchesStore(db),
		voids: createVoidsStore(db),
		operators: createOperatorsStore(db),
		counters: createCountersStore(db),
		audit: createAuditStore(db),
		printJobs: createPrintJobsStore(db),
		settlement: createSettlementStore(db),
		outsideResolutions: createOutsideResolutionsStore(db),
		importStaging: createImportStagingStore(db),
		reconcile: createReconcileStore(db),
		voidRequests: createVoidRequestsStore(db),
		/**
		 * Runs `work` in one BEGIN IMMEDIATE transaction: all of it commits or none of it does.
		 * `work` must be synchronous. A busy timeout becomes DatabaseBusyError.
		 */
		immediate<T>(work: () => T): T {
			gate.beforeWrite();
			return reportBusy(file, () => db.transaction(work).immediate());
		},
		/**
		 * An immediate transaction for sign-in's bookkeeping only (the audit log and operators' failure
		 * counts). In the console it does not wait for the integrity check; anything else in it still does.
		 */
		accessLog<T>(work: () => T): T {
			if (!gate.signInFirst) {
				gate.beforeWrite();
			}

			return reportBusy(file, () => db.transaction(work).immediate());
		},
		/** The integrity check's answer so far (`ok` when the store was opened without one). */
		get integrity(): WriteGate['state'] {
			return gate.state;
		},
		/**
		 * Runs `work` in one deferred transaction that writes only this connection's TEMP tables (an
		 * import's staging): it takes no write lock on the database file, so it holds up no void.
		 */
		scratch<T>(work: () => T): T {
			return reportBusy(file, () => db.transaction(work).deferred());
		},
		/** Runs a read-only `work` in one snapshot (a deferred transaction). */
		read<T>(work: () => T): T {
			return reportBusy(file, () => db.transaction(work).deferred());
		},
		/** Runs `work` and reports a busy timeout as DatabaseBusyError. */
		guard<T>(work: () => T): T {
			return reportBusy(file, work);
		},
		/** Changes whenever another connection commits (`PRAGMA data_version`): an import or a void made elsewhere. */
		dataVersion(): number {
			return Number(db.pragma('data_version', {simple: true}));
		},
		/** `PRAGMA integrity_check`: 'ok' or the problems found. */
		integrityCheck(): string {
			return (db.pragma('integrity_check', {simple: true}) as string) ?? '';
		},
		/** The query plan of a statement, for tests that prove a lookup is an index seek. */
		explain(sql: string, parameters: unknown[]): string[] {
			return db
				.prepare(`EXPLAIN QUERY PLAN ${sql}`)
				.all(...parameters)
				.map(row => (row as {detail: string}).detail);
		},
		close(): void {
			if (db.open) {
				db.close();
			}
		},
		/** For store/ tests and the benchmark's raw baselines only. */
		db,
	};
}

export function openStore(file: string, options: OpenOptions = {}): Store {
	const {db, gate} = openDatabase(file, options);
	return createStore(gatedWrites(db, gate), file, gate);
}

/**
 * The connection the table stores prepare their statements on: everything that may write (a statement
 * that is not a plain SELECT, `exec`) waits for the integrity check first, and refuses a damaged file.
 * Plain reads and sign-in's bookkeeping are not held up. `immediate` waits before it takes the lock.
 */
function gatedWrites(db: SqlDatabase, gate: WriteGate): SqlDatabase {
	if (gate.state === 'ok') {
		return db;
	}

	const gated = <F extends (...arguments_: never[]) => unknown>(work: F): F =>
		((...arguments_: never[]) => {
			gate.beforeWrite();
			return work(...arguments_);
		}) as F;

	return new Proxy(db, {
		get(target, property) {
			if (property === 'prepare') {
				return (source: string) => {
					const statement: SqlStatement = target.prepare(source);
					if (isPlainRead(source) || (gate.signInFirst && isAccessBookkeeping(source))) {
						return statement;
					}

					return Object.assign(statement, {
						run: gated(statement.run.bind(statement)),
						get: gated(statement.get.bind(statement)),
						all: gated(statement.all.bind(statement)),
						iterate: gated(statement.iterate.bind(statement)),
					});
				};
			}

			if (property === 'exec') {
				return gated(target.exec.bind(target));
			}

			// Better-sqlite3's getters (open, inTransaction) need the real connection as `this`.
			const value: unknown = Reflect.get(target, property);
			return typeof value === 'function' ? (value as (...arguments_: unknown[]) => unknown).bind(target) : value;
		},
	});
}

/**
 * Sign-in's own writes (the audit row, an operator's failure count), which the console lets through
 * before the check answers: on a million-row file it takes seconds while the clerk is signing in.
 * Money never moves before it answers; the commands hold these back too.
 */
function isAccessBookkeeping(source: string): boolean {
	return /^\s*(?:insert\s+into\s+audit_log\b|update\s+operators\s+set\s+failed_attempts\b)/i.test(source);
}

/** One SELECT with no second statement and no RETURNING: it cannot write. */
function isPlainRead(source: string): boolean {
	const text = source.replaceAll(/'(?:[^']|'')*'/g, "''");
	return /^\s*select\b/i.test(text) && !/;\s*\S/.test(text) && !/\breturning\b/i.test(text);
}
