import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import {DatabaseDamagedError, DatabaseNotWritableError, StoreError} from '../../source/store/store-errors.js';
import {openStore} from '../../source/store/store.js';
import {runCli} from '../helpers/cli.js';
import {seededRandom} from '../../source/services/seeded-random.js';
import {tempDatabase, tempFolder} from '../helpers/temp-db.js';

// Files a counter PC really ends up with: a copy cut short, a disk that filled up, bytes flipped on a
// failing disk, a file copied in with the wrong mode. None of them may become a new database or take a write.

test('a zero-byte database file is refused by every command but init, and left as it was', async t => {
	const folder = tempFolder(t);
	const file = path.join(folder, 'posvoid.db');
	fs.writeFileSync(file, '');
	t.throws(() => openStore(file, {create: false}), {instanceOf: StoreError, message: /is empty \(0 bytes\)/});
	for (const args of [['report'], ['print-queue'], ['audit']]) {
		const result = await runCli([...args, '--db', file]);
		t.is(result.code, 1, args.join(' '));
		t.regex(result.stderr, /is empty \(0 bytes\).*Restore the counter's database from the backup/s);
		t.notRegex(result.stderr, /\n\s+at /);
	}

	t.is(fs.statSync(file).size, 0);
	t.deepEqual(fs.readdirSync(folder), ['posvoid.db']);
});

test('an SQLite file with no posvoid tables is refused without init', t => {
	const file = path.join(tempFolder(t), 'posvoid.db');
	const db = openSqlite(file);
	db.exec('PRAGMA user_version = 0');
	db.close();
	t.throws(() => openStore(file, {create: false}), {instanceOf: StoreError, message: /has no posvoid tables/});
});

test('an existing database readable by others is made owner-only when opened, with its -wal and -shm', t => {
	const {file, store} = tempDatabase(t);
	store.immediate(() => store.batches.insert('10293847', '000001', 0));
	store.close();
	fs.chmodSync(file, 0o644);
	const again = openStore(file, {create: false});
	t.teardown(() => {
		again.close();
	});
	again.immediate(() => again.batches.insert('10293847', '000002', 0));
	for (const part of [file, `${file}-wal`, `${file}-shm`]) {
		t.is(fs.statSync(part).mode % 0o1000, 0o600, part);
	}
});

test('a full disk is said plainly and nothing is written', t => {
	const {store} = tempDatabase(t);
	const pages = store.db.pragma('page_count', {simple: true}) as number;
	// SQLite's own limit stands in for a full disk: the same SQLITE_FULL reaches the store.
	store.db.pragma(`max_page_count = ${pages}`);
	const error = t.throws(
		() => {
			store.immediate(() => {
				for (let index = 0; index < 2000; index++) {
					store.batches.insert('10293847', String(index).padStart(6, '0'), index);
				}
			});
		},
		{instanceOf: DatabaseNotWritableError},
	);
	t.regex(error.message, /is full: nothing was written/);
	t.is(store.batches.list('10293847', 10).length, 0);
});

test('a database that refuses writes is said plainly', t => {
	const {store} = tempDatabase(t);
	store.db.pragma('query_only = ON');
	const error = t.throws(() => store.immediate(() => store.batches.insert('10293847', '000001', 0)), {
		instanceOf: DatabaseNotWritableError,
	});
	t.regex(error.message, /cannot be written .*must be writable by this account/s);
});

/** A counter database with sales, written by the real commands, checkpointed into the main file. */
async function counterDatabase(folder: string): Promise<string> {
	const file = path.join(folder, 'counter.db');
	t0(await runCli(['init', '--db', file, '--password-stdin'], {input: 'boss-pass\n'}));
	t0(await runCli(['seed', '--rows', '3000', '--days', '1', '--db', file]));
	return file;
}

function t0(result: {code: number | undefined; stderr: string}): void {
	if (result.code !== 0) {
		throw new Error(result.stderr);
	}
}

function quickCheck(file: string): string {
	try {
		const db = openSqlite(file, {readonly: true});
		try {
			return String(db.pragma('quick_check', {simple: true}));
		} finally {
			db.close();
		}
	} catch (error) {
		return (error as Error).message;
	}
}

test('copies with flipped bytes: a damaged file takes no void, and the message says to keep it and restore the backup', async t => {
	const folder = tempFolder(t);
	const original = await counterDatabase(folder);
	const bytes = fs.readFileSync(original);
	const pageSize = bytes.readUInt16BE(16);
	const random = seededRandom(7);
	const refusedDamaged: Array<{copy: number; code: number | undefined; saidDamaged: boolean; untouched: boolean}> = [];
	for (let copy = 0; copy < 12; copy++) {
		const file = path.join(folder, `copy-${copy}.db`);
		const flipped = Buffer.from(bytes);
		// Past the first page (the header, which the open checks itself): a run of bytes in one page.
		const page = 1 + Math.floor(random() * (flipped.length / pageSize - 1));
		const start = page * pageSize + Math.floor(random() * (pageSize - 64));
		for (let offset = 0; offset < 32; offset++) {
			flipped[start + offset] = Math.floor(random() * 256);
		}

		fs.writeFileSync(file, flipped, {mode: 0o600});
		const damaged = quickCheck(file) !== 'ok';
		const before = fs.readFileSync(file);
		const result = await runCli(
			['void', '000001', '--operator', '00', '--reason', 'x', '--no-print', '--db', file, '--password-stdin'],
			{input: 'boss-pass\n'},
		);
		t.notRegex(result.stderr, /\n\s+at |unexpected error/, `copy ${copy}: ${result.stderr}`);
		if (damaged) {
			refusedDamaged.push({
				copy,
				code: result.code,
				saidDamaged: /is damaged|not a posvoid database/.test(result.stderr),
				untouched: before.equals(fs.readFileSync(file)),
			});
		}
	}

	t.true(refusedDamaged.length >= 6, `only ${refusedDamaged.length} of 12 copies were damaged`);
	t.deepEqual(
		refusedDamaged,
		refusedDamaged.map(({copy}) => ({copy, code: 1, saidDamaged: true, untouched: true})),
	);
});

test('a damaged page met while opening is called damaged, not "not a posvoid database"', t => {
	const {file, store} = tempDatabase(t);
	store.close();
	const bytes = fs.readFileSync(file);
	const pageSize = bytes.readUInt16BE(16);
	// The schema table's root is page 1, right after the 100-byte header: damage its cell pointers.
	bytes.fill(0xff, 100 + 8, pageSize);
	fs.writeFileSync(file, bytes);
	const error = t.throws(() => openStore(file, {create: false}), {instanceOf: StoreError});
	t.true(error instanceof DatabaseDamagedError, error.message);
	t.regex(error.message, /Keep this file as it is.*restore the last backup/s);
});

test('the console may write sign-in bookkeeping before the check answers, never money; a command writes nothing', async t => {
	const folder = tempFolder(t);
	const original = await counterDatabase(folder);
	const bytes = fs.readFileSync(original);
	const pageSize = bytes.readUInt16BE(16);
	const random = seededRandom(11);
	let file: string | undefined;
	// A copy that opens (its schema page is whole) but fails quick_check.
	for (let copy = 0; copy < 40 && file === undefined; copy++) {
		const candidate = path.join(folder, `sign-in-${copy}.db`);
		const flipped = Buffer.from(bytes);
		const page = 2 + Math.floor(random() * (flipped.length / pageSize - 2));
		flipped.fill(0xa5, page * pageSize + 8, page * pageSize + 200);
		fs.writeFileSync(candidate, flipped, {mode: 0o600});
		try {
			openStore(candidate, {create: false}).close();
			file = quickCheck(candidate) === 'ok' ? undefined : candidate;
		} catch {
			// Refused at open: not the case this test needs.
		}
	}

	t.truthy(file, 'no damaged copy that still opens');
	const bookkeeping = (store: ReturnType<typeof openStore>) => {
		store.accessLog(() => store.audit.append({event: 'sign-in', result: 'ok', operatorNo: '00'}, 1));
	};

	const console = openStore(file!, {create: false, integrity: 'background-sign-in-first'});
	t.notThrows(() => {
		bookkeeping(console);
	});
	t.throws(() => console.immediate(() => console.batches.insert('10293847', '000099', 1)), {
		instanceOf: DatabaseDamagedError,
	});
	console.close();

	const command = openStore(file!, {create: false, integrity: 'background'});
	t.throws(
		() => {
			bookkeeping(command);
		},
		{instanceOf: DatabaseDamagedError},
	);
	command.close();
});
