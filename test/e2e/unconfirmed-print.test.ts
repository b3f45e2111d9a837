// A printer that cannot confirm a slip (no GS r 1, no GS ( H): the console says the slip was sent,
// not that it printed, and asks the clerk. y marks it printed; n prints it again, marked REPRINT.
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import {keys, startPty} from '../helpers/pty-terminal.js';
import {makeCounter, quit, signIn, startPrinter, voidUpToConfirm} from '../helpers/counter-console.js';

const question = 'did the slip come out? y yes / n no, print it again';

type JobOnDisk = {id: number; state: string; reprint: number; may_have_printed: number};

function jobsOnDisk(db: string): JobOnDisk[] {
	const connection = openSqlite(db, {readonly: true, fileMustExist: true});
	try {
		return connection
			.prepare('SELECT id, state, reprint, may_have_printed FROM print_jobs ORDER BY id')
			.all() as JobOnDisk[];
	} finally {
		connection.close();
	}
}

test('confirmation none: a void slip is sent, unconfirmed until the clerk says y; n prints it again marked REPRINT', async t => {
	const counter = await makeCounter(t, [1500, 4200]);
	const printer = await startPrinter(t, counter.folder, undefined, ['--quirk', 'no-confirmation']);
	const config = path.join(counter.folder, 'config.json');
	fs.writeFileSync(config, JSON.stringify({printer: {confirmation: 'none'}}));
	const terminal = startPty(
		['--db', counter.db, '--config', config, '--lang', 'en', '--printer', `127.0.0.1:${printer.port}`],
		{cwd: counter.folder},
	);
	t.teardown(() => {
		terminal.kill();
	});

	await signIn(terminal);
	await voidUpToConfirm(terminal);
	terminal.write('y');
	const asked = await terminal.waitFor(question);
	t.regex(asked, /Sent to the printer, which cannot confirm it/);
	t.notRegex(asked, /Slip printed\./);
	await printer.jobText(1);
	t.like(jobsOnDisk(counter.db), [{state: 'unconfirmed', reprint: 0}]);
	await terminal.waitFor('Unconfirmed 1');

	const seen = await terminal.press('y', 'Slip printed.');
	t.notRegex(seen, /did the slip come out/);
	t.like(jobsOnDisk(counter.db), [{state: 'printed'}]);
	await terminal.waitFor('Slips waiting 0');

	// The second sale: the clerk saw nothing come out, so it prints again, marked REPRINT, and is asked again.
	await terminal.press(keys.enter, /^Today /m);
	await terminal.press('j', /› .*000500/);
	await voidUpToConfirm(terminal);
	terminal.write('y');
	await terminal.waitFor(question);
	await printer.jobText(2);
	t.like(jobsOnDisk(counter.db), [{state: 'printed'}, {state: 'unconfirmed', reprint: 0}]);

	terminal.write('n');
	const reprint = await printer.jobText(3);
	t.regex(reprint, /重打印|REPRINT/);
	await terminal.waitFor(question);
	t.like(jobsOnDisk(counter.db), [{state: 'printed'}, {state: 'unconfirmed', reprint: 1, may_have_printed: 1}]);

	// In the queue the same question: y there marks it printed.
	await terminal.press(keys.enter, /^Today /m);
	const queue = await terminal.press('p', 'Print queue');
	t.regex(queue, /#2 +to check +2 +VOID 0{5}2 .* REPRINT/);
	t.regex(queue, /Job 2 was sent, but the printer cannot confirm it/);
	await terminal.press('y', 'Job 2 marked printed');
	t.like(jobsOnDisk(counter.db), [{state: 'printed'}, {state: 'printed'}]);
	await terminal.press(keys.escape, /^Today /m);
	t.is(await quit(terminal), 0);
	t.is(printer.jobCount(), 3);
});
