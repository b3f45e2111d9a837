import {createRequire} from 'node:module';
import path from 'node:path';
import test from 'ava';
import {openSqlite, sqlEngine, type SqlDatabase} from '../../source/store/sqlite-driver.js';
import {openStore} from '../../source/store/store.js';
import {tempFolder} from '../helpers/temp-db.js';

// The same contract on whichever engine this runtime uses: better-sqlite3 on Node 20, node:sqlite on 24.
// .ci/run runs the suite on both.

function connection(t: Parameters<typeof tempFolder>[0], file = path.join(tempFolder(t), 'driver.db')): SqlDatabase {
	const db = openSqlite(file);
	t.teardown(() => {
		if (db.open) {
			db.close();
		}
	});
	db.exec('CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, amount INTEGER)');
	return db;
}

const count = (db: SqlDatabase) => db.prepare('SELECT count(*) FROM items').pluck().get() as number;

test('Node 24 and later use node:sqlite and never load better-sqlite3; Node 20 uses better-sqlite3', t => {
	const major = Number(process.versions.node.split('.')[0]);
	t.is(sqlEngine(), major >= 24 ? 'node:sqlite' : 'better-sqlite3');
	const store = openStore(path.join(tempFolder(t), 'engine.db'));
	store.close();
	const loaded = Object.keys(createRequire(import.meta.url).cache).some(file => file.includes('better_sqlite3.node'));
	t.is(loaded, major < 24);
});

test('a transaction commits all of its work or, when it throws, none of it', t => {
	const db = connection(t);
	const insert = db.prepare<[string]>('INSERT INTO items (name) VALUES (?)');
	db.transaction(() => {
		insert.run('a');
		insert.run('b');
	}).immediate();
	t.throws(
		() => {
			db.transaction(() => {
				insert.run('c');
				insert.run('a');
			}).immediate();
		},
		{any: true},
	);
	t.is(count(db), 2);
	t.false(db.inTransaction);
});

test('a transaction inside a transaction is a savepoint: its failure undoes only its own work', t => {
	const db = connection(t);
	const insert = db.prepare<[string]>('INSERT INTO items (name) VALUES (?)');
	const inner = db.transaction((name: string) => {
		insert.run(name);
		throw new Error('inner fails');
	});
	db.transaction(() => {
		insert.run('outer');
		t.true(db.inTransaction);
		t.throws(() => inner('inner'), {message: 'inner fails'});
	}).immediate();
	t.deepEqual(db.prepare('SELECT name FROM items').pluck().all(), ['outer']);
});

test('pluck gives the first column, raw every column as an array, from get, all and iterate', t => {
	const db = connection(t);
	db.exec(`INSERT INTO items (name, amount) VALUES ('a', 1), ('b', 2)`);
	const names = db.prepare<unknown[], string>('SELECT name, amount FROM items ORDER BY id').pluck();
	t.is(names.get(), 'a');
	t.deepEqual(names.all(), ['a', 'b']);
	t.deepEqual([...names.iterate()], ['a', 'b']);
	const rows = db.prepare<unknown[], unknown[]>('SELECT name, amount FROM items ORDER BY id').raw();
	t.deepEqual(rows.all(), [
		['a', 1],
		['b', 2],
	]);
	t.deepEqual(
		[...rows.iterate()],
		[
			['a', 1],
			['b', 2],
		],
	);
	t.deepEqual(
		{...(db.prepare('SELECT name, amount FROM items ORDER BY id').get() as Record<string, unknown>)},
		{name: 'a', amount: 1},
	);
});

test('named parameters: keys a statement does not use are ignored, a missing one is refused', t => {
	const db = connection(t);
	const insert = db.prepare<[Record<string, unknown>]>('INSERT INTO items (name, amount) VALUES (@name, @amount)');
	t.is(insert.run({name: 'a', amount: 5, unused: 'x'}).changes, 1);
	t.throws(() => insert.run({name: 'b'}), {any: true, message: /missing named parameter/i});
	t.is(count(db), 1);
	t.is(Number(insert.run({name: 'c', amount: 1}).lastInsertRowid), 2);
});

test('errors carry SQLite code names: a unique violation, and a write that waits out the busy timeout', t => {
	const file = path.join(tempFolder(t), 'codes.db');
	const db = connection(t, file);
	db.exec('PRAGMA journal_mode = WAL');
	db.exec(`INSERT INTO items (name) VALUES ('a')`);
	const unique = t.throws(() => db.prepare(`INSERT INTO items (name) VALUES ('a')`).run(), {any: true});
	t.regex((unique as Error & {code: string}).code, /^SQLITE_CONSTRAINT/);

	const other = openSqlite(file, {timeout: 20});
	t.teardown(() => other.close());
	db.exec('BEGIN IMMEDIATE');
	const busy = t.throws(() => other.prepare(`INSERT INTO items (name) VALUES ('b')`).run(), {any: true});
	t.is((busy as Error & {code: string}).code, 'SQLITE_BUSY');
	db.exec('ROLLBACK');
});

test('pragma with simple gives the value; opening a file that must exist and does not is refused', t => {
	const db = connection(t);
	t.is(db.pragma('journal_mode = WAL', {simple: true}), 'wal');
	db.pragma('synchronous = FULL');
	t.is(db.pragma('synchronous', {simple: true}), 2);
	const missing = t.throws(() => openSqlite(path.join(tempFolder(t), 'none.db'), {fileMustExist: true}), {any: true});
	t.is((missing as Error & {code: string}).code, 'SQLITE_CANTOPEN');
});
