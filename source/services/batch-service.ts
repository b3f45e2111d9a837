import {formatBatchNo} from '../domain/voucher.js';
import type {BatchRow} from '../store/batches-store.js';
import type {ServiceContext} from './service-context.js';

/** The terminal's open batch, opening batch 000001 (or the one after the newest settled one) when there is none. */
export function ensureOpenBatch(context: ServiceContext): BatchRow {
	const {store, config} = context;
	return store.immediate(() => {
		const open = store.batches.currentOpen(config.terminalId);
		if (open) {
			return open;
		}

		const newest = store.batches.newest(config.terminalId);
		const batchNo = formatBatchNo(newest ? (Number(newest.batchNo) % 999_999) + 1 : 1);
		const id = store.batches.insert(config.terminalId, batchNo, context.now());
		return store.batches.get(id)!;
	});
}
