import {formatBatchNo} from '../domain/voucher.js';
import type {BatchRow} from '../store/batches-store.js';
import {UserError} from '../user-error.js';
import type {ServiceContext} from './service-context.js';

export class BatchNumbersError extends UserError {
	override name = 'BatchNumbersError';
}

/**
 * The number after `previous` (000001 after 999999) that no batch of the terminal has yet: a settled
 * batch's number is never opened again, even when an import brought in numbers ahead of the counter.
 */
export function nextFreeBatchNo(context: ServiceContext, previous: string | undefined): string {
	const {store, config} = context;
	let candidate = previous === undefined ? 0 : Number(previous);
	for (let tries = 0; tries < 999_999; tries++) {
		candidate = (candidate % 999_999) + 1;
		const batchNo = formatBatchNo(candidate);
		if (!store.batches.byNumber(config.terminalId, batchNo)) {
			return batchNo;
		}
	}

	throw new BatchNumbersError(
		`terminal ${config.terminalId} has used every batch number from 000001 to 999999: start a new database with posvoid init`,
	);
}

/** The terminal's open batch, opening the number after the last settled one (000001 at first) when there is none. */
export function ensureOpenBatch(context: ServiceContext): BatchRow {
	const {store, config} = context;
	return store.immediate(() => {
		const open = store.batches.currentOpen(config.terminalId);
		if (open) {
			return open;
		}

		const batchNo = nextFreeBatchNo(context, store.batches.lastSettled(config.terminalId)?.batchNo);
		const id = store.batches.insert(config.terminalId, batchNo, context.now());
		return store.batches.get(id)!;
	});
}
