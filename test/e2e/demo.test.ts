// The demo as a newcomer runs it: its printer can be faulty or another one, and --reset starts it again.
import fs from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {runCli} from '../helpers/cli.js';
import {startEmulatorProcess} from '../helpers/emulator-process.js';
import {tempDirectory} from '../helpers/fixture.js';
import {startPty} from '../helpers/pty-terminal.js';
import {quit, searchTitle, signIn} from '../helpers/counter-console.js';
import {openSqlite} from '../../source/store/sqlite-driver.js';

const demoCashier = {number: '01', password: '111111'};

/** Runs the demo in `folder` (its data/demo.db there) until the list shows, and returns the screen. */
async function demoUntilList(t: ExecutionContext, folder: string, flags: string[]) {
	const terminal = startPty(['demo', '--rows', '40', '--lang', 'en', ...flags], {cwd: folder, columns: 160});
	t.teardown(() => {
		terminal.kill();
	});
	await signIn(terminal, demoCashier);
	return terminal;
}

test('demo flags that cannot work together are refused before anything opens', async t => {
	const folder = tempDirectory();
	const fault = await runCli(['demo', '--printer-fault', 'jammed'], {cwd: folder});
	t.is(fault.code, 1);
	t.regex(fault.stderr, /^posvoid: --printer-fault "jammed" is not a fault: use one of: paper-out/);
	const both = await runCli(['demo', '--printer', '127.0.0.1:9101', '--printer-fault', 'offline'], {cwd: folder});
	t.is(both.code, 1);
	t.regex(both.stderr, /pass one of them/);
	const reset = await runCli(['demo', '--reset', '--db', path.join(folder, 'counter.db')], {cwd: folder});
	t.is(reset.code, 1);
	t.regex(reset.stderr, /--reset rebuilds the demo database only/);
	t.deepEqual(fs.readdirSync(folder), []);
});

test('demo --printer-fault paper-out starts the built-in printer out of paper, and the console says so', async t => {
	const terminal = await demoUntilList(t, tempDirectory(), ['--printer-fault', 'paper-out']);
	const screen = await terminal.waitFor(/printer: .*paper/i);
	t.notRegex(screen, /Printer ready/);
	t.is(await quit(terminal), 0);
});

test('demo --printer prints to that printer: a cover-open emulator shows in the status bar', async t => {
	const printer = await startEmulatorProcess(['--fault', 'cover-open']);
	t.teardown(printer.stop);
	const terminal = await demoUntilList(t, tempDirectory(), ['--printer', `127.0.0.1:${printer.port}`]);
	await terminal.waitFor(/printer: .*cover/i);
	t.is(await quit(terminal), 0);
	t.regex(terminal.output(), /slips went to the printer at 127\.0\.0\.1:\d+/);
});

test('demo --reset starts again on a fresh demo database', async t => {
	const folder = tempDirectory();
	const first = await demoUntilList(t, folder, []);
	t.is(await quit(first), 0);
	const database = path.join(folder, 'data', 'demo.db');
	const added = await runCli(['operator', 'add', '02', '--name', 'Marker', '--db', database, '--password-stdin'], {
		cwd: folder,
		input: '000000\nmarker-pass\n',
	});
	t.is(added.code, 0, added.stderr);

	const again = await demoUntilList(t, folder, ['--reset']);
	t.is(await quit(again), 0);
	t.regex(again.output(), /starting the demo again: removed data\/demo\.db/);
	const list = await runCli(['operator', 'list', '--db', database], {cwd: folder});
	t.regex(list.stdout, /^01\s+cashier/m);
	t.notRegex(list.stdout, /Marker/);
});

test('the demo voids a WeChat Pay sale online against its built-in simulator: keys made owner-only, the refund number on screen and slip', async t => {
	const folder = tempDirectory();
	const terminal = startPty(['demo', '--rows', '400', '--lang', 'en'], {cwd: folder, columns: 160, rows: 60});
	t.teardown(() => {
		terminal.kill();
	});
	await signIn(terminal, {number: '00', password: '000000'});
	// Said before the console takes the alternate screen: it is in the output, not on the screen.
	t.regex(
		terminal.output(),
		/WeChat Pay and Alipay voids go online to the built-in platform simulator at http:\/\/127\.0\.0\.1:\d+/,
	);
	const keyFolder = path.join(folder, 'data', 'keys');
	const groupOrOthers = (file: string) => (fs.statSync(file).mode % 0o1000).toString(8).slice(1);
	t.is(groupOrOthers(keyFolder), '00');
	for (const file of fs.readdirSync(keyFolder)) {
		t.is(groupOrOthers(path.join(keyFolder, file)), '00', file);
	}

	const database = openSqlite(path.join(folder, 'data', 'demo.db'), {readonly: true});
	const sale = database
		.prepare<unknown[], {voucher_no: string; platform_order_no: string}>(
			`SELECT voucher_no, platform_order_no FROM transactions
			 WHERE channel = 'wechat' AND status = 'completed' AND platform_order_no IS NOT NULL
			 ORDER BY created_at DESC LIMIT 1`,
		)
		.get()!;
	database.close();
	t.regex(sale.platform_order_no, /^4200\d{24}$/);
	terminal.write('/');
	await terminal.waitFor('/ Search:');
	terminal.write(`${sale.voucher_no}\r`);
	await terminal.waitFor(searchTitle(sale.voucher_no));
	terminal.write('v');
	await terminal.waitFor('your password again:');
	terminal.write('000000\r');
	await terminal.waitFor('Reason for the void');
	terminal.write('1');
	await terminal.waitFor('Confirm void? y/n');
	terminal.write('y');
	const result = await terminal.waitFor(/Slip printed\./, 15_000);
	const refundNo = /WeChat Pay approved the void, refund number (\S+)/.exec(result)?.[1];
	t.truthy(refundNo, result);
	terminal.write('\r');
	await terminal.waitFor('q quit');
	t.is(await quit(terminal), 0);
	const slips = fs.readdirSync(path.join(folder, 'data', 'slips')).filter(file => file.endsWith('.txt'));
	t.true(
		slips.some(file => fs.readFileSync(path.join(folder, 'data', 'slips', file), 'utf8').includes(refundNo!)),
		slips.join(' '),
	);
});
