// Leaving the console gives the shell its terminal back: the alternate screen is left after it was
// last entered and the cursor is visible again, whichever way the clerk leaves.
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {runCli} from '../helpers/cli.js';
import {keys, type PtyTerminal} from '../helpers/pty-terminal.js';
import {tempFolder} from '../helpers/temp-db.js';
import {makeCounter, signIn, startConsole, startPrinter} from '../helpers/counter-console.js';

const enterAlternate = '\u001B[?1049h';
const leaveAlternate = '\u001B[?1049l';
const showCursor = '\u001B[?25h';
const hideCursor = '\u001B[?25l';

function assertRestored(t: ExecutionContext, terminal: PtyTerminal) {
	const raw = terminal.output();
	const entered = raw.lastIndexOf(enterAlternate);
	t.true(entered !== -1, 'the console used the alternate screen');
	t.true(raw.lastIndexOf(leaveAlternate) > entered, 'and left it after it last entered it');
	t.true(raw.lastIndexOf(showCursor) > raw.lastIndexOf(hideCursor), 'the cursor is shown at the end');
	t.notRegex(terminal.screen(), /Operator number:|Today \d{4}/, "the console's frame is gone from the screen");
}

for (const [name, key] of [
	['q', 'q'],
	['Ctrl+C', keys.ctrlC],
] as const) {
	test(`${name} on the list quits with status 0 and restores the terminal`, async t => {
		const counter = await makeCounter(t, [12_850]);
		const printer = await startPrinter(t, counter.folder);
		const terminal = startConsole(t, counter, printer);
		await signIn(terminal);

		terminal.write(key);
		const {exitCode} = await terminal.exited;
		t.is(exitCode, 0);
		assertRestored(t, terminal);
	});
}

// Ctrl+C is the console's quit key from the moment anything is drawn: the alternate screen is
// entered before Ink draws its first frame, and a key pressed then waits until Ink reads it.
for (const [moment, ready] of [
	['on the sign-in screen', async (terminal: PtyTerminal) => terminal.waitFor('Operator number:')],
	['before the first frame is drawn', async (terminal: PtyTerminal) => terminal.waitForOutput(enterAlternate)],
] as const) {
	test(`Ctrl+C ${moment} quits with status 0 and restores the terminal`, async t => {
		const counter = await makeCounter(t, [12_850]);
		const printer = await startPrinter(t, counter.folder);
		const terminal = startConsole(t, counter, printer);
		await ready(terminal);

		terminal.write(keys.ctrlC);
		const {exitCode} = await terminal.exited;
		t.is(exitCode, 0);
		assertRestored(t, terminal);
	});
}

test('SIGTERM while signed in restores the terminal and exits with 143', async t => {
	const counter = await makeCounter(t, [12_850]);
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer);
	await signIn(terminal);

	terminal.pty.kill('SIGTERM');
	const {exitCode} = await terminal.exited;
	t.is(exitCode, 143);
	assertRestored(t, terminal);
});

test('standard input that is not a terminal: a clear message and status 1', async t => {
	// The refusal comes before the database is opened, so no counter is needed.
	const folder = tempFolder(t, 'posvoid-e2e-');
	const result = await runCli(['--db', path.join(folder, 'counter.db'), '--lang', 'en'], {cwd: folder});
	t.is(result.code, 1);
	t.is(
		result.stderr.trim(),
		'posvoid: the console needs a terminal (standard input or output is not a TTY). Run it in a terminal, or use `posvoid void` for scripts.',
	);
	t.false(result.stdout.includes(enterAlternate), 'no alternate screen without a terminal');
});
