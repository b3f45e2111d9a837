// What each online adapter is configured with. The configuration's `payments` section (source/config.ts)
// has this shape; payments/ does not import the configuration, so the types are declared here too and
// test/payments/open-adapter.test.ts checks that the two agree.

import type crypto from 'node:crypto';
import type {HttpLimits} from './http-client.js';

export type AlipayLink = {
	/** The gateway, such as https://openapi.alipay.com/gateway.do. */
	gatewayUrl: string;
	appId: string;
	/** The application's private key (应用私钥), PEM, owner-only. */
	merchantKeyFile: string;
	/** Alipay's public key (支付宝公钥), PEM, owner-only. */
	alipayPublicKeyFile: string;
};

export type WechatLink = {
	/** The API host, such as https://api.mch.weixin.qq.com. */
	gatewayUrl: string;
	mchid: string;
	/** The merchant API certificate's serial number (商户API证书序列号). */
	merchantSerialNo: string;
	/** The merchant API private key (apiclient_key.pem), owner-only. */
	merchantKeyFile: string;
	/** The WeChat Pay platform public key (平台证书 or 微信支付公钥), PEM, owner-only. */
	platformKeyFile: string;
	/** The serial (or public key id) replies carry in Wechatpay-Serial for that key. */
	platformSerialNo: string;
};

export type AlipayKeys = {merchantKey: crypto.KeyObject; alipayPublicKey: crypto.KeyObject};
export type WechatKeys = {merchantKey: crypto.KeyObject; platformKeys: ReadonlyMap<string, crypto.KeyObject>};

export type LinkTimeouts = Pick<HttpLimits, 'connectTimeoutMs' | 'totalTimeoutMs'>;
