import type {OutsideResolution} from '../domain/outside-resolution.js';
import type {Transaction} from '../domain/transaction.js';
import type {BatchRow} from '../store/batches-store.js';
import type {Cursor, Direction, TransactionQuery} from '../store/transactions-store.js';
import type {VoidRow} from '../store/voids-store.js';
import type {ServiceContext} from './service-context.js';

// The screens take these types from here: ui/ does not import store/.

/** The most rows one page may ask for: a screen is never taller than this. */
const maxPageRows = 500;

/**
 * Up to `limit` transactions matching `query`, newest first, strictly older or newer than `cursor`
 * (keyset paging; without a cursor, from the newest or the oldest end). One index seek per call.
 */
export function pageTransactions(
	context: ServiceContext,
	query: TransactionQuery,
	cursor: Cursor | undefined,
	direction: Direction,
	limit: number,
): Transaction[] {
	const rows = Math.max(1, Math.min(maxPageRows, Math.floor(limit)));
	return context.store.guard(() => context.store.transactions.page(query, cursor, direction, rows));
}

/** How many transactions match `query`, or only those newer than `newerThan`: the list's total and position. */
export function countTransactions(context: ServiceContext, query: TransactionQuery, newerThan?: Cursor): number {
	return context.store.guard(() => context.store.transactions.count(query, newerThan));
}

/** A number that changes when another program (an import, a void on the command line) has written to the database. */
export function databaseChangeMark(context: ServiceContext): number {
	return context.store.guard(() => context.store.dataVersion());
}

export function getTransaction(context: ServiceContext, id: number): Transaction | undefined {
	return context.store.guard(() => context.store.transactions.get(id));
}

/** The void of a voided transaction, for the detail screen. */
export function voidOfTransaction(context: ServiceContext, transactionId: number): VoidRow | undefined {
	return context.store.guard(() => context.store.voids.forTransaction(transactionId));
}

/** A refund or void of the sale made outside posvoid, learnt from a bill, for the detail screen. */
export function outsideResolutionOf(context: ServiceContext, transactionId: number): OutsideResolution | undefined {
	return context.store.guard(() => context.store.outsideResolutions.forTransaction(transactionId));
}

/** This terminal's open batch, for the status bar; undefined when none is open yet. */
export function currentBatch(context: ServiceContext): BatchRow | undefined {
	return context.store.guard(() => context.store.batches.currentOpen(context.config.terminalId));
}

export {type BatchRow} from '../store/batches-store.js';
export {type Direction, type Cursor, type TransactionQuery} from '../store/transactions-store.js';

export {type VoidRow} from '../store/voids-store.js';
