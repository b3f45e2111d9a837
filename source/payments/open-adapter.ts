// Builds a channel's adapter from its configured mode, reading the keys it needs. The void service
// imports this module dynamically, on the first online void, so start-up never loads payments code.

import type {Channel} from '../domain/transaction.js';
import {alipayAdapter} from './alipay-adapter.js';
import {readKeyFile} from './key-file.js';
import type {AdapterContext, PaymentAdapter} from './payment-adapter.js';
import type {AlipayLink, LinkTimeouts, WechatLink} from './payment-settings.js';
import {recordOnlyAdapter} from './record-only-adapter.js';
import {terminalAssistedAdapter} from './terminal-assisted-adapter.js';
import {wechatAdapter} from './wechat-adapter.js';

export type PaymentMode = 'record-only' | 'online' | 'terminal-assisted';

/** The configuration's `payments` section, as this module reads it (source/config.ts has the same shape). */
export type PaymentsSettings = LinkTimeouts & {
	modes: Record<Channel, PaymentMode>;
	alipay?: AlipayLink;
	wechat?: WechatLink;
};

/** A key file or setting that stops a channel from going online; the message names the configuration key. */
export class PaymentSetupError extends Error {
	override name = 'PaymentSetupError';
}

function key(file: string, type: 'private' | 'public', configKey: string) {
	const read = readKeyFile(file, type);
	if (!read.ok) {
		throw new PaymentSetupError(`payments.${configKey}: ${read.detail}`);
	}

	return read.key;
}

export function openPaymentAdapter(
	channel: Channel,
	settings: PaymentsSettings,
	context: AdapterContext = {},
): PaymentAdapter {
	const mode = settings.modes[channel];
	const timeouts = {connectTimeoutMs: settings.connectTimeoutMs, totalTimeoutMs: settings.totalTimeoutMs};
	if (mode === 'record-only') {
		return recordOnlyAdapter();
	}

	if (mode === 'terminal-assisted') {
		return terminalAssistedAdapter();
	}

	if (channel === 'alipay' && settings.alipay) {
		const link = settings.alipay;
		return alipayAdapter(
			link,
			{
				merchantKey: key(link.merchantKeyFile, 'private', 'alipay.merchantKeyFile'),
				alipayPublicKey: key(link.alipayPublicKeyFile, 'public', 'alipay.alipayPublicKeyFile'),
			},
			timeouts,
			context,
		);
	}

	if (channel === 'wechat' && settings.wechat) {
		const link = settings.wechat;
		return wechatAdapter(
			link,
			{
				merchantKey: key(link.merchantKeyFile, 'private', 'wechat.merchantKeyFile'),
				platformKeys: new Map([[link.platformSerialNo, key(link.platformKeyFile, 'public', 'wechat.platformKeyFile')]]),
			},
			timeouts,
			context,
		);
	}

	throw new PaymentSetupError(`payments.modes.${channel}: "${mode}" needs the payments.${channel} section`);
}
