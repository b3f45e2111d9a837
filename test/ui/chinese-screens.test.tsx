import test from 'ava';
import {render} from 'ink-testing-library';
import {openQueueEntries} from '../../source/ui/hooks/screen-data.js';
import {channelNames, channels} from '../../source/domain/transaction.js';
import {parseSearch} from '../../source/domain/search-query.js';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {recentAuditEvents} from '../../source/services/audit-service.js';
import {reprintVoid, slipPreview, waitingJobs} from '../../source/services/print-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {auditLines} from '../../source/ui/screens/AuditScreen.js';
import {PrintQueueScreen} from '../../source/ui/screens/PrintQueueScreen.js';
import {addSale, addTestOperator, fixtureNow, openFixture} from '../helpers/fixture.js';

const zh = messagesFor('zh-CN');
const ignore = () => undefined;
const latinWord = /[A-Za-z]{2,}/v;

test('the Chinese print queue names its slips in Chinese: 撤销 … 重打印, never VOID … REPRINT', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const cashier = await addTestOperator(fixture.context, '01', 'cashier');
	const sale = addSale(fixture.context, {voucherNo: '000101', amount: 4200});
	const voided = voidTransaction(fixture.context, {transactionId: sale, operator: cashier, reason: '顾客取消'});
	if (!voided.ok) {
		throw new Error(voided.detail);
	}

	reprintVoid(fixture.context, voided.void.id, cashier);
	const instance = render(
		<PrintQueueScreen
			context={fixture.context}
			initialEntries={openQueueEntries(fixture.context)}
			messages={zh}
			session={cashier}
			printer={{printer: {state: 'ready', paperNearEnd: false}, setPrinting: ignore, report: ignore}}
			height={20}
			columns={100}
			onChanged={ignore}
		/>,
	);
	t.teardown(() => {
		instance.unmount();
	});
	const frame = instance.lastFrame() ?? '';
	const {voucherNo} = voided.void;
	t.regex(frame, new RegExp(String.raw`撤销 ${voucherNo}\(原凭证 000101\)¥42\.00(?! 重打印)`, 'v'), frame);
	t.regex(frame, new RegExp(String.raw`撤销 ${voucherNo}\(原凭证 000101\)¥42\.00 重打印`, 'v'), frame);
	t.notRegex(frame, /VOID|REPRINT|orig/v, frame);
	t.is(waitingJobs(fixture.context).length, 2);
});

test('the Chinese settlement title and search hint carry no English, and every word the hint offers is one search takes', t => {
	t.is(zh.settlement.title, '结算');
	t.notRegex(zh.list.searchHint, latinWord, zh.list.searchHint);
	const options = {now: fixtureNow, timeZone: 'Asia/Shanghai'};
	t.like(parseSearch('今天', options), {ok: true});
	t.like(parseSearch('昨天', options), {ok: true});
	t.like(parseSearch('已撤销', options), {ok: true, criteria: {status: 'voided'}});
	t.like(parseSearch('已完成', options), {ok: true, criteria: {status: 'completed'}});
	for (const word of ['今天', '昨天', '已撤销', '已完成']) {
		t.true(zh.list.searchHint.includes(word), word);
	}
});

test('a channel has one name per language, on the screen and on the slip', async t => {
	for (const channel of channels) {
		t.is(zh.channel[channel], channelNames.zh[channel]);
		t.is(messagesFor('en').channel[channel], channelNames.en[channel]);
	}

	t.is(zh.channel.unionpay_qr, '银联二维码');
	const fixture = openFixture();
	t.teardown(fixture.close);
	const cashier = await addTestOperator(fixture.context, '01', 'cashier');
	const sale = addSale(fixture.context, {channel: 'unionpay_qr', amount: 1000});
	const voided = voidTransaction(fixture.context, {transactionId: sale, operator: cashier, reason: 'x'});
	if (!voided.ok) {
		throw new Error(voided.detail);
	}

	const preview = slipPreview(fixture.context, voided.printJobId);
	t.true(preview.includes(`${zh.channel.unionpay_qr} UNIONPAY QR`), preview);
	t.false(preview.includes('云闪付'));
});

test('the Chinese audit view shows a void by its voucher numbers with the money formatted, never raw fen or a store id', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const cashier = await addTestOperator(fixture.context, '01', 'cashier');
	const sale = addSale(fixture.context, {voucherNo: '000321', amount: 31_800});
	const voided = voidTransaction(fixture.context, {transactionId: sale, operator: cashier, reason: 'x'});
	if (!voided.ok) {
		throw new Error(voided.detail);
	}

	voidTransaction(fixture.context, {transactionId: sale, operator: cashier, reason: 'x'});
	const rows = recentAuditEvents(fixture.context, {}, 10);
	const lines = auditLines(rows, zh, 'Asia/Shanghai', 200).join('\n');
	t.regex(
		lines,
		new RegExp(String.raw`凭证号 000321 +撤销凭证 ${voided.void.voucherNo},原凭证 000321,金额 ¥318\.00`, 'v'),
		lines,
	);
	t.regex(lines, /撤销被拒 +拒绝 +凭证号 000321 +该交易已撤销/v, lines);
	t.notRegex(lines, /31800|transaction:|amount /v, lines);
	t.regex(
		auditLines(rows, messagesFor('en'), 'Asia/Shanghai', 200).join('\n'),
		/voucher 000321 +void \d{6} of 000321 amount ¥318\.00/v,
	);
});
