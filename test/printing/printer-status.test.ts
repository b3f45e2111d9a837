import test from 'ava';
import {parseStatus, statusFailure} from '../../source/printing/printer-status.js';

function classify(...bytes: number[]) {
	const parsed = parseStatus(Uint8Array.from(bytes));
	if (!parsed.ok) {
		return {kind: parsed.failure.kind, nearEnd: false};
	}

	return {
		kind: statusFailure(parsed.status)?.kind ?? 'ready',
		nearEnd: parsed.status.paperNearEnd,
	};
}

test('all three replies 0x12 (only the fixed bits) is a ready printer', t => {
	t.deepEqual(classify(0x12, 0x12, 0x12), {kind: 'ready', nearEnd: false});
});

test('paper near end (DLE EOT 4 bits 2-3) still prints, and says so', t => {
	t.deepEqual(classify(0x12, 0x12, 0x1e), {kind: 'ready', nearEnd: true});
});

test("Epson's paper-out example 1A 32 7E is paper out", t => {
	t.deepEqual(classify(0x1a, 0x32, 0x7e), {kind: 'paper-out', nearEnd: true});
});

test('cover open (DLE EOT 2 bit 2) wins over paper out, since closing it comes first', t => {
	t.is(classify(0x1a, 0x16, 0x12).kind, 'cover-open');
	t.is(classify(0x1a, 0x36, 0x7e).kind, 'cover-open');
});

test('error occurred (DLE EOT 2 bit 6) is a printer error', t => {
	t.is(classify(0x1a, 0x52, 0x12).kind, 'printer-error');
});

test('offline (DLE EOT 1 bit 3) with no cause is offline', t => {
	t.is(classify(0x1a, 0x12, 0x12).kind, 'offline');
});

test('a reply without the fixed bits is not an ESC/POS printer answering: printer error', t => {
	t.is(classify(0x00, 0x12, 0x12).kind, 'printer-error');
	t.is(classify(0x12, 0x12).kind, 'printer-error');
});
