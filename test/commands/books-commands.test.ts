import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {runCli} from '../helpers/cli.js';
import {startEmulatorProcess} from '../helpers/emulator-process.js';
import {tempDirectory} from '../helpers/fixture.js';
import {testClock} from '../helpers/test-clock.js';

const header =
	'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';

/** A CSV of this terminal's sales, each `[voucher, batch, amount]`, made a minute ago. */
function salesFile(directory: string, rows: Array<[string, string, string]>): string {
	const at = new Date(testClock() - 60_000).toISOString().replace('Z', '+00:00');
	const file = path.join(directory, `sales-${rows.length}.csv`);
	const lines = rows.map(
		([voucher, batch, amount]) =>
			`${voucher},2611${voucher}00,A1B2C3,${batch},10293847,898440358120011,debit,6228480402564890018,${amount},CNY,${at},01`,
	);
	fs.writeFileSync(file, [header, ...lines].join('\n') + '\n');
	return file;
}

/** A counter made by the real commands: supervisor 00 (boss-pass) and cashier 01 (clerk-pass). */
async function counter() {
	const directory = tempDirectory();
	const db = path.join(directory, 'counter.db');
	await runCli(['init', '--db', db, '--password-stdin'], {input: 'boss-pass\n'});
	await runCli(['operator', 'add', '01', '--name', 'Li', '--db', db, '--password-stdin'], {
		input: 'boss-pass\nclerk-pass\n',
	});
	return {directory, db};
}

test('rows of another batch are refused at import, settlement closes the open batch, and its sale can no longer be voided', async t => {
	const {directory, db} = await counter();
	const file = salesFile(directory, [
		['000011', '000001', '12.50'],
		['000012', '000001', '30.00'],
		['000013', '000007', '99.00'],
	]);
	const imported = await runCli(['import', file, '--skip-bad', '--db', db]);
	t.is(imported.code, 0, imported.stderr);
	t.regex(imported.stderr, /line 4: batch 0{5}7 is not the open batch 0{5}1/);
	t.regex(imported.stdout, /imported 2 of 3 lines/);

	const settled = await runCli(
		['settle', '--operator', '00', '--db', db, '--printer', '127.0.0.1:1', '--password-stdin'],
		{
			input: 'boss-pass\n',
		},
	);
	t.regex(settled.stdout, /set{2}led batch 0{5}1; batch 0{5}2 is now open/);
	t.regex(settled.stdout, /42\.50/);

	const voided = await runCli(
		['void', '000011', '--operator', '01', '--reason', 'x', '--db', db, '--no-print', '--password-stdin'],
		{
			input: 'clerk-pass\n',
		},
	);
	t.is(voided.code, 2, voided.stdout);
	t.regex(voided.stderr, /batch-settled/);
});

test('reprint refuses a voucher that names voids in two batches, lists both, and prints the one --batch picks', async t => {
	const printer = await startEmulatorProcess(['--columns', '32']);
	t.teardown(printer.stop);
	const printerFlag = `127.0.0.1:${printer.port}`;
	const {directory, db} = await counter();
	const voidSale = async (voucher: string) =>
		runCli(['void', voucher, '--operator', '01', '--reason', 'x', '--db', db, '--no-print', '--password-stdin'], {
			input: 'clerk-pass\n',
		});
	await runCli(['import', salesFile(directory, [['000011', '000001', '12.50']]), '--db', db]);
	const first = await voidSale('000011');
	t.regex(first.stdout, /void voucher 0{4}12/);
	await runCli(['settle', '--operator', '00', '--db', db, '--printer', '127.0.0.1:1', '--password-stdin'], {
		input: 'boss-pass\n',
	});
	// Batch 000002: a sale whose voucher is the first batch's void's, voided as 000013.
	await runCli(['import', salesFile(directory, [['000012', '000002', '30.00']]), '--db', db]);
	const second = await voidSale('000012');
	t.regex(second.stdout, /void voucher 0{4}13/);

	const reprint = async (...flags: string[]) =>
		runCli(['reprint', '12', '--operator', '01', ...flags, '--db', db, '--printer', printerFlag, '--password-stdin'], {
			input: 'clerk-pass\n',
		});
	const ambiguous = await reprint();
	t.is(ambiguous.code, 2, ambiguous.stdout);
	t.regex(ambiguous.stderr, /names more than one void; nothing was printed/);
	t.regex(ambiguous.stderr, /batch 0{5}1\s+void 0{4}12 of sale 0{4}11/);
	t.regex(ambiguous.stderr, /batch 0{5}2\s+void 0{4}13 of sale 0{4}12/);
	t.notRegex(printer.output(), /REPRINT/);

	const picked = await reprint('--batch', '2');
	t.is(picked.code, 0, picked.stderr);
	t.regex(picked.stdout, /reprinted void 0{4}13 \(of sale 0{4}12, batch 0{5}2\)/);
	const audit = await runCli(['audit', '--db', db, '--event', 'reprint']);
	t.regex(audit.stdout, /01\s+reprint\s+ok\s+void:\d+ job \d+, void 0{4}13/);
});

test('reprint and import record who ran them: reprint needs a password, an import without one names the PC account', async t => {
	const {directory, db} = await counter();
	const unnamed = await runCli(['reprint', '1', '--db', db]);
	t.is(unnamed.code, 1);
	t.regex(unnamed.stderr, /needs --operator NO/);

	const unattended = await runCli(['import', salesFile(directory, [['000011', '000001', '12.50']]), '--db', db]);
	t.is(unattended.code, 0, unattended.stderr);
	const attended = await runCli(
		[
			'import',
			salesFile(directory, [
				['000012', '000001', '1.00'],
				['000013', '000001', '2.00'],
			]),
			'--operator',
			'01',
			'--db',
			db,
			'--password-stdin',
		],
		{input: 'clerk-pass\n'},
	);
	t.is(attended.code, 0, attended.stderr);
	const audit = await runCli(['audit', '--db', db, '--event', 'import']);
	const account = os.userInfo().username;
	const [newest, older] = audit.stdout.trim().split('\n');
	t.regex(newest ?? '', new RegExp(String.raw`01\s+import\s+ok\s+file:\S+ 2 imported.*PC account ${account}$`));
	t.regex(older ?? '', new RegExp(String.raw`-\s+import\s+ok\s+file:\S+ 1 imported.*PC account ${account}$`));
});

test('audit --verify --anchor reports a void deleted and a sale changed from 12.50 to 1250.00 with the triggers dropped, exit 4', async t => {
	const {directory, db} = await counter();
	await runCli([
		'import',
		salesFile(directory, [
			['000011', '000001', '12.50'],
			['000012', '000001', '12.50'],
		]),
		'--db',
		db,
	]);
	await runCli(['void', '000011', '--operator', '01', '--reason', 'x', '--db', db, '--no-print', '--password-stdin'], {
		input: 'clerk-pass\n',
	});
	await runCli(['settle', '--operator', '00', '--db', db, '--printer', '127.0.0.1:1', '--password-stdin'], {
		input: 'boss-pass\n',
	});
	const clean = await runCli(['audit', '--verify', '--db', db]);
	t.is(clean.code, 0, clean.stderr);
	t.regex(clean.stdout, /money tables agree with the audit log: 1 voids and 1 settlements checked/);
	const anchor = /head (?<anchor>\d+:[\da-f]{16})/.exec(clean.stdout)?.groups?.['anchor'] ?? '';

	const raw = new Database(db);
	raw.exec(`DROP TRIGGER audit_log_refuses_update; DROP TRIGGER audit_log_refuses_delete;
		DELETE FROM print_jobs WHERE void_id IS NOT NULL; DELETE FROM voids;
		UPDATE transactions SET status = 'completed' WHERE voucher_no = '000011';
		UPDATE transactions SET amount = 125000 WHERE voucher_no = '000012';`);
	raw.close();
	const tampered = await runCli(['audit', '--verify', '--anchor', anchor, '--db', db]);
	t.is(tampered.code, 4, tampered.stdout);
	t.regex(tampered.stdout, /audit chain intact/);
	t.regex(tampered.stderr, /money tables DISAGREE with the audit log/);
	t.regex(tampered.stderr, /void 0{4}13 is gone from voids/);
	t.regex(tampered.stderr, /batch 0{5}1: its sales amount is 126250, the settlement's audit row says 2500/);
});

test('posvoid seed names the PC account in its audit row, and its books verify', async t => {
	const {db} = await counter();
	const seeded = await runCli(['seed', '--rows', '40', '--days', '2', '--db', db]);
	t.is(seeded.code, 0, seeded.stderr);
	const audit = await runCli(['audit', '--db', db, '--event', 'import']);
	t.regex(
		audit.stdout,
		new RegExp(String.raw`seed \d+: 40 synthetic sales.*; PC account ${os.userInfo().username}$`, 'm'),
	);
	const verified = await runCli(['audit', '--verify', '--db', db]);
	t.is(verified.code, 0, verified.stderr);
});
