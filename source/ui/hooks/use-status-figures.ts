import {useCallback, useEffect, useState} from 'react';
import {inDoubtCount} from '../../services/online-void-service.js';
import {unconfirmedCount, waitingCount} from '../../services/print-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import {currentBatch} from '../../services/transaction-list-service.js';

/**
 * `waiting` counts every slip not printed, `unconfirmed` those of them sent and waiting for the clerk's
 * answer; `inDoubt` the voids at their platform with no answer known yet.
 */
export type StatusFigures = {waiting: number; unconfirmed: number; batchNo: string | undefined; inDoubt: number};

function readFigures(context: ServiceContext): StatusFigures {
	return {
		waiting: waitingCount(context),
		unconfirmed: unconfirmedCount(context),
		batchNo: currentBatch(context)?.batchNo,
		inDoubt: inDoubtCount(context),
	};
}

/**
 * The status bar's figures (slips waiting, the open batch), read when the console starts, on every
 * poll and whenever `refresh` is called after a change.
 */
export function useStatusFigures(
	context: ServiceContext,
	pollMs: number,
): {figures: StatusFigures | undefined; refresh: () => void} {
	const [figures, setFigures] = useState<StatusFigures | undefined>();
	const refresh = useCallback(() => {
		setFigures(readFigures(context));
	}, [context]);
	useEffect(() => {
		// Read once the first frame is out, then on every poll.
		const first = setTimeout(refresh, 0);
		const timer = setInterval(refresh, pollMs);
		return () => {
			clearTimeout(first);
			clearInterval(timer);
		};
	}, [refresh, pollMs]);
	return {figures, refresh};
}
