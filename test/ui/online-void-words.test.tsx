// Every state of an online void has words in both languages on the void screen: sending, declined, in
// doubt, and the bank terminal's step. The Chinese screen carries no English words (codes and numbers aside).
import test from 'ava';
import {render} from 'ink-testing-library';
import {defaultConfig} from '../../source/config.js';
import type {Transaction} from '../../source/domain/transaction.js';
import {messagesFor} from '../../source/i18n/catalogue.js';
import type {Language} from '../../source/i18n/language.js';
import type {VoidActions} from '../../source/ui/hooks/use-void-flow.js';
import {VoidScreen} from '../../source/ui/screens/VoidScreen.js';
import {startVoidFlow, voidFlowReducer, type VoidEvent, type VoidFlow} from '../../source/ui/state/void-flow.js';
import {fixtureNow} from '../helpers/fixture.js';

const sale: Transaction = {
	id: 1,
	voucherNo: '000401',
	referenceNo: '331125000401',
	authCode: '',
	batchNo: '000001',
	terminalId: '10293847',
	merchantId: '898310048161234',
	channel: 'wechat',
	cardMasked: 'oUp***9aX2',
	amount: 12_850,
	fee: 78,
	currency: 'CNY',
	createdAt: fixtureNow - 60_000,
	operatorNo: '01',
	status: 'completed',
	platformOrderNo: '4200001234202611251234567890',
	merchantOrderNo: 'PV102938470001',
};

const operator = {operatorNo: '01', name: 'Li', role: 'cashier', at: fixtureNow} as const;
const nothing = () => undefined;
const actions = new Proxy({}, {get: () => nothing}) as unknown as VoidActions;

function flowAfter(transaction: Transaction, events: VoidEvent[]): VoidFlow {
	let flow = startVoidFlow(transaction, {ok: true, needsSupervisor: false, until: fixtureNow + 3_600_000});
	for (const event of [
		{type: 'password-accepted', operator},
		{type: 'reason', reason: '顾客取消'},
		...events,
	] as VoidEvent[]) {
		flow = voidFlowReducer(flow, event);
	}

	return flow;
}

function screen(language: Language, flow: VoidFlow): string {
	const config = defaultConfig();
	const instance = render(
		<VoidScreen
			flow={flow}
			actions={actions}
			messages={messagesFor(language)}
			language={language}
			config={config}
			now={() => fixtureNow + 3000}
			height={20}
			columns={100}
			operatorNo="01"
			onExit={nothing}
		/>,
	);
	const frame = instance.lastFrame() ?? '';
	instance.unmount();
	return frame.replaceAll(/\s+/g, ' ');
}

const states: Array<[string, Transaction, VoidEvent[], Record<Language, RegExp>]> = [
	[
		'sending',
		sale,
		[{type: 'sending', platform: 'wechat', since: fixtureNow}],
		{
			en: /sending to WeChat Pay… waited 3 s of at most 10 s\. Esc leaves it running/,
			'zh-CN': /正在发送至微信支付… 已等待 3 秒\(最多 10 秒\)/,
		},
	],
	[
		'declined',
		sale,
		[
			{type: 'sending', platform: 'wechat', since: fixtureNow},
			{
				type: 'platform-answer',
				answer: {state: 'declined', platform: 'wechat', code: 'NOT_ENOUGH', detail: '基本账户余额不足'},
			},
		],
		{
			en: /WeChat Pay declined the void: .*NOT_ENOUGH.*can be voided again/,
			'zh-CN': /微信支付拒绝了撤销:.*NOT_ENOUGH.*可以再次撤销/,
		},
	],
	[
		'in doubt',
		sale,
		[
			{type: 'sending', platform: 'wechat', since: fixtureNow},
			{type: 'platform-answer', answer: {state: 'in-doubt', platform: 'wechat', why: 'timeout', id: 7}},
		],
		{
			en: /No answer from WeChat Pay \(the payment platform did not answer in time\): the void is in doubt/,
			'zh-CN': /微信支付没有给出结果\(支付平台没有及时应答\):撤销待确认/,
		},
	],
	[
		'terminal',
		{...sale, channel: 'debit', cardMasked: '622848******0018', platformOrderNo: undefined, merchantOrderNo: undefined},
		[{type: 'terminal-step'}],
		{
			en: /Void sale 000401 of ¥128\.50 on the bank terminal 10293847.*Terminal's void voucher \(6 digits\):/,
			'zh-CN': /请在银行终端 10293847 上撤销凭证号 000401 的 ¥128\.50 交易.*终端撤销凭证号\(6 位\):/,
		},
	],
];

/** Latin words on the Chinese screen may only be the platform's codes, the command's name and key names. */
const allowedLatin = new Set(['NOT', 'ENOUGH', 'Esc', 'Enter', 'posvoid']);

for (const [name, transaction, events, expected] of states) {
	test(`an online void ${name}: the screen says it in English and in Chinese`, t => {
		t.regex(screen('en', flowAfter(transaction, events)), expected.en);
		const chinese = screen('zh-CN', flowAfter(transaction, events));
		t.regex(chinese, expected['zh-CN'], chinese);
		const latin = (chinese.match(/[A-Za-z]{2,}/g) ?? []).filter(word => !allowedLatin.has(word));
		t.deepEqual(latin, [], chinese);
	});
}
