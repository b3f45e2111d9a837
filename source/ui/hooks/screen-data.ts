import type {PolicyAnswer} from '../../domain/void-policy.js';
import type {OperatorRole, Transaction} from '../../domain/transaction.js';
import {markInterruptedJobs, recentJobs, waitingJobs, type PrintJobView} from '../../services/print-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import {shiftReport} from '../../services/settlement-service.js';
import {getTransaction, outsideResolutionOf, voidOfTransaction} from '../../services/transaction-list-service.js';
import type {OutsideResolution} from '../../domain/outside-resolution.js';
import {checkVoidable} from '../../services/void-service.js';
import {voidStateOfSale} from '../../services/online-void-service.js';

/**
 * What a screen shows, read in the event that opens it (a key), never while a screen draws: the
 * screen gets it with its entry on the stack.
 */
export type TransactionDetail = {
	transaction: Transaction;
	voidRow: ReturnType<typeof voidOfTransaction>;
	/** A refund or void made outside posvoid, learnt from a bill: then there is nothing to void here. */
	outside: OutsideResolution | undefined;
	/** Whether it can be voided now, and until when; or why not. */
	answer: PolicyAnswer;
	readAt: number;
	/** An approved online or terminal void: the platform's refund or cancel number (the terminal's reference). */
	platformRefundNo: string | undefined;
};

export function readTransactionDetail(
	context: ServiceContext,
	transactionId: number,
	role: OperatorRole,
): TransactionDetail | undefined {
	const transaction = getTransaction(context, transactionId);
	if (!transaction) {
		return undefined;
	}

	return {
		transaction,
		voidRow: transaction.status === 'voided' ? voidOfTransaction(context, transaction.id) : undefined,
		outside: outsideResolutionOf(context, transaction.id),
		answer: checkVoidable(context, transaction, role),
		readAt: context.now(),
		platformRefundNo: transaction.status === 'voided' ? refundNumberOf(context, transaction.id) : undefined,
	};
}

/** A void settled by hand has no platform number: then there is none to show. */
function refundNumberOf(context: ServiceContext, transactionId: number): string | undefined {
	const number = voidStateOfSale(context, transactionId)?.platformRefundNo;
	return number === '' ? undefined : number;
}

/**
 * Whether `v` is offered on the detail screen: only on a sale still completed, not refunded outside, and
 * with no void in doubt at its platform (a second could refund twice). Otherwise the screen says why.
 */
export function offersVoid(detail: TransactionDetail | undefined): boolean {
	if (detail?.transaction.status !== 'completed' || detail.outside !== undefined) {
		return false;
	}

	return detail.answer.ok || detail.answer.reason !== 'in-doubt';
}

export type QueueEntry = {view: PrintJobView; section: 'waiting' | 'recent'};

/** Slips waiting, then the last five printed. */
export function readQueueEntries(context: ServiceContext): QueueEntry[] {
	const waiting = waitingJobs(context).map(view => ({view, section: 'waiting' as const}));
	const recent = recentJobs(context, 8)
		.filter(view => view.job.state === 'printed')
		.slice(0, 5)
		.map(view => ({view, section: 'recent' as const}));
	return [...waiting, ...recent];
}

/** Opening the queue is when a slip left half-printed by a stopped console becomes visible as failed. */
export function openQueueEntries(context: ServiceContext): QueueEntry[] {
	markInterruptedJobs(context);
	return readQueueEntries(context);
}

export type ShiftReportView = ReturnType<typeof shiftReport> & {takenAt: number};

/** The open batch's figures as they are when the summary opens: they stay still while read or printed. */
export function readShiftReport(context: ServiceContext, operatorNo: string): ShiftReportView {
	return {...shiftReport(context, operatorNo), takenAt: context.now()};
}
