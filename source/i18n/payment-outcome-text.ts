// What a platform's answer to a void means, in the clerk's language: why it is not known yet, and why
// a platform refused it. The kinds mirror payments/payment-adapter.ts (UnknownReason; i18n imports
// only domain/), and test/i18n/payment-outcome-text.test.ts holds the two together.

import type {Language} from './language.js';

export const unknownReasons = [
	'not-sent',
	'connect-timeout',
	'timeout',
	'reset',
	'too-large',
	'server-error',
	'bad-reply',
	'bad-signature',
	'stale-reply',
	'processing',
	'abnormal',
] as const;
export type UnknownReasonKind = (typeof unknownReasons)[number];

const unknownText: Record<Language, Record<UnknownReasonKind, string>> = {
	'zh-CN': {
		'not-sent': '未能连接支付平台,请求没有发出',
		'connect-timeout': '连接支付平台超时',
		timeout: '支付平台没有及时应答',
		reset: '应答中途连接断开',
		'too-large': '支付平台的应答过大,无法读取',
		'server-error': '支付平台系统繁忙',
		'bad-reply': '支付平台的应答无法识别',
		'bad-signature': '支付平台应答的签名验证失败',
		'stale-reply': '支付平台应答的时间戳过期或重复',
		processing: '支付平台正在处理退款',
		abnormal: '退款异常:款项未能退回顾客账户,请在商户平台手动处理',
	},
	en: {
		'not-sent': 'could not reach the payment platform; the request was not sent',
		'connect-timeout': 'the connection to the payment platform timed out',
		timeout: 'the payment platform did not answer in time',
		reset: 'the connection dropped during the answer',
		'too-large': "the payment platform's answer was too large to read",
		'server-error': 'the payment platform is busy',
		'bad-reply': "the payment platform's answer could not be read",
		'bad-signature': "the signature of the payment platform's answer did not verify",
		'stale-reply': "the payment platform's answer was stale or replayed",
		processing: 'the payment platform is still processing the refund',
		abnormal: 'refund abnormal: the money could not go back to the customer; finish it in the merchant platform',
	},
};

/** The platforms' documented refusal codes the clerk is most likely to meet; others show the platform's own words. */
const declinedText: Record<Language, Record<string, string>> = {
	'zh-CN': {
		'ACQ.TRADE_NOT_EXIST': '支付宝查无此交易',
		'ACQ.TRADE_STATUS_ERROR': '交易状态不允许退款(可能已关闭)',
		'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL': '退款金额超过可退金额',
		'ACQ.SELLER_BALANCE_NOT_ENOUGH': '商户账户余额不足',
		'ACQ.TRADE_HAS_FINISHED': '交易已完结,不能退款',
		RESOURCE_NOT_EXISTS: '微信支付查无此订单',
		INVALID_REQUEST: '微信支付拒绝了此退款',
		NOT_ENOUGH: '商户账户余额不足',
		CLOSED: '退款已关闭',
		SIGN_ERROR: '签名错误:请检查商户证书与密钥配置',
	},
	en: {
		'ACQ.TRADE_NOT_EXIST': 'Alipay does not know this trade',
		'ACQ.TRADE_STATUS_ERROR': 'the trade cannot be refunded in its state (it may be closed)',
		'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL': 'the refund is more than can be refunded',
		'ACQ.SELLER_BALANCE_NOT_ENOUGH': "the merchant account's balance is too low",
		'ACQ.TRADE_HAS_FINISHED': 'the trade is finished and cannot be refunded',
		RESOURCE_NOT_EXISTS: 'WeChat Pay does not know this order',
		INVALID_REQUEST: 'WeChat Pay refused this refund',
		NOT_ENOUGH: "the merchant account's balance is too low",
		CLOSED: 'the refund was closed',
		SIGN_ERROR: 'signature refused: check the merchant certificate and key in the configuration',
	},
};

export function unknownReasonText(language: Language, why: UnknownReasonKind): string {
	return unknownText[language][why];
}

/** Why an answer is unknown, as a void request keeps it: a known kind in the reader's words, anything else as kept. */
export function unknownReasonTextOf(language: Language, why: string): string {
	return (unknownReasons as readonly string[]).includes(why)
		? unknownReasonText(language, why as UnknownReasonKind)
		: why;
}

/** The refusal in the clerk's words, with the platform's code and its own message after it. */
export function declinedReasonText(language: Language, code: string, detail: string): string {
	const words = declinedText[language][code];
	const own = detail === '' ? code : `${code}: ${detail}`;
	return words === undefined ? own : `${words} (${own})`;
}
