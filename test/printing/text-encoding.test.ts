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

test('GB18030: a character that needs four bytes is dropped beside other words, and reported once; never ?', t => {
	const {bytes, unencodable, substitutions} = encodeText('𠀀a😀𠀀', 'gb18030');
	t.is(bytes.toString(), 'a');
	t.deepEqual(unencodable, ['𠀀', '😀']);
	t.deepEqual(substitutions, [
		{from: '𠀀', to: ''},
		{from: '😀𠀀', to: ''},
	]);
});

test('CP858: Western letters and the euro sign are one byte; Chinese beside them is dropped and reported', t => {
	const {bytes, unencodable, substitutions} = encodeText('Café €5 示', 'cp858');
	t.is(hex(bytes), '4361668220d535');
	t.deepEqual(unencodable, ['示']);
	t.deepEqual(substitutions, [{from: '示', to: ''}]);
});

test('CP437 has no euro sign: EUR, reported, never ? or another glyph', t => {
	const {bytes, unencodable, substitutions} = encodeText('€5', 'cp437');
	t.is(bytes.toString(), 'EUR5');
	t.deepEqual(unencodable, ['€']);
	t.deepEqual(substitutions, [{from: '€', to: 'EUR'}]);
});

test('text with nothing printable left is marked (...), not ?', t => {
	const result = printableText('示例便利店', 'cp437');
	t.is(result.text, '(...)');
	t.deepEqual(result.substitutions, [{from: '示例便利店', to: '(...)'}]);
});

test('reasoned substitutes: full-width forms by NFKC, typographic punctuation by ASCII, accents dropped where the page lacks them', t => {
	t.is(printableText('ＡＢＣ１２３：“x”…', 'cp437').text, 'ABC123:"x"...');
	t.is(printableText('Łódź', 'cp437').text, 'Lódz', 'cp437 has ó but neither Ł nor ź');
	t.is(printableText('Łódź', 'cp852').text, 'Łódź');
});

test('ascii: a printer stuck in Chinese mode gets no byte of 0x80 or above in single-byte text', t => {
	const {bytes} = encodeText('Café ¥5 ï v 示例', 'ascii');
	t.true([...bytes].every(byte => byte < 0x80));
	t.is(bytes.toString(), 'Cafe RMB5 i v');
});

test('GB2312 heads print the GB2312 set only: a GBK-only character is substituted or dropped', t => {
	// 镕 (U+9555) is in GBK, not in GB2312.
	t.deepEqual(printableText('示例镕', 'gb2312').unencodable, ['镕']);
	t.deepEqual(printableText('示例镕', 'gbk').unencodable, []);
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
