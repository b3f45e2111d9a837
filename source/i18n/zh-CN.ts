import {channelNames} from '../domain/transaction.js';
import {zhCNCommands} from './zh-CN-commands.js';
import type {Messages} from './messages.js';
import {outsideResolutionText} from './outside-resolution-text.js';
import {voidStateText} from './void-state-text.js';

const searchFields: Record<string, string> = {
	voucherNo: '凭证号',
	referenceNo: '参考号',
	lastFour: '卡号后四位',
	amount: '金额',
	status: '状态',
	day: '日期',
	from: '日期',
	to: '日期',
};

export const zhCN = {
	signIn: {
		title: 'posvoid — 登录',
		operatorPrompt: '操作员号: ',
		passwordPrompt: '密码: ',
		checking: '正在验证密码…',
		demoHint: accounts => `演示模式: ${accounts}`,
		wrongCredentials: '操作员号或密码错误:请核对后重试。',
		badOperatorNumber: '操作员工号为 2 至 4 位数字,例如 01:请重新输入。',
		locked: minutes => `密码错误次数过多,该操作员已锁定,还需 ${minutes} 分钟:请等待,或请主管解锁。`,
		busy: '数据库正被其他程序使用:请稍候再试。',
		lockedTitle: '控制台已锁定',
		lockedHint: operatorNo => `操作员 ${operatorNo}:输入密码解锁。Esc 退出登录。`,
	},
	status: {
		operator: (operatorNo, name) => `操作员 ${operatorNo} ${name}`,
		batch: batchNo => (batchNo === undefined ? '批次 —' : `批次 ${batchNo}`),
		printer(state, problem) {
			switch (state) {
				case 'checking': {
					return '打印机 …';
				}

				case 'ready': {
					return '打印机 就绪';
				}

				case 'near-end': {
					return '打印机 纸将尽';
				}

				case 'problem': {
					return `打印机: ${problem ?? '故障'}`;
				}
			}
		},
		waiting: count => `待打印 ${count}`,
		demo: '演示',
	},
	list: {
		today: day => `今天 ${day}`,
		day: day => `日期 ${day}`,
		allDays: '全部日期',
		search: text => `搜索: ${text}`,
		columns: {time: '时间', voucher: '凭证号', channel: '渠道', card: '卡号', amount: '金额', status: '状态'},
		empty: '没有符合条件的交易。/ 搜索;Esc 回到今天。',
		searchPrompt: '搜索: ',
		position: (position, total) => `第 ${position.toLocaleString('en')} / 共 ${total.toLocaleString('en')} 笔`,
		searchHint:
			'凭证号 000124 · 参考号(12位) · 卡号后四位 0018 · 订单号末位 12345 · 金额 128.50 · 2026-11-24/今天/昨天 · 已撤销/已完成',
		problem(problem) {
			switch (problem.kind) {
				case 'unknown-term': {
					return `"${problem.term}" 不是凭证号、参考号、卡号后四位、金额、日期或状态。`;
				}

				case 'digits': {
					return `"${problem.term}" 既不是凭证号(6位)、参考号(12位)、卡号后四位(4位)、订单号末4至6位,也不是 128.50 这样的金额。`;
				}

				case 'bad-amount': {
					return `"${problem.term}" 不是 128.50 这样的金额。`;
				}

				case 'bad-date': {
					return `"${problem.term}" 不是 2026-11-24 这样的日期。`;
				}

				case 'repeated': {
					return `"${problem.term}":每次搜索只能有一个${searchFields[problem.field] ?? problem.field}。`;
				}
			}
		},
	},
	channel: channelNames.zh,
	transactionStatus: {completed: '已完成', voided: '已撤销'},
	detail: {
		title: '交易详情',
		fields: {
			voucher: '凭证号',
			reference: '参考号',
			authCode: '授权码',
			batch: '批次号',
			terminal: '终端编号',
			merchant: '商户编号',
			channel: '渠道',
			card: '卡号',
			amount: '金额',
			fee: '手续费',
			time: '交易时间',
			operator: '操作员',
			status: '状态',
			voidVoucher: '撤销凭证号',
			voidTime: '撤销时间',
			voidOperator: '撤销操作员',
			approver: '授权主管',
			reason: '原因',
		},
		voidableUntil: (until, left) => `可撤销至 ${until}(还剩 ${left})。按 v 撤销。`,
		needsSupervisor: limit => `金额超过收银员限额 ${limit}:需要主管授权。`,
		cannotVoid: '不能撤销',
		missing: '数据库中已没有这笔交易。',
	},
	refusal: {
		'already-voided': () => ({message: '该交易已撤销', advice: '无需再撤销;如需小票,可在打印队列(p)重打印'}),
		'other-terminal': ({terminalId}) => ({
			message: `该交易在终端 ${terminalId ?? '?'} 完成`,
			advice: '请在该终端上撤销',
		}),
		'batch-settled': () => ({message: '批次已结算', advice: '请通过银行退款'}),
		'window-expired': () => ({message: '已超过撤销时限', advice: '请改为退款'}),
		'supervisor-required': () => ({message: '金额超过收银员限额', advice: '需要主管授权'}),
		'not-found': () => ({message: '找不到该交易', advice: '请返回列表重新搜索'}),
		'not-supervisor': ({operatorNo}) => ({
			message: `操作员 ${operatorNo ?? '?'} 不是主管`,
			advice: '请主管输入工号和密码',
		}),
		'stale-credentials': () => ({message: '密码输入已超时', advice: '请按 v 重新撤销'}),
		'vouchers-exhausted': () => ({message: '该批次已无可用凭证号', advice: '请主管结算该批次(s),之后通过银行退款'}),
		busy: () => ({
			message: '数据库正被其他程序使用,未做任何更改',
			advice: '请稍候再按 v 撤销;如持续出现,请关闭另一个 posvoid 窗口',
		}),
		'resolved-outside': ({outside}) => outsideResolutionText['zh-CN'].refusal(outside),
		'in-doubt': ({inDoubt}) => voidStateText['zh-CN'].inDoubtRefusal(inDoubt),
	},
	voidFlow: {
		title: (voucherNo, amount) => `撤销 凭证号 ${voucherNo}  ${amount}`,
		refused: '不能撤销',
		passwordPrompt: operatorNo => `操作员 ${operatorNo},请再次输入密码: `,
		supervisorNeeded: limit => `金额超过收银员限额 ${limit}:需要主管授权。`,
		supervisorNumberPrompt: '主管工号: ',
		supervisorPasswordPrompt: operatorNo => `主管 ${operatorNo} 密码: `,
		notSupervisor: operatorNo => `操作员 ${operatorNo} 不是主管:需要主管授权。`,
		sameOperator: '需要由另一位主管授权。',
		reasonPrompt: '撤销原因(按 1–9,或 ↑↓ 选择后 Enter):',
		otherReasonPrompt: '请简要填写原因(Enter 确定):',
		confirmTitle: '确认撤销? y/n',
		confirmHint: 'y 撤销;n 或 Esc 返回,不做任何更改。',
		voiding: '正在撤销…',
		printing: {
			claiming: '正在打印小票…',
			checking: '打印:检查打印机…',
			sending: '打印:发送小票…',
			done: '打印:完成',
		},
		voided: voucherNo => `撤销成功。撤销凭证号 ${voucherNo}。`,
		printed: '小票已打印。',
		notPrinted: message => `撤销已生效,但小票未打印:${message}。`,
		retryHint: '按 r 重试打印;小票也在打印队列(p)中等待。',
		backHint: 'Esc 或 Enter:返回列表',
		preview: '小票预览',
		approvedBy: operatorNo => `主管 ${operatorNo} 已授权`,
	},
	printFailure: {
		unreachable: {message: '无法连接打印机', advice: '请检查打印机电源和网线,然后重试打印。'},
		timeout: {
			message: '打印机无响应(超时)',
			advice: '请检查打印机是否卡纸或正忙,然后重试打印;如已打出部分小票,请重打印。',
		},
		'paper-out': {message: '打印机缺纸', advice: '请装入打印纸,然后重试打印。'},
		'cover-open': {message: '打印机纸仓盖未关', advice: '请关好纸仓盖,然后重试打印。'},
		offline: {message: '打印机处于离线状态', advice: '请检查打印机指示灯,按进纸键或重新开机后重试打印。'},
		'printer-error': {
			message: '打印机报告故障',
			advice: '请检查切刀和打印头,关机再开机后重试;仍失败请联系维护人员。',
		},
		reset: {message: '打印中连接中断', advice: '小票可能不完整,请重打印。'},
		'database-busy': {message: '数据库正被其他程序使用,小票未发送', advice: '请稍候在打印队列(p)中重试。'},
		'already-printed': {message: '该小票已打印', advice: '如需再打一张,请选择重打印。'},
		'in-progress': {message: '该小票正在另一个窗口打印', advice: '请稍候,在打印队列中查看结果。'},
	},
	queue: {
		title: '打印队列:待打印的小票',
		empty: '没有待打印的小票。',
		columns: {job: '任务', state: '状态', attempts: '次数', slip: '小票', reason: '原因'},
		states: {pending: '待打印', printing: '打印中', printed: '已打印', failed: '失败'},
		recent: '最近已打印(c 重打印)',
		printing: jobId => `正在打印任务 ${jobId}…`,
		printed: jobId => `任务 ${jobId} 已打印。`,
		failed: (jobId, message, advice) => `任务 ${jobId} 未打印:${message}。${advice}`,
		reprinted: jobId => `已加入重打印任务 ${jobId}。`,
		noVoid: '数据库中已没有该撤销记录,未加入打印。',
		voidSlip: (voucherNo, saleVoucherNo, amount, reprint) =>
			`撤销 ${voucherNo}(原凭证 ${saleVoucherNo})${amount}${reprint ? ' 重打印' : ''}`,
		settlementReport: (batchNo, reprint) => `结算总计单 批次 ${batchNo}${reprint ? ' 重打印' : ''}`,
	},
	help: {
		title: '按键',
		moreAbove: '↑ 上面还有(PgUp、Home)',
		moreBelow: '↓ 下面还有(PgDn、End)',
	},
	settlement: {
		title: '结算',
		supervisorNeeded: '结算需要主管:请输入主管工号和密码。',
		ownPasswordIntro: '结算将关闭本批次:请再次输入密码。',
		confirmTitle: batchNo => `结算批次 ${batchNo}? y/n`,
		batchLine: (batchNo, openedAt, supervisorNo) => `批次 ${batchNo},开始于 ${openedAt} · 主管 ${supervisorNo}`,
		confirmHint: 'y 结算并打印结算单(之后本批次交易只能通过银行退款);n 或 Esc 返回,不做任何更改。',
		moreHint: 'c 重打印上一批次的结算单 · x 交班汇总(X 报表) · a 审计记录',
		print: {
			printing: {
				claiming: '正在打印结算单…',
				checking: '打印:检查打印机…',
				sending: '打印:发送结算单…',
				done: '打印:完成',
			},
			printed: '结算单已打印。',
			notPrinted: message => `结算单未打印:${message}。`,
			retryHint: '按 r 重试打印;结算单也在打印队列(p)中等待。',
			backHint: 'Esc 或 Enter:返回列表',
			preview: '结算单预览',
		},
		settled: (batchNo, nextBatchNo) => `批次 ${batchNo} 已结算。当前批次 ${nextBatchNo}。`,
		reprintQueued: batchNo => `重打印批次 ${batchNo} 的结算单,标注 重打印 REPRINT。`,
		nothingToReprint: '尚无已结算的批次:没有可重打印的结算单。',
		settledElsewhere: '该批次刚在另一个窗口结算:此处未做任何更改。',
		notSupervisor: operatorNo => `操作员 ${operatorNo} 不是主管:结算需要主管密码。`,
		noReportToReprint: batchNo => `批次 ${batchNo} 尚未结算:没有可补打的结算报表。`,
		voidsInDoubt: list => voidStateText['zh-CN'].settlementInDoubt(list),
		busy: '另一个程序正在使用数据库:未结算。请稍候再按 y。',
		failed: message => `未结算:${message}。`,
		notSettled: '未结算',
	},
	figures: {
		columns: {
			channel: '渠道',
			sales: '消费笔数',
			salesAmount: '消费金额',
			voids: '撤销笔数',
			voidsAmount: '撤销金额',
			fees: '手续费',
			feesBack: '退回手续费',
		},
		total: '合计',
		net: (count, amount, fees) => `净额:${count} 笔,${amount},净手续费 ${fees}`,
	},
	shiftReport: {
		title: batchNo => `交班汇总(X 报表),批次 ${batchNo}:未结算`,
		taken: (at, openedAt) => `统计时间 ${at};批次开始于 ${openedAt},保持未结算。`,
		hint: 'p 打印;Esc 返回。只有结算(s)才会关闭批次。',
		printing: '正在打印交班汇总…',
		printed: '交班汇总已打印。',
		notPrinted: message => `交班汇总未打印:${message}。`,
		retryHint: '按 p 重试。',
	},
	audit: {
		title: '审计记录',
		supervisorNeeded: '审计记录仅限主管:请输入主管工号和密码。',
		columns: {time: '时间', operator: '操作员', event: '事件', result: '结果', record: '记录', detail: '详情'},
		events: {
			'sign-in': '登录',
			'sign-in-failed': '登录失败',
			lockout: '锁定',
			unlock: '解锁',
			'operator-add': '添加操作员',
			'password-change': '修改密码',
			void: '撤销',
			'void-refused': '撤销被拒',
			print: '打印',
			'print-failed': '打印失败',
			reprint: '重打印',
			settlement: '结算',
			import: '导入',
			init: '初始化',
			reconcile: '对账',
			'void-request': '撤销请求',
			'payment-exchange': '支付平台往来',
			'void-answer': '支付平台应答',
			'void-settle': '手工确认撤销',
		},
		record: {
			voucher: voucherNo => `凭证号 ${voucherNo}`,
			batch: batchNo => `批次 ${batchNo}`,
			operator: operatorNo => `操作员 ${operatorNo}`,
		},
		voidDetail: ({voidVoucherNo, saleVoucherNo, amount, fee, approverNo}) =>
			[
				`撤销凭证 ${voidVoucherNo},原凭证 ${saleVoucherNo ?? '?'},金额 ${amount}`,
				fee === undefined ? '' : `,手续费 ${fee}`,
				approverNo === undefined ? '' : `,主管 ${approverNo} 授权`,
			].join(''),
		results: {ok: '成功', refused: '拒绝', failed: '失败'},
		all: '全部',
		filters: (operator, event) => `操作员: ${operator} · 事件: ${event}`,
		operatorPrompt: '操作员号(Enter 确定,留空为全部): ',
		verifying: '正在校验审计链…',
		intact: (rows, head) => `审计链完整:已校验 ${rows} 行。${head ? `链头 ${head}。` : ''}`,
		broken: (rowId, rowsBefore) =>
			`审计链在第 ${rowId} 行断开:该行被修改、缺失或链接不符(之前 ${rowsBefore} 行校验通过)。`,
		empty: '没有符合条件的审计记录。',
		position: (first, last, count, capped) =>
			count === 0 ? '' : `第 ${first}–${last} 行,共 ${count} 行${capped ? '(仅最新)' : ''}`,
	},
	tooSmall: '终端窗口太小:请至少 40×8。',
	notTerminal: 'posvoid: 控制台需要在终端中运行(标准输入或输出不是 TTY)。脚本请使用 `posvoid void`。',
	commands: zhCNCommands,
} satisfies Messages;
