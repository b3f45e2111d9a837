import type {Channel, TransactionStatus} from '../domain/transaction.js';
import type {SearchProblem} from '../domain/search-query.js';
import type {Language} from './language.js';

/** Why a void was refused, by the codes checkVoidable and voidTransaction answer with. */
export type RefusalCode =
	| 'already-voided'
	| 'other-terminal'
	| 'batch-settled'
	| 'window-expired'
	| 'supervisor-required'
	| 'not-found'
	| 'not-supervisor'
	| 'stale-credentials';

export type KeyActionName =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'open'
	| 'search'
	| 'void'
	| 'queue'
	| 'settle'
	| 'help'
	| 'back'
	| 'confirm'
	| 'cancel'
	| 'retry'
	| 'reprint'
	| 'lock'
	| 'quit'
	| 'interrupt';

export type KeyPlace = 'list' | 'detail' | 'menu' | 'confirm' | 'result' | 'queue' | 'help' | 'signed-in' | 'anywhere';

type Advice = {message: string; advice: string};
type PrintJobStateName = 'pending' | 'printing' | 'printed' | 'failed';
type PrinterLabel = 'checking' | 'ready' | 'near-end' | 'problem';

export type Messages = {
	signIn: {
		title: string;
		operatorPrompt: string;
		passwordPrompt: string;
		checking: string;
		demoHint: (accounts: string) => string;
		unknownOperator: (operatorNo: string) => string;
		wrongPassword: (attemptsLeft: number | undefined) => string;
		locked: (minutes: number) => string;
		lockedTitle: string;
		lockedHint: (operatorNo: string) => string;
	};
	status: {
		operator: (operatorNo: string, name: string) => string;
		batch: (batchNo: string | undefined) => string;
		printer: (state: PrinterLabel, problem?: string) => string;
		waiting: (count: number) => string;
		demo: string;
	};
	list: {
		today: (day: string) => string;
		day: (day: string) => string;
		allDays: string;
		search: (text: string) => string;
		columns: {time: string; voucher: string; channel: string; card: string; amount: string; status: string};
		empty: string;
		searchPrompt: string;
		searchHint: string;
		problem: (problem: SearchProblem) => string;
		position: (first: number, count: number) => string;
	};
	channel: Record<Channel, string>;
	transactionStatus: Record<TransactionStatus, string>;
	detail: {
		title: string;
		fields: {
			voucher: string;
			reference: string;
			authCode: string;
			batch: string;
			terminal: string;
			merchant: string;
			channel: string;
			card: string;
			amount: string;
			fee: string;
			time: string;
			operator: string;
			status: string;
			voidVoucher: string;
			voidTime: string;
			voidOperator: string;
			approver: string;
			reason: string;
		};
		voidableUntil: (until: string, left: string) => string;
		needsSupervisor: (limit: string) => string;
		cannotVoid: string;
		missing: string;
	};
	refusal: Record<RefusalCode, (detail: {terminalId?: string; operatorNo?: string}) => Advice>;
	voidFlow: {
		title: (voucherNo: string, amount: string) => string;
		refused: string;
		passwordPrompt: (operatorNo: string) => string;
		supervisorNeeded: (limit: string) => string;
		supervisorNumberPrompt: string;
		supervisorPasswordPrompt: (operatorNo: string) => string;
		notSupervisor: (operatorNo: string) => string;
		sameOperator: string;
		reasonPrompt: string;
		confirmTitle: string;
		confirmHint: string;
		voiding: string;
		printing: Record<'claiming' | 'checking' | 'sending' | 'done', string>;
		voided: (voucherNo: string) => string;
		printed: string;
		notPrinted: (message: string) => string;
		retryHint: string;
		backHint: string;
		preview: string;
		approvedBy: (operatorNo: string) => string;
	};
	queue: {
		title: string;
		empty: string;
		columns: {job: string; state: string; attempts: string; slip: string; reason: string};
		states: Record<PrintJobStateName, string>;
		recent: string;
		printing: (jobId: number) => string;
		printed: (jobId: number) => string;
		failed: (jobId: number, message: string, advice: string) => string;
		reprinted: (jobId: number) => string;
		cannotReprint: string;
	};
	help: {title: string; places: Record<KeyPlace, string>};
	settlement: {title: string; coming: string};
	keys: Record<KeyActionName, string>;
	/** The same actions in a word or two, for the footer line. */
	keysShort: Record<KeyActionName, string>;
	tooSmall: string;
	notTerminal: string;
};

const searchFields: Record<Language, Record<string, string>> = {
	en: {
		voucherNo: 'voucher number',
		referenceNo: 'reference number',
		lastFour: 'last four',
		amount: 'amount',
		status: 'status',
		day: 'date',
		from: 'date',
		to: 'date',
	},
	'zh-CN': {
		voucherNo: '凭证号',
		referenceNo: '参考号',
		lastFour: '卡号后四位',
		amount: '金额',
		status: '状态',
		day: '日期',
		from: '日期',
		to: '日期',
	},
};

const en: Messages = {
	signIn: {
		title: 'posvoid — sign in',
		operatorPrompt: 'Operator number: ',
		passwordPrompt: 'Password: ',
		checking: 'Checking the password…',
		demoHint: accounts => `Demo mode: ${accounts}`,
		unknownOperator: operatorNo =>
			`There is no operator ${operatorNo}: check the number, or ask a supervisor to add it.`,
		wrongPassword: attemptsLeft =>
			attemptsLeft === undefined
				? 'Wrong password.'
				: `Wrong password: ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left before the operator is locked.`,
		locked: minutes =>
			`This operator is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} after too many wrong passwords: wait, or ask a supervisor to unlock it.`,
		lockedTitle: 'Console locked',
		lockedHint: operatorNo => `Operator ${operatorNo}: enter your password to unlock. Esc signs out.`,
	},
	status: {
		operator: (operatorNo, name) => `Operator ${operatorNo} ${name}`,
		batch: batchNo => (batchNo === undefined ? 'Batch —' : `Batch ${batchNo}`),
		printer(state, problem) {
			switch (state) {
				case 'checking': {
					return 'Printer …';
				}

				case 'ready': {
					return 'Printer ready';
				}

				case 'near-end': {
					return 'Printer: paper low';
				}

				case 'problem': {
					return `Printer: ${problem ?? 'problem'}`;
				}
			}
		},
		waiting: count => `Slips waiting ${count}`,
		demo: 'DEMO',
	},
	list: {
		today: day => `Today ${day}`,
		day: day => `Day ${day}`,
		allDays: 'All days',
		search: text => `Search: ${text}`,
		columns: {time: 'Time', voucher: 'Voucher', channel: 'Channel', card: 'Card', amount: 'Amount', status: 'Status'},
		empty: 'No transactions match. / searches; Esc goes back to today.',
		searchPrompt: 'Search: ',
		searchHint:
			'voucher 000124 · reference (12 digits) · last four 0018 · amount 128.50 · 2026-11-24/today · voided/completed',
		problem(problem) {
			switch (problem.kind) {
				case 'unknown-term': {
					return `"${problem.term}" is not a voucher, reference, last four, amount, date or status.`;
				}

				case 'digits': {
					return `"${problem.term}" is neither a voucher (6 digits), a reference (12), last four (4) nor an amount such as 128.50.`;
				}

				case 'bad-amount': {
					return `"${problem.term}" is not an amount such as 128.50.`;
				}

				case 'bad-date': {
					return `"${problem.term}" is not a date such as 2026-11-24.`;
				}

				case 'repeated': {
					return `"${problem.term}": only one ${searchFields.en[problem.field] ?? problem.field} per search.`;
				}
			}
		},
		position: (first, count) => (count === 0 ? '' : `rows from ${first}`),
	},
	channel: {debit: 'Debit', credit: 'Credit', wechat: 'WeChat', alipay: 'Alipay', unionpay_qr: 'UnionPay QR'},
	transactionStatus: {completed: 'completed', voided: 'VOIDED'},
	detail: {
		title: 'Transaction',
		fields: {
			voucher: 'Voucher no',
			reference: 'Reference no',
			authCode: 'Auth code',
			batch: 'Batch no',
			terminal: 'Terminal',
			merchant: 'Merchant no',
			channel: 'Channel',
			card: 'Card',
			amount: 'Amount',
			fee: 'Fee',
			time: 'Time',
			operator: 'Operator',
			status: 'Status',
			voidVoucher: 'Void voucher',
			voidTime: 'Voided at',
			voidOperator: 'Voided by',
			approver: 'Approved by',
			reason: 'Reason',
		},
		voidableUntil: (until, left) => `Can be voided until ${until} (${left} left). v voids it.`,
		needsSupervisor: limit => `Over the cashier limit of ${limit}: a supervisor must approve.`,
		cannotVoid: 'Cannot be voided',
		missing: 'This transaction is no longer in the database.',
	},
	refusal: {
		'already-voided': () => ({
			message: 'already voided',
			advice: 'nothing to do; a copy of its slip can be reprinted from the print queue (p)',
		}),
		'other-terminal': ({terminalId}) => ({
			message: `taken on terminal ${terminalId ?? '?'}`,
			advice: 'void it on that terminal',
		}),
		'batch-settled': () => ({message: 'batch settled', advice: 'refund through the bank'}),
		'window-expired': () => ({message: 'the void window has closed', advice: 'refund it instead'}),
		'supervisor-required': () => ({message: 'over the cashier limit', advice: 'a supervisor must approve'}),
		'not-found': () => ({message: 'the transaction is gone', advice: 'go back to the list and search again'}),
		'not-supervisor': ({operatorNo}) => ({
			message: `operator ${operatorNo ?? '?'} is not a supervisor`,
			advice: 'a supervisor must enter their number and password',
		}),
		'stale-credentials': () => ({
			message: 'the password was entered too long ago',
			advice: 'start the void again with v',
		}),
	},
	voidFlow: {
		title: (voucherNo, amount) => `Void voucher ${voucherNo}  ${amount}`,
		refused: 'Cannot void',
		passwordPrompt: operatorNo => `Operator ${operatorNo}, your password again: `,
		supervisorNeeded: limit => `Over the cashier limit of ${limit}: a supervisor must approve.`,
		supervisorNumberPrompt: 'Supervisor number: ',
		supervisorPasswordPrompt: operatorNo => `Supervisor ${operatorNo} password: `,
		notSupervisor: operatorNo => `Operator ${operatorNo} is not a supervisor: a supervisor must approve.`,
		sameOperator: 'A supervisor other than yourself must approve.',
		reasonPrompt: 'Reason for the void (↑↓, Enter):',
		confirmTitle: 'Confirm void? y/n',
		confirmHint: 'y voids it; n or Esc backs out and changes nothing.',
		voiding: 'Voiding…',
		printing: {
			claiming: 'Printing the slip…',
			checking: 'Printing: checking the printer…',
			sending: 'Printing: sending the slip…',
			done: 'Printing: done',
		},
		voided: voucherNo => `Voided. Void voucher ${voucherNo}.`,
		printed: 'Slip printed.',
		notPrinted: message => `The void stands, but the slip did not print: ${message}.`,
		retryHint: 'r retries the print; the slip also waits in the print queue (p).',
		backHint: 'Esc or Enter: back to the list',
		preview: 'Slip preview',
		approvedBy: operatorNo => `Approved by supervisor ${operatorNo}`,
	},
	queue: {
		title: 'Print queue: slips waiting',
		empty: 'No slips waiting.',
		columns: {job: 'Job', state: 'State', attempts: 'Tries', slip: 'Slip', reason: 'Reason'},
		states: {pending: 'pending', printing: 'printing', printed: 'printed', failed: 'failed'},
		recent: 'Recently printed (c reprints a copy)',
		printing: jobId => `Printing job ${jobId}…`,
		printed: jobId => `Job ${jobId} printed.`,
		failed: (jobId, message, advice) => `Job ${jobId} did not print: ${message}. ${advice}`,
		reprinted: jobId => `Reprint queued as job ${jobId}.`,
		cannotReprint: 'Only a void slip can be reprinted here.',
	},
	help: {
		title: 'Keys',
		places: {
			list: 'list',
			detail: 'detail',
			menu: 'reason menu',
			confirm: 'confirm',
			result: 'void result',
			queue: 'print queue',
			help: 'help',
			'signed-in': 'signed in',
			anywhere: 'anywhere',
		},
	},
	settlement: {title: 'Settlement (结算)', coming: 'Settlement: coming in the next release. Esc goes back.'},
	keys: {
		up: 'move up',
		down: 'move down',
		pageUp: 'page up',
		pageDown: 'page down',
		home: 'newest',
		end: 'oldest',
		open: 'open the transaction',
		search: 'search: voucher, reference, last four, amount, date, status',
		void: 'void the transaction',
		queue: 'print queue',
		settle: 'settlement (supervisor)',
		help: 'help',
		back: 'back or cancel',
		confirm: 'confirm',
		cancel: 'cancel',
		retry: 'retry the print',
		reprint: 'reprint a copy',
		lock: 'lock the console',
		quit: 'quit',
		interrupt: 'quit cleanly',
	},
	keysShort: {
		up: 'up',
		down: 'down',
		pageUp: 'page up',
		pageDown: 'page down',
		home: 'newest',
		end: 'oldest',
		open: 'open',
		search: 'search',
		void: 'void',
		queue: 'print queue',
		settle: 'settle',
		help: 'help',
		back: 'back',
		confirm: 'void it',
		cancel: 'back out',
		retry: 'retry print',
		reprint: 'reprint',
		lock: 'lock',
		quit: 'quit',
		interrupt: 'quit',
	},
	tooSmall: 'The terminal is too small: make it at least 40×8.',
	notTerminal:
		'posvoid: the console needs a terminal (standard input or output is not a TTY). Run it in a terminal, or use `posvoid void` for scripts.',
};

const zhCN: Messages = {
	signIn: {
		title: 'posvoid — 登录',
		operatorPrompt: '操作员号: ',
		passwordPrompt: '密码: ',
		checking: '正在验证密码…',
		demoHint: accounts => `演示模式: ${accounts}`,
		unknownOperator: operatorNo => `没有操作员 ${operatorNo}:请核对工号,或请主管添加。`,
		wrongPassword: attemptsLeft =>
			attemptsLeft === undefined ? '密码错误。' : `密码错误:再错 ${attemptsLeft} 次将锁定该操作员。`,
		locked: minutes => `密码错误次数过多,该操作员已锁定,还需 ${minutes} 分钟:请等待,或请主管解锁。`,
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
		searchHint: '凭证号 000124 · 参考号(12位) · 卡号后四位 0018 · 金额 128.50 · 2026-11-24/today · voided/completed',
		problem(problem) {
			switch (problem.kind) {
				case 'unknown-term': {
					return `"${problem.term}" 不是凭证号、参考号、卡号后四位、金额、日期或状态。`;
				}

				case 'digits': {
					return `"${problem.term}" 既不是凭证号(6位)、参考号(12位)、卡号后四位(4位),也不是 128.50 这样的金额。`;
				}

				case 'bad-amount': {
					return `"${problem.term}" 不是 128.50 这样的金额。`;
				}

				case 'bad-date': {
					return `"${problem.term}" 不是 2026-11-24 这样的日期。`;
				}

				case 'repeated': {
					return `"${problem.term}":每次搜索只能有一个${searchFields['zh-CN'][problem.field] ?? problem.field}。`;
				}
			}
		},
		position: (first, count) => (count === 0 ? '' : `自第 ${first} 行`),
	},
	channel: {debit: '借记卡', credit: '贷记卡', wechat: '微信', alipay: '支付宝', unionpay_qr: '云闪付'},
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
		reasonPrompt: '撤销原因(↑↓ 选择,Enter 确定):',
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
		cannotReprint: '这里只能重打印撤销小票。',
	},
	help: {
		title: '按键',
		places: {
			list: '列表',
			detail: '详情',
			menu: '原因菜单',
			confirm: '确认',
			result: '撤销结果',
			queue: '打印队列',
			help: '帮助',
			'signed-in': '登录后',
			anywhere: '任何界面',
		},
	},
	settlement: {title: '结算 Settlement', coming: '结算:将在下一版本提供。Esc 返回。'},
	keys: {
		up: '上移',
		down: '下移',
		pageUp: '上一页',
		pageDown: '下一页',
		home: '最新',
		end: '最早',
		open: '查看交易',
		search: '搜索:凭证号、参考号、卡号后四位、金额、日期、状态',
		void: '撤销该交易',
		queue: '打印队列',
		settle: '结算(主管)',
		help: '帮助',
		back: '返回或取消',
		confirm: '确认',
		cancel: '取消',
		retry: '重试打印',
		reprint: '重打印',
		lock: '锁定控制台',
		quit: '退出',
		interrupt: '安全退出',
	},
	keysShort: {
		up: '上移',
		down: '下移',
		pageUp: '上页',
		pageDown: '下页',
		home: '最新',
		end: '最早',
		open: '查看',
		search: '搜索',
		void: '撤销',
		queue: '打印队列',
		settle: '结算',
		help: '帮助',
		back: '返回',
		confirm: '确认撤销',
		cancel: '取消',
		retry: '重试打印',
		reprint: '重打印',
		lock: '锁定',
		quit: '退出',
		interrupt: '退出',
	},
	tooSmall: '终端窗口太小:请至少 40×8。',
	notTerminal: 'posvoid: 控制台需要在终端中运行(标准输入或输出不是 TTY)。脚本请使用 `posvoid void`。',
};

const catalogue: Record<Language, Messages> = {en, 'zh-CN': zhCN};

export function messagesFor(language: Language): Messages {
	return catalogue[language];
}
