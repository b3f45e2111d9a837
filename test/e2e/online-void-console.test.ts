// The console's online void end to end: the built binary in a pseudo-terminal, its configuration
// reaching the platform simulator on a loopback port (demo keys, owner-only), the printer emulator
// process. A WeChat Pay void is approved and its slip carries WeChat Pay's refund number; a void the
// platform does not answer is in doubt, the settlement waits for it, and the query then resolves it.
import fs from 'node:fs';
import test, {type ExecutionContext} from 'ava';
import {defaultConfig} from '../../source/config.js';
import type {PlatformSimulator} from '../../source/payments/simulator/platform-simulator.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {openStore} from '../../source/store/store.js';
import {
	makeCounter,
	signIn,
	startPrinter,
	stars,
	supervisor,
	typeAndEnter,
	voidUpToConfirm,
	type Counter,
	type Printer,
} from '../helpers/counter-console.js';
import {addQrSale, refundCount, startSimulator, writeOnlineConfig} from '../helpers/online-platforms.js';
import {keys, startPty, type PtyTerminal} from '../helpers/pty-terminal.js';
import {runCli} from '../helpers/cli.js';
import {testClock} from '../helpers/test-clock.js';

type OnlineCounter = {
	counter: Counter;
	printer: Printer;
	simulator: PlatformSimulator;
	config: string;
	sale: {id: number; voucherNo: string; platformOrderNo: string};
};

async function onlineCounter(t: ExecutionContext, channel: 'wechat' | 'alipay'): Promise<OnlineCounter> {
	const counter = await makeCounter(t, []);
	const simulator = await startSimulator(testClock);
	t.teardown(async () => simulator.close());
	const printer = await startPrinter(t, counter.folder);
	const config = writeOnlineConfig(counter.folder, simulator);
	const store = openStore(counter.db);
	try {
		const context = createServiceContext(store, {...defaultConfig(), database: counter.db}, {now: testClock});
		const sale = addQrSale(context, simulator, channel);
		return {counter, printer, simulator, config, sale};
	} finally {
		store.close();
	}
}

function startOnlineConsole(t: ExecutionContext, online: OnlineCounter): PtyTerminal {
	const terminal = startPty(
		[
			'--db',
			online.counter.db,
			'--config',
			online.config,
			'--lang',
			'en',
			'--printer',
			`127.0.0.1:${online.printer.port}`,
		],
		{cwd: online.counter.folder, columns: 100, rows: 40},
	);
	t.teardown(() => {
		terminal.kill();
	});
	return terminal;
}

test('a WeChat Pay void from the console is approved, and the slip the printer receives carries the refund number', async t => {
	const online = await onlineCounter(t, 'wechat');
	const terminal = startOnlineConsole(t, online);
	await signIn(terminal);
	await voidUpToConfirm(terminal);
	terminal.write('y');
	const result = await terminal.waitFor(/Slip printed\./, 15_000);
	const refundNo = /WeChat Pay approved the void, refund number (\S+)/.exec(result)?.[1];
	t.truthy(refundNo, result);
	const slip = await online.printer.jobText(1);
	t.true(slip.includes(refundNo!), slip);
	t.is(refundCount(online.simulator, online.sale.platformOrderNo), 1);
	// The key file names, never the keys, are in the configuration the console read.
	t.false(fs.readFileSync(online.config, 'utf8').includes('PRIVATE KEY'));
});

test('no answer from Alipay: the void is in doubt, the status bar counts it, settlement waits and names it, and the query resolves it once', async t => {
	const online = await onlineCounter(t, 'alipay');
	online.simulator.setFault({fault: 'no-answer', count: 1});
	const terminal = startOnlineConsole(t, online);
	await signIn(terminal, supervisor);
	await terminal.press('v', 'your password again:');
	await typeAndEnter(terminal, supervisor.password, `your password again: ${stars(supervisor.password)}`);
	await terminal.waitFor('Reason for the void');
	terminal.write(keys.enter);
	await terminal.waitFor('Confirm void? y/n');
	terminal.write('y');
	await terminal.waitFor('sending to Alipay…');
	await terminal.waitFor(/No answer from Alipay[\s\S]*the void is in doubt/, 15_000);
	terminal.write(keys.enter);
	await terminal.waitFor('1 void in doubt');
	await terminal.press('s', 'Settlement closes the batch: enter your password again.');
	await typeAndEnter(terminal, supervisor.password, `your password again: ${stars(supervisor.password)}`);
	await terminal.waitFor(
		'1 void of this batch is in doubt at the platform: the batch cannot be settled until it is resolved.',
	);
	terminal.write('y');
	const refused = await terminal.waitFor(/in doubt at their platform|void \d+: sale/, 10_000);
	t.regex(refused, new RegExp(online.sale.voucherNo));
	t.is(refundCount(online.simulator, online.sale.platformOrderNo), 1, 'the simulator refunded before it went quiet');
	terminal.kill();

	// `posvoid voids --resolve` asks Alipay: the refund it made is found, and nothing is sent under a new key.
	const resolved = await runCli([
		'voids',
		'--resolve',
		'--db',
		online.counter.db,
		'--config',
		online.config,
		'--lang',
		'en',
	]);
	t.is(resolved.code, 0, resolved.stderr);
	t.regex(resolved.stdout, /approved/);
	t.is(refundCount(online.simulator, online.sale.platformOrderNo), 1);
});
