import {useEffect, useMemo, useState} from 'react';
import {
	recentAuditEvents,
	verifyAuditChainInSteps,
	type AuditEvent,
	type AuditEntry,
	type ChainVerification,
} from '../../services/audit-service.js';
import type {ServiceContext} from '../../services/service-context.js';

/**
 * The audit view's data once a supervisor approved it: the newest events for the filter, and the
 * hash chain's verification, walked in steps after the first frame so keys never wait for it.
 */
export function useAuditLog(
	context: ServiceContext,
	approved: boolean,
	filter: {operatorNo?: string; event?: AuditEvent},
	limit: number,
): {rows: AuditEntry[]; chain: ChainVerification | undefined} {
	const {operatorNo, event} = filter;
	const rows = useMemo(
		() => (approved ? recentAuditEvents(context, {operatorNo, event}, limit) : []),
		[approved, context, operatorNo, event, limit],
	);
	const [chain, setChain] = useState<ChainVerification | undefined>();
	useEffect(() => {
		if (!approved) {
			return undefined;
		}

		const walk = new AbortController();
		void verifyAuditChainInSteps(context, walk.signal).then(result => {
			if (result) {
				setChain(result);
			}
		});
		return () => {
			walk.abort();
		};
	}, [approved, context]);
	return {rows, chain};
}
