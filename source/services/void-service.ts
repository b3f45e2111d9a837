import {voidAuditDetail} from '../domain/audit-books.js';
import {formatDate, formatDateTime} from '../domain/time-format.js';
import type {OperatorRole, Transaction} from '../domain/transaction.js';
import type {OutsideNote} from '../domain/outside-resolution.js';
import {evaluateVoid, type PolicyAnswer, type RefusalCode} from '../domain/void-policy.js';
import {firstFreeVoucherAfter, formatVoucherNo, nextVoucherNo} from '../domain/voucher.js';
import type {Store} from '../store/store.js';
import {freeText} from '../domain/display-text.js';
import {DatabaseBusyError} from '../store/store-errors.js';
import type {VoidRow} from '../store/voids-store.js';
import type {BatchRow} from '../store/batches-store.js';
import type {Authenticated} from './auth-service.js';
import type {ServiceContext} from './service-context.js';

export type VoidRequest = {
	transactionId: number;
	/** The operator who re-entered their password for this void. */
	operator: Authenticated;
	/** The supervisor who approved it, when the amount is over the limit. */
	approver?: Authenticated;
	reason: string;
};

export type VoidOutcome =
	| {ok: true; transaction: Transaction; void: VoidRow; printJobId: number}
	| {
			ok: false;
			reason: RefusalCode;
			detail: string;
			until?: number;
			outside?: OutsideNote;
			/** For `in-doubt`: where the sale's void is waiting for its answer, and since when. */
			inDoubt?: {platform: string; since: number};
	  };

/** Credentials older than this are not accepted for a void: the password is re-entered for each one. */
const credentialLifetimeMs = 5 * 60_000;

export function voucherCounterName(terminalId: string): string {
	return `voucher:${terminalId}`;
}

/** Point lookups tried before reading all of a batch's voucher numbers: the next number is nearly always free. */
const voucherProbes = 32;

/**
 * The void's voucher (trace) number: the first after the terminal's counter, going round from 999999,
 * that no sale and no void of the batch has. Undefined when the batch uses every number.
 */
function freeVoucherNo(store: Store, batchId: number, previous: number): string | undefined {
	let candidate = previous;
	for (let probe = 0; probe < voucherProbes; probe++) {
		const voucherNo = nextVoucherNo(candidate);
		if (!store.voids.isVoucherTaken(batchId, voucherNo) && !store.voidRequests.isVoucherRequested(batchId, voucherNo)) {
			return voucherNo;
		}

		candidate = Number(voucherNo);
	}

	const free = firstFreeVoucherAfter(
		previous,
		mergeAscending(store.voids.usedVouchers(batchId), store.voidRequests.usedVouchers(batchId)),
	);
	return free === undefined ? undefined : formatVoucherNo(free);
}

/** Two ascending sequences as one, ascending (duplicates kept: the caller only looks for gaps). */
function* mergeAscending(left: Iterator<number>, right: Iterator<number>): Generator<number> {
	let a = left.next();
	let b = right.next();
	while (!a.done || !b.done) {
		if (!a.done && (b.done === true || a.value <= b.value)) {
			yield a.value;
			a = left.next();
		} else {
			yield b.value;
			b = right.next();
		}
	}
}

/** Whether a transaction could be voided now, before any password is asked: for the detail screen and the `v` key. */
export function checkVoidable(
	context: ServiceContext,
	transaction: Transaction,
	operatorRole: OperatorRole,
): PolicyAnswer {
	// A void at its platform with no answer yet is said before any password: a second could refund twice.
	const pending = context.store.voidRequests.openForSale(transaction.id);
	if (pending) {
		return {
			ok: false,
			reason: 'in-doubt',
			detail: `void in progress at ${pending.platform} since ${formatDateTime(pending.requestedAt, context.config.timeZone)}, checking`,
			inDoubt: {platform: pending.platform, since: pending.requestedAt},
		};
	}

	const batch = context.store.batches.byNumber(transaction.terminalId, transaction.batchNo);
	return evaluateVoid({
		transaction,
		// A sale whose batch row is gone is taken as settled: never voidable.
		batch: {settledAt: batch ? batch.settledAt : transaction.createdAt},
		now: context.now(),
		voidWindowMs: context.config.voidWindowHours * 3_600_000,
		supervisorLimit: context.config.supervisorLimit,
		// Asked before approval: an ok answer says whether a supervisor will be needed.
		supervisorApproved: true,
		operatorRole,
		terminalId: context.config.terminalId,
		transactionTerminalId: transaction.terminalId,
		outside: context.store.outsideResolutions.forTransaction(transaction.id),
	});
}

/**
 * The only code that voids. In one BEGIN IMMEDIATE transaction: re-read the transaction, apply the
 * policy, flip its status, insert the void with the terminal's next voucher number, its audit row
 * and its print job. All of it commits or none of it does; a refusal writes only an audit row.
 */
export function voidTransaction(context: ServiceContext, request: VoidRequest): VoidOutcome {
	try {
		return voidInOneTransaction(context, request);
	} catch (error) {
		// Another program held the write lock past the busy timeout: nothing was written, say so.
		if (error instanceof DatabaseBusyError) {
			return {ok: false, reason: 'busy', detail: error.message};
		}

		throw error;
	}
}

/** A void the checks let through, inside the caller's immediate transaction: the sale, its batch and the void's numbers. */
export type AdmittedVoid = {
	ok: true;
	transaction: Transaction;
	batch: BatchRow;
	voucherNo: string;
	referenceNo: string;
	reason: string;
	now: number;
};

type Refused = Extract<VoidOutcome, {ok: false}>;

/**
 * Every check a void passes before anything is written, inside the caller's BEGIN IMMEDIATE: the sale
 * re-read, the credentials, the policy, no void of the sale at a platform in doubt, and the void's
 * voucher (the terminal's next, or the one given: a bank terminal's own). A refusal writes its audit row.
 */
export function admitVoid(
	context: ServiceContext,
	request: VoidRequest,
	options: {voucherNo?: string} = {},
): AdmittedVoid | Refused {
	const {store, config} = context;
	// A reason is free text: a card number typed into it is masked before it is stored, printed or exported.
	const reason = freeText(request.reason, 40) || 'no reason given';
	const now = context.now();
	const refuse = (outcome: Refused): Refused => {
		store.audit.append(
			{
				operatorNo: request.operator.operatorNo,
				event: 'void-refused',
				result: 'refused',
				record: `transaction:${request.transactionId}`,
				detail: outcome.reason,
			},
			now,
		);
		return outcome;
	};

	const transaction = store.transactions.get(request.transactionId);
	if (!transaction) {
		return refuse({ok: false, reason: 'not-found', detail: 'no such transaction'});
	}

	for (const credential of [request.operator, request.approver]) {
		if (credential && now - credential.at > credentialLifetimeMs) {
			return refuse({
				ok: false,
				reason: 'stale-credentials',
				detail: 'the password was entered too long ago: enter it again',
			});
		}
	}

	if (request.approver && request.approver.role !== 'supervisor') {
		return refuse({
			ok: false,
			reason: 'not-supervisor',
			detail: `operator ${request.approver.operatorNo} is not a supervisor`,
		});
	}

	// A void at its platform with no answer yet: a second one could give the money back twice.
	const pending = store.voidRequests.openForSale(transaction.id);
	if (pending) {
		return refuse({
			ok: false,
			reason: 'in-doubt',
			detail: `void in progress at ${pending.platform} since ${formatDateTime(pending.requestedAt, config.timeZone)}, checking`,
			inDoubt: {platform: pending.platform, since: pending.requestedAt},
		});
	}

	const batch = store.batches.byNumber(transaction.terminalId, transaction.batchNo);
	const answer = evaluateVoid({
		transaction,
		// A sale whose batch row is gone is taken as settled: never voidable.
		batch: {settledAt: batch ? batch.settledAt : transaction.createdAt},
		now,
		voidWindowMs: config.voidWindowHours * 3_600_000,
		supervisorLimit: config.supervisorLimit,
		supervisorApproved: request.approver !== undefined,
		operatorRole: request.operator.role,
		terminalId: config.terminalId,
		transactionTerminalId: transaction.terminalId,
		outside: store.outsideResolutions.forTransaction(transaction.id),
	});
	if (!answer.ok) {
		return refuse(answer);
	}

	if (!batch) {
		throw new Error(`transaction ${transaction.id} has no batch row, yet the policy allowed its void`);
	}

	if (options.voucherNo !== undefined) {
		return {ok: true, transaction, batch, voucherNo: options.voucherNo, referenceNo: '', reason, now};
	}

	const counter = voucherCounterName(config.terminalId);
	const voucherNo = freeVoucherNo(store, batch.id, store.counters.get(counter));
	if (voucherNo === undefined) {
		return refuse({
			ok: false,
			reason: 'vouchers-exhausted',
			detail: 'the batch has no free voucher numbers: settle it, then refund through the bank',
		});
	}

	store.counters.set(counter, Number(voucherNo));
	const referenceNo = formatDate(now, config.timeZone).slice(2).replaceAll('-', '') + voucherNo;
	return {ok: true, transaction, batch, voucherNo, referenceNo, reason, now};
}

/**
 * Writes a void whose money has moved (or that moves no money: record-only), inside the caller's
 * immediate transaction: the sale flipped to voided, the void row, its audit row and its print job.
 */
export function writeVoid(
	context: ServiceContext,
	admitted: Omit<AdmittedVoid, 'ok'>,
	by: {operatorNo: string; approverNo: string | undefined; platformRefundNo?: string},
): Extract<VoidOutcome, {ok: true}> {
	const {store, config} = context;
	const {transaction, batch, now} = admitted;
	if (!store.transactions.markVoided(transaction.id)) {
		// Cannot happen under the write lock after the re-read; a bug if it does.
		throw new Error(`transaction ${transaction.id} changed under the write lock`);
	}

	const voidRow: Omit<VoidRow, 'id'> = {
		transactionId: transaction.id,
		terminalId: config.terminalId,
		batchId: batch.id,
		voucherNo: admitted.voucherNo,
		referenceNo: admitted.referenceNo,
		operatorNo: by.operatorNo,
		approverNo: by.approverNo,
		reason: admitted.reason,
		createdAt: now,
		...(by.platformRefundNo ? {platformRefundNo: by.platformRefundNo} : {}),
	};
	const voidId = store.voids.insert(voidRow);

	store.audit.append(
		{
			operatorNo: by.operatorNo,
			event: 'void',
			result: 'ok',
			record: `transaction:${transaction.id}`,
			detail: voidAuditDetail({
				voidVoucherNo: admitted.voucherNo,
				saleVoucherNo: transaction.voucherNo,
				amount: transaction.amount,
				fee: transaction.fee,
				approverNo: by.approverNo,
			}),
		},
		now,
	);
	const printJobId = store.printJobs.insert({kind: 'void-slip', voidId, reprint: false}, now);
	return {ok: true, transaction: {...transaction, status: 'voided'}, void: {...voidRow, id: voidId}, printJobId};
}

function voidInOneTransaction(context: ServiceContext, request: VoidRequest): VoidOutcome {
	return context.store.immediate((): VoidOutcome => {
		const admitted = admitVoid(context, request);
		if (!admitted.ok) {
			return admitted;
		}

		return writeVoid(context, admitted, {
			operatorNo: request.operator.operatorNo,
			approverNo: request.approver?.operatorNo,
		});
	});
}
