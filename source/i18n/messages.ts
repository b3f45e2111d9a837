import type {AuditEvent} from '../domain/audit-chain.js';
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
	| 'stale-credentials'
	| 'busy'
	| 'vouchers-exhausted';

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
	| 'interrupt'
	| 'settleNow'
	| 'shiftReport'
	| 'audit'
	| 'printReport'
	| 'filterOperator'
	| 'filterEvent';

export type KeyPlace =
	| 'list'
	| 'detail'
	| 'menu'
	| 'confirm'
	| 'result'
	| 'queue'
	| 'help'
	| 'settlement'
	| 'report'
	| 'audit'
	| 'signed-in'
	| 'anywhere';

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
		/** An unknown operator number and a wrong password get this one answer: it tells no one which numbers exist. */
		wrongCredentials: string;
		badOperatorNumber: string;
		locked: (minutes: number) => string;
		/** Another program holds the database's write lock past the busy timeout. */
		busy: string;
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
	settlement: {
		title: string;
		supervisorNeeded: string;
		ownPasswordIntro: string;
		confirmTitle: (batchNo: string) => string;
		batchLine: (batchNo: string, openedAt: string, supervisorNo: string) => string;
		confirmHint: string;
		moreHint: string;
		print: {
			printing: Record<'claiming' | 'checking' | 'sending' | 'done', string>;
			printed: string;
			notPrinted: (message: string) => string;
			retryHint: string;
			backHint: string;
			preview: string;
		};
		settled: (batchNo: string, nextBatchNo: string) => string;
		reprintQueued: (batchNo: string) => string;
		nothingToReprint: string;
		settledElsewhere: string;
		failed: (message: string) => string;
		notSettled: string;
	};
	/** The batch figures table of the settlement screen and the shift summary. */
	figures: {
		columns: {
			channel: string;
			sales: string;
			salesAmount: string;
			voids: string;
			voidsAmount: string;
			fees: string;
			feesBack: string;
		};
		total: string;
		net: (count: number, amount: string, fees: string) => string;
	};
	shiftReport: {
		title: (batchNo: string) => string;
		taken: (at: string, openedAt: string) => string;
		hint: string;
		printing: string;
		printed: string;
		notPrinted: (message: string) => string;
		retryHint: string;
	};
	audit: {
		title: string;
		supervisorNeeded: string;
		columns: {time: string; operator: string; event: string; result: string; record: string; detail: string};
		events: Record<AuditEvent, string>;
		results: Record<'ok' | 'refused' | 'failed', string>;
		all: string;
		filters: (operator: string, event: string) => string;
		operatorPrompt: string;
		verifying: string;
		/** `head` is the chain's last row as `row:hash`, written as a settlement report prints an anchor. */
		intact: (rows: number, head: string | undefined) => string;
		broken: (rowId: number, rowsBefore: number, why: string) => string;
		empty: string;
		position: (first: number, last: number, count: number, capped: boolean) => string;
	};
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
		wrongCredentials: 'The operator number or the password is wrong: check both and try again.',
		badOperatorNumber: 'An operator number is 2 to 4 digits, such as 01: type it again.',
		locked: minutes =>
			`This operator is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} after too many wrong passwords: wait, or ask a supervisor to unlock it.`,
		busy: 'Another program is using the database: wait a moment and try again.',
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
		'vouchers-exhausted': () => ({
			message: 'the batch has no free voucher numbers',
			advice: 'a supervisor settles it (s); then refund through the bank',
		}),
		busy: () => ({
			message: 'another program is using the database; nothing was changed',
			advice: 'wait a moment and void again with v; if it persists, close the other posvoid window',
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
			result: 'print result',
			queue: 'print queue',
			help: 'help',
			settlement: 'settlement',
			report: 'shift summary',
			audit: 'audit log',
			'signed-in': 'signed in',
			anywhere: 'anywhere',
		},
	},
	settlement: {
		title: 'Settlement (结算)',
		supervisorNeeded: "Settlement needs a supervisor: enter a supervisor's number and password.",
		ownPasswordIntro: 'Settlement closes the batch: enter your password again.',
		confirmTitle: batchNo => `Settle batch ${batchNo}? y/n`,
		batchLine: (batchNo, openedAt, supervisorNo) =>
			`Batch ${batchNo}, open since ${openedAt} · supervisor ${supervisorNo}`,
		confirmHint: 'y settles and prints the report (its sales can then only be refunded); n or Esc changes nothing.',
		moreHint: "c prints the last settled batch's report again · x shift summary (X report) · a audit log",
		print: {
			printing: {
				claiming: 'Printing the settlement report…',
				checking: 'Printing: checking the printer…',
				sending: 'Printing: sending the report…',
				done: 'Printing: done',
			},
			printed: 'Settlement report printed.',
			notPrinted: message => `The report did not print: ${message}.`,
			retryHint: 'r retries the print; the report also waits in the print queue (p).',
			backHint: 'Esc or Enter: back to the list',
			preview: 'Report preview',
		},
		settled: (batchNo, nextBatchNo) => `Batch ${batchNo} settled. Batch ${nextBatchNo} is now open.`,
		reprintQueued: batchNo => `Reprint of the settlement report of batch ${batchNo}, marked REPRINT.`,
		nothingToReprint: 'No batch has been settled yet: there is no settlement report to reprint.',
		settledElsewhere: 'The batch was settled from another window a moment ago: nothing was changed here.',
		failed: message => `Nothing was settled: ${message}.`,
		notSettled: 'Not settled',
	},
	figures: {
		columns: {
			channel: 'Channel',
			sales: 'Sales',
			salesAmount: 'Sales amount',
			voids: 'Voids',
			voidsAmount: 'Voids amount',
			fees: 'Fees',
			feesBack: 'Fees back',
		},
		total: 'Total',
		net: (count, amount, fees) => `Net: ${count} sales, ${amount}, fees ${fees}`,
	},
	shiftReport: {
		title: batchNo => `Shift summary (X report), batch ${batchNo}: not settled`,
		taken: (at, openedAt) => `Taken ${at}; the batch has been open since ${openedAt} and stays open.`,
		hint: 'p prints it; Esc goes back. Only settlement (s) closes the batch.',
		printing: 'Printing the shift summary…',
		printed: 'Shift summary printed.',
		notPrinted: message => `The shift summary did not print: ${message}.`,
		retryHint: 'p tries again.',
	},
	audit: {
		title: 'Audit log',
		supervisorNeeded: "The audit log is for supervisors: enter a supervisor's number and password.",
		columns: {time: 'Time', operator: 'Op', event: 'Event', result: 'Result', record: 'Record', detail: 'Detail'},
		events: {
			'sign-in': 'sign-in',
			'sign-in-failed': 'failed sign-in',
			lockout: 'lockout',
			unlock: 'unlock',
			'operator-add': 'operator added',
			'password-change': 'password changed',
			void: 'void',
			'void-refused': 'refused void',
			print: 'print',
			'print-failed': 'failed print',
			reprint: 'reprint',
			settlement: 'settlement',
			import: 'import',
			init: 'init',
		},
		results: {ok: 'ok', refused: 'refused', failed: 'failed'},
		all: 'all',
		filters: (operator, event) => `operator: ${operator} · event: ${event}`,
		operatorPrompt: 'Operator number (Enter applies; empty for all): ',
		verifying: 'Verifying the audit chain…',
		intact: (rows, head) => `Chain intact: ${rows} rows verified.${head ? ` Head ${head}.` : ''}`,
		broken: (rowId, rowsBefore, why) => `Chain BROKEN at row ${rowId}: ${why} (${rowsBefore} rows before it verified).`,
		empty: 'No audit events match.',
		position: (first, last, count, capped) =>
			count === 0 ? '' : `Rows ${first}–${last} of ${count}${capped ? ' (the newest only)' : ''}`,
	},
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
		settleNow: 'settle the batch and print the report',
		shiftReport: 'shift summary (X report)',
		audit: 'audit log (supervisor)',
		printReport: 'print the shift summary',
		filterOperator: 'audit log: filter by operator',
		filterEvent: 'audit log: next event kind',
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
		settleNow: 'settle now',
		shiftReport: 'X report',
		audit: 'audit',
		printReport: 'print',
		filterOperator: 'operator',
		filterEvent: 'event kind',
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
		'vouchers-exhausted': () => ({message: '该批次已无可用凭证号', advice: '请主管结算该批次(s),之后通过银行退款'}),
		busy: () => ({
			message: '数据库正被其他程序使用,未做任何更改',
			advice: '请稍候再按 v 撤销;如持续出现,请关闭另一个 posvoid 窗口',
		}),
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
			result: '打印结果',
			queue: '打印队列',
			help: '帮助',
			settlement: '结算',
			report: '交班汇总',
			audit: '审计记录',
			'signed-in': '登录后',
			anywhere: '任何界面',
		},
	},
	settlement: {
		title: '结算 Settlement',
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
		},
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
		settleNow: '结算并打印结算单',
		shiftReport: '交班汇总(X 报表)',
		audit: '审计记录(主管)',
		printReport: '打印交班汇总',
		filterOperator: '审计记录:按操作员筛选',
		filterEvent: '审计记录:下一种事件类型',
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
		settleNow: '确认结算',
		shiftReport: 'X报表',
		audit: '审计',
		printReport: '打印',
		filterOperator: '操作员',
		filterEvent: '事件类型',
	},
	tooSmall: '终端窗口太小:请至少 40×8。',
	notTerminal: 'posvoid: 控制台需要在终端中运行(标准输入或输出不是 TTY)。脚本请使用 `posvoid void`。',
};

const catalogue: Record<Language, Messages> = {en, 'zh-CN': zhCN};

export function messagesFor(language: Language): Messages {
	return catalogue[language];
}
