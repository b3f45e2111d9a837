import type {AuditFilter, AuditRow, ChainVerification} from '../store/audit-store.js';
import type {ServiceContext} from './service-context.js';

// The audit view takes these types from here: ui/ does not import store/.
export type {AuditFilter, AuditRow, ChainVerification} from '../store/audit-store.js';
export {auditEvents, type AuditEvent} from '../domain/audit-chain.js';

/** The most rows one call hands back: the audit view windows them, it never needs the whole log. */
const maxRecentRows = 1000;

/** Up to `limit` audit events, newest first, of one operator and/or one event kind when the filter names them. */
export function recentAuditEvents(context: ServiceContext, filter: AuditFilter, limit: number): AuditRow[] {
	const rows = Math.max(1, Math.min(maxRecentRows, Math.floor(limit)));
	const operatorNo = filter.operatorNo === '' ? undefined : filter.operatorNo;
	return context.store.read(() => context.store.audit.recent({operatorNo, event: filter.event}, rows));
}

/**
 * Walks the whole hash chain in one snapshot: intact with the number of rows verified, or the first row
 * that was edited, removed or relinked. It reads every row, so callers run it once, not on every key.
 */
export function verifyAuditChain(context: ServiceContext): ChainVerification {
	return context.store.read(() => context.store.audit.verify());
}
