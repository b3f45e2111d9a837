import type {AuditEvent} from '../domain/audit-chain.js';
import type {Channel, TransactionStatus} from '../domain/transaction.js';
import type {SearchProblem} from '../domain/search-query.js';
import type {RefusalCode} from '../domain/void-policy.js';
import type {PrintFailureKind} from '../domain/print-failure.js';
import type {OutsideRefusalDetail} from './outside-resolution-text.js';
import type {CommandMessages} from './command-messages.js';
import type {InDoubtDetail} from './void-state-text.js';

/** What a refusal's words may name: the sale's terminal, the operator, an outside refund's place and time. */
export type RefusalDetail = {
	terminalId?: string;
	operatorNo?: string;
	outside?: OutsideRefusalDetail;
	inDoubt?: InDoubtDetail;
};

/** What went wrong, and what the person reading it can do about it. */
export type Advice = {message: string; advice: string};
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
		/** The highlighted row's place and the rows the list holds: `1,204 / 142,858`. */
		position: (position: number, total: number) => string;
		problem: (problem: SearchProblem) => string;
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
	refusal: Record<RefusalCode, (detail: RefusalDetail) => Advice>;
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
		otherReasonPrompt: string;
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
	/** A print that failed: the printer's answer, or the queue's state before the printer was asked. */
	printFailure: Record<PrintFailureKind, Advice>;
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
		/** A reprint of a void the database no longer has. */
		noVoid: string;
		voidSlip: (voucherNo: string, saleVoucherNo: string, amount: string, reprint: boolean) => string;
		settlementReport: (batchNo: string, reprint: boolean) => string;
	};
	help: {title: string; moreAbove: string; moreBelow: string};
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
		notSupervisor: (operatorNo: string) => string;
		noReportToReprint: (batchNo: string) => string;
		/** Issue 14: the voids of the batch in doubt, one line each. */
		voidsInDoubt: (list: string) => string;
		busy: string;
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
		/** The record column: a sale or void by its voucher number, a batch, an operator. */
		record: {
			voucher: (voucherNo: string) => string;
			batch: (batchNo: string) => string;
			operator: (operatorNo: string) => string;
		};
		/** A void's audit detail, its amount and fee formatted. */
		voidDetail: (entry: {
			voidVoucherNo: string;
			saleVoucherNo: string | undefined;
			amount: string;
			fee: string | undefined;
			approverNo: string | undefined;
		}) => string;
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
	tooSmall: string;
	notTerminal: string;
	/** What `posvoid COMMAND` prints. */
	commands: CommandMessages;
};
