// The console end to end: the built binary in a pseudo-terminal, a counter database made by the real
// commands in a temp folder, and the real printer emulator process on a loopback port.
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {keys} from '../helpers/pty-terminal.js';
import {
	cashier,
	diskState,
	makeCounter,
	positionsInOrder,
	previewOnScreen,
	quit,
	searchTitle,
	signIn,
	slipLines,
	stars,
	startConsole,
	startPrinter,
	supervisor,
	typeAndEnter,
	voidUpToConfirm,
} from '../helpers/counter-console.js';

test('sign in, search by voucher, void with a wrong then the right password: the slip the printer receives is the preview on screen', async t => {
	const counter = await makeCounter(t, [12_850, 3000, 4500]);
	const target = counter.vouchers[0]!;
	const printer = await startPrinter(t, counter.folder);
	// Tall enough for the whole slip (both copies) to show in the preview without scrolling.
	const terminal = startConsole(t, counter, printer, {columns: 100, rows: 100});

	const list = await signIn(terminal);
	t.regex(list, new RegExp(`› .*${counter.vouchers[2]!}`), 'the newest sale is selected first');

	await terminal.press('/', '/ Search:');
	await typeAndEnter(terminal, target, `/ Search: ${target}`);
	const found = await terminal.waitFor(searchTitle(target));
	t.regex(found, new RegExp(String.raw`› .*${target} +Debit +622848\*{6}0018 +¥128\.50 +completed`));
	t.notRegex(found, new RegExp(counter.vouchers[1]!), 'the search shows only the voucher asked for');

	await terminal.press('v', `Void voucher ${target}  ¥128.50`);
	await terminal.waitFor('Operator 01, your password again:');
	await typeAndEnter(terminal, 'not-my-pass', `your password again: ${stars('not-my-pass')}`);
	const refused = await terminal.waitFor(/The operator number or the password is wrong/);
	t.notRegex(refused, /Reason for the void/, 'a wrong password goes no further');
	// The field is new after a refusal: wait until it is empty again before typing.
	await terminal.waitFor(/your password again:\s*$/m);
	await typeAndEnter(terminal, cashier.password, `your password again: ${stars(cashier.password)}`);

	await terminal.waitFor('Reason for the void');
	await terminal.press(keys.down, '❯ 金额错误 Wrong amount');
	terminal.write(keys.enter);

	const confirm = await terminal.waitFor('Confirm void? y/n');
	t.regex(confirm, /^Amount +¥128\.50$/m);
	t.regex(confirm, /^Card +622848\*{6}0018$/m);
	t.regex(confirm, new RegExp(`^Voucher no +${target}$`, 'm'));
	t.regex(confirm, /^Reason +金额错误 Wrong amount$/m);

	terminal.write('y');
	const result = await terminal.waitFor(/Slip printed\.(?:[\s\S]*\[CUT]){2}[\s\S]*\? help/);
	t.regex(result, /Voided\. Void voucher 0{5}1\./);

	const preview = previewOnScreen(result);
	const paper = slipLines(await printer.jobText(1));
	t.deepEqual(preview, paper, 'the preview is line for line what came out of the printer');
	// The key lines, in order, so a change that breaks both sides the same way still fails here.
	const keyLines = [
		/^商户存根 +MERCHANT COPY$/,
		/^卡号 CARD NO$/,
		/^ {2}622848\*{6}0018$/,
		/^ {2}消费撤销 VOID$/,
		/^凭证号 VOUCHER NO +0{5}1$/,
		/^金额 AMOUNT +RMB -￥128\.50$/,
		new RegExp(`^ {2}原凭证号 ORIG VOUCHER +${target}$`),
		/^ {4}金额错误 Wrong amount$/,
		/^\[CUT]$/,
		/^持卡人存根 +CARDHOLDER COPY$/,
		/^\[CUT]$/,
	];
	const positions = positionsInOrder(paper, keyLines);
	t.false(
		positions.includes(-1),
		`the slip has every key line, in order: ${positions.join(', ')}\n${paper.join('\n')}`,
	);

	await terminal.press(keys.enter, /^Search: /m);
	await terminal.waitFor(new RegExp(`› .*${target}.*VOIDED`));
	t.is(await quit(terminal), 0);

	const disk = diskState(counter.db, target);
	t.is(disk.status, 'voided');
	t.like(disk.voids, [{voucher_no: '000001', operator_no: '01', approver_no: null, reason: '金额错误 Wrong amount'}]);
	t.like(disk.printJobs, [{state: 'printed', attempts: 1}]);
	t.is(printer.jobCount(), 1);
});

test('n at the confirm screen backs out and changes nothing: the sale stays completed, no void, no print job, no void in the audit log', async t => {
	const counter = await makeCounter(t, [12_850]);
	const target = counter.vouchers[0]!;
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer);

	await signIn(terminal);
	await voidUpToConfirm(terminal);

	terminal.write('n');
	const list = await terminal.waitFor(/^Today \d{4}-\d{2}-\d{2}(?:\s+[\d,]+ \/ [\d,]+)?$/m);
	t.regex(list, new RegExp(`› .*${target}.*completed`));
	t.regex(list, /Slips waiting 0/);
	t.is(await quit(terminal), 0);

	const disk = diskState(counter.db, target);
	t.is(disk.status, 'completed');
	t.deepEqual(disk.voids, []);
	t.deepEqual(disk.totals, {voids: 0, printJobs: 0});
	const audit = await runCli(['audit', '--db', counter.db, '--event', 'void', '--lang', 'en'], {cwd: counter.folder});
	t.is(audit.code, 0, audit.stderr);
	t.notRegex(audit.stdout, new RegExp(target));
	const verify = await runCli(['audit', '--verify', '--db', counter.db, '--lang', 'en'], {cwd: counter.folder});
	t.is(verify.code, 0, verify.stdout + verify.stderr);
	t.is(printer.jobCount(), 0);
});

test('a void over the ¥500.00 limit needs the supervisor: with their number and password it is voided and APPROVED BY 00 is on the slip', async t => {
	const counter = await makeCounter(t, [88_800]);
	const target = counter.vouchers[0]!;
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer, {columns: 100, rows: 100});

	await signIn(terminal);
	await terminal.press('v', `Void voucher ${target}  ¥888.00`);
	const asked = await terminal.waitFor('your password again:');
	t.regex(asked, /Over the cashier limit of ¥500\.00: a supervisor must approve\./);
	await typeAndEnter(terminal, cashier.password, `your password again: ${stars(cashier.password)}`);

	const supervisorStep = await terminal.waitFor('Supervisor number:');
	t.notRegex(supervisorStep, /Reason for the void/, "the cashier's password alone does not reach the reason");
	await typeAndEnter(terminal, supervisor.number, `Supervisor number: ${supervisor.number}`);
	await terminal.waitFor(`Supervisor ${supervisor.number} password:`);
	await typeAndEnter(
		terminal,
		supervisor.password,
		`Supervisor ${supervisor.number} password: ${stars(supervisor.password)}`,
	);

	const reason = await terminal.waitFor('Reason for the void');
	t.regex(reason, /Approved by supervisor 00/);
	terminal.write(keys.enter);
	const confirm = await terminal.waitFor('Confirm void? y/n');
	t.regex(confirm, /^Approved by +00$/m);

	terminal.write('y');
	const result = await terminal.waitFor(/Slip printed\.(?:[\s\S]*\[CUT]){2}[\s\S]*\? help/);
	t.regex(result, /^ *授权主管 APPROVED BY +00$/m, 'the preview names the approver');
	const paper = slipLines(await printer.jobText(1));
	t.is(paper.filter(line => /^ *授权主管 APPROVED BY +00$/.test(line)).length, 2, 'on both copies');
	t.deepEqual(previewOnScreen(result), paper);

	await terminal.press(keys.enter, /^Today /m);
	t.is(await quit(terminal), 0);
	const disk = diskState(counter.db, target);
	t.is(disk.status, 'voided');
	t.like(disk.voids, [{operator_no: '01', approver_no: '00'}]);
});
