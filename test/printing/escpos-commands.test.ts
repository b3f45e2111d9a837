import test from 'ava';
import * as command from '../../source/printing/escpos-commands.js';
import {statusQuery} from '../../source/printing/printer-status.js';

// Byte layouts from Epson's ESC/POS command reference.
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test('ESC @ initializes the printer as 1B 40', t => {
	t.is(hex(command.initialize()), '1b40');
});

test('ESC a n selects left, centre and right as 0, 1, 2', t => {
	t.is(hex(command.align('left')), '1b6100');
	t.is(hex(command.align('centre')), '1b6101');
	t.is(hex(command.align('right')), '1b6102');
});

test('ESC E n turns emphasis on with 1 and off with 0', t => {
	t.is(hex(command.bold(true)), '1b4501');
	t.is(hex(command.bold(false)), '1b4500');
});

test('GS ! n puts the width multiplier in the high nibble and the height in the low, each minus one', t => {
	t.is(hex(command.characterSize(1, 1)), '1d2100');
	t.is(hex(command.characterSize(2, 2)), '1d2111');
	t.is(hex(command.characterSize(2, 1)), '1d2110');
	t.is(hex(command.characterSize(1, 3)), '1d2102');
	t.is(hex(command.characterSize(8, 8)), '1d2177');
});

test('FS & and FS . turn Chinese mode on and off', t => {
	t.is(hex(command.chineseModeOn()), '1c26');
	t.is(hex(command.chineseModeOff()), '1c2e');
});

test('ESC t n selects PC437 as page 0 and PC858 as page 19', t => {
	t.is(hex(command.selectCodePage(0)), '1b7400');
	t.is(hex(command.selectCodePage(19)), '1b7413');
});

test('GS ( k function 165 selects QR model 2', t => {
	t.is(hex(command.qrModel2()), '1d286b040031413200');
});

test('GS ( k function 167 sets the module size, 1 to 16 dots', t => {
	t.is(hex(command.qrModuleSize(6)), '1d286b0300314306');
	t.throws(() => command.qrModuleSize(0), {instanceOf: RangeError});
	t.throws(() => command.qrModuleSize(17), {instanceOf: RangeError});
});

test('GS ( k function 169 sets the error level as 48-51 for L, M, Q, H', t => {
	t.is(hex(command.qrErrorLevel('L')), '1d286b0300314530');
	t.is(hex(command.qrErrorLevel('M')), '1d286b0300314531');
	t.is(hex(command.qrErrorLevel('H')), '1d286b0300314533');
});

test('GS ( k function 180 stores data with pL pH = data bytes + 3', t => {
	const data = Buffer.from('331125000101');
	t.is(hex(command.qrStore(data)), '1d286b0f00315030' + data.toString('hex'));
});

test('GS ( k function 180 counts bytes, not characters, and carries into pH past 252 bytes', t => {
	// Two GB18030 characters are four bytes: pL = 7.
	t.is(hex(command.qrStore(Buffer.from('cabedafd', 'hex'))).slice(0, 16), '1d286b0700315030');
	const long = Buffer.alloc(300, 0x31);
	// 303 = 0x012F
	t.is(hex(command.qrStore(long)).slice(0, 16), '1d286b2f01315030');
	t.is(command.qrStore(long).length, 8 + 300);
});

test('GS ( k function 181 prints the stored symbol', t => {
	t.is(hex(command.qrPrint()), '1d286b0300315130');
});

test('GS V 66 n feeds to the cutter plus n units and cuts', t => {
	t.is(hex(command.feedAndCut(3)), '1d564203');
	t.is(hex(command.feedAndCut()), '1d564200');
});

test('DLE EOT n asks for real-time status, and the transport asks for printer, offline cause and paper sensor', t => {
	t.is(hex(command.statusRequest(1)), '100401');
	t.is(hex(command.statusRequest(4)), '100404');
	t.is(hex(statusQuery), '100401100402100404');
});
