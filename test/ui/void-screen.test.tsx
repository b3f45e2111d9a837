import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {Emulator} from '../../source/printing/emulator/printer-emulator.js';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import {addSale, type Fixture} from '../helpers/fixture.js';
import {
	consoleFixtureWithPrinter,
	keys,
	password,
	press,
	signIn,
	waitForFrame,
	type ConsoleFixture,
} from '../helpers/console-ui.js';

/** The console on a database with one sale (voucher 000101, ¥128.50) and one over the limit (000102, ¥800.00), printing to an emulator. */
async function voidFixture(t: ExecutionContext): Promise<{fixture: ConsoleFixture; emulator: Emulator}> {
	return consoleFixtureWithPrinter(t, {
		seed(fixture: Fixture) {
			addSale(fixture.context, {voucherNo: '000102', amount: 80_000, createdAt: fixture.clock.now - 120_000});
			addSale(fixture.context, {voucherNo: '000101', amount: 12_850});
		},
	});
}

async function startVoid(fixture: ConsoleFixture, voucherNo = '000101'): Promise<void> {
	const {instance} = fixture;
	await signIn(instance);
	if (voucherNo !== '000101') {
		await press(instance, '/');
		await waitForFrame(instance, '/ Search:');
		await press(instance, voucherNo, keys.enter);
		await waitForFrame(instance, `Search: ${voucherNo}`);
	}

	await press(instance, 'v');
	await waitForFrame(instance, 'your password again:');
}

test('void with a wrong then the right password, pick a reason, confirm: voided, printed, preview shown', async t => {
	const {fixture, emulator} = await voidFixture(t);
	const {instance} = fixture;
	await startVoid(fixture);
	await press(instance, 'not-it', keys.enter);
	await waitForFrame(instance, 'The operator number or the password is wrong');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await press(instance, keys.down, keys.enter);
	const confirm = await waitForFrame(instance, 'Confirm void? y/n');
	for (const text of ['¥128.50', '622848******0018', '000101', '2026/11/25 17:29:00', '金额错误 Wrong amount']) {
		t.true(confirm.includes(text), text);
	}

	await press(instance, 'y');
	const result = await waitForFrame(instance, 'Slip printed.');
	t.regex(result, /Voided\. Void voucher \d{6}\./);
	t.true(result.includes('POS签购单 VOID SLIP'));
	const [job] = await emulator.waitForJobs(1, 5000);
	t.true(job?.text.includes('000101'));
	t.is(fixture.store.transactions.findByKey('10293847', '000001', '000101')?.status, 'voided');

	await press(instance, keys.escape);
	const list = await waitForFrame(instance, 'Today 2026-11-25');
	t.regex(list, /000101.*VOIDED/);
});

test('n at the confirm screen backs out and changes nothing', async t => {
	const {fixture, emulator} = await voidFixture(t);
	const {instance} = fixture;
	await startVoid(fixture);
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await press(instance, keys.enter);
	await waitForFrame(instance, 'Confirm void? y/n');
	await press(instance, 'n');
	await waitForFrame(instance, 'Today 2026-11-25');
	t.is(fixture.store.transactions.findByKey('10293847', '000001', '000101')?.status, 'completed');
	t.is(fixture.store.printJobs.waitingCount(), 0);
	t.is(emulator.jobs.length, 0);
});

test('over the limit a supervisor must approve: a cashier number is refused, the supervisor is accepted', async t => {
	const {fixture} = await voidFixture(t);
	const {instance} = fixture;
	await startVoid(fixture, '000102');
	t.true((instance.lastFrame() ?? '').includes('Over the cashier limit of ¥500.00'));
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Supervisor number:');
	await press(instance, '01', keys.enter);
	await waitForFrame(instance, 'A supervisor other than yourself must approve.');
	await press(instance, '00', keys.enter);
	await waitForFrame(instance, 'Supervisor 00 password:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Approved by supervisor 00');
	await press(instance, keys.enter);
	const confirm = await waitForFrame(instance, 'Confirm void? y/n');
	t.regex(confirm, /Approved by\s+00/);
	await press(instance, 'y');
	await waitForFrame(instance, 'Slip printed.');
	const voided = fixture.store.transactions.findByKey('10293847', '000001', '000102');
	t.is(fixture.store.voids.forTransaction(voided!.id)?.approverNo, '00');
});

test('with the printer out of paper the void stands, the reason and advice show, and r prints once paper is in', async t => {
	const {fixture, emulator} = await voidFixture(t);
	const {instance} = fixture;
	emulator.setFault('paper-out');
	await startVoid(fixture);
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await press(instance, keys.enter);
	await waitForFrame(instance, 'Confirm void? y/n');
	await press(instance, 'y');
	const failed = await waitForFrame(instance, 'the slip did not print');
	t.true(failed.includes('The printer is out of paper'));
	t.true(failed.includes('Load paper, then retry the print.'));
	t.true(failed.includes('r retries the print'));
	t.is(fixture.store.transactions.findByKey('10293847', '000001', '000101')?.status, 'voided');
	t.is(fixture.store.printJobs.waitingCount(), 1);

	emulator.setFault(undefined);
	await press(instance, 'r');
	await waitForFrame(instance, 'Slip printed.');
	t.is(fixture.store.printJobs.waitingCount(), 0);
	t.is(emulator.jobs.length, 1);
});

test('the print queue lists a failed slip with its reason; r retries it and c prints a REPRINT copy', async t => {
	const {fixture, emulator} = await voidFixture(t);
	const {instance} = fixture;
	emulator.setFault('offline');
	await startVoid(fixture);
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await press(instance, keys.enter);
	await waitForFrame(instance, 'Confirm void? y/n');
	await press(instance, 'y');
	await waitForFrame(instance, 'the slip did not print');
	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');
	await press(instance, 'p');
	const queue = await waitForFrame(instance, 'Print queue');
	t.regex(queue, /#1\s+failed\s+1\s+VOID \d{6} \(orig 000101\) ¥128\.50\s+The printer is offline/);

	emulator.setFault(undefined);
	await press(instance, 'r');
	await waitForFrame(instance, 'Job 1 printed.');
	await waitForFrame(instance, 'No slips waiting.');
	await press(instance, 'c');
	await waitForFrame(instance, 'Job 2 printed.');
	const jobs = await emulator.waitForJobs(2, 5000);
	t.true(jobs[1]?.text.includes('REPRINT'));
	t.is(path.basename(fixture.file), 'posvoid.db');
});

test('help is generated from the keymap and Esc leaves it', async t => {
	const {fixture} = await voidFixture(t);
	const {instance} = fixture;
	await signIn(instance);
	await press(instance, '?');
	const help = await waitForFrame(instance, 'Keys');
	t.regex(help, /v\s+void the transaction\s+list, detail/);
	// The keys below the window are one PgDn away.
	await press(instance, keys.pageDown);
	await waitForFrame(instance, frame => /s\s+settlement \(supervisor\)/.test(frame));
	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');
	await press(instance, 's');
	t.truthy(await waitForFrame(instance, 'Settlement needs a supervisor'));
});

test('a digit picks the reason at once, and "Other" asks for the clerk\'s own words (Esc goes back to the reasons), which are the stored reason', async t => {
	const {fixture} = await voidFixture(t);
	const {instance} = fixture;
	await startVoid(fixture);
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await press(instance, '2');
	const confirm = await waitForFrame(instance, 'Confirm void? y/n');
	t.true(confirm.includes('金额错误 Wrong amount'), confirm);
	await press(instance, 'n');
	await waitForFrame(instance, 'Today 2026-11-25');

	await press(instance, 'v');
	await waitForFrame(instance, 'your password again:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await press(instance, '4');
	await waitForFrame(instance, 'Reason, in a few words (Enter):');
	// Esc while typing goes back to the reasons, not out of the void; 4 asks again.
	await press(instance, 'abc');
	await press(instance, keys.escape);
	const reasons = await waitForFrame(instance, 'Reason for the void');
	t.regex(reasons, /1–9\s+pick by number/);
	await press(instance, '4');
	await waitForFrame(instance, 'Reason, in a few words (Enter):');
	await press(instance, '顾客要求改用现金', keys.enter);
	const other = await waitForFrame(instance, 'Confirm void? y/n');
	t.regex(other, /Reason\s+顾客要求改用现金/);
	await press(instance, 'y');
	await waitForFrame(instance, 'Slip printed.');
	const sale = fixture.store.transactions.findByKey('10293847', '000001', '000101');
	const connection = openSqlite(fixture.file, {readonly: true, fileMustExist: true});
	t.teardown(() => {
		connection.close();
	});
	const stored = connection.prepare('SELECT reason FROM voids WHERE transaction_id = ?').get(sale?.id ?? -1) as
		{reason: string} | undefined;
	t.is(stored?.reason, '顾客要求改用现金');
});
