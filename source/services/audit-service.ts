import {startChainWalk, type AuditFilter, type AuditRow, type ChainVerification} from '../store/audit-store.js';
import type {AuditAnchor} from '../domain/audit-chain.js';
import type {ServiceContext} from './service-context.js';

// The audit view takes these types from here: ui/ does not import store/.
export type {AuditFilter, AuditRow, ChainVerification} from '../store/audit-store.js';
export {administrationEvents, auditEvents, isAuditEvent, type AuditEvent} from '../domain/audit-chain.js';

/** The most rows one call hands back: the audit view windows them, it never needs the whole log. */
const maxRecentRows = 1000;

/** An audit row with the voucher number of the sale or void its record names, for people; the record's id is the store's. */
export type AuditEntry = AuditRow & {recordVoucherNo?: string};

function recordVoucherNo(context: ServiceContext, record: string | undefined): string | undefined {
	const match = /^(?<table>transaction|void):(?<id>\d+)$/v.exec(record ?? '')?.groups;
	if (!match) {
		return undefined;
	}

	const id = Number(match['id']);
	return match['table'] === 'transaction'
		? context.store.transactions.get(id)?.voucherNo
		: context.store.voids.get(id)?.voucherNo;
}

/** Up to `limit` audit events, newest first, of one operator and/or one event kind when the filter names them. */
export function recentAuditEvents(context: ServiceContext, filter: AuditFilter, limit: number): AuditEntry[] {
	const rows = Math.max(1, Math.min(maxRecentRows, Math.floor(limit)));
	const operatorNo = filter.operatorNo === '' ? undefined : filter.operatorNo;
	return context.store.read(() =>
		context.store.audit
			.recent({operatorNo, event: filter.event}, rows)
			.map(row => ({...row, recordVoucherNo: recordVoucherNo(context, row.record)})),
	);
}

/**
 * Walks the whole hash chain in one snapshot: intact with the number of rows verified, or the first row
 * that was edited, removed or relinked. It reads every row, so callers run it once, not on every key.
 */
export function verifyAuditChain(context: ServiceContext, anchor?: AuditAnchor): ChainVerification {
	return context.store.read(() => context.store.audit.verify(anchor));
}

/** Rows verified between two turns of the event loop: about 8 ms of hashing here. */
const rowsPerStep = 2000;

/**
 * The same walk in steps, giving the event loop a turn between them, so the console keeps drawing
 * and answering keys while a long log is checked (about 4 ms per 1,000 rows here). Undefined when
 * `signal` aborts it first.
 */
export async function verifyAuditChainInSteps(
	context: ServiceContext,
	signal?: AbortSignal,
): Promise<ChainVerification | undefined> {
	let walk = startChainWalk();
	for (;;) {
		const current = walk;
		const step = context.store.read(() => context.store.audit.verifyStep(current, rowsPerStep));
		if (step.done) {
			return step.result;
		}

		walk = step.walk;
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		if (signal?.aborted) {
			return undefined;
		}
	}
}
