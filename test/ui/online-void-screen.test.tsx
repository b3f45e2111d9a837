// The console's online void (issue 14) against the real platform simulator and printer emulator:
// "sending to …", the outcome of each platform answer, Esc leaving a void running, and the card void
// made on the bank terminal.
import test, {type ExecutionContext} from 'ava';
import type {Emulator} from '../../source/printing/emulator/printer-emulator.js';
import type {PlatformSimulator} from '../../source/payments/simulator/platform-simulator.js';
import {resolveInDoubt} from '../../source/services/online-void-service.js';
import {addSale} from '../helpers/fixture.js';
import {addQrSale, onlinePayments, refundCount, startSimulator} from '../helpers/online-platforms.js';
import {
	consoleFixtureWithPrinter,
	keys,
	password,
	press,
	signIn,
	waitForFrame,
	type ConsoleFixture,
} from '../helpers/console-ui.js';

type OnlineConsole = {
	fixture: ConsoleFixture;
	emulator: Emulator;
	simulator: PlatformSimulator;
	sale: {id: number; voucherNo: string; platformOrderNo: string};
};

/** The console with one QR sale of `channel` (¥128.50), known to the simulator, and WeChat Pay and Alipay online. */
async function onlineConsole(
	t: ExecutionContext,
	channel: 'wechat' | 'alipay' | 'card' = 'wechat',
): Promise<OnlineConsole> {
	let sale: OnlineConsole['sale'] | undefined;
	let now: () => number = () => 0;
	const simulator = await startSimulator(() => now());
	const {fixture, emulator} = await consoleFixtureWithPrinter(t, {
		seed(seeded) {
			now = seeded.context.now;
			seeded.context.config.payments = onlinePayments(simulator);
			if (channel === 'card') {
				const id = addSale(seeded.context, {voucherNo: '000401', amount: 12_850});
				sale = {id, voucherNo: '000401', platformOrderNo: ''};
			} else {
				sale = addQrSale(seeded.context, simulator, channel);
			}
		},
	});
	t.teardown(async () => simulator.close());
	return {fixture, emulator, simulator, sale: sale!};
}

/** Signs in, opens the only sale, gives the password and reason 1, and waits on the confirm step. */
async function toConfirm(instance: ConsoleFixture['instance']): Promise<void> {
	await signIn(instance);
	await press(instance, 'v');
	await waitForFrame(instance, 'your password again:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await press(instance, '1');
	await waitForFrame(instance, 'Confirm void? y/n');
}

for (const [channel, name] of [
	['wechat', 'WeChat Pay'],
	['alipay', 'Alipay'],
] as const) {
	test.serial(`y sends the void to ${name}: approved, the slip printed with the platform's number`, async t => {
		const {fixture, emulator, simulator, sale} = await onlineConsole(t, channel);
		const {instance} = fixture;
		await toConfirm(instance);
		await press(instance, 'y');
		const result = await waitForFrame(instance, 'Slip printed.', 8000);
		const request = fixture.store.voidRequests.latestForSale(sale.id)!;
		t.is(request.state, 'approved');
		const refundNo = request.platformRefundNo!;
		t.truthy(refundNo);
		t.true(result.includes(`${name} approved the void, refund number`), result);
		t.regex(result, /Voided\. Void voucher \d{6}\./);
		const [job] = await emulator.waitForJobs(1, 5000);
		t.true(job!.text.includes(refundNo), job!.text);
		t.is(refundCount(simulator, sale.platformOrderNo), 1);
		t.is(fixture.store.transactions.get(sale.id)?.status, 'voided');
	});
}

test.serial('a declined void says why in the clerk language, prints nothing and leaves the sale voidable', async t => {
	const {fixture, emulator, simulator, sale} = await onlineConsole(t, 'wechat');
	const {instance} = fixture;
	simulator.setFault({fault: 'over-amount'});
	await toConfirm(instance);
	await press(instance, 'y');
	const frame = await waitForFrame(instance, 'declined the void', 8000);
	t.true(frame.includes('The sale stays completed and can be voided again.'), frame);
	t.is(fixture.store.transactions.get(sale.id)?.status, 'completed');
	t.is(refundCount(simulator, sale.platformOrderNo), 0);
	t.is(emulator.jobs.length, 0);
	await press(instance, keys.enter);
	await waitForFrame(instance, 'Today ');
	simulator.setFault({fault: undefined});
	await press(instance, 'v');
	await waitForFrame(instance, 'your password again:');
});

test.serial(
	'no answer: "sending" counts the wait, then the void is in doubt; the detail says so and v is not offered',
	async t => {
		const {fixture, simulator, sale} = await onlineConsole(t, 'wechat');
		const {instance} = fixture;
		simulator.setFault({fault: 'no-answer', count: 1});
		await toConfirm(instance);
		await press(instance, 'y');
		const sending = await waitForFrame(instance, 'sending to WeChat Pay…');
		t.true(sending.includes('of at most 2 s'), sending);
		const doubt = await waitForFrame(instance, 'the void is in doubt', 8000);
		t.true(doubt.replaceAll(/\s+/g, ' ').includes('Do not refund again in the merchant app'), doubt);
		t.is(fixture.store.voidRequests.latestForSale(sale.id)?.state, 'in-doubt');
		await press(instance, keys.enter);
		await waitForFrame(instance, '1 void in doubt');
		await press(instance, keys.enter);
		const detail = await waitForFrame(instance, 'void in progress at WeChat Pay since');
		t.false(detail.includes('v void'), detail);
		await press(instance, 'v');
		t.false(instance.lastFrame()!.includes('your password again:'));
		// The query finds the refund the simulator made before it went quiet: one refund, the sale voided.
		await resolveInDoubt(fixture.context, {dueOnly: false});
		t.is(fixture.store.transactions.get(sale.id)?.status, 'voided');
		t.is(refundCount(simulator, sale.platformOrderNo), 1);
	},
);

test.serial(
	'Esc while sending leaves the void running: its answer is written when it comes, and its slip prints',
	async t => {
		const {fixture, emulator, simulator, sale} = await onlineConsole(t, 'alipay');
		const {instance} = fixture;
		simulator.setFault({fault: 'slow', delayMs: 1000, count: 1});
		await toConfirm(instance);
		await press(instance, 'y');
		await waitForFrame(instance, 'sending to Alipay…');
		await press(instance, keys.escape);
		await waitForFrame(instance, 'Today ');
		const deadline = performance.now() + 8000;
		while (fixture.store.voidRequests.latestForSale(sale.id)?.state !== 'approved' && performance.now() < deadline) {
			await new Promise(resolve => {
				setTimeout(resolve, 50);
			});
		}

		t.is(fixture.store.voidRequests.latestForSale(sale.id)?.state, 'approved');
		t.is(fixture.store.transactions.get(sale.id)?.status, 'voided');
		t.is(refundCount(simulator, sale.platformOrderNo), 1);
		// The slip prints without the screen; had the printer failed, it would wait in the queue with the reason.
		const [job] = await emulator.waitForJobs(1, 5000);
		t.true(job!.text.includes(fixture.store.voidRequests.latestForSale(sale.id)!.platformRefundNo!));
		await waitForFrame(instance, 'Slips waiting 0');
	},
);

test.serial(
	'a terminal-assisted card void asks for the terminal numbers and records them; a bad one changes nothing',
	async t => {
		const {fixture, emulator, sale} = await onlineConsole(t, 'card');
		const {instance} = fixture;
		await toConfirm(instance);
		await press(instance, 'y');
		const step = await waitForFrame(instance, "Terminal's void voucher (6 digits):");
		t.true(step.includes('Void sale 000401 of ¥128.50 on the bank terminal'), step);
		await press(instance, '12', keys.enter);
		await waitForFrame(instance, "Terminal's void reference (12 digits):");
		await press(instance, '331125000777', keys.enter);
		await waitForFrame(instance, "The terminal's numbers are not right");
		t.is(fixture.store.transactions.get(sale.id)?.status, 'completed');
		await press(instance, '000777', keys.enter);
		await waitForFrame(instance, "Terminal's void reference (12 digits):");
		await press(instance, '331125000777', keys.enter);
		const result = await waitForFrame(instance, 'Slip printed.', 8000);
		t.true(result.includes("The terminal's void is recorded: voucher 000777, reference 331125000777"), result);
		const voidRow = fixture.store.voids.forTransaction(sale.id)!;
		t.is(voidRow.voucherNo, '000777');
		t.is(voidRow.referenceNo, '331125000777');
		const [job] = await emulator.waitForJobs(1, 5000);
		t.true(job!.text.includes('000777'));
	},
);
