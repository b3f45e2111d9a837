import type {SqlDatabase} from './sqlite-driver.js';
import {schemaV1} from './schema-v1.js';
import {outsideResolutionsV5, rebuildTransactionsV5} from './schema-v5-qr-sales.js';
import {voidRequestsV6} from './schema-v6-void-requests.js';
import {importVisibilityV7} from './schema-v7-import-visibility.js';

/** `PRAGMA application_id` of every posvoid database ("PVOD"), so a foreign SQLite file is recognised and left alone. */
export const posvoidApplicationId = 0x50_56_4f_44;

/** Migration n brings the schema from version n to n + 1. Append only; never edit a released one. */
export const migrations: ReadonlyArray<(db: SqlDatabase) => void> = [
	db => {
		db.exec(schemaV1);
		db.pragma(`application_id = ${posvoidApplicationId}`);
	},
	// Search by last four alone, newest first, without sorting the matches.
	db => {
		db.exec('CREATE INDEX transactions_by_last4_time ON transactions (card_last4, created_at)');
	},
	// A failed attempt that had begun sending: its retry is marked REPRINT, since paper may already show it.
	db => {
		db.exec(
			'ALTER TABLE print_jobs ADD COLUMN may_have_printed INTEGER NOT NULL DEFAULT 0 CHECK (may_have_printed IN (0, 1))',
		);
	},
	// The process that claimed a job it is printing, so a job left by a dead process is found at once.
	db => {
		db.exec('ALTER TABLE print_jobs ADD COLUMN claimed_by TEXT');
	},
	// Issue 12: QR sales without voucher, reference, auth code or card, with their order numbers (a table
	// rebuild that keeps every id); their outside resolutions; the import's staging table.
	db => {
		db.exec(rebuildTransactionsV5);
		db.exec(outsideResolutionsV5);
	},
	// A new state, 'unconfirmed': sent whole to a printer that cannot confirm it, until the clerk says
	// whether it came out. SQLite cannot alter a CHECK, so the table is rebuilt with every row and index.
	db => {
		db.exec(`
			CREATE TABLE print_jobs_next (
				id INTEGER PRIMARY KEY,
				kind TEXT NOT NULL CHECK (kind IN ('void-slip', 'settlement-report')),
				void_id INTEGER REFERENCES voids (id),
				batch_id INTEGER REFERENCES batches (id),
				reprint INTEGER NOT NULL DEFAULT 0 CHECK (reprint IN (0, 1)),
				state TEXT NOT NULL DEFAULT 'pending'
					CHECK (state IN ('pending', 'printing', 'unconfirmed', 'printed', 'failed')),
				attempts INTEGER NOT NULL DEFAULT 0,
				last_error TEXT,
				created_at INTEGER NOT NULL,
				updated_at INTEGER NOT NULL,
				printed_at INTEGER,
				may_have_printed INTEGER NOT NULL DEFAULT 0 CHECK (may_have_printed IN (0, 1)),
				claimed_by TEXT,
				CHECK ((kind = 'void-slip') = (void_id IS NOT NULL)),
				CHECK ((kind = 'settlement-report') = (batch_id IS NOT NULL))
			);
			INSERT INTO print_jobs_next (id, kind, void_id, batch_id, reprint, state, attempts, last_error,
				created_at, updated_at, printed_at, may_have_printed, claimed_by)
			SELECT id, kind, void_id, batch_id, reprint, state, attempts, last_error,
				created_at, updated_at, printed_at, may_have_printed, claimed_by FROM print_jobs;
			DROP TABLE print_jobs;
			ALTER TABLE print_jobs_next RENAME TO print_jobs;
			CREATE INDEX print_jobs_waiting ON print_jobs (state) WHERE state <> 'printed';
			CREATE INDEX print_jobs_by_void ON print_jobs (void_id);
		`);
	},
	// Issue 14: voids that reach the money, a durable state machine (requested → approved | declined |
	// in-doubt) in void_requests, which keeps the platform's refund number (schema-v6-void-requests.ts).
	db => {
		db.exec(voidRequestsV6);
	},
	// Issue 12: an import's sales are written hidden in chunks and shown by one short transaction
	// (schema-v7-import-visibility.ts).
	db => {
		db.exec(importVisibilityV7);
	},
];

export const schemaVersion = migrations.length;

/**
 * Applies every pending migration, each in one immediate transaction with its version bump. Foreign keys
 * are off while a migration runs, so one may rebuild a table that others refer to (SQLite's documented
 * procedure: the pragma cannot change inside a transaction); `foreign_key_check` must then find nothing
 * before the migration commits.
 */
export function migrate(db: SqlDatabase, afterEach?: (version: number) => void): void {
	let version = db.pragma('user_version', {simple: true}) as number;
	if (version >= schemaVersion) {
		return;
	}

	const foreignKeys = db.pragma('foreign_keys', {simple: true}) as number;
	db.pragma('foreign_keys = OFF');
	try {
		while (version < schemaVersion) {
			const step = migrations[version];
			if (!step) {
				throw new Error(`missing migration ${version}`);
			}

			const target = version + 1;
			db.transaction(() => {
				step(db);
				const broken = db.pragma('foreign_key_check') as unknown[];
				if (broken.length > 0) {
					throw new Error(`migration ${target} left ${broken.length} rows whose foreign keys point nowhere`);
				}

				db.pragma(`user_version = ${target}`);
			}).immediate();
			version = target;
			afterEach?.(version);
		}
	} finally {
		db.pragma(`foreign_keys = ${foreignKeys === 1 ? 'ON' : 'OFF'}`);
	}
}
