import test from 'ava';
import {formatScreen, formatSlip, maxAmountFen, parseMoney} from '../../source/domain/money.js';

for (const [text, fen] of [
	['128.50', 12_850],
	['128.5', 12_850],
	['128', 12_800],
	['0.01', 1],
	[' 7.05 ', 705],
	['99999999.99', maxAmountFen],
] as const) {
	test(`parseMoney reads ${JSON.stringify(text)} as ${fen} fen`, t => {
		t.deepEqual(parseMoney(text), {ok: true, fen});
	});
}

for (const [text, why] of [
	['1,28', 'not a number'],
	['-1', 'negative'],
	['12.345', 'more than two decimals'],
	['', 'empty'],
	['100000000.00', 'over the largest amount'],
	['99999999999999999999', 'over the largest amount'],
	['¥12', 'not a number'],
	['1e3', 'not a number'],
	['.5', 'not a number'],
] as const) {
	test(`parseMoney rejects ${JSON.stringify(text)} saying ${why}`, t => {
		const result = parseMoney(text);
		t.false(result.ok);
		t.true(!result.ok && result.message.includes(why), result.ok ? '' : result.message);
	});
}

test('screen amounts use the half-width yen sign and slips the full-width one', t => {
	t.is(formatScreen(12_850), '¥128.50');
	t.is(formatScreen(-12_850), '-¥128.50');
	t.is(formatSlip(-12_850), '-￥128.50');
	t.is(formatSlip(5), '￥0.05');
	t.false(formatSlip(100).includes('\u00A5'));
});
