import test from 'ava';
import {maskCard, maskCardNumbers} from '../../source/domain/card-mask.js';

test('a 16-digit card keeps its first 6 and last 4 digits', t => {
	t.is(maskCard('6228480000000018'), '622848******0018');
});

test('a 19-digit card with spaces keeps at most 10 digits visible', t => {
	const masked = maskCard('6217 0000 1234 5678 901');
	t.is(masked, '621700*********8901');
	t.is(masked.replaceAll(/\D/g, '').length, 10);
});

test('a QR payer id keeps only its last 4', t => {
	t.is(maskCard('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o'), '****eS6o');
	t.is(maskCard('2088102146'), '****2146');
});

test('an already masked card stays as it is', t => {
	t.is(maskCard('622848******0018'), '622848******0018');
	t.is(maskCard('****1234'), '****1234');
});

test('a short number that is not a card keeps only its last 4', t => {
	t.is(maskCard('12345678'), '****5678');
});

test('no masked value contains a full card number', t => {
	for (const raw of ['6228480000000018', '4111111111111111', '6217000012345678901', '371449635398431']) {
		t.notRegex(maskCard(raw), /\d{11,}/);
	}
});

const pan = '6228480402564890018';
const masked = '622848*********0018';

test('a card number in free text is masked whatever separates its digits', t => {
	const written = [
		pan,
		'6228.4804.0256.4890.018',
		'6228--4804--0256--4890--018',
		'6228 4804 0256 4890 018',
		'6228\u00A04804\u00A00256\u00A04890\u00A0018',
		'6228/4804/0256/4890/018',
		'6228\u200B4804\u200B0256\u200B4890\u200B018',
		'6228\u30004804\u30000256\u30004890\u3000018',
		'６２２８４８０４０２５６４８９００１８',
		'٦٢٢٨٤٨٠٤٠٢٥٦٤٨٩٠٠١٨',
		'6228 - 4804 / 0256 . 4890 018',
	];
	for (const card of written) {
		t.is(maskCardNumbers(`refund to ${card}, asked by customer`), `refund to ${masked}, asked by customer`, card);
	}
});

test('runs of fewer than 13 digits stay as they are', t => {
	for (const text of ['voucher 000051', 'ref 112514012345', 'amount 128.50 fee 0.77', '2026-11-25T10:00:00+08:00']) {
		t.is(maskCardNumbers(text), text);
	}
});

test('masking free text twice changes nothing more', t => {
	const once = maskCardNumbers(`card ${pan} and 4111-1111-1111-1111`);
	t.is(once, `card ${masked} and 411111******1111`);
	t.is(maskCardNumbers(once), once);
});

test('a card field written with any separators or digits of another script is masked to first 6 and last 4', t => {
	t.is(maskCard('6228.4804.0256.4890.018'), masked);
	t.is(maskCard('６２２８４８０４０２５６４８９００１８'), masked);
	t.is(maskCard('6228/4804/0256/4890/018'), masked);
});
