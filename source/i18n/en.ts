import {channelNames} from '../domain/transaction.js';
import {enCommands} from './en-commands.js';
import type {Messages} from './messages.js';
import {outsideResolutionText} from './outside-resolution-text.js';
import {voidStateText} from './void-state-text.js';

const searchFields: Record<string, string> = {
	voucherNo: 'voucher number',
	referenceNo: 'reference number',
	lastFour: 'last four',
	amount: 'amount',
	status: 'status',
	day: 'date',
	from: 'date',
	to: 'date',
};

export const en = {
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
		position: (position, total) => `${position.toLocaleString('en')} / ${total.toLocaleString('en')}`,
		searchHint:
			'voucher 000124 · reference (12 digits) · last four 0018 · order no. end 12345 · amount 128.50 · 2026-11-24/today · voided/completed',
		problem(problem) {
			switch (problem.kind) {
				case 'unknown-term': {
					return `"${problem.term}" is not a voucher, reference, last four, amount, date or status.`;
				}

				case 'digits': {
					return `"${problem.term}" is neither a voucher (6 digits), a reference (12), last four (4), the end of an order number (4 to 6) nor an amount such as 128.50.`;
				}

				case 'bad-amount': {
					return `"${problem.term}" is not an amount such as 128.50.`;
				}

				case 'bad-date': {
					return `"${problem.term}" is not a date such as 2026-11-24.`;
				}

				case 'repeated': {
					return `"${problem.term}": only one ${searchFields[problem.field] ?? problem.field} per search.`;
				}
			}
		},
	},
	channel: channelNames.en,
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
		'resolved-outside': ({outside}) => outsideResolutionText.en.refusal(outside),
		'in-doubt': ({inDoubt}) => voidStateText.en.inDoubtRefusal(inDoubt),
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
		reasonPrompt: 'Reason for the void (1–9, or ↑↓ and Enter):',
		otherReasonPrompt: 'Reason, in a few words (Enter): ',
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
	printFailure: {
		unreachable: {
			message: 'The printer cannot be reached',
			advice: "Check the printer's power and network cable, then retry the print.",
		},
		timeout: {
			message: 'The printer stopped responding (timed out)',
			advice: 'Check the printer for a jam or a busy light, then retry; if part of a slip came out, reprint it.',
		},
		'paper-out': {message: 'The printer is out of paper', advice: 'Load paper, then retry the print.'},
		'cover-open': {message: "The printer's cover is open", advice: 'Close the cover, then retry the print.'},
		offline: {
			message: 'The printer is offline',
			advice: 'Check the printer lights; press feed or power it off and on, then retry.',
		},
		'printer-error': {
			message: 'The printer reports an error',
			advice:
				'Check the cutter and print head, power the printer off and on, then retry; if it persists call maintenance.',
		},
		reset: {message: 'The connection dropped while printing', advice: 'The slip may be incomplete: reprint it.'},
		'database-busy': {
			message: 'Another program is using the database; the slip was not sent',
			advice: 'Wait a moment, then retry from the print queue (p).',
		},
		'already-printed': {message: 'This slip has already printed', advice: 'To print it again, choose reprint.'},
		'in-progress': {message: 'This slip is printing from another window', advice: 'Wait, then check the print queue.'},
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
		noVoid: 'That void is not in the database any more: nothing was queued.',
		voidSlip: (voucherNo, saleVoucherNo, amount, reprint) =>
			`VOID ${voucherNo} (orig ${saleVoucherNo}) ${amount}${reprint ? ' REPRINT' : ''}`,
		settlementReport: (batchNo, reprint) => `SETTLEMENT batch ${batchNo}${reprint ? ' REPRINT' : ''}`,
	},
	help: {
		title: 'Keys',
		moreAbove: '↑ more above (PgUp, Home)',
		moreBelow: '↓ more below (PgDn, End)',
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
		notSupervisor: operatorNo =>
			`Operator ${operatorNo} is not a supervisor: settlement needs a supervisor's password.`,
		noReportToReprint: batchNo => `Batch ${batchNo} is not settled: there is no settlement report to reprint.`,
		voidsInDoubt: list => voidStateText.en.settlementInDoubt(list),
		busy: 'Another program is using the database: nothing was settled. Wait a moment and press y again.',
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
			reconcile: 'reconciliation',
			'void-request': 'request sent to the platform',
			'payment-exchange': 'payment exchange',
			'void-answer': "platform's answer",
			'void-settle': 'void settled by hand',
		},
		record: {
			voucher: voucherNo => `voucher ${voucherNo}`,
			batch: batchNo => `batch ${batchNo}`,
			operator: operatorNo => `operator ${operatorNo}`,
		},
		voidDetail: ({voidVoucherNo, saleVoucherNo, amount, fee, approverNo}) =>
			[
				`void ${voidVoucherNo} of ${saleVoucherNo ?? '?'} amount ${amount}`,
				fee === undefined ? '' : ` fee ${fee}`,
				approverNo === undefined ? '' : ` approved by ${approverNo}`,
			].join(''),
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
	tooSmall: 'The terminal is too small: make it at least 40×8.',
	notTerminal:
		'posvoid: the console needs a terminal (standard input or output is not a TTY). Run it in a terminal, or use `posvoid void` for scripts.',
	commands: enCommands,
} satisfies Messages;
