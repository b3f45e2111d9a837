import crypto from 'node:crypto';
import test from 'ava';
import {
	alipayStringToSign,
	alipayTimestamp,
	parseAlipayTime,
	rawMemberText,
	readAlipayReply,
	signAlipay,
} from '../../source/payments/alipay-signing.js';
import {
	authorizationHeader,
	checkWechatReply,
	NonceMemory,
	parseAuthorization,
	signWechat,
	verifyWechat,
	wechatReplyMessage,
	wechatRequestMessage,
} from '../../source/payments/wechat-signing.js';
import {wechatDocTestKey} from './documented-test-key.js';

const docKey = crypto.createPrivateKey(wechatDocTestKey);
const docPublicKey = crypto.createPublicKey(docKey);

// The WeChat Pay documentation's worked example: JSAPI order, timestamp 1554208460, nonce 593BEC0C…, and
// the signature it says the test key gives (签名生成 walk-through).
const documentedBody =
	'{"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}';
const documentedSignature =
	'gEuexJ547PHFV77TQ6eiE4tphVYfWfUe1Wc2dBmVnoMYU2rl/M4zhw+b3vBhuMw6AC7pteNkryLA7UWU2h+umo0OdSuuLm1++O3NckQPCSfm6dypsjn4GYm84KMqXWFrhFmyxEwIdEJDr3w1UYfxOcu55OQupfLkrt/ZzuOspnliJFrPzGQFUk7lGqMMtpz3EfbDUNxnVsHblORg3hVmuYNmbGWnS2ovU30Y2Q+iKFDxzkaXBk8LTy6HzvxizRo6Q+J4SVM7O0hKXfgo1QdI68kpzNULb3EVBXlhTyPUzhkHzzLxECL1qHl3HH2hEv8++C+4wBlsagF3j/O6PABojA==';

test("WeChat Pay request signing gives the signature of the documentation's worked example", t => {
	const message = wechatRequestMessage(
		'POST',
		'/v3/pay/transactions/jsapi',
		'1554208460',
		'593BEC0C930BF1AFEB40B4A08C8FB242',
		documentedBody,
	);
	t.true(message.endsWith(`${documentedBody}\n`));
	t.is(message.split('\n').length, 6);
	t.is(signWechat(message, docKey), documentedSignature);
	t.true(verifyWechat(message, documentedSignature, docPublicKey));
	t.false(verifyWechat(message.replace('100', '101'), documentedSignature, docPublicKey));
});

test('the Authorization header carries the five fields in the documented form and reads back', t => {
	const fields = {
		mchid: '1230000109',
		nonce_str: '593BEC0C930BF1AFEB40B4A08C8FB242',
		signature: documentedSignature,
		timestamp: '1554208460',
		serial_no: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
	};
	const header = authorizationHeader(fields);
	t.regex(
		header,
		/^WECHATPAY2-SHA256-RSA2048 mchid="1230{4}109",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="/,
	);
	t.deepEqual(parseAuthorization(header), fields);
	t.is(parseAuthorization('Bearer x'), undefined);
});

test(
	String.raw`a WeChat Pay reply verifies over TIMESTAMP\nNONCE\nBODY\n, and a stale, replayed or tampered one does not`,
	t => {
		const now = 1_554_208_460_000;
		const body = '{"status":"SUCCESS"}';
		const sign = (timestamp: string, nonce: string, text = body) =>
			signWechat(wechatReplyMessage(timestamp, nonce, text), docKey);
		const keys = new Map([['SERIAL1', docPublicKey]]);
		const nonces = new NonceMemory();
		const headers = {timestamp: '1554208460', nonce: 'N1', signature: sign('1554208460', 'N1'), serial: 'SERIAL1'};
		t.deepEqual(checkWechatReply(headers, body, keys, nonces, now), {ok: true});
		t.like(
			checkWechatReply(headers, body, keys, nonces, now),
			{ok: false, why: 'stale-reply'},
			'the same nonce again is a replay',
		);
		const old = String(1_554_208_460 - 600);
		t.like(
			checkWechatReply({...headers, timestamp: old, nonce: 'N2', signature: sign(old, 'N2')}, body, keys, nonces, now),
			{ok: false, why: 'stale-reply'},
		);
		t.like(
			checkWechatReply(
				{...headers, nonce: 'N3', signature: sign('1554208460', 'N3')},
				'{"status":"CLOSED"}',
				keys,
				nonces,
				now,
			),
			{
				ok: false,
				why: 'bad-signature',
			},
		);
		t.like(checkWechatReply({...headers, serial: 'OTHER'}, body, keys, nonces, now), {ok: false, why: 'bad-signature'});
		t.like(checkWechatReply({}, body, keys, nonces, now), {ok: false, why: 'bad-signature'});
	},
);

// Alipay's documentation (自行实现签名) gives the string to sign for its example parameters, but no key
// and no signature: the signature below was computed independently, with
// `openssl dgst -sha256 -sign <the WeChat test key> | openssl base64 -A` over that string.
const alipayExample = {
	app_id: '2014072300007148',
	method: 'alipay.mobile.public.menu.add',
	charset: 'GBK',
	sign_type: 'RSA2',
	timestamp: '2014-07-24 03:07:50',
	biz_content: '{"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"}]}',
	version: '1.0',
};
const alipayExampleString =
	'app_id=2014072300007148&biz_content={"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"}]}&charset=GBK&method=alipay.mobile.public.menu.add&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0';
const alipayExampleSignature =
	'U4dSmYL+jdyJNxPEfzI6E3TEzAsLbDgPiggWNIR3/QbZZ19JgBMRlCitvulOoQz3iWQhWNhqGZujnceShnY8LMuwgSXFhLBiula5o8cQEHMMANLdJTNKrdYfHh68svf2pZWYxePCcCkXHNuViNiklk5m+I2LX84Cwww2IFwKd0YmwvufEltaqoY0QNHoX2dcddP15MyscI8lj6+zOfAv3ypzc1AAcY4j9bbv1Q2kOqHB8BoCizNK3OCZk6S4m8o4ti8N3paCYs2ejn+YFJxbD4/Vpm7MHa19rF6OumXDp8XlMSYj9C7B4Wcbe5bog+VVHoDN4jdB2EO1n5Jd+QE6VQ==';

test('the Alipay string to sign is the parameters sorted by name as key=value&…, without sign and empty values', t => {
	t.is(alipayStringToSign({...alipayExample, sign: 'ignored', notify_url: ''}), alipayExampleString);
	t.is(signAlipay(alipayExample, docKey), alipayExampleSignature);
});

test('the Alipay timestamp is Beijing time, yyyy-MM-dd HH:mm:ss, and reads back', t => {
	const instant = Date.parse('2026-11-25T16:30:05Z');
	t.is(alipayTimestamp(instant), '2026-11-26 00:30:05');
	t.is(parseAlipayTime('2026-11-26 00:30:05'), instant);
	t.is(parseAlipayTime('2026-11-26T00:30:05'), undefined);
});

const member = '{"code":"10000","msg":"Success","trade_no":"2026112522001400000000001","fund_change":"Y"}';
const memberSignature =
	'LRRsx4t0MHJ5NXsywq7FPvgmk4OwQnc9CfYMEl3FLW8R/12VVWIeFzFd2SGX6eq3GiiHqVxwqOwT+kAH6ZpxPjbibOim/zW0RMXf0Vroy85wKpTGFfOCTJAk9MaA7NWfB+496VLbioDlEbjCSsOwy3AyiHQjz9dHO+LfFhdXonStukHnaWBx47/se3k8JlIMNDr2Ytt24xveFqujbZNHIxG8F9fNoF0MO7eRw3/hlysp6mEx07xgwFkYQUavCrW3kxeEo+G5wGf3MWIx7LXxClldYYMM7KT78+LNEjdijDkSW4tVJm9z/FgzTuDgmtNZTuGZ79t2dE6lDCiSDhw90g==';

test('an Alipay reply verifies over the exact text of its <method>_response member', t => {
	const body = `{"alipay_trade_refund_response" : ${member},"sign":"${memberSignature}"}`;
	t.is(rawMemberText(body, 'alipay_trade_refund_response'), member);
	t.like(readAlipayReply(body, 'alipay.trade.refund', docPublicKey), {ok: true, response: {fund_change: 'Y'}});
	const tampered = body.replace('"fund_change":"Y"', '"fund_change": "Y"');
	t.like(readAlipayReply(tampered, 'alipay.trade.refund', docPublicKey), {ok: false, why: 'bad-signature'});
	t.like(readAlipayReply(`{"alipay_trade_refund_response":${member}}`, 'alipay.trade.refund', docPublicKey), {
		ok: false,
		why: 'bad-signature',
	});
	t.like(readAlipayReply('{"error_response":{"code":"40002"}}', 'alipay.trade.refund', docPublicKey), {
		ok: false,
		why: 'bad-reply',
	});
	t.like(readAlipayReply('<html>', 'alipay.trade.refund', docPublicKey), {ok: false, why: 'bad-reply'});
});

test('the raw member text keeps strings with braces and escapes whole', t => {
	const inner = String.raw`{"msg":"a } \" { b","n":{"x":[1,{"y":"]"}]}}`;
	t.is(
		rawMemberText(
			String.raw`{"other":"\"alipay_x_response\"","alipay_x_response":${inner},"sign":"s"}`,
			'alipay_x_response',
		),
		inner,
	);
});
