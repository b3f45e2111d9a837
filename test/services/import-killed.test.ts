import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import {openStore} from '../../source/store/store.js';
import {binary, runCli} from '../helpers/cli.js';
import {counterDatabase} from '../helpers/counter-database.js';
import {clockEnvironment} from '../helpers/test-clock.js';

const rows = 60_000;

function writeSales(file: string): void {
	const lines = [
		'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no',
	];
	for (let index = 0; index < rows; index++) {
		const voucher = String(index + 1).padStart(6, '0');
		lines.push(
			`${voucher},2611${String(index).padStart(8, '0')},A1B2C3,000001,20000001,898440358120011,debit,6228480000000018,12.50,CNY,2026-11-25T09:00:00+08:00,01`,
		);
	}

	fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Whether an import is under way, read on a connection of its own (the test waits for a state, not a time). */
function importRunning(db: string): boolean {
	const connection = openSqlite(db, {readonly: true});
	try {
		return connection.prepare(`SELECT count(*) FROM import_runs WHERE state = 'staging'`).pluck().get() !== 0;
	} finally {
		connection.close();
	}
}

/** Whether the import under way has begun writing its sales, hidden (read on a connection of its own). */
function writingHidden(db: string): boolean {
	const connection = openSqlite(db, {readonly: true});
	try {
		return connection.prepare('SELECT count(*) FROM import_runs WHERE hidden_from IS NOT NULL').pluck().get() !== 0;
	} finally {
		connection.close();
	}
}

/** Polls `ready` every 20 ms; fails after a minute rather than hanging the suite. */
async function waitUntil(ready: () => boolean, what: string): Promise<void> {
	const deadline = performance.now() + 60_000;
	while (!ready()) {
		if (performance.now() > deadline) {
			throw new Error(`gave up waiting: ${what}`);
		}

		await delay(20);
	}
}

/** Starts `posvoid import FILE` and SIGKILLs it once `ready` holds (polled every 20 ms). */
async function importKilledWhen(db: string, file: string, ready: () => boolean, what: string): Promise<void> {
	const child = spawn(process.execPath, [binary, 'import', file, '--db', db], {
		env: {...process.env, ...clockEnvironment()},
	});
	const exited = new Promise(resolve => {
		child.once('exit', resolve);
	});
	await waitUntil(ready, what);
	child.kill('SIGKILL');
	await exited;
}

test('an import killed while reading leaves nothing in the books, and running it again imports every row', async t => {
	const {directory, db} = await counterDatabase([]);
	const file = path.join(directory, 'big.csv');
	writeSales(file);
	await importKilledWhen(db, file, () => importRunning(db), 'the import started');
	const store = openStore(db);
	t.is(store.db.prepare('SELECT count(*) FROM transactions').pluck().get(), 0);
	// Its staged rows were in its own connection's TEMP table: they went with the process.
	t.is(store.db.prepare(`SELECT state FROM import_runs`).pluck().get(), 'staging');
	store.close();

	const again = await runCli(['import', file, '--db', db, '--lang', 'en']);
	t.is(again.code, 0, again.stderr);
	t.regex(again.stdout, new RegExp(`imported ${rows} of ${rows} lines`));
	const after = openStore(db);
	t.is(after.db.prepare('SELECT count(*) FROM transactions').pluck().get(), rows);
	t.is(after.db.prepare(`SELECT state FROM import_runs ORDER BY id`).pluck().all().join(','), 'abandoned,published');
	after.close();
});

test('an import killed while writing its sales shows none of them; the next import deletes them and imports every row once', async t => {
	const {directory, db} = await counterDatabase([]);
	const file = path.join(directory, 'big.csv');
	writeSales(file);
	await importKilledWhen(db, file, () => writingHidden(db), 'sales being written');
	const store = openStore(db);
	t.true(writingHidden(db), 'killed before the switch');
	t.is(store.transactions.count({}), 0);
	t.is(store.transactions.page({}, undefined, 'older', 10).length, 0);
	t.is(store.transactions.findByKey('20000001', '000001', '000001'), undefined);
	// No voucher counter was raised yet: that happens when the rows are shown.
	t.is(store.db.prepare(`SELECT count(*) FROM counters WHERE name LIKE '%20000001%'`).pluck().get(), 0);
	store.close();

	const again = await runCli(['import', file, '--db', db, '--lang', 'en']);
	t.is(again.code, 0, again.stderr);
	t.regex(again.stdout, new RegExp(`imported ${rows} of ${rows} lines`));
	const after = openStore(db);
	t.is(after.db.prepare('SELECT count(*) FROM transactions').pluck().get(), rows);
	t.is(after.transactions.count({}), rows);
	t.false(writingHidden(db));
	// The batch the killed import made was removed and made again, once.
	t.is(after.db.prepare(`SELECT count(*) FROM batches WHERE terminal_id = '20000001'`).pluck().get(), 1);
	after.close();
});
