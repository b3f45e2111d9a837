import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {stripControl} from '../../source/domain/display-text.js';
import {runCli} from '../helpers/cli.js';
import {tempDirectory} from '../helpers/fixture.js';

test('init creates an owner-only database with supervisor 00; operators are added and listed', async t => {
	const directory = tempDirectory();
	const db = path.join(directory, 'counter.db');
	const init = await runCli(['init', '--db', db, '--password-stdin'], {input: 'boss-pass\n'});
	t.is(init.code, 0, init.stderr);
	t.regex(init.stdout, /supervisor 00 added/);
	t.is(fs.statSync(db).mode.toString(8).slice(-3), '600');

	const add = await runCli(
		['operator', 'add', '01', '--name', '李明', '--role', 'cashier', '--db', db, '--password-stdin'],
		{
			input: 'boss-pass\nclerk-pass\n',
		},
	);
	t.is(add.code, 0, add.stderr);

	const list = await runCli(['operator', 'list', '--db', db]);
	t.regex(list.stdout, /00\s+supervisor/);
	t.regex(list.stdout, /01\s+cashier\s+李明/);
	t.false(list.stdout.includes('clerk-pass'));
});

test('a wrong supervisor password changes nothing and says so with exit status 2', async t => {
	const directory = tempDirectory();
	const db = path.join(directory, 'counter.db');
	await runCli(['init', '--db', db, '--password-stdin'], {input: 'boss-pass\n'});
	const add = await runCli(['operator', 'add', '01', '--name', 'Li', '--db', db, '--password-stdin'], {
		input: 'wrong-pass\nclerk-pass\n',
	});
	t.is(add.code, 2);
	t.regex(add.stderr, /the operator number or the password is wrong/);
	t.notRegex(add.stderr, /at .*\.js:\d+/);
	const list = await runCli(['operator', 'list', '--db', db]);
	t.notRegex(list.stdout, /^01/m);
});

test('a file that is not a posvoid database is refused and left byte for byte as it was', async t => {
	const directory = tempDirectory();
	const file = path.join(directory, 'notes.db');
	fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
	const before = fs.readFileSync(file);
	const result = await runCli(['operator', 'list', '--db', file]);
	t.is(result.code, 1);
	t.regex(result.stderr, /is not a posvoid database \(not an SQLite database\); it was left untouched\n/);
	// The error's advice follows its message, on a line of its own.
	t.regex(result.stderr, /\nPass --db with the right file\.\n/);
	t.deepEqual(fs.readFileSync(file), before);
	t.deepEqual(fs.readdirSync(directory), ['notes.db']);
});

test('a missing database names the init command', async t => {
	const result = await runCli(['operator', 'list', '--db', path.join(tempDirectory(), 'none.db')]);
	t.is(result.code, 1);
	t.regex(result.stderr, /posvoid init/);
});

test('a corrupt configuration names the bad key and the expected form', async t => {
	const directory = tempDirectory();
	const config = path.join(directory, 'config.json');
	fs.writeFileSync(config, JSON.stringify({supervisorLimit: '5,00', printer: {columns: 7}}));
	const result = await runCli(['operator', 'list', '--config', config, '--db', path.join(directory, 'x.db')]);
	t.is(result.code, 1);
	t.regex(result.stderr, /supervisorLimit: amount "5,00" is not a number like 128\.50/);
	t.regex(result.stderr, /printer\.columns/);
	t.notRegex(result.stderr, /ZodError|at .*\.js/);
});

test('configuration that is not JSON says so and where', async t => {
	const directory = tempDirectory();
	const config = path.join(directory, 'config.json');
	fs.writeFileSync(config, '{"merchant": ');
	const result = await runCli(['audit', '--config', config]);
	t.is(result.code, 1);
	t.regex(result.stderr, /is not valid JSON/);
});

test('passwords are never taken from argv: without a terminal the command asks for --password-stdin', async t => {
	const directory = tempDirectory();
	const result = await runCli(['init', '--db', path.join(directory, 'a.db')]);
	t.is(result.code, 1);
	t.regex(result.stderr, /--password-stdin/);
	t.deepEqual(fs.readdirSync(directory), []);
});

test('an unknown flag is named', async t => {
	const result = await runCli(['audit', '--verbose']);
	t.is(result.code, 1);
	t.regex(result.stderr, /--verbose/);
});

test('what the command line quotes back in an error carries no control bytes to the terminal', async t => {
	const hostile = 'x\u001B[2J\u001B]0;owned\u0007\u009B31m';
	for (const argv of [
		[hostile],
		['audit', `--${hostile}`],
		['void', '000001', '--printer', hostile],
		['audit', '--limit', hostile],
	]) {
		const result = await runCli(argv);
		t.is(result.code, 1, argv.join(' '));
		t.is(result.stderr, stripControl(result.stderr), JSON.stringify(result.stderr));
		t.regex(result.stderr, /^posvoid: /);
	}
});
