import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {binary, runCli} from '../helpers/cli.js';
import {collect} from '../helpers/child-process.js';
import {tempDirectory} from '../helpers/fixture.js';
import {startPty} from '../helpers/pty-terminal.js';

/** A new database with supervisor 00 (password boss-pass), locked out after one wrong password. */
async function counter(): Promise<{db: string; config: string}> {
	const directory = tempDirectory();
	const db = path.join(directory, 'counter.db');
	const config = path.join(directory, 'config.json');
	fs.writeFileSync(config, JSON.stringify({lockout: {maxFailures: 1, minutes: 30}}));
	const init = await runCli(['init', '--db', db, '--config', config, '--password-stdin'], {input: 'boss-pass\n'});
	if (init.code !== 0) {
		throw new Error(init.stderr);
	}

	return {db, config};
}

test('with the only supervisor locked out, unlock --admin by the PC account owning the database lifts it, audited', async t => {
	const {db, config} = await counter();
	const common = ['--db', db, '--config', config];
	const guess = await runCli(['operator', 'unlock', '00', ...common, '--password-stdin'], {input: 'guess\n'});
	t.is(guess.code, 2);
	const locked = await runCli(['operator', 'unlock', '00', ...common, '--password-stdin'], {input: 'boss-pass\n'});
	t.is(locked.code, 2);
	t.regex(locked.stderr, /locked .*posvoid operator unlock NO --admin/);

	const unlock = await runCli(['operator', 'unlock', '00', '--admin', ...common]);
	t.is(unlock.code, 0, unlock.stderr);
	t.regex(unlock.stdout, new RegExp(`unlocked operator 00 as PC account ${os.userInfo().username}`));
	const audit = await runCli(['audit', '--event', 'unlock', ...common]);
	t.regex(audit.stdout, new RegExp(String.raw`by PC account ${os.userInfo().username} \(uid \d+\) with --admin`));
	const after = await runCli(['operator', 'list', ...common]);
	t.notRegex(after.stdout, /LOCKED/);
	const add = await runCli(['operator', 'add', '01', '--name', 'Li', ...common, '--password-stdin'], {
		input: 'boss-pass\nclerk-pass\n',
	});
	t.is(add.code, 0, add.stderr);
});

test('--admin is only for unlock', async t => {
	const {db} = await counter();
	const passwd = await runCli(['operator', 'passwd', '00', '--admin', '--db', db]);
	t.is(passwd.code, 1);
	t.regex(passwd.stderr, /--admin is for `posvoid operator unlock NO` only/);
});

test('an unknown supervisor number and a wrong password get the same answer and exit status', async t => {
	const {db} = await counter();
	const answers = [];
	for (const supervisor of ['77', '00']) {
		const result = await runCli(
			['operator', 'add', '01', '--name', 'Li', '--supervisor', supervisor, '--db', db, '--password-stdin'],
			{input: 'not-it\nclerk-pass\n'},
		);
		answers.push({code: result.code, stderr: result.stderr.replace(`operator ${supervisor}`, 'operator NN')});
	}

	t.deepEqual(answers[0], answers[1]);
	t.regex(answers[0]!.stderr, /the operator number or the password is wrong/);
});

test('passwd and add refuse a password longer than the console field takes, from stdin or the terminal', async t => {
	const {db} = await counter();
	const long = 'x'.repeat(200);
	const passwd = await runCli(['operator', 'passwd', '00', '--db', db, '--password-stdin'], {
		input: `boss-pass\n${long}\n`,
	});
	t.not(passwd.code, 0);
	t.regex(passwd.stderr, /6 to 128 characters/);
	const add = await runCli(['operator', 'add', '01', '--name', 'Li', '--db', db, '--password-stdin'], {
		input: `boss-pass\n${long}\n`,
	});
	t.not(add.code, 0);
	t.regex(add.stderr, /6 to 128 characters/);

	const terminal = startPty(['operator', 'passwd', '00', '--db', db]);
	t.teardown(terminal.kill);
	await terminal.waitFor('Password for operator 00:');
	terminal.write('boss-pass\r');
	await terminal.waitFor('New password for operator 00:');
	terminal.write(`${long}\r`);
	await terminal.waitFor(/longer than 128 characters/);
	const {exitCode} = await terminal.exited;
	t.not(exitCode, 0);
	const signIn = await runCli(['operator', 'unlock', '00', '--db', db, '--password-stdin'], {input: 'boss-pass\n'});
	t.is(signIn.code, 0, 'the old password still stands');
});

test('standard input without a newline is refused past a bound, before it ends, instead of growing the process', async t => {
	t.timeout(30_000);
	const {db} = await counter();
	const child = spawn(process.execPath, [binary, 'operator', 'unlock', '00', '--db', db, '--password-stdin'], {
		cwd: os.tmpdir(),
	});
	const result = collect(child);
	child.stdin.on('error', () => {
		// The command stops reading once the line is too long: the rest of the write is refused.
	});
	// 8 MiB without a newline, and standard input is never ended: only the bound can end the read.
	child.stdin.write(Buffer.alloc(8 * 1024 * 1024, 'a'));
	const {code, stderr} = await result;
	t.is(code, 1);
	t.regex(stderr, /a line of standard input is longer than 1024 bytes: write one password per line/);
});
