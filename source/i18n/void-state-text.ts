// Words for voids that reach the money (issue 14): the state of a void at its platform, the command
// line's "sending to WeChat Pay…" and outcomes, the terminal-assisted step, `posvoid voids`, and the
// settlement refused while a void of the batch is in doubt. Both languages, typed by what they describe.

import {channelNames} from '../domain/transaction.js';
import {formatTime} from '../domain/time-format.js';
import type {Language} from './language.js';
import type {Advice} from './messages.js';

/** The states of a void at its platform, as store/void-requests-store.ts keeps them (i18n imports only domain/). */
export const voidStateKinds = ['requested', 'in-doubt', 'approved', 'declined'] as const;
export type VoidStateKind = (typeof voidStateKinds)[number];

/** What the in-doubt refusal names: the platform (alipay, wechat), since when, and the zone to read the time in. */
export type InDoubtDetail = {platform: string; since: number; timeZone: string};

/** One void request as a list line shows it. */
export type VoidListLine = {
	id: number;
	sale: string;
	amount: string;
	platform: string;
	state: VoidStateKind;
	at: string;
	detail: string;
};

type VoidStateText = {
	platformName: (platform: string) => string;
	stateName: Record<VoidStateKind, string>;
	/** The sale's refusal while its void is in doubt: "void in progress at Alipay since 10:42, checking". */
	inDoubtRefusal: (detail: InDoubtDetail | undefined) => Advice;
	inDoubtCommandAdvice: string;
	/** The detail screen's line for a sale whose void is at its platform. */
	inProgress: (detail: InDoubtDetail) => string;
	sending: (platform: string) => string;
	/** The detail screen's label for a void's platform refund or cancel number (the terminal's reference for a card). */
	refundNoLabel: string;
	/** The console under "sending to …": how long it has waited of the most it will, and what Esc does. */
	sendingWait: (waitedSeconds: number, mostSeconds: number) => string;
	/** The console's words for a void left in doubt: what posvoid does next, and what the clerk must not do. */
	consoleInDoubt: (platform: string, why: string) => string;
	approved: (platform: string, platformRefundNo: string) => string;
	declined: (platform: string, reason: string) => string;
	/** Exit 5: what happens next to a void in doubt. */
	inDoubt: (platform: string, why: string, id: number) => string;
	terminalStep: (sale: string, amount: string, terminalId: string) => string;
	terminalUsage: (sale: string) => string;
	terminalVoucherPrompt: string;
	terminalReferencePrompt: string;
	badTerminalAnswer: (detail: string) => string;
	terminalVoucherTaken: (voucherNo: string) => string;
	terminalRecorded: (voucherNo: string, referenceNo: string) => string;
	settlementInDoubt: (list: string) => string;
	/** The console's settlement figures, before y: the batch waits for its voids in doubt. */
	settlementWaits: (count: number) => string;
	settlementInDoubtLine: (line: VoidListLine) => string;
	listHeader: string;
	listLine: (line: VoidListLine) => string;
	listEmpty: string;
	inDoubtCount: (count: number) => string;
	resolveNone: string;
	resolved: (line: VoidListLine) => string;
	resolveSummary: (settled: number, stillInDoubt: number) => string;
	settleNeedsChoice: string;
	settleNeedsReason: string;
	settleNotOpen: (id: number, state: string) => string;
	settleNoSuch: (id: number) => string;
	settledByHand: (id: number, state: string, supervisorNo: string) => string;
	badState: (value: string) => string;
};

/** "10:42": the minute a void went to its platform. */
function sinceTime(detail: InDoubtDetail): string {
	return formatTime(detail.since, detail.timeZone).slice(0, 5);
}

const platformNames: Record<Language, Record<string, string>> = {
	'zh-CN': {alipay: channelNames.zh.alipay, wechat: channelNames.zh.wechat, terminal: '银行终端'},
	en: {alipay: channelNames.en.alipay, wechat: channelNames.en.wechat, terminal: 'the bank terminal'},
};

export const voidStateText: Record<Language, VoidStateText> = {
	'zh-CN': {
		platformName: platform => platformNames['zh-CN'][platform] ?? platform,
		stateName: {requested: '已发出', 'in-doubt': '待确认', approved: '已撤销', declined: '被拒绝'},
		inDoubtRefusal: detail => ({
			message: detail
				? `${platformNames['zh-CN'][detail.platform] ?? detail.platform}撤销处理中(${sinceTime(detail)} 起),正在查询`
				: '该笔交易的撤销正在支付平台处理,正在查询',
			advice: '请等待查询结果,不要在商户后台重复退款;主管可在核实后手工确认',
		}),
		inDoubtCommandAdvice: '查询结果:posvoid voids --resolve;主管核实商户后台后:posvoid voids --settle 编号',
		inProgress: detail =>
			`${platformNames['zh-CN'][detail.platform] ?? detail.platform}撤销处理中(${sinceTime(detail)} 起),正在查询`,
		refundNoLabel: '退款单号',
		sending: platform => `正在发送至${platformNames['zh-CN'][platform] ?? platform}…`,
		sendingWait: (waited, most) =>
			`已等待 ${waited} 秒(最多 ${most} 秒)。按 Esc 可先离开,撤销继续进行,结果到达后自动记录。`,
		consoleInDoubt: (platform, why) =>
			`${platformNames['zh-CN'][platform] ?? platform}没有给出结果(${why}):撤销待确认。posvoid 会继续向平台查询并记录结果,不会重复退款;请不要在商户后台再次退款。在此之前该笔交易不能再次撤销,批次也不能结算。`,
		approved: (platform, number) =>
			`${platformNames['zh-CN'][platform] ?? platform}已确认撤销${number ? `,退款单号 ${number}` : ''}`,
		declined: (platform, reason) =>
			`${platformNames['zh-CN'][platform] ?? platform}拒绝了撤销:${reason}。该笔交易仍为已完成,可以再次撤销。`,
		inDoubt: (platform, why, id) =>
			`${platformNames['zh-CN'][platform] ?? platform}没有给出结果(${why}):撤销 ${id} 待确认。posvoid 会向平台查询(也可运行 posvoid voids --resolve),绝不会用新的单号重发;在此之前该笔交易不能再次撤销,批次也不能结算。`,
		terminalStep: (sale, amount, terminalId) =>
			`请在银行终端 ${terminalId} 上撤销凭证号 ${sale} 的 ${amount} 交易,然后输入终端撤销签购单上的凭证号(6 位)和参考号(12 位)。`,
		terminalUsage: sale => `输入终端的号码:posvoid void ${sale} --terminal-voucher 凭证号 --terminal-reference 参考号`,
		terminalVoucherPrompt: '终端撤销凭证号(6 位):',
		terminalReferencePrompt: '终端撤销参考号(12 位):',
		badTerminalAnswer: detail => `终端号码有误:${detail}。未做任何更改。`,
		terminalVoucherTaken: voucherNo => `凭证号 ${voucherNo} 在本批次已被使用:请核对终端签购单。未做任何更改。`,
		terminalRecorded: (voucherNo, referenceNo) => `已记录终端撤销:凭证号 ${voucherNo},参考号 ${referenceNo}`,
		settlementInDoubt: list =>
			`以下撤销在支付平台待确认,批次暂不能结算:\n${list}\n请先查询(posvoid voids --resolve),或由主管核实后手工确认(posvoid voids --settle 编号)。`,
		settlementWaits: count => `本批次有 ${count} 笔撤销在支付平台待确认:确认前不能结算。`,
		settlementInDoubtLine: line => `  撤销 ${line.id}:交易 ${line.sale} ${line.amount},${line.platform},${line.at} 起`,
		listHeader: '编号  交易  金额  平台  状态  时间  说明',
		listLine: line =>
			`${line.id}  ${line.sale}  ${line.amount}  ${line.platform}  ${voidStateText['zh-CN'].stateName[line.state]}  ${line.at}  ${line.detail}`,
		listEmpty: '没有符合条件的撤销。',
		inDoubtCount: count => `${count} 笔撤销待确认`,
		resolveNone: '没有待确认的撤销。',
		resolved: line =>
			`撤销 ${line.id}(交易 ${line.sale}):${voidStateText['zh-CN'].stateName[line.state]}${line.detail ? ` — ${line.detail}` : ''}`,
		resolveSummary: (settled, still) => `已确认 ${settled} 笔,仍待确认 ${still} 笔`,
		settleNeedsChoice: '请用 --approved(商户后台显示已退款)或 --declined(未退款)说明结果',
		settleNeedsReason: '手工确认需要原因:--reason 文字(例如“商户后台已退款”)',
		settleNotOpen: (id, state) => `撤销 ${id} 不是待确认状态(${state}):未做任何更改。`,
		settleNoSuch: id => `没有编号为 ${id} 的撤销:用 posvoid voids 查看编号。`,
		settledByHand: (id, state, supervisorNo) => `撤销 ${id} 已由主管 ${supervisorNo} 手工确认为:${state}`,
		badState: value => `--state ${value} 不是 requested、in-doubt、approved、declined 之一`,
	},
	en: {
		platformName: platform => platformNames.en[platform] ?? platform,
		stateName: {requested: 'requested', 'in-doubt': 'in doubt', approved: 'approved', declined: 'declined'},
		inDoubtRefusal: detail => ({
			message: detail
				? `void in progress at ${platformNames.en[detail.platform] ?? detail.platform} since ${sinceTime(detail)}, checking`
				: 'a void of this sale is in progress at its platform, checking',
			advice:
				'wait for the answer; do not refund again in the merchant app; a supervisor may settle it by hand after checking',
		}),
		inDoubtCommandAdvice:
			'ask the platform now: posvoid voids --resolve; after checking the merchant app a supervisor runs posvoid voids --settle ID',
		inProgress: detail =>
			`void in progress at ${platformNames.en[detail.platform] ?? detail.platform} since ${sinceTime(detail)}, checking`,
		refundNoLabel: 'Refund no.',
		sending: platform => `sending to ${platformNames.en[platform] ?? platform}…`,
		sendingWait: (waited, most) =>
			`waited ${waited} s of at most ${most} s. Esc leaves it running: the answer is recorded when it comes.`,
		consoleInDoubt: (platform, why) =>
			`No answer from ${platformNames.en[platform] ?? platform} (${why}): the void is in doubt. posvoid keeps asking the platform and records its answer; it never refunds twice. Do not refund again in the merchant app. Until then the sale cannot be voided again and the batch cannot be settled.`,
		approved: (platform, number) =>
			`${platformNames.en[platform] ?? platform} approved the void${number ? `, refund number ${number}` : ''}`,
		declined: (platform, reason) =>
			`${platformNames.en[platform] ?? platform} declined the void: ${reason}. The sale stays completed and can be voided again.`,
		inDoubt: (platform, why, id) =>
			`No answer from ${platformNames.en[platform] ?? platform} (${why}): void ${id} is in doubt. posvoid asks the platform what became of it (or run posvoid voids --resolve) and never sends it again under a new number; until then the sale cannot be voided again and the batch cannot be settled.`,
		terminalStep: (sale, amount, terminalId) =>
			`Void sale ${sale} of ${amount} on the bank terminal ${terminalId}, then enter the void voucher (6 digits) and reference (12 digits) from the terminal's void slip.`,
		terminalUsage: sale =>
			`Enter the terminal's numbers: posvoid void ${sale} --terminal-voucher NNNNNN --terminal-reference NNNNNNNNNNNN`,
		terminalVoucherPrompt: "Terminal's void voucher (6 digits): ",
		terminalReferencePrompt: "Terminal's void reference (12 digits): ",
		badTerminalAnswer: detail => `The terminal's numbers are not right: ${detail}. Nothing was changed.`,
		terminalVoucherTaken: voucherNo =>
			`Voucher ${voucherNo} is already used in this batch: check the terminal's slip. Nothing was changed.`,
		terminalRecorded: (voucherNo, referenceNo) =>
			`The terminal's void is recorded: voucher ${voucherNo}, reference ${referenceNo}`,
		settlementInDoubt: list =>
			`These voids are in doubt at their platform, so the batch cannot be settled yet:\n${list}\nResolve them first (posvoid voids --resolve), or a supervisor settles each by hand after checking the merchant app (posvoid voids --settle ID).`,
		settlementWaits: count =>
			`${count} ${count === 1 ? 'void' : 'voids'} of this batch ${count === 1 ? 'is' : 'are'} in doubt at the platform: the batch cannot be settled until ${count === 1 ? 'it is' : 'they are'} resolved.`,
		settlementInDoubtLine: line =>
			`  void ${line.id}: sale ${line.sale} ${line.amount} at ${line.platform}, since ${line.at}`,
		listHeader: 'id  sale  amount  platform  state  time  detail',
		listLine: line =>
			`${line.id}  ${line.sale}  ${line.amount}  ${line.platform}  ${voidStateText.en.stateName[line.state]}  ${line.at}  ${line.detail}`,
		listEmpty: 'No voids match.',
		inDoubtCount: count => `${count} ${count === 1 ? 'void' : 'voids'} in doubt`,
		resolveNone: 'No voids are in doubt.',
		resolved: line =>
			`void ${line.id} (sale ${line.sale}): ${voidStateText.en.stateName[line.state]}${line.detail ? ` — ${line.detail}` : ''}`,
		resolveSummary: (settled, still) => `${settled} resolved, ${still} still in doubt`,
		settleNeedsChoice:
			'say what the merchant app shows: --approved (the money was given back) or --declined (it was not)',
		settleNeedsReason: 'settling by hand needs a reason: --reason TEXT (such as "refund seen in merchant app")',
		settleNotOpen: (id, state) => `void ${id} is not in doubt (it is ${state}): nothing was changed.`,
		settleNoSuch: id => `there is no void ${id}: posvoid voids lists them with their numbers.`,
		settledByHand: (id, state, supervisorNo) => `void ${id} settled by hand as ${state} by supervisor ${supervisorNo}`,
		badState: value => `--state ${value} is not one of requested, in-doubt, approved, declined`,
	},
};
