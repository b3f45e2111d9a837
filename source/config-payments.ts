// The configuration's `payments` section: how each channel's void reaches the money, and the links
// and key files of the online platforms. The keys themselves are never in the file, only their paths.

import fs from 'node:fs';
import {channels, type Channel} from './domain/transaction.js';
import {integer, matching, oneOf, text, textWhere, type SectionReader} from './config-rules.js';

export const paymentModes = ['record-only', 'online', 'terminal-assisted'] as const;
export type PaymentMode = (typeof paymentModes)[number];

export type AlipayConfig = {gatewayUrl: string; appId: string; merchantKeyFile: string; alipayPublicKeyFile: string};
export type WechatConfig = {
	gatewayUrl: string;
	mchid: string;
	merchantSerialNo: string;
	merchantKeyFile: string;
	platformKeyFile: string;
	platformSerialNo: string;
};

export type PaymentsConfig = {
	modes: Record<Channel, PaymentMode>;
	connectTimeoutMs: number;
	totalTimeoutMs: number;
	alipay?: AlipayConfig;
	wechat?: WechatConfig;
};

/** The modes each channel can take: a card is voided at the terminal, a QR payment at its platform. */
const modesOf: Record<Channel, readonly PaymentMode[]> = {
	debit: ['record-only', 'terminal-assisted'],
	credit: ['record-only', 'terminal-assisted'],
	wechat: ['record-only', 'online'],
	alipay: ['record-only', 'online'],

	unionpay_qr: ['record-only'],
};

export function defaultPayments(): PaymentsConfig {
	return {
		modes: Object.fromEntries(channels.map(channel => [channel, 'record-only'])) as Record<Channel, PaymentMode>,
		connectTimeoutMs: 3000,
		totalTimeoutMs: 10_000,
	};
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replaceAll(/^\[|]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** A gateway address: https, or http to this machine (the simulator); no user or password in it. */
export function isGatewayUrl(value: string): boolean {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}

	if (url.username !== '' || url.password !== '' || url.hash !== '') {
		return false;
	}

	return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

const gatewayUrl = textWhere(
	isGatewayUrl,
	'an https:// address (plain http:// only to 127.0.0.1 or localhost, such as the simulator)',
);
const keyFile = text(1, 4096);
const serial = matching(/^\w{1,64}$/, 'a serial number of letters, digits and _ (up to 64)');

const alipayKeys = ['gatewayUrl', 'appId', 'merchantKeyFile', 'alipayPublicKeyFile'] as const;
const wechatKeys = [
	'gatewayUrl',
	'mchid',
	'merchantSerialNo',
	'merchantKeyFile',
	'platformKeyFile',
	'platformSerialNo',
] as const;
export const paymentsKeys = ['modes', 'connectTimeoutMs', 'totalTimeoutMs', 'alipay', 'wechat'] as const;

function readAlipay(reader: SectionReader): AlipayConfig {
	return {
		gatewayUrl: reader.require('gatewayUrl', gatewayUrl, ''),
		appId: reader.require('appId', matching(/^\d{16}$/, 'the 16-digit app id (APPID) of the Alipay application'), ''),
		merchantKeyFile: reader.require('merchantKeyFile', keyFile, ''),
		alipayPublicKeyFile: reader.require('alipayPublicKeyFile', keyFile, ''),
	};
}

function readWechat(reader: SectionReader): WechatConfig {
	return {
		gatewayUrl: reader.require('gatewayUrl', gatewayUrl, ''),
		mchid: reader.require('mchid', matching(/^\d{8,12}$/, 'the merchant number (mchid), 8 to 12 digits'), ''),
		merchantSerialNo: reader.require('merchantSerialNo', serial, ''),
		merchantKeyFile: reader.require('merchantKeyFile', keyFile, ''),
		platformKeyFile: reader.require('platformKeyFile', keyFile, ''),
		platformSerialNo: reader.require('platformSerialNo', serial, ''),
	};
}

export function readPayments(reader: SectionReader): PaymentsConfig {
	const defaults = defaultPayments();
	const modes = reader.section('modes', channels, modeReader =>
		Object.fromEntries(
			channels.map(channel => [channel, modeReader.read(channel, oneOf(modesOf[channel]), defaults.modes[channel])]),
		),
	) as Record<Channel, PaymentMode>;
	const payments: PaymentsConfig = {
		modes,
		connectTimeoutMs: reader.read('connectTimeoutMs', integer(100, 60_000), defaults.connectTimeoutMs),
		totalTimeoutMs: reader.read('totalTimeoutMs', integer(500, 120_000), defaults.totalTimeoutMs),
	};
	if (reader.has('alipay')) {
		payments.alipay = reader.section('alipay', alipayKeys, readAlipay);
	} else if (modes.alipay === 'online') {
		reader.report('alipay', 'required when payments.modes.alipay is "online"');
	}

	if (reader.has('wechat')) {
		payments.wechat = reader.section('wechat', wechatKeys, readWechat);
	} else if (modes.wechat === 'online') {
		reader.report('wechat', 'required when payments.modes.wechat is "online"');
	}

	return payments;
}

/**
 * The key files of the online channels must exist and be owner-only (no group or other access):
 * one problem per file, naming its key. The files are not read here.
 */
export function keyFileProblems(payments: PaymentsConfig): string[] {
	const files: Array<[string, string]> = [];
	if (payments.modes.alipay === 'online' && payments.alipay) {
		files.push(
			['payments.alipay.merchantKeyFile', payments.alipay.merchantKeyFile],
			['payments.alipay.alipayPublicKeyFile', payments.alipay.alipayPublicKeyFile],
		);
	}

	if (payments.modes.wechat === 'online' && payments.wechat) {
		files.push(
			['payments.wechat.merchantKeyFile', payments.wechat.merchantKeyFile],
			['payments.wechat.platformKeyFile', payments.wechat.platformKeyFile],
		);
	}

	const problems: string[] = [];
	for (const [key, file] of files) {
		let mode: number;
		try {
			const stat = fs.statSync(file);
			if (!stat.isFile()) {
				problems.push(`${key}: ${file} is not a file`);
				continue;
			}

			mode = stat.mode;
		} catch {
			problems.push(`${key}: ${file} does not exist or cannot be read`);
			continue;
		}

		// eslint-disable-next-line no-bitwise -- a file mode is a bit field
		if ((mode & 0o077) !== 0) {
			problems.push(
				// eslint-disable-next-line no-bitwise -- a file mode is a bit field
				`${key}: ${file} can be read by others (mode ${(mode & 0o777).toString(8)}): a key file must be owner-only, chmod 600 ${file}`,
			);
		}
	}

	return problems;
}
