import test from 'ava';
import {voidTransaction, voucherCounterName} from '../../source/services/void-service.js';
import {addSale, type Fixture} from '../helpers/fixture.js';
import {consoleFixtureWithPrinter, keys, password, press, signIn, waitForFrame} from '../helpers/console-ui.js';

test('y on a void after the voucher counter went round past 999999 voids with a free number; the console stays up', async t => {
	const {fixture} = await consoleFixtureWithPrinter(t, {
		seed({context, store}: Fixture) {
			// An earlier void took 000001; then an import raised the counter to 999999.
			const earlier = addSale(context, {voucherNo: '000050', createdAt: context.now() - 120_000});
			const supervisor = {operatorNo: '00', name: 'Boss', role: 'supervisor' as const, at: context.now()};
			voidTransaction(context, {transactionId: earlier, operator: supervisor, reason: 'x'});
			store.counters.set(voucherCounterName(context.config.terminalId), 999_999);
			addSale(context, {voucherNo: '000101', amount: 12_850});
		},
	});
	const {instance} = fixture;
	await signIn(instance);
	await press(instance, 'v');
	await waitForFrame(instance, 'your password again:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await press(instance, keys.enter);
	await waitForFrame(instance, 'Confirm void? y/n');
	await press(instance, 'y');
	const result = await waitForFrame(instance, 'Slip printed.');
	t.regex(result, /Voided\. Void voucher 0{5}2\./);
	t.is(fixture.store.voids.findByVoucher('000002').length, 1);
});
