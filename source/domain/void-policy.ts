import type {Fen} from './money.js';
import type {OutsideNote} from './outside-resolution.js';
import type {OperatorRole, TransactionStatus} from './transaction.js';

/** Why the policy refuses a void. */
export const policyRefusals = [
	'already-voided',
	'other-terminal',
	'batch-settled',
	'window-expired',
	'supervisor-required',
	'resolved-outside',
] as const;
export type VoidRefusal = (typeof policyRefusals)[number];

/** Every reason a void is refused: the policy's, then those of the void service that applies it. */
export const refusalCodes = [
	...policyRefusals,
	'not-found',
	'not-supervisor',
	'stale-credentials',
	'busy',
	'vouchers-exhausted',
	// Issue 14: a void of the sale is at its platform with no answer known yet.
	'in-doubt',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

const refusalCodeSet: ReadonlySet<string> = new Set(refusalCodes);

export function isRefusalCode(code: string): code is RefusalCode {
	return refusalCodeSet.has(code);
}

export type PolicyAnswer =
	| {ok: true; needsSupervisor: boolean; until: number}
	| {
			ok: false;
			/** The policy's reasons, and `in-doubt`, which checkVoidable adds from the void requests. */
			reason: VoidRefusal | 'in-doubt';
			detail: string;
			until?: number;
			outside?: OutsideNote;
			/** For `in-doubt`: where the sale's void is waiting for its answer (alipay, wechat), and since when. */
			inDoubt?: {platform: string; since: number};
	  };

export type VoidPolicyInput = {
	transaction: {status: TransactionStatus; amount: Fen; createdAt: number};
	batch: {settledAt: number | undefined};
	now: number;
	voidWindowMs: number;
	/** Amounts above this need a supervisor's approval. */
	supervisorLimit: Fen;
	/** Whether a supervisor has approved this void (checked credentials). */
	supervisorApproved: boolean;
	/** This console's terminal, and the terminal that took the sale: a void runs where the sale ran. */
	terminalId: string;
	transactionTerminalId: string;
	/** The role of the operator asking: a supervisor is within every limit. */
	operatorRole: OperatorRole;
	/** A refund or void of this sale made outside posvoid, learnt from a bill: the money is already back. */
	outside?: OutsideNote;
};

/**
 * Whether a transaction can be voided now, and if not, why. Pure: the caller passes the clock.
 * `until` is when the void window closes, so the screen can show the time left.
 */
export function evaluateVoid(input: VoidPolicyInput): PolicyAnswer {
	const {transaction, batch, now} = input;
	const until = transaction.createdAt + input.voidWindowMs;
	if (transaction.status === 'voided') {
		return {ok: false, reason: 'already-voided', detail: 'this transaction has already been voided'};
	}

	if (input.outside) {
		return {
			ok: false,
			reason: 'resolved-outside',
			detail: `it was already undone (${input.outside.kind}) outside this counter: nothing to void here`,
			outside: input.outside,
		};
	}

	if (input.transactionTerminalId !== input.terminalId) {
		return {
			ok: false,
			reason: 'other-terminal',
			detail: `it was taken on terminal ${input.transactionTerminalId}: void it on that terminal`,
		};
	}

	if (batch.settledAt !== undefined) {
		return {
			ok: false,
			reason: 'batch-settled',
			detail: 'its batch has been settled: refund it through the bank instead',
		};
	}

	if (now >= until) {
		return {ok: false, reason: 'window-expired', detail: 'the void window has closed: refund it instead', until};
	}

	const needsSupervisor = transaction.amount > input.supervisorLimit && input.operatorRole !== 'supervisor';
	if (needsSupervisor && !input.supervisorApproved) {
		return {
			ok: false,
			reason: 'supervisor-required',
			detail: 'the amount is over the cashier limit: a supervisor must approve',
			until,
		};
	}

	return {ok: true, needsSupervisor, until};
}
