import {voidAuditDetail} from '../domain/audit-books.js';
import {formatDate} from '../domain/time-format.js';
import type {OperatorRole, Transaction} from '../domain/transaction.js';
import type {OutsideNote} from '../domain/outside-resolution.js';
import {evaluateVoid, type PolicyAnswer, type RefusalCode} from '../domain/void-policy.js';
import {firstFreeVoucherAfter, formatVoucherNo, nextVoucherNo} from '../domain/voucher.js';
import type {Store} from '../store/store.js';
import {freeText} from '../domain/display-text.js';
import {DatabaseBusyError} from '../store/store-errors.js';
import type {VoidRow} from '../store/voids-store.js';
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
		if (!store.voids.isVoucherTaken(batchId, voucherNo)) {
			return voucherNo;
		}

		candidate = Number(voucherNo);
	}

	const free = firstFreeVoucherAfter(previous, store.voids.usedVouchers(batchId));
	return free === undefined ? undefined : formatVoucherNo(free);
}

/** Whether a transaction could be voided now, before any password is asked: for the detail screen and the `v` key. */
export function checkVoidable(
	context: ServiceContext,
	transaction: Transaction,
	operatorRole: OperatorRole,
): PolicyAnswer {
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

function voidInOneTransaction(context: ServiceContext, request: VoidRequest): VoidOutcome {
	const {store, config} = context;
	// A reason is free text: a card number typed into it is masked before it is stored, printed or exported.
	const reason = freeText(request.reason, 40) || 'no reason given';

	return store.immediate((): VoidOutcome => {
		const now = context.now();
		const refuse = (outcome: Extract<VoidOutcome, {ok: false}>): VoidOutcome => {
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

		const counter = voucherCounterName(config.terminalId);
		const voucherNo = freeVoucherNo(store, batch.id, store.counters.get(counter));
		if (voucherNo === undefined) {
			return refuse({
				ok: false,
				reason: 'vouchers-exhausted',
				detail: 'the batch has no free voucher numbers: settle it, then refund through the bank',
			});
		}

		if (!store.transactions.markVoided(transaction.id)) {
			// Cannot happen under the write lock after the re-read; a bug if it does.
			throw new Error(`transaction ${transaction.id} changed under the write lock`);
		}

		store.counters.set(counter, Number(voucherNo));
		const referenceNo = formatDate(now, config.timeZone).slice(2).replaceAll('-', '') + voucherNo;
		const approverNo = request.approver?.operatorNo;
		const voidRow: Omit<VoidRow, 'id'> = {
			transactionId: transaction.id,
			terminalId: config.terminalId,
			batchId: batch.id,
			voucherNo,
			referenceNo,
			operatorNo: request.operator.operatorNo,
			approverNo,
			reason,
			createdAt: now,
		};
		const voidId = store.voids.insert(voidRow);
		store.audit.append(
			{
				operatorNo: request.operator.operatorNo,
				event: 'void',
				result: 'ok',
				record: `transaction:${transaction.id}`,
				detail: voidAuditDetail({
					voidVoucherNo: voucherNo,
					saleVoucherNo: transaction.voucherNo,
					amount: transaction.amount,
					fee: transaction.fee,
					approverNo,
				}),
			},
			now,
		);
		const printJobId = store.printJobs.insert({kind: 'void-slip', voidId, reprint: false}, now);
		return {ok: true, transaction: {...transaction, status: 'voided'}, void: {...voidRow, id: voidId}, printJobId};
	});
}
