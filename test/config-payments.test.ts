import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {ConfigError, loadConfig, parseConfig} from '../source/config.js';
import type {PaymentsConfig} from '../source/config-payments.js';
import type {PaymentsSettings} from '../source/payments/open-adapter.js';
import {tempFolder} from './helpers/temp-db.js';

const wechat = {
	gatewayUrl: 'https://api.mch.weixin.qq.com',
	mchid: '1230000109',
	merchantSerialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
	merchantKeyFile: 'keys/wechat-merchant.pem',
	platformKeyFile: 'keys/wechat-platform.pem',
	platformSerialNo: 'PUB_KEY_ID_0112300001092026112500000000000001',
};

test('every channel is record-only by default: no void leaves the counter', t => {
	const {payments} = parseConfig({});
	t.deepEqual(Object.values(payments.modes), [
		'record-only',
		'record-only',
		'record-only',
		'record-only',
		'record-only',
	]);
	t.is(payments.wechat, undefined);
});

test("the configuration's payments section is what openPaymentAdapter reads", t => {
	// A compile-time check that the two declarations agree (payments/ does not import the configuration).
	const settings: PaymentsSettings = parseConfig({payments: {modes: {wechat: 'online'}, wechat}})
		.payments satisfies PaymentsConfig;
	t.is(settings.modes.wechat, 'online');
	t.is(settings.wechat?.mchid, '1230000109');
});

test('plain http is refused for a host that is not loopback, and allowed to 127.0.0.1 and localhost', t => {
	const error = t.throws(
		() =>
			parseConfig({
				payments: {modes: {wechat: 'online'}, wechat: {...wechat, gatewayUrl: 'http://api.mch.weixin.qq.com'}},
			}),
		{instanceOf: ConfigError},
	);
	t.regex(error.message, /payments\.wechat\.gatewayUrl: an https:\/\/ address/);
	for (const url of [
		'http://127.0.0.1:8800',
		'http://localhost:8800',
		'http://[::1]:8800',
		'https://pay.example.com',
	]) {
		t.notThrows(() => parseConfig({payments: {wechat: {...wechat, gatewayUrl: url}}}), url);
	}

	for (const url of ['http://10.0.0.5', 'http://127.0.0.1.example.com', 'https://user:pw@pay.example.com', 'ftp://x']) {
		t.throws(() => parseConfig({payments: {wechat: {...wechat, gatewayUrl: url}}}), {instanceOf: ConfigError}, url);
	}
});

test('an online channel needs its section, and a channel takes only its own modes', t => {
	const error = t.throws(
		() => parseConfig({payments: {modes: {alipay: 'online', debit: 'online', unionpay_qr: 'online'}}}),
		{
			instanceOf: ConfigError,
		},
	);
	t.regex(error.message, /payments\.alipay: required when payments\.modes\.alipay is "online"/);
	t.regex(error.message, /payments\.modes\.debit: one of "record-only", "terminal-assisted"/);
	t.regex(error.message, /payments\.modes\.unionpay_qr: one of "record-only"/);
});

test('a group-readable key file is refused at load, naming its key; an owner-only one is taken', t => {
	const folder = tempFolder(t);
	const keys = path.join(folder, 'keys');
	fs.mkdirSync(keys, {mode: 0o700});
	for (const file of ['wechat-merchant.pem', 'wechat-platform.pem']) {
		fs.writeFileSync(path.join(keys, file), 'not read at load', {mode: 0o600});
	}

	const configFile = path.join(folder, 'config.json');
	const write = () => {
		fs.writeFileSync(
			configFile,
			JSON.stringify({
				payments: {
					modes: {wechat: 'online'},
					wechat: {
						...wechat,
						merchantKeyFile: path.join(keys, 'wechat-merchant.pem'),
						platformKeyFile: path.join(keys, 'wechat-platform.pem'),
					},
				},
			}),
		);
	};

	write();
	t.is(loadConfig(configFile).payments.modes.wechat, 'online');
	fs.chmodSync(path.join(keys, 'wechat-merchant.pem'), 0o640);
	const error = t.throws(() => loadConfig(configFile), {instanceOf: ConfigError});
	t.regex(error.message, /payments\.wechat\.merchantKeyFile: .* can be read by others \(mode 640\).*chmod 600/);
	t.notRegex(error.message, /not read at load/, "the key file's content is never quoted");
	fs.rmSync(path.join(keys, 'wechat-platform.pem'));
	const missing = t.throws(() => loadConfig(configFile), {instanceOf: ConfigError});
	t.regex(missing.message, /payments\.wechat\.platformKeyFile: .* does not exist/);
});
