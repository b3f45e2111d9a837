import test from 'ava';
import {defaultConfig} from '../../source/config.js';
import {computeFee} from '../../source/domain/fees.js';

const {fees} = defaultConfig();

test('debit card pays 0.5% rounded half up to the fen', t => {
	t.is(computeFee('debit', 12_850, fees), 64); // 64.25
	t.is(computeFee('debit', 100, fees), 1); // 0.5 rounds up
	t.is(computeFee('debit', 99, fees), 0); // 0.495 rounds down
});

test('debit card fee is capped at ¥25.00', t => {
	t.is(computeFee('debit', 500_000, fees), 2500);
	t.is(computeFee('debit', 9_999_999_999, fees), 2500);
});

test('credit card pays 0.6% uncapped', t => {
	t.is(computeFee('credit', 1_000_000, fees), 6000);
	t.is(computeFee('credit', 12_850, fees), 77); // 77.1
});

test('every QR channel pays 0.38%', t => {
	for (const channel of ['wechat', 'alipay', 'unionpay_qr'] as const) {
		t.is(computeFee(channel, 10_000, fees), 38);
		t.is(computeFee(channel, 12_850, fees), 49); // 48.83
	}
});

test('the fee schedule comes from the configuration', t => {
	t.is(computeFee('debit', 10_000, {...fees, debit: {basisPoints: 100, cap: 50}}), 50);
});
