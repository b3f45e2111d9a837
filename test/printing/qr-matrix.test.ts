import test from 'ava';
import {readQrModules, readRasterQr} from '../../source/printing/emulator/raster-qr-reader.js';
import {encodeQr, reedSolomon} from '../../source/printing/qr-matrix.js';
import {quietZoneModules, rasterQr} from '../../source/printing/raster-qr.js';
import {goldenSymbols} from './qr-golden.js';

test('Reed-Solomon gives the published error correction of HELLO WORLD at 1-M', t => {
	const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
	t.deepEqual(reedSolomon(data, 10), [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
});

for (const golden of goldenSymbols) {
	test(`the symbol for ${golden.data} is module for module the one an independent encoder makes`, t => {
		const matrix = encodeQr(Buffer.from(golden.data));
		t.is(matrix.mask, golden.mask);
		t.deepEqual(
			matrix.modules.map(row => row.map(dark => (dark ? '#' : '.')).join('')),
			golden.rows,
		);
		t.is(
			Buffer.from(readQrModules(golden.rows.map(row => [...row].map(module => module === '#')))!).toString(),
			golden.data,
		);
	});
}

test('a raster QR reads back to its data at every version and module size the slips use', t => {
	for (const length of [1, 12, 30, 60, 100, 150, 213]) {
		const data = Buffer.from('9'.repeat(length));
		for (const dots of [3, 4, 6]) {
			const image = rasterQr(data, dots);
			const matrix = encodeQr(data);
			t.is(image.height, (matrix.size + 2 * quietZoneModules) * dots);
			t.is(Buffer.from(readRasterQr(image)!).toString(), data.toString(), `${length} bytes at ${dots} dots`);
		}
	}
});

test('a void reference is version 1: 21 modules, 116 dots square at 4 dots with the quiet zone', t => {
	const image = rasterQr(Buffer.from('331125000101'), 4);
	t.is(encodeQr(Buffer.from('331125000101')).version, 1);
	t.is(image.height, 116);
	t.is(image.widthBytes, 15);
});

test('data past version 10 is refused, not truncated', t => {
	t.throws(() => encodeQr(Buffer.alloc(214, 0x41)), {instanceOf: RangeError});
});
