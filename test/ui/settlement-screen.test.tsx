import test, {type ExecutionContext} from 'ava';
import {displayWidth} from '../../source/domain/display-width.js';
import {summarise} from '../../source/domain/batch-summary.js';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import type {Emulator} from '../../source/printing/emulator/printer-emulator.js';
import {authenticate} from '../../source/services/auth-service.js';
import {settleBatch} from '../../source/services/settlement-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {figureLines} from '../../source/ui/components/BatchFigures.js';
import {addSale, type Fixture} from '../helpers/fixture.js';
import {
	consoleFixture,
	consoleFixtureWithPrinter,
	keys,
	password,
	press,
	signIn,
	waitForFrame,
	type ConsoleFixture,
} from '../helpers/console-ui.js';

type Sales = {debit: number; debitVoided: number; wechat: number};

/**
 * The console on a database with three sales in batch 000001 (two debit, one WeChat; fee ¥0.64 each)
 * and the first debit sale voided by the cashier, printing to an emulator.
 */
async function settlementFixture(
	t: ExecutionContext,
	language: 'en' | 'zh-CN' = 'en',
): Promise<{fixture: ConsoleFixture; emulator: Emulator; sales: Sales}> {
	const sales: Partial<Sales> = {};
	const {fixture, emulator} = await consoleFixtureWithPrinter(t, {
		language,
		seed(fixture: Fixture) {
			sales.debitVoided = addSale(fixture.context, {
				voucherNo: '000101',
				amount: 12_850,
				createdAt: fixture.clock.now - 180_000,
			});
			sales.wechat = addSale(fixture.context, {
				voucherNo: '000102',
				amount: 5000,
				channel: 'wechat',
				createdAt: fixture.clock.now - 120_000,
			});
			sales.debit = addSale(fixture.context, {
				voucherNo: '000103',
				amount: 20_000,
				createdAt: fixture.clock.now - 60_000,
			});
		},
	});
	const clerk = await authenticate(fixture.context, '01', password, 'void');
	if (!clerk.ok) {
		throw new Error(clerk.message);
	}

	const voided = voidTransaction(fixture.context, {
		transactionId: sales.debitVoided!,
		operator: clerk.operator,
		reason: 'test',
	});
	if (!voided.ok) {
		throw new Error(voided.reason);
	}

	// The void's own slip is not printed here: the emulator receives only what the console prints.
	return {fixture, emulator, sales: sales as Sales};
}

/** Signs in as the supervisor, opens settlement and enters the password again: the figures with y/n. */
async function openSettlementAsSupervisor(fixture: ConsoleFixture): Promise<string> {
	const {instance} = fixture;
	await signIn(instance, '00');
	await press(instance, 's');
	await waitForFrame(instance, 'Operator 00, your password again:');
	await press(instance, password, keys.enter);
	return waitForFrame(instance, 'Settle batch 000001? y/n');
}

test('a cashier cannot settle without a supervisor: a cashier number is refused, Esc leaves the batch open', async t => {
	const {fixture, emulator} = await settlementFixture(t);
	const {instance} = fixture;
	await signIn(instance, '01');
	await press(instance, 's');
	await waitForFrame(instance, "Settlement needs a supervisor: enter a supervisor's number and password.");
	await waitForFrame(instance, 'Supervisor number:');
	await press(instance, '01', keys.enter);
	await waitForFrame(instance, 'Supervisor 01 password:');
	await press(instance, password, keys.enter);
	const refused = await waitForFrame(instance, 'Operator 01 is not a supervisor');
	t.false(refused.includes('Settle batch'), 'no figures and no y/n for a cashier');
	t.true(refused.includes('Supervisor number:'), 'back to the number');

	await press(instance, '00', keys.enter);
	await waitForFrame(instance, 'Supervisor 00 password:');
	await press(instance, 'wrong-one', keys.enter);
	await waitForFrame(instance, 'The operator number or the password is wrong');
	t.false((instance.lastFrame() ?? '').includes('Settle batch'));

	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');
	t.is(fixture.store.batches.currentOpen('10293847')?.batchNo, '000001');
	t.is(fixture.store.batches.byNumber('10293847', '000001')?.settledAt, undefined);
	t.is(emulator.jobs.length, 0);
});

test('a cashier with a supervisor number and password sees the figures and can settle', async t => {
	const {fixture, emulator} = await settlementFixture(t);
	const {instance} = fixture;
	await signIn(instance, '01');
	await press(instance, 's');
	await waitForFrame(instance, 'Supervisor number:');
	await press(instance, '00', keys.enter);
	await waitForFrame(instance, 'Supervisor 00 password:');
	await press(instance, password, keys.enter);
	const review = await waitForFrame(instance, 'Settle batch 000001? y/n');
	t.regex(review, /supervisor 00/);
	await press(instance, 'y');
	await waitForFrame(instance, 'Settlement report printed.');
	t.is(fixture.store.batches.byNumber('10293847', '000001')?.settledBy, '00');
	await emulator.waitForJobs(1, 5000);
});

test('a supervisor settles: the figures are the batch, the report reaches the printer, the status bar shows the next batch, and a later void of the batch is refused on the detail screen', async t => {
	const {fixture, emulator} = await settlementFixture(t);
	const {instance} = fixture;
	const before = await waitForFrame(instance, 'Operator number:');
	t.truthy(before);
	const review = await openSettlementAsSupervisor(fixture);
	// Debit: two sales ¥328.50 (fees ¥1.28), one void ¥128.50 giving back ¥0.64. WeChat: one sale ¥50.00.
	t.regex(review, /Debit +2 +¥328\.50 +1 +-¥128\.50 +¥1\.28 +-¥0\.64/);
	t.regex(review, /WeChat Pay +1 +¥50\.00 +0 +¥0\.00 +¥0\.64 +¥0\.00/);
	t.regex(review, /Alipay +0 +¥0\.00 +0 +¥0\.00 +¥0\.00 +¥0\.00/);
	t.regex(review, /Total +3 +¥378\.50 +1 +-¥128\.50 +¥1\.92 +-¥0\.64/);
	t.regex(review, /Net: 2 sales, ¥250\.00, fees ¥1\.28/);
	t.regex(review, /Batch 0{5}1 +│/, 'the status bar shows the open batch');

	await press(instance, 'y');
	const result = await waitForFrame(instance, 'Settlement report printed.');
	t.true(result.includes('Batch 000001 settled. Batch 000002 is now open.'));
	t.true(result.includes('结算总计单 SETTLEMENT'), 'the preview is the report');
	const [job] = await emulator.waitForJobs(1, 5000);
	t.true(job?.text.includes('结算总计单 SETTLEMENT'));
	t.regex(job?.text ?? '', /000001/);
	t.not(fixture.store.batches.byNumber('10293847', '000001')?.settledAt, undefined);

	await press(instance, keys.escape);
	const list = await waitForFrame(instance, 'Today 2026-11-25');
	t.regex(list, /Batch 0{5}2/, 'the status bar shows the new batch');
	t.notRegex(list, /Batch 0{5}1/);

	// The newest sale (000103, not voided) is at the top of the list: its detail says why it cannot be voided.
	await press(instance, keys.enter);
	const detail = await waitForFrame(instance, 'Transaction');
	t.regex(detail, /Voucher no +000103/);
	t.true(detail.includes('Cannot be voided: batch settled: refund through the bank'));
	await press(instance, 'v');
	const refused = await waitForFrame(instance, 'Cannot void');
	t.true(refused.includes('batch settled: refund through the bank'));
	t.is(fixture.store.transactions.findByKey('10293847', '000001', '000103')?.status, 'completed');
});

test('n on the figures backs out and changes nothing: the batch stays open and nothing prints', async t => {
	const {fixture, emulator} = await settlementFixture(t);
	const {instance} = fixture;
	await openSettlementAsSupervisor(fixture);
	await press(instance, 'n');
	await waitForFrame(instance, 'Today 2026-11-25');
	t.is(fixture.store.batches.byNumber('10293847', '000001')?.settledAt, undefined);
	t.is(fixture.store.printJobs.waitingCount(), 1, 'only the void slip waits');
	t.is(emulator.jobs.length, 0);
	t.regex(instance.lastFrame() ?? '', /Batch 0{5}1/);

	// Esc at the figures is the same as n.
	await press(instance, 's');
	await waitForFrame(instance, 'Operator 00, your password again:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Settle batch 000001? y/n');
	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');
	t.is(fixture.store.batches.byNumber('10293847', '000001')?.settledAt, undefined);
});

test('with the printer out of paper the batch is settled, the reason and advice show, and r prints the report once paper is in', async t => {
	const {fixture, emulator} = await settlementFixture(t);
	const {instance} = fixture;
	emulator.setFault('paper-out');
	await openSettlementAsSupervisor(fixture);
	await press(instance, 'y');
	const failed = await waitForFrame(instance, 'The report did not print');
	t.true(failed.includes('Batch 000001 settled. Batch 000002 is now open.'));
	t.true(failed.includes('The printer is out of paper'));
	t.true(failed.includes('Load paper, then retry the print.'));
	t.true(failed.includes('r retries the print; the report also waits in the print queue (p).'));
	t.not(fixture.store.batches.byNumber('10293847', '000001')?.settledAt, undefined);
	t.is(fixture.store.printJobs.waitingCount(), 2, 'the report waits beside the void slip');

	emulator.setFault(undefined);
	await press(instance, 'r');
	await waitForFrame(instance, 'Settlement report printed.');
	const [job] = await emulator.waitForJobs(1, 5000);
	t.true(job?.text.includes('结算总计单 SETTLEMENT'));
	t.is(fixture.store.printJobs.waitingCount(), 1);
});

test('c on the figures reprints the last settled batch report marked REPRINT; before any settlement it says there is none', async t => {
	const {fixture, emulator} = await settlementFixture(t);
	const {instance} = fixture;
	await openSettlementAsSupervisor(fixture);
	await press(instance, 'c');
	await waitForFrame(instance, 'No batch has been settled yet: there is no settlement report to reprint.');
	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');

	const boss = await authenticate(fixture.context, '00', password, 'settle');
	t.true(boss.ok);
	if (boss.ok) {
		settleBatch(fixture.context, boss.operator);
	}

	await press(instance, 's');
	await waitForFrame(instance, 'Operator 00, your password again:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Settle batch 000002? y/n');
	await press(instance, 'c');
	const result = await waitForFrame(instance, 'Settlement report printed.');
	t.true(result.includes('Reprint of the settlement report of batch 000001, marked REPRINT.'));
	const [job] = await emulator.waitForJobs(1, 5000);
	t.true(job?.text.includes('重打印 REPRINT'));
	t.true(job?.text.includes('结算总计单 SETTLEMENT'));
	t.is(fixture.store.batches.currentOpen('10293847')?.batchNo, '000002', 'a reprint settles nothing');
});

test('a batch settled from another window meanwhile: y settles nothing else and says so', async t => {
	const {fixture, emulator} = await settlementFixture(t);
	const {instance} = fixture;
	await openSettlementAsSupervisor(fixture);
	const boss = await authenticate(fixture.context, '00', password, 'settle');
	if (!boss.ok) {
		throw new Error(boss.message);
	}

	settleBatch(fixture.context, boss.operator);
	await press(instance, 'y');
	const refused = await waitForFrame(instance, 'Not settled');
	t.true(refused.includes('The batch was settled from another window a moment ago: nothing was changed here.'));
	t.is(fixture.store.batches.currentOpen('10293847')?.batchNo, '000002', 'the next batch stays open');
	t.is(emulator.jobs.length, 0);
	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');
});

test('when the console locks on the figures the approval is gone: after the unlock the password is asked again', async t => {
	// Long enough for the sign-in and the password to go through first; the test then waits for the lock.
	const fixture = await consoleFixture({
		idleLockMs: 1500,
		seed(sale) {
			addSale(sale.context, {voucherNo: '000101'});
		},
	});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await openSettlementAsSupervisor(fixture);
	await waitForFrame(instance, 'Console locked');
	await press(instance, password, keys.enter);
	const after = await waitForFrame(instance, 'Operator 00, your password again:');
	t.false(after.includes('Settle batch'), after);
	await press(instance, 'y');
	t.is(fixture.store.batches.currentOpen('10293847')?.batchNo, '000001');
	t.is(fixture.store.batches.byNumber('10293847', '000001')?.settledAt, undefined);
});

test('x shows the shift summary (X report) for anyone signed in; p prints it and the batch stays open', async t => {
	const {fixture, emulator} = await settlementFixture(t);
	const {instance} = fixture;
	await signIn(instance, '01');
	await press(instance, 'x');
	const report = await waitForFrame(instance, 'Shift summary (X report), batch 000001: not settled');
	t.regex(report, /Total +3 +¥378\.50 +1 +-¥128\.50 +¥1\.92 +-¥0\.64/);
	t.regex(report, /p print/, 'the footer says p prints here');
	t.notRegex(report, /p print queue/);

	await press(instance, 'p');
	await waitForFrame(instance, 'Shift summary printed.');
	const [job] = await emulator.waitForJobs(1, 5000);
	t.true(job?.text.includes('SHIFT SUMMARY'));
	t.is(fixture.store.batches.byNumber('10293847', '000001')?.settledAt, undefined, 'the batch stays open');

	emulator.setFault('cover-open');
	await press(instance, 'p');
	const failed = await waitForFrame(instance, 'The shift summary did not print');
	t.true(failed.includes('p tries again.'));
	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');
	t.is(fixture.store.batches.currentOpen('10293847')?.batchNo, '000001');
});

test('the settlement screen in Chinese: the figures are aligned by display width', async t => {
	const {fixture} = await settlementFixture(t, 'zh-CN');
	const {instance} = fixture;
	await waitForFrame(instance, '操作员号:');
	await press(instance, '00', keys.enter);
	await waitForFrame(instance, '密码:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, '今天 2026-11-25');
	await press(instance, 's');
	await waitForFrame(instance, '操作员 00,请再次输入密码:');
	await press(instance, password, keys.enter);
	const review = await waitForFrame(instance, '结算批次 000001? y/n');
	const rows = review.split('\n').filter(line => /^(?:渠道|借记卡|贷记卡|微信|支付宝|银联二维码|合计)/.test(line));
	t.is(rows.length, 7);
	const widths = new Set(rows.map(line => displayWidth(line.trimEnd())));
	t.is(widths.size, 1, `every row ends in the same column:\n${rows.join('\n')}`);
});

test('figureLines: every row of the table is as wide as the header, in both languages', t => {
	const summary = summarise([
		{
			channel: 'unionpay_qr',
			salesCount: 12,
			salesAmount: 1_234_567,
			salesFees: 6172,
			voidsCount: 3,
			voidsAmount: 45_600,
			voidsFees: 228,
		},
	]);
	for (const language of ['en', 'zh-CN'] as const) {
		const lines = figureLines(summary, messagesFor(language));
		t.is(lines.length, 8);
		const table = lines.slice(0, -1);
		t.is(new Set(table.map(line => displayWidth(line))).size, 1, language);
	}

	t.is(figureLines(summary, messagesFor('en')).at(-1), 'Net: 9 sales, ¥11889.67, fees ¥59.44');
});

// Serial: the console's busy wait blocks its process for the busy timeout, and with it every other test here.
test.serial(
	"a database another program holds: y says so in the clerk's language and settles nothing; y again settles",
	async t => {
		const {fixture} = await settlementFixture(t, 'zh-CN');
		const {instance} = fixture;
		await waitForFrame(instance, '操作员号:');
		await press(instance, '00', keys.enter);
		await waitForFrame(instance, '密码:');
		await press(instance, password, keys.enter);
		await waitForFrame(instance, '今天 2026-11-25');
		await press(instance, 's');
		await waitForFrame(instance, '操作员 00,请再次输入密码:');
		await press(instance, password, keys.enter);
		await waitForFrame(instance, '结算批次 000001? y/n');

		const other = openSqlite(fixture.file, {timeout: 100});
		other.exec('BEGIN IMMEDIATE');
		try {
			await press(instance, 'y');
			const busy = await waitForFrame(instance, '另一个程序正在使用数据库', 12_000);
			t.notRegex(busy, /another program/i);
			t.is(fixture.store.batches.currentOpen('10293847')?.batchNo, '000001');
		} finally {
			other.exec('ROLLBACK');
			other.close();
		}
	},
);
