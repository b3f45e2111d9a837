import test from 'ava';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {
	centreToWidth,
	displayWidth,
	padEndToWidth,
	padStartToWidth,
	spreadToWidth,
	truncateToWidth,
} from '../../source/domain/display-width.js';

test('every character of the Basic Multilingual Plane measures as string-width measures it', t => {
	const differing: string[] = [];
	for (let code = 0; code <= 0xff_ff; code++) {
		const character = String.fromCodePoint(code);
		if (displayWidth(character) !== stringWidth(character)) {
			differing.push(code.toString(16));
		}
	}

	t.deepEqual(differing, []);
});

// Characters a grapheme joins or an emoji changes: beside plain text they must still measure right.
const tricky = [
	'\u0301', // Combining acute accent
	'\u200D', // Zero-width joiner
	'\uFE0F', // Emoji presentation selector
	'\u20E3', // Combining keycap
	'\u00AD', // Soft hyphen
	'\u00A9', // ©
	'\u203C', // ‼
	'\u1100', // Hangul choseong kiyeok
	'\u1161', // Hangul jungseong a
	'\u3099', // Combining katakana voiced mark
	'\uFF9E', // Half-width voiced mark
	'\u0007', // Bell
	'\u001B[31m', // An ANSI colour
	'👍',
	'👨‍👩‍👧',
	'🇨🇳',
];
const plain = ['a', ' ', '¥', '￥', '·', '—', '…', '›', '│', '─', '↑', '中', '撤', '销', '，', '。', 'Ａ', 'é', 'ß'];

test('any mix of plain and tricky characters measures as string-width measures it', t => {
	t.notThrows(() => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...plain, ...tricky), {maxLength: 30}), parts => {
				const text = parts.join('');
				return displayWidth(text) === stringWidth(text);
			}),
			{numRuns: 3000},
		);
	});
	t.notThrows(() => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 40}), text => displayWidth(text) === stringWidth(text)),
			{numRuns: 3000},
		);
	});
});

test('Chinese takes two columns a character; the list and slip helpers keep to their width', t => {
	t.is(displayWidth('消费撤销 VOID'), 13);
	t.is(displayWidth('￥128.50'), 8);
	t.is(truncateToWidth('消费撤销', 5), '消费');
	t.is(padEndToWidth('撤销', 6), '撤销  ');
	t.is(padStartToWidth('¥1.00', 7), '  ¥1.00');
	t.is(spreadToWidth('金额 AMOUNT', '￥-128.50', 22), '金额 AMOUNT  ￥-128.50');
	t.is(spreadToWidth('金额 AMOUNT', '￥-128.50', 20), '金额 AMOUN ￥-128.50');
	t.is(centreToWidth('重打印', 10), '  重打印');
});
