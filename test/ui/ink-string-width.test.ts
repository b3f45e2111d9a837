import test from 'ava';
import stringWidth from 'string-width';
import inkStringWidth from '../../source/ui/ink-string-width.js';

test('Ink gets the same widths as from string-width, options included', t => {
	for (const text of ['', 'posvoid — sign in', '› 14:32 微信支付 ¥128.50', '\u001B[1mbold\u001B[22m', '👨‍👩‍👧 ok']) {
		t.is(inkStringWidth(text), stringWidth(text), text);
	}

	t.is(
		inkStringWidth('\u001B[1mab\u001B[22m', {countAnsiEscapeCodes: true}),
		stringWidth('\u001B[1mab\u001B[22m', {countAnsiEscapeCodes: true}),
	);
	t.is(inkStringWidth('§±', {ambiguousIsNarrow: false}), 4);
});
