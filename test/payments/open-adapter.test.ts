/* eslint-disable no-bitwise -- file modes are bit fields. */
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {readKeyFile} from '../../source/payments/key-file.js';
import {openPaymentAdapter, PaymentSetupError} from '../../source/payments/open-adapter.js';
import {terminalAssistedAdapter} from '../../source/payments/terminal-assisted-adapter.js';
import {tempFolder} from '../helpers/temp-db.js';
import {testClock} from '../helpers/test-clock.js';
import {demoKeyFiles, qrSale, startPlatforms} from './platform-fixture.js';

test('demo keys are made owner-only, in an owner-only folder', t => {
	const files = demoKeyFiles();
	for (const pair of Object.values(files)) {
		for (const file of [pair.privateKeyFile, pair.publicKeyFile]) {
			t.is(fs.statSync(file).mode & 0o777, 0o600, file);
		}
	}

	t.is(fs.statSync(path.dirname(files['alipay-merchant'].privateKeyFile)).mode & 0o777, 0o700);
});

test('a key file others can read is refused when it is read, and the message never holds the key', t => {
	const folder = tempFolder(t);
	const file = path.join(folder, 'key.pem');
	const pem = fs.readFileSync(demoKeyFiles()['wechat-merchant'].privateKeyFile, 'utf8');
	fs.writeFileSync(file, pem, {mode: 0o644});
	const refused = readKeyFile(file, 'private');
	t.like(refused, {ok: false, problem: 'readable-by-others'});
	t.false(JSON.stringify(refused).includes('PRIVATE KEY'));
	fs.chmodSync(file, 0o600);
	t.like(readKeyFile(file, 'private'), {ok: true});
	t.like(readKeyFile(file, 'public'), {ok: true}, 'a public key can be derived from the private one');
	fs.writeFileSync(path.join(folder, 'junk.pem'), 'secret words', {mode: 0o600});
	const junk = readKeyFile(path.join(folder, 'junk.pem'), 'private');
	t.like(junk, {ok: false, problem: 'not-a-key'});
	t.false(JSON.stringify(junk).includes('secret words'));
});

test('opening an online adapter with a group-readable key names the configuration key', async t => {
	const p = await startPlatforms(t);
	const folder = tempFolder(t);
	const copy = path.join(folder, 'merchant.pem');
	fs.copyFileSync(p.settings.wechat!.merchantKeyFile, copy);
	fs.chmodSync(copy, 0o640);
	const error = t.throws(
		() => openPaymentAdapter('wechat', {...p.settings, wechat: {...p.settings.wechat!, merchantKeyFile: copy}}),
		{instanceOf: PaymentSetupError},
	);
	t.regex(error.message, /^payments\.wechat\.merchantKeyFile: .*mode 640/);
});

test('record-only approves at once with no platform number; a card in terminal-assisted mode asks the clerk', async t => {
	const p = await startPlatforms(t);
	const sale = {...qrSale(p, 'wechat'), channel: 'debit' as const};
	const record = openPaymentAdapter('unionpay_qr', p.settings);
	t.like(await record.requestVoid(sale, {idempotencyKey: 'k', amount: 1, reason: 'r', operation: 'record', now: 5}), {
		kind: 'approved',
		platformRefundNo: '',
		at: 5,
	});
	const card = openPaymentAdapter('debit', p.settings);
	t.is(card.platform, 'terminal');
	t.deepEqual(
		await card.requestVoid(sale, {idempotencyKey: 'k', amount: sale.total, reason: 'r', operation: 'terminal', now: 5}),
		{
			kind: 'clerk-step',
			instruction: {terminalId: '10293847', voucherNo: sale.voucherNo, amount: 12_850, currency: 'CNY'},
		},
	);
	t.false(card.repeatIsSafe('terminal'));
});

test("the terminal's void voucher (6 digits) and reference (12) are taken; anything else is refused with what to copy", t => {
	const adapter = terminalAssistedAdapter();
	const sale = {
		channel: 'credit' as const,
		voucherNo: '000401',
		referenceNo: '123456789012',
		terminalId: '10293847',
		batchNo: '000001',
		total: 12_850,
		currency: 'CNY',
		createdAt: testClock(),
	};
	const now = testClock();
	t.deepEqual(adapter.acceptTerminalAnswer(sale, {voidVoucherNo: ' 000417 ', voidReferenceNo: '987654321098'}, now), {
		ok: true,
		outcome: {kind: 'approved', platformRefundNo: '987654321098', at: now},
		voidVoucherNo: '000417',
		voidReferenceNo: '987654321098',
	});
	t.like(adapter.acceptTerminalAnswer(sale, {voidVoucherNo: '417', voidReferenceNo: '987654321098'}, now), {
		ok: false,
		problem: 'voucher',
	});
	t.like(adapter.acceptTerminalAnswer(sale, {voidVoucherNo: '000401', voidReferenceNo: '987654321098'}, now), {
		ok: false,
		problem: 'voucher',
	});
	t.like(adapter.acceptTerminalAnswer(sale, {voidVoucherNo: '000417', voidReferenceNo: '98765'}, now), {
		ok: false,
		problem: 'reference',
	});
});
