import type {SqlDatabase} from './sqlite-driver.js';

export type PrintJobKind = 'void-slip' | 'settlement-report';
/** `unconfirmed`: sent whole to a printer that cannot confirm it; the clerk says whether it came out. */
export type PrintJobState = 'pending' | 'printing' | 'unconfirmed' | 'printed' | 'failed';

export type PrintJobRow = {
	id: number;
	kind: PrintJobKind;
	voidId: number | undefined;
	batchId: number | undefined;
	reprint: boolean;
	state: PrintJobState;
	attempts: number;
	lastError: string | undefined;
	createdAt: number;
	updatedAt: number;
	printedAt: number | undefined;
	/** An earlier attempt failed after sending began: paper may already show this slip. */
	mayHavePrinted: boolean;
	/** While 'printing': the process that claimed it (services/process-claim), when known. */
	claimedBy: string | undefined;
};

type RawJob = {
	id: number;
	kind: PrintJobKind;
	voidId: number | null;
	batchId: number | null;
	reprint: number;
	state: PrintJobState;
	attempts: number;
	lastError: string | null;
	createdAt: number;
	updatedAt: number;
	printedAt: number | null;
	mayHavePrinted: number;
	claimedBy: string | null;
};

const columns = `id, kind, void_id AS voidId, batch_id AS batchId, reprint, state, attempts, last_error AS lastError,
	created_at AS createdAt, updated_at AS updatedAt, printed_at AS printedAt, may_have_printed AS mayHavePrinted,
	claimed_by AS claimedBy`;

function toJob(raw: RawJob | undefined): PrintJobRow | undefined {
	return raw
		? {
				...raw,
				voidId: raw.voidId ?? undefined,
				batchId: raw.batchId ?? undefined,
				reprint: raw.reprint === 1,
				lastError: raw.lastError ?? undefined,
				printedAt: raw.printedAt ?? undefined,
				mayHavePrinted: raw.mayHavePrinted === 1,
				claimedBy: raw.claimedBy ?? undefined,
			}
		: undefined;
}

/** The print outbox. A job's row is written in the same transaction as what it prints. */
export function createPrintJobsStore(db: SqlDatabase) {
	const insertStatement = db.prepare<[Record<string, unknown>]>(`
		INSERT INTO print_jobs (kind, void_id, batch_id, reprint, created_at, updated_at)
		VALUES (@kind, @voidId, @batchId, @reprint, @at, @at)`);
	const byId = db.prepare<[number], RawJob>(`SELECT ${columns} FROM print_jobs WHERE id = ?`);
	const waitingStatement = db.prepare<unknown[], RawJob>(
		`SELECT ${columns} FROM print_jobs WHERE state <> 'printed' ORDER BY id`,
	);
	const waitingCount = db
		.prepare<unknown[], number>(`SELECT count(*) FROM print_jobs WHERE state <> 'printed'`)
		.pluck();
	const forVoidStatement = db.prepare<[number], RawJob>(
		`SELECT ${columns} FROM print_jobs WHERE void_id = ? ORDER BY id`,
	);
	const recentStatement = db.prepare<[number], RawJob>(`SELECT ${columns} FROM print_jobs ORDER BY id DESC LIMIT ?`);
	const claimStatement = db.prepare<[number, string | null, number]>(
		`UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, updated_at = ?, claimed_by = ?
		WHERE id = ? AND state IN ('pending', 'failed')`,
	);
	const printingStatement = db.prepare<unknown[], RawJob>(
		`SELECT ${columns} FROM print_jobs WHERE state = 'printing' ORDER BY id`,
	);
	const printedStatement = db.prepare<[number, number, number]>(
		`UPDATE print_jobs SET state = 'printed', last_error = NULL, printed_at = ?, updated_at = ? WHERE id = ? AND state <> 'printed'`,
	);
	const failedStatement = db.prepare<[string, number, number, number]>(
		`UPDATE print_jobs SET state = 'failed', last_error = ?, may_have_printed = max(may_have_printed, ?), updated_at = ?
		WHERE id = ? AND state = 'printing'`,
	);
	const unconfirmedCount = db
		.prepare<unknown[], number>(`SELECT count(*) FROM print_jobs WHERE state = 'unconfirmed'`)
		.pluck();
	const sentStatement = db.prepare<[number, number]>(
		`UPDATE print_jobs SET state = 'unconfirmed', last_error = NULL, updated_at = ? WHERE id = ? AND state = 'printing'`,
	);
	const seenStatement = db.prepare<[number, number, number]>(
		`UPDATE print_jobs SET state = 'printed', printed_at = ?, updated_at = ? WHERE id = ? AND state = 'unconfirmed'`,
	);
	const notSeenStatement = db.prepare<[string, number, number]>(
		`UPDATE print_jobs SET state = 'pending', reprint = 1, may_have_printed = 1, last_error = ?, updated_at = ?
		WHERE id = ? AND state = 'unconfirmed'`,
	);
	const abandonedStatement = db.prepare<[string, number, number, number, string | null]>(
		`UPDATE print_jobs SET state = 'failed', last_error = ?, may_have_printed = 1, updated_at = ?
		WHERE id = ? AND state = 'printing' AND updated_at = ? AND claimed_by IS ?`,
	);

	return {
		insert(job: {kind: PrintJobKind; voidId?: number; batchId?: number; reprint: boolean}, at: number): number {
			return Number(
				insertStatement.run({
					kind: job.kind,
					voidId: job.voidId ?? null,
					batchId: job.batchId ?? null,
					reprint: job.reprint ? 1 : 0,
					at,
				}).lastInsertRowid,
			);
		},
		get(id: number): PrintJobRow | undefined {
			return toJob(byId.get(id));
		},
		/** Pending, printing and failed jobs, oldest first. */
		waiting(): PrintJobRow[] {
			return waitingStatement.all().map(row => toJob(row)!);
		},
		waitingCount(): number {
			return waitingCount.get() ?? 0;
		},
		forVoid(voidId: number): PrintJobRow[] {
			return forVoidStatement.all(voidId).map(row => toJob(row)!);
		},
		recent(limit: number): PrintJobRow[] {
			return recentStatement.all(limit).map(row => toJob(row)!);
		},
		/** Pending|failed → printing, by `claimedBy`. False when another process claimed it first. */
		claim(id: number, at: number, claimedBy?: string): boolean {
			return claimStatement.run(at, claimedBy ?? null, id).changes === 1;
		},
		/** Jobs some process is printing now, or was when it stopped. */
		printing(): PrintJobRow[] {
			return printingStatement.all().map(row => toJob(row)!);
		},
		/** The attempt that claimed the job saw it print: true even if another window meanwhile took it for abandoned. */
		markPrinted(id: number, at: number): boolean {
			return printedStatement.run(at, at, id).changes === 1;
		},
		/** Printing → unconfirmed: every byte went to a printer that cannot say whether it printed them. */
		markSent(id: number, at: number): boolean {
			return sentStatement.run(at, id).changes === 1;
		},
		/** Unconfirmed → printed: the clerk saw the slip come out. */
		markSeen(id: number, at: number): boolean {
			return seenStatement.run(at, at, id).changes === 1;
		},
		/**
		 * Unconfirmed → pending, marked REPRINT: the clerk saw no slip (or only part of one), so its next
		 * attempt prints a copy that cannot be taken for a second original.
		 */
		markNotSeen(id: number, error: string, at: number): boolean {
			return notSeenStatement.run(error, at, id).changes === 1;
		},
		unconfirmedCount(): number {
			return unconfirmedCount.get() ?? 0;
		},
		/** `mayHavePrinted`: the attempt had begun sending, so paper may show the slip; it stays set. */
		markFailed(id: number, error: string, at: number, mayHavePrinted = false): boolean {
			return failedStatement.run(error, mayHavePrinted ? 1 : 0, at, id).changes === 1;
		},
		/**
		 * A job left 'printing' by a process that stopped: failed, and the slip may or may not have come
		 * out. Only the claim `job` was read with is touched, never a newer claim of the same job.
		 */
		failAbandoned(job: Pick<PrintJobRow, 'id' | 'updatedAt' | 'claimedBy'>, error: string, at: number): boolean {
			return abandonedStatement.run(error, at, job.id, job.updatedAt, job.claimedBy ?? null).changes === 1;
		},
	};
}

export type PrintJobsStore = ReturnType<typeof createPrintJobsStore>;
