import type {BatchRow} from '../store/batches-store.js';
import type {ServiceContext} from './service-context.js';

/** How many of the newest batches are looked at: the last settled one is the newest or the one before it. */
const recentBatches = 20;

/**
 * The terminal's most recently settled batch, whose report a supervisor may want to print again;
 * undefined before the first settlement. The newest settled time among the newest batch numbers wins.
 */
export function lastSettledBatch(context: ServiceContext): BatchRow | undefined {
	const batches = context.store.read(() => context.store.batches.list(context.config.terminalId, recentBatches));
	let last: BatchRow | undefined;
	for (const batch of batches) {
		if (batch.settledAt !== undefined && (last?.settledAt === undefined || batch.settledAt > last.settledAt)) {
			last = batch;
		}
	}

	return last;
}
