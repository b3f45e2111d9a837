import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {startEmulatorProcess} from '../helpers/emulator-process.js';

test('printer identify names the model GS I answers and suggests its profile; a printer that answers nothing gets exit 3', async t => {
	const epson = await startEmulatorProcess(['--profile', 'epson-tm-china']);
	t.teardown(epson.stop);
	const identified = await runCli(['printer', 'identify', '--printer', `127.0.0.1:${epson.port}`, '--lang', 'en']);
	t.is(identified.code, 0, identified.stderr);
	t.regex(identified.stdout, /^maker: EPSON$/m);
	t.regex(identified.stdout, /^model: TM-T82III$/m);
	t.regex(identified.stdout, /^suggested profile: epson-tm-china$/m);

	const generic = await startEmulatorProcess(['--profile', 'generic-escpos']);
	t.teardown(generic.stop);
	const silent = await runCli(['printer', 'identify', '--printer', `127.0.0.1:${generic.port}`, '--lang', 'zh-CN'], {});
	t.is(silent.code, 3);
	t.regex(silent.stderr, /打印机不回答 GS I/);
});

test('printer test prints the page and says status yes, confirmation yes; with no confirmation it says no and exits 3', async t => {
	const printer = await startEmulatorProcess(['--columns', '32']);
	t.teardown(printer.stop);
	const tested = await runCli(['printer', 'test', '--printer', `127.0.0.1:${printer.port}`, '--lang', 'en']);
	t.is(tested.code, 0, tested.stderr);
	t.regex(tested.stdout, /status \(DLE EOT\): yes/);
	t.regex(tested.stdout, /confirmation: yes/);
	await printer.waitFor(/\[QR: posvoid printer test]/);
	await printer.waitFor(/￥128\.50/);
	await printer.waitFor(/\[CUT]/);

	const silent = await startEmulatorProcess(['--columns', '32', '--quirk', 'no-confirmation', '--quirk', 'no-status']);
	t.teardown(silent.stop);
	const unconfirmed = await runCli(['printer', 'test', '--printer', `127.0.0.1:${silent.port}`, '--lang', 'en']);
	t.is(unconfirmed.code, 3);
	t.regex(unconfirmed.stdout, /status \(DLE EOT\): no answer; set printer.status to "none"/);
	t.regex(unconfirmed.stderr, /confirmation: no/);
});
