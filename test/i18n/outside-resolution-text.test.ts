import test from 'ava';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {refusalText} from '../../source/i18n/refusal-text.js';

const outside = {
	channel: 'wechat',
	kind: 'refund',
	resolvedAt: Date.parse('2026-11-25T14:03:27+08:00'),
	timeZone: 'Asia/Shanghai',
} as const;

test('a refund made at WeChat Pay is told with its place and time, in English and in Chinese', t => {
	t.regex(
		refusalText(messagesFor('en'), 'resolved-outside', {outside}).message,
		/^already refunded at WeChat Pay on 2026\/11\/25 14:03:27; nothing to void here$/,
	);
	t.regex(
		refusalText(messagesFor('zh-CN'), 'resolved-outside', {outside}).message,
		/^已于 2026\/11\/25 14:03:27 在微信支付退款,此处无需撤销$/,
	);
});

test('a card void at the bank terminal names the terminal, not a platform', t => {
	const {message} = refusalText(messagesFor('en'), 'resolved-outside', {
		outside: {...outside, channel: 'debit', kind: 'card-void'},
	});
	t.true(message.startsWith('already voided at the bank terminal on'), message);
});
