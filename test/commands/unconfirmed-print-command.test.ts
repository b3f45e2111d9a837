import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import {runCli} from '../helpers/cli.js';
import {counterDatabase} from '../helpers/counter-database.js';
import {startEmulatorProcess} from '../helpers/emulator-process.js';

function read<T>(db: string, sql: string): T[] {
	const connection = openSqlite(db, {readonly: true, fileMustExist: true});
	try {
		return connection.prepare(sql).all() as T[];
	} finally {
		connection.close();
	}
}

test('confirmation none: void exits 3 and says sent, not confirmed; the queue waits for --confirm or --not-printed, which prints it again as REPRINT', async t => {
	const printer = await startEmulatorProcess(['--columns', '32', '--quirk', 'no-confirmation']);
	t.teardown(printer.stop);
	const {db, vouchers} = await counterDatabase([4200], 500);
	const config = path.join(path.dirname(db), 'config.json');
	fs.writeFileSync(config, JSON.stringify({printer: {confirmation: 'none'}}));
	const common = ['--db', db, '--config', config, '--printer', `127.0.0.1:${printer.port}`, '--lang', 'en'];

	const voided = await runCli(
		['void', vouchers[0]!, '--operator', '01', '--reason', 'x', ...common, '--password-stdin'],
		{
			input: 'clerk-pass\n',
		},
	);
	t.is(voided.code, 3, voided.stderr);
	t.regex(
		voided.stderr,
		/sent, not confirmed: check the slip; if it did not come out run `posvoid print-queue --not-printed 1`/,
	);
	t.notRegex(voided.stdout, /slip printed/);
	await printer.waitFor(/CARDHOLDER COPY/);

	const listed = await runCli(['print-queue', ...common]);
	t.is(listed.code, 3);
	t.regex(listed.stdout, /to check/);

	// --retry does not print an unconfirmed slip again unasked: two originals could come out.
	const retried = await runCli(['print-queue', '--retry', ...common]);
	t.is(retried.code, 3);
	t.regex(retried.stderr, /sent, not confirmed/);
	t.like(read<{state: string; attempts: number}>(db, 'SELECT state, attempts FROM print_jobs'), [
		{state: 'unconfirmed', attempts: 1},
	]);

	const missing = await runCli(['print-queue', '--not-printed', '1', ...common]);
	t.is(missing.code, 3, missing.stderr);
	t.regex(missing.stdout, /job 1 did not come out: queued again, marked REPRINT/);
	await printer.waitFor(/REPRINT/);
	t.like(read<{state: string; reprint: number}>(db, 'SELECT state, reprint FROM print_jobs'), [
		{state: 'unconfirmed', reprint: 1},
	]);

	const seen = await runCli(['print-queue', '--confirm', '1', ...common]);
	t.is(seen.code, 0, seen.stderr);
	t.regex(seen.stdout, /job 1 marked printed/);
	const empty = await runCli(['print-queue', ...common]);
	t.is(empty.code, 0);

	const again = await runCli(['print-queue', '--confirm', '1', ...common]);
	t.is(again.code, 1);
	t.regex(again.stderr, /job 1 is not waiting for an answer \(it is printed\); nothing changed/);

	const audit = read<{event: string; detail: string}>(
		db,
		"SELECT event, detail FROM audit_log WHERE event LIKE 'print%'",
	);
	t.deepEqual(
		audit.map(row => row.detail.replace(/^job 1 /, '')),
		[
			'void-slip: sent, unconfirmed',
			'job 1: not-seen: the clerk saw no slip; queued again as REPRINT',
			'void-slip reprint: sent, unconfirmed',
			'void-slip: the clerk saw it come out',
		],
	);
});

test('confirmation none: report --print exits 3 and says so in Chinese', async t => {
	const printer = await startEmulatorProcess(['--columns', '32', '--quirk', 'no-confirmation']);
	t.teardown(printer.stop);
	const {db} = await counterDatabase([4200], 500);
	const config = path.join(path.dirname(db), 'config.json');
	fs.writeFileSync(config, JSON.stringify({printer: {confirmation: 'none', status: 'none'}}));
	const report = await runCli([
		'report',
		'--print',
		'--db',
		db,
		'--config',
		config,
		'--printer',
		`127.0.0.1:${printer.port}`,
		'--lang',
		'zh-CN',
	]);
	t.is(report.code, 3, report.stderr);
	t.regex(report.stderr, /已发送,未确认:请检查交班汇总/);
});
