import test from 'ava';
import {maskCard} from '../../source/domain/card-mask.js';

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
