import test, {type ExecutionContext} from 'ava';
import {defaultConfig} from '../../source/config.js';
import {slipPreview} from '../../source/services/print-service.js';
import {createServiceContext, type ServiceContext} from '../../source/services/service-context.js';
import {openStore} from '../../source/store/store.js';
import type {PlatformSimulator} from '../../source/payments/simulator/platform-simulator.js';
import {runCli} from '../helpers/cli.js';
import {counterDatabase} from '../helpers/counter-database.js';
import {addSale} from '../helpers/fixture.js';
import {
	addQrSale,
	onlinePayments,
	refundCount,
	startSimulator,
	writeOnlineConfig,
} from '../helpers/online-platforms.js';
import {testClock} from '../helpers/test-clock.js';

type Counter = {
	db: string;
	config: string;
	simulator: PlatformSimulator;
	context: ServiceContext;
	run: (args: string[], input?: string) => ReturnType<typeof runCli>;
};

/** A counter made by the real commands, its configuration reaching a simulator on a free port. */
async function counter(t: ExecutionContext): Promise<Counter> {
	const simulator = await startSimulator();
	const {directory, db} = await counterDatabase([]);
	const config = writeOnlineConfig(directory, simulator);
	const store = openStore(db);
	const context = createServiceContext(
		store,
		{...defaultConfig(), database: db, payments: onlinePayments(simulator)},
		{now: testClock},
	);
	t.teardown(async () => {
		store.close();
		await simulator.close();
	});
	return {
		db,
		config,
		simulator,
		context,
		run: async (args, input = 'clerk-pass\n') =>
			runCli([...args, '--db', db, '--config', config, '--lang', 'en'], {input}),
	};
}

const voidArgs = (voucher: string) => [
	'void',
	voucher,
	'--operator',
	'01',
	'--reason',
	'Customer cancelled',
	'--password-stdin',
	'--no-print',
];

for (const [channel, name] of [
	['wechat', 'WeChat Pay'],
	['alipay', 'Alipay'],
] as const) {
	test(`posvoid void sends the void to ${name}, and the slip carries the platform's number`, async t => {
		const c = await counter(t);
		const sale = addQrSale(c.context, c.simulator, channel);
		const result = await c.run(voidArgs(sale.voucherNo));
		t.is(result.code, 3, result.stderr);
		t.true(result.stdout.includes(`sending to ${name}…`));
		const voidRow = c.context.store.voids.forTransaction(sale.id)!;
		const refundNo = c.context.store.voidRequests.voidPlatformNo(voidRow.id)!;
		t.truthy(refundNo);
		t.regex(result.stdout, new RegExp(`${name} approved the void, refund number ${refundNo}`));
		const [job] = c.context.store.printJobs.forVoid(voidRow.id);
		t.true(slipPreview(c.context, job!.id).includes(refundNo));
		t.is(refundCount(c.simulator, sale.platformOrderNo), 1);
	});
}

test('a declined void exits 2 with the reason in words and leaves the sale voidable', async t => {
	const c = await counter(t);
	const sale = addQrSale(c.context, c.simulator, 'wechat');
	c.simulator.setFault({fault: 'closed', count: 1});
	const declined = await c.run(voidArgs(sale.voucherNo));
	t.is(declined.code, 2, declined.stdout);
	t.regex(declined.stderr, /WeChat Pay declined the void: .+\. The sale stays completed and can be voided again\./);
	t.is(refundCount(c.simulator, sale.platformOrderNo), 0);
	const again = await c.run(voidArgs(sale.voucherNo));
	t.is(again.code, 3, again.stderr);
	t.is(refundCount(c.simulator, sale.platformOrderNo), 1);
});

test('a timeout exits 5 in doubt; void again and settle are refused naming it; voids --resolve settles it once', async t => {
	const c = await counter(t);
	const sale = addQrSale(c.context, c.simulator, 'alipay');
	c.simulator.setFault({fault: 'no-answer', count: 1});
	const first = await c.run(voidArgs(sale.voucherNo));
	t.is(first.code, 5, first.stderr);
	t.regex(first.stderr, /No answer from Alipay \(the payment platform did not answer in time\): void \d+ is in doubt/);
	const again = await c.run(voidArgs(sale.voucherNo));
	t.is(again.code, 2);
	t.regex(again.stderr, /void in progress at Alipay since \d\d:\d\d, checking/);
	const list = await c.run(['voids', '--state', 'in-doubt']);
	t.is(list.code, 0, list.stderr);
	t.regex(list.stdout, new RegExp(`${sale.voucherNo}  ¥128.50  Alipay  in doubt`));
	const settle = await c.run(['settle', '--operator', '00', '--password-stdin'], 'boss-pass\n');
	t.is(settle.code, 2, settle.stdout);
	t.regex(settle.stderr, new RegExp(String.raw`in doubt at their platform[^]*#\d+ ${sale.voucherNo} ¥128.50 alipay`));
	const resolve = await c.run(['voids', '--resolve']);
	t.is(resolve.code, 0, resolve.stderr);
	t.regex(resolve.stdout, new RegExp(String.raw`sale ${sale.voucherNo}\): approved`));
	t.regex(resolve.stdout, /1 resolved, 0 still in doubt/);
	t.is(refundCount(c.simulator, sale.platformOrderNo), 1);
	const settled = await c.run(['settle', '--operator', '00', '--password-stdin', '--no-print'], 'boss-pass\n');
	t.not(settled.code, 2, settled.stderr);
	const books = await c.run(['audit', '--verify']);
	t.is(books.code, 0, books.stdout + books.stderr);
});

test('voids --settle: a supervisor settles a void in doubt by hand with a reason; a cashier cannot', async t => {
	const c = await counter(t);
	const sale = addQrSale(c.context, c.simulator, 'wechat');
	c.simulator.setFault({fault: 'no-answer', count: 1});
	const inDoubt = await c.run(voidArgs(sale.voucherNo));
	t.is(inDoubt.code, 5);
	const id = String(c.context.store.voidRequests.openForSale(sale.id)!.id);
	const noChoice = await c.run(['voids', '--settle', id, '--operator', '00', '--reason', 'x']);
	t.is(noChoice.code, 1);
	t.regex(noChoice.stderr, /--approved .* or --declined/);
	const cashier = await c.run(
		['voids', '--settle', id, '--declined', '--operator', '01', '--reason', 'not in app', '--password-stdin'],
		'clerk-pass\n',
	);
	t.is(cashier.code, 2);
	const supervisor = await c.run(
		['voids', '--settle', id, '--declined', '--operator', '00', '--reason', 'not in app', '--password-stdin'],
		'boss-pass\n',
	);
	t.is(supervisor.code, 0, supervisor.stderr);
	t.regex(supervisor.stdout, new RegExp(`void ${id} settled by hand as declined by supervisor 00`));
	t.is(c.context.store.transactions.get(sale.id)!.status, 'completed');
});

test('a terminal-assisted card void says what to void on the terminal, then records the terminal numbers', async t => {
	const c = await counter(t);
	const id = addSale(c.context, {channel: 'credit', voucherNo: '000401', amount: 12_850});
	const step = await c.run(voidArgs('000401'));
	t.is(step.code, 4, step.stderr);
	t.regex(step.stdout, /Void sale 000401 of ¥128\.50 on the bank terminal 10293847/);
	t.is(c.context.store.transactions.get(id)!.status, 'completed');
	const bad = await c.run([...voidArgs('000401'), '--terminal-voucher', '12', '--terminal-reference', '331125000777']);
	t.is(bad.code, 2);
	t.regex(bad.stderr, /The terminal's numbers are not right/);
	const done = await c.run([
		...voidArgs('000401'),
		'--terminal-voucher',
		'000777',
		'--terminal-reference',
		'331125000777',
	]);
	t.is(done.code, 3, done.stderr);
	t.regex(done.stdout, /The terminal's void is recorded: voucher 000777, reference 331125000777/);
	t.like(c.context.store.voids.forTransaction(id), {voucherNo: '000777', referenceNo: '331125000777'});
});
