// The demo's keys: four RSA 2048 pairs (the merchant's and the platform's, for each platform), made on
// first use in a folder of the caller's (the demo uses data/), each file owner-only, the folder too.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {AlipayLink, WechatLink} from '../payment-settings.js';
import type {SimulatorKeys} from './platform-simulator.js';

const pairs = ['alipay-merchant', 'alipay-platform', 'wechat-merchant', 'wechat-platform'] as const;
type Pair = (typeof pairs)[number];

export const demoIds = {
	alipayAppId: '2021000000000001',
	wechatMchid: '1230000109',
	wechatMerchantSerialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
	wechatPlatformSerialNo: 'PUB_KEY_ID_0112300001092026112500000000000001',
};

export type DemoKeyFiles = Record<Pair, {privateKeyFile: string; publicKeyFile: string}>;

function filesOf(folder: string, pair: Pair) {
	return {
		privateKeyFile: path.join(folder, `${pair}-private.pem`),
		publicKeyFile: path.join(folder, `${pair}-public.pem`),
	};
}

/** Makes any missing pair in `folder` (mode 0700, files 0600) and says where each one is. */
export function ensureDemoKeys(folder: string): DemoKeyFiles {
	fs.mkdirSync(folder, {recursive: true, mode: 0o700});
	const files: Partial<DemoKeyFiles> = {};
	for (const pair of pairs) {
		const paths = filesOf(folder, pair);
		files[pair] = paths;
		if (fs.existsSync(paths.privateKeyFile) && fs.existsSync(paths.publicKeyFile)) {
			continue;
		}

		const {privateKey, publicKey} = crypto.generateKeyPairSync('rsa', {
			modulusLength: 2048,
			privateKeyEncoding: {type: 'pkcs8', format: 'pem'},
			publicKeyEncoding: {type: 'spki', format: 'pem'},
		});
		// Flag wx: never overwrite a key that appeared meanwhile; mode 0600 from the first byte.
		fs.writeFileSync(paths.privateKeyFile, privateKey, {mode: 0o600, flag: 'wx'});
		fs.writeFileSync(paths.publicKeyFile, publicKey, {mode: 0o600, flag: 'wx'});
	}

	return files as DemoKeyFiles;
}

function readKey(file: string, type: 'private' | 'public'): crypto.KeyObject {
	const text = fs.readFileSync(file, 'utf8');
	return type === 'private' ? crypto.createPrivateKey(text) : crypto.createPublicKey(text);
}

/** The keys the simulator holds: the merchants' public keys and the platforms' private keys. */
export function simulatorKeysFrom(files: DemoKeyFiles): SimulatorKeys {
	return {
		alipay: {
			appId: demoIds.alipayAppId,
			merchantPublicKey: readKey(files['alipay-merchant'].publicKeyFile, 'public'),
			platformPrivateKey: readKey(files['alipay-platform'].privateKeyFile, 'private'),
		},
		wechat: {
			mchid: demoIds.wechatMchid,
			merchantSerialNo: demoIds.wechatMerchantSerialNo,
			merchantPublicKey: readKey(files['wechat-merchant'].publicKeyFile, 'public'),
			platformSerialNo: demoIds.wechatPlatformSerialNo,
			platformPrivateKey: readKey(files['wechat-platform'].privateKeyFile, 'private'),
		},
	};
}

/** The links posvoid's adapters use to reach a simulator at `url` with the demo keys. */
export function demoLinks(files: DemoKeyFiles, url: string): {alipay: AlipayLink; wechat: WechatLink} {
	return {
		alipay: {
			gatewayUrl: `${url}/gateway.do`,
			appId: demoIds.alipayAppId,
			merchantKeyFile: files['alipay-merchant'].privateKeyFile,
			alipayPublicKeyFile: files['alipay-platform'].publicKeyFile,
		},
		wechat: {
			gatewayUrl: url,
			mchid: demoIds.wechatMchid,
			merchantSerialNo: demoIds.wechatMerchantSerialNo,
			merchantKeyFile: files['wechat-merchant'].privateKeyFile,
			platformKeyFile: files['wechat-platform'].publicKeyFile,
			platformSerialNo: demoIds.wechatPlatformSerialNo,
		},
	};
}
