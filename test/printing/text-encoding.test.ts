import test from 'ava';
import {encodeText, printableText, printerWidth} from '../../source/printing/text-encoding.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test('control bytes are removed before encoding: C0 but line feed, DEL and C1', t => {
	const {bytes} = encodeText('A\u001B@\u0010\u0004\u0001\u001DV\u0000\u001C&\u007F\u0085\u009B\tB\nC', 'gb18030');
	t.is(bytes.toString(), 'A@V&B\nC');
});

test('GB18030: Chinese characters are two bytes and ASCII one', t => {
	const {bytes, unencodable} = encodeText('示例 A', 'gb18030');
	t.is(hex(bytes), 'cabec0fd2041');
	t.deepEqual(unencodable, []);
});

test('GB18030: the yen sign U+00A5 is printed as full-width ￥ (A3 A4), never its four-byte form', t => {
	t.is(hex(encodeText('¥1', 'gb18030').bytes), 'a3a431');
	t.is(hex(encodeText('￥1', 'gb18030').bytes), 'a3a431');
});

test('GB18030: a character that needs four bytes becomes ? and is reported once', t => {
	const {bytes, unencodable} = encodeText('𠀀a😀𠀀', 'gb18030');
	t.is(bytes.toString(), '?a??');
	t.deepEqual(unencodable, ['𠀀', '😀']);
});

test('CP858: Western letters and the euro sign are one byte; Chinese is ? and reported', t => {
	const {bytes, unencodable} = encodeText('Café €5 示', 'cp858');
	t.is(hex(bytes), '4361668220d535203f');
	t.deepEqual(unencodable, ['示']);
});

test('CP437 has no euro sign: ? and reported, never another glyph', t => {
	const {bytes, unencodable} = encodeText('€5', 'cp437');
	t.is(bytes.toString(), '?5');
	t.deepEqual(unencodable, ['€']);
});

test('on a code page the full-width ￥ is printed as ¥ (CP437 0x9D, CP858 0xBE)', t => {
	t.is(hex(encodeText('-￥1', 'cp437').bytes), '2d9d31');
	t.is(hex(encodeText('-￥1', 'cp858').bytes), '2dbe31');
	t.is(printableText('-￥1', 'cp858').text, '-¥1');
});

test('printer width: in Chinese mode every two-byte character is two columns, even ones a terminal draws narrow', t => {
	t.is(printerWidth('示例', 'gb18030'), 4);
	t.is(printerWidth('a·b', 'gb18030'), 4);
	t.is(printerWidth('Café', 'cp858'), 4);
});
