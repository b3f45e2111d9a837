import test from 'ava';
import {addSale, type Fixture} from '../helpers/fixture.js';
import {consoleFixture, keys, press, signIn, waitForFrame} from '../helpers/console-ui.js';

const minute = 60_000;

/** 40 sales today, one a minute (voucher 000300 is the newest), and one yesterday. */
function history(fixture: Fixture): void {
	for (let index = 0; index < 40; index++) {
		addSale(fixture.context, {
			voucherNo: String(261 + index).padStart(6, '0'),
			amount: 1000 + index,
			card: index === 5 ? '6222021234567890' : '6228480000000018',
			createdAt: fixture.clock.now - (40 - index) * minute,
		});
	}

	addSale(fixture.context, {voucherNo: '000250', amount: 12_850, createdAt: fixture.clock.now - 24 * 60 * minute});
}

const selected = (frame: string) => frame.split('\n').find(line => line.startsWith('›')) ?? '';

test('the list shows today newest first with every column, and ↓ and PgDn move the highlight', async t => {
	const fixture = await consoleFixture({seed: history});
	t.teardown(fixture.close);
	const {instance} = fixture;
	const frame = await signIn(instance);
	t.regex(frame, /Time\s+Voucher\s+Channel\s+Card\s+Amount\s+Status/);
	t.regex(selected(frame), /17:29:00\s+000300\s+Debit\s+622848\*{6}0018\s+¥10\.39\s+completed/);
	t.false(frame.includes('000250'));
	t.true(frame.split('\n').length <= 23);

	await press(instance, keys.down);
	await waitForFrame(instance, frame => selected(frame).includes('000299'));
	await press(instance, keys.pageDown);
	const paged = await waitForFrame(instance, frame => !frame.includes('000300'));
	t.regex(selected(paged), /0002\d\d/);
	await press(instance, keys.end);
	await waitForFrame(instance, frame => selected(frame).includes('000261'));
	await press(instance, keys.home);
	t.truthy(await waitForFrame(instance, frame => selected(frame).includes('000300')));
});

test('search finds by voucher across days, by last four with an amount, and Esc goes back to today', async t => {
	const fixture = await consoleFixture({seed: history});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance);
	await press(instance, '/');
	await waitForFrame(instance, '/ Search:');
	await press(instance, '000250', keys.enter);
	const found = await waitForFrame(instance, 'Search: 000250');
	t.regex(selected(found), /11-24 17:30:00\s+000250/);
	t.false(found.includes('000300'));

	await press(instance, '/');
	// A new search starts empty: what is typed replaces the last query.
	await waitForFrame(instance, frame => /^\/ Search:\s*$/m.test(frame));
	await press(instance, '7890 10.05', keys.enter);
	// The query shows before its rows arrive: wait for the result itself, not the header.
	const byCard = await waitForFrame(
		instance,
		frame => frame.includes('Search: 7890 10.05') && /000266\s+Debit/.test(frame),
	);
	t.regex(selected(byCard), /000266\s+Debit\s+622202\*{6}7890/);

	await press(instance, keys.escape);
	t.truthy(await waitForFrame(instance, 'Today 2026-11-25'));
});

test('a query the parser cannot read says why and changes nothing', async t => {
	const fixture = await consoleFixture({seed: history});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance);
	await press(instance, '/');
	await waitForFrame(instance, '/ Search:');
	await press(instance, '1234567', keys.enter);
	const frame = await waitForFrame(instance, '"1234567" is neither a voucher');
	t.true(selected(frame).includes('000300'));
});

test('Enter opens the detail with every field and how long the void window stays open', async t => {
	const fixture = await consoleFixture({seed: history});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance);
	await press(instance, keys.enter);
	const detail = await waitForFrame(instance, 'Reference no');
	for (const text of [
		'Voucher no    000300',
		'Auth code     A1B2C3',
		'Amount        ¥10.39',
		'Card          622848******0018',
		'Time          2026/11/25 17:29:00',
		'Batch no      000001',
		'Status        completed',
	]) {
		t.true(detail.includes(text), text);
	}

	t.true(detail.includes('Can be voided until 2026/11/26 17:29:00 (23h 59m left)'));
	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');
});

test('the detail of a transaction in a settled batch says to refund through the bank, in Chinese too', async t => {
	const fixture = await consoleFixture({
		language: 'zh-CN',
		seed(fixture) {
			addSale(fixture.context, {voucherNo: '000301'});
			const batch = fixture.store.batches.currentOpen(fixture.context.config.terminalId)!;
			fixture.store.batches.settle(batch.id, '00', fixture.clock.now);
		},
	});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await waitForFrame(instance, '操作员号:');
	await press(instance, '01', keys.enter);
	await waitForFrame(instance, '密码:');
	await press(instance, 'secret12', keys.enter);
	await waitForFrame(instance, '今天 2026-11-25');
	await press(instance, keys.enter);
	const detail = await waitForFrame(instance, '授权码');
	t.true(detail.includes('不能撤销: 批次已结算: 请通过银行退款'), detail);
	await press(instance, 'v');
	await waitForFrame(instance, '批次已结算: 请通过银行退款');
	t.false((instance.lastFrame() ?? '').includes('密码'));
});

test('the frame keeps to rows − 1 lines and the page follows the height on resize', async t => {
	const fixture = await consoleFixture({seed: history});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance);
	Object.defineProperty(instance.stdout, 'rows', {value: 12, configurable: true});
	instance.stdout.emit('resize');
	const small = await waitForFrame(instance, frame => frame.split('\n').length <= 11 && frame.includes('000300'));
	t.is(small.split('\n').filter(line => /\d{2}:\d{2}:\d{2}\s+\d{6}/.test(line)).length, 6);
	Object.defineProperty(instance.stdout, 'rows', {value: 30, configurable: true});
	instance.stdout.emit('resize');
	const large = await waitForFrame(
		instance,
		frame => frame.split('\n').filter(line => /\d{2}:\d{2}:\d{2}\s+\d{6}/.test(line)).length === 24,
	);
	t.true(large.split('\n').length <= 29);
});
