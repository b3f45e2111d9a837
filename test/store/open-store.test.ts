import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import {migrate, posvoidApplicationId, schemaVersion} from '../../source/store/migrations.js';
import {DatabaseBusyError, DatabaseTooNewError, NotPosvoidDatabaseError} from '../../source/store/store-errors.js';
import {openStore} from '../../source/store/store.js';
import {tempDatabase, tempFolder} from '../helpers/temp-db.js';

function filesIn(folder: string): string[] {
	return fs.readdirSync(folder).toSorted();
}

test('a new database file and its WAL and shared-memory files are readable by their owner only', t => {
	const {folder, store} = tempDatabase(t);
	store.immediate(() => store.batches.insert('10293847', '000001', 0));
	t.deepEqual(filesIn(folder), ['posvoid.db', 'posvoid.db-shm', 'posvoid.db-wal']);
	for (const name of filesIn(folder)) {
		t.is(fs.statSync(path.join(folder, name)).mode % 0o1000, 0o600, name);
	}
});

test('every open sets WAL, synchronous=FULL, foreign keys and a busy timeout, also when reopening a WAL file', t => {
	const {file, store} = tempDatabase(t);
	store.close();
	for (let open = 0; open < 2; open++) {
		const again = openStore(file);
		t.is(again.db.pragma('journal_mode', {simple: true}), 'wal');
		t.is(again.db.pragma('synchronous', {simple: true}), 2);
		t.is(again.db.pragma('foreign_keys', {simple: true}), 1);
		t.is(again.db.pragma('busy_timeout', {simple: true}), 5000);
		t.is(again.db.pragma('user_version', {simple: true}), schemaVersion);
		t.is(again.db.pragma('application_id', {simple: true}), posvoidApplicationId);
		again.close();
	}
});

test('an SQLite file of another program is refused and left byte for byte as it was', t => {
	const folder = tempFolder(t);
	const file = path.join(folder, 'other.db');
	const other = openSqlite(file);
	other.exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')`);
	other.close();
	const before = fs.readFileSync(file);
	const error = t.throws(() => openStore(file), {instanceOf: NotPosvoidDatabaseError});
	t.regex(error.message, /not a posvoid database .* left untouched/);
	t.deepEqual(fs.readFileSync(file), before);
	t.deepEqual(filesIn(folder), ['other.db']);
});

test('a file that is not SQLite at all is refused and left as it was', t => {
	const folder = tempFolder(t);
	const file = path.join(folder, 'notes.txt');
	const text = 'shopping list\n'.repeat(500);
	fs.writeFileSync(file, text);
	t.throws(() => openStore(file), {instanceOf: NotPosvoidDatabaseError});
	t.is(fs.readFileSync(file, 'utf8'), text);
	t.deepEqual(filesIn(folder), ['notes.txt']);
});

test('a database from a newer posvoid is refused with its schema version and left as it was', t => {
	const {file, store} = tempDatabase(t);
	store.db.pragma(`user_version = ${schemaVersion + 1}`);
	store.close();
	const before = fs.readFileSync(file);
	const error = t.throws(() => openStore(file), {instanceOf: DatabaseTooNewError});
	t.regex(error.message, new RegExp(`schema ${schemaVersion + 1}, this one knows up to ${schemaVersion}`));
	t.deepEqual(fs.readFileSync(file), before);
});

test('a migration that fails part way leaves neither its tables nor its version bump', t => {
	const file = path.join(tempFolder(t), 'half.db');
	const db = openSqlite(file);
	t.teardown(() => {
		db.close();
	});
	// The last table of schema v1 already exists, so the migration fails after creating all the others.
	db.exec('CREATE TABLE audit_log (x)');
	t.throws(
		() => {
			migrate(db);
		},
		{any: true, message: /audit_log already exists/},
	);
	t.is(db.pragma('user_version', {simple: true}), 0);
	t.is(db.pragma('application_id', {simple: true}), 0);
	const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
	t.deepEqual(tables, ['audit_log']);
});

test('a write that waits out the busy timeout says another program is using the database', t => {
	const {file, store} = tempDatabase(t);
	store.close();
	const waiting = openStore(file, {busyTimeoutMs: 50});
	const holder = openSqlite(file);
	t.teardown(() => {
		waiting.close();
		holder.close();
	});
	holder.exec('BEGIN IMMEDIATE');
	const error = t.throws(() => waiting.immediate(() => waiting.batches.insert('10293847', '000001', 0)), {
		instanceOf: DatabaseBusyError,
	});
	t.regex(error.message, /another program is using the database/);
	holder.exec('ROLLBACK');
});
