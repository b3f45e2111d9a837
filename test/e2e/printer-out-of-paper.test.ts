// Out of paper at the counter: the void stands, the slip waits with its reason, and once paper is
// loaded one retry prints it, once. The real emulator process, told about the paper on its stdin.
import test, {type ExecutionContext} from 'ava';
import {keys, type PtyTerminal} from '../helpers/pty-terminal.js';
import {
	diskState,
	makeCounter,
	quit,
	signIn,
	startConsole,
	startPrinter,
	type Printer,
	voidUpToConfirm,
} from '../helpers/counter-console.js';

/** Voids the selected sale (¥42.00) with the printer out of paper and checks what the clerk is told. */
async function voidWithoutPaper(t: ExecutionContext) {
	const counter = await makeCounter(t, [4200]);
	const target = counter.vouchers[0]!;
	const printer = await startPrinter(t, counter.folder, 'paper-out');
	const terminal = startConsole(t, counter, printer);

	await signIn(terminal);
	await voidUpToConfirm(terminal);
	terminal.write('y');

	const result = await terminal.waitFor('the slip did not print');
	t.regex(result, /Voided\. Void voucher 0{5}1\./);
	t.regex(result, /The void stands, but the slip did not print: The printer is out of paper\./);
	t.regex(result, /Load paper, then retry the print\./);
	t.regex(result, /r retries the print; the slip also waits in the print queue \(p\)\./);
	await terminal.waitFor('Slips waiting 1');

	// Committed before any printing: the file says voided while the slip has not printed.
	const disk = diskState(counter.db, target);
	t.is(disk.status, 'voided');
	t.is(disk.voids.length, 1);
	t.like(disk.printJobs, [{state: 'failed', attempts: 1}]);
	t.regex(disk.printJobs[0]?.last_error ?? '', /paper-out/);

	const queue = await terminal.press('p', 'Print queue');
	t.regex(
		queue,
		new RegExp(String.raw`› +#1 +failed +1 +VOID 000001 \(orig ${target}\) ¥42\.00 +The printer is out of paper`),
	);
	t.is(printer.jobCount(), 0, 'nothing reached the paper while it was out');
	return {counter, target, printer, terminal};
}

/**
 * Quits the console, then checks the emulator received exactly `expected` jobs. The emulator's
 * answer to a fault line on its stdin comes after it has handled every connection the console
 * closed on its way out, so the count is final.
 */
async function assertJobsAfterQuit(t: ExecutionContext, terminal: PtyTerminal, printer: Printer, expected: number) {
	t.is(await quit(terminal), 0);
	await printer.setFault('ok');
	t.is(printer.jobCount(), expected);
}

test('out of paper: the void stands, the queue shows why; after paper is loaded, r in the print queue prints it and the printer gets exactly one job', async t => {
	const {counter, target, printer, terminal} = await voidWithoutPaper(t);

	await printer.setFault('ok');
	const printed = await terminal.press('r', 'Job 1 printed.');
	t.regex(printed, /No slips waiting\./);
	t.regex(printed, new RegExp(String.raw`#1 +printed +2 +VOID 000001 \(orig ${target}\)`));
	const slip = await printer.jobText(1);
	t.regex(slip, new RegExp(`原凭证号 ORIG VOUCHER +${target}`));
	await terminal.waitFor('Slips waiting 0');

	await terminal.press(keys.escape, 'Voided. Void voucher 000001.');
	await terminal.press(keys.escape, /^Today /m);
	await assertJobsAfterQuit(t, terminal, printer, 1);
	t.like(diskState(counter.db, target).printJobs, [{state: 'printed', attempts: 2}]);
});

test('out of paper: after paper is loaded, r on the result screen prints the waiting slip once', async t => {
	const {counter, target, printer, terminal} = await voidWithoutPaper(t);
	await terminal.press(keys.escape, 'the slip did not print');

	await printer.setFault('ok');
	const printed = await terminal.press('r', 'Slip printed.');
	t.notRegex(printed, /did not print/);
	await printer.jobText(1);
	await terminal.waitFor('Slips waiting 0');

	await terminal.press(keys.enter, /^Today /m);
	await assertJobsAfterQuit(t, terminal, printer, 1);
	t.like(diskState(counter.db, target).printJobs, [{state: 'printed', attempts: 2}]);
});
