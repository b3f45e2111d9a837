import {
	auditHash,
	genesisHash,
	type AuditAnchor,
	type AuditContent,
	type AuditEvent,
	type AuditResult,
} from '../domain/audit-chain.js';
import type {SqlDatabase} from './sqlite-driver.js';

export type AuditEntry = {
	operatorNo?: string;
	event: AuditEvent;
	result: AuditResult;
	record?: string;
	detail?: string;
};

export type AuditRow = AuditContent & {prevHash: string; hash: string};

export type AuditFilter = {operatorNo?: string; event?: AuditEvent};

export type ChainVerification =
	{ok: true; rows: number; head: AuditAnchor | undefined} | {ok: false; rows: number; brokenId: number; why: string};

/** How far a walk along the chain has come: the rows verified so far and the hash of the last. */
export type ChainWalk = {rows: number; previousHash: string; anchor?: AuditAnchor};
export type ChainStep = {done: false; walk: ChainWalk} | {done: true; result: ChainVerification};

export function startChainWalk(anchor?: AuditAnchor): ChainWalk {
	return {rows: 0, previousHash: genesisHash, anchor};
}

type RawAudit = Omit<AuditRow, 'operatorNo' | 'record'> & {operatorNo: string | null; record: string | null};

const columns = 'id, at, operator_no AS operatorNo, event, result, record, detail, prev_hash AS prevHash, hash';

function toRow(raw: RawAudit): AuditRow {
	return {...raw, operatorNo: raw.operatorNo ?? undefined, record: raw.record ?? undefined};
}

/** Why `row` does not continue the chain as row `expectedId` after `previousHash`, or undefined when it does. */
function brokenLink(row: AuditRow, expectedId: number, previousHash: string, anchor?: AuditAnchor): string | undefined {
	if (row.id !== expectedId) {
		return `row ${expectedId} is missing before row ${row.id}`;
	}

	if (row.prevHash !== previousHash) {
		return 'its link to the previous row does not match';
	}

	if (auditHash(previousHash, row) !== row.hash) {
		return 'its content does not match its hash (edited)';
	}

	if (anchor?.id === row.id && !row.hash.startsWith(anchor.hash.toLowerCase())) {
		return 'its hash is not the anchored one (the log was rewritten)';
	}

	return undefined;
}

/** The append-only audit log, each row chained to the one before by a hash. */
export function createAuditStore(db: SqlDatabase) {
	const last = db.prepare<unknown[], {id: number; hash: string}>(
		'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
	);
	const insertStatement = db.prepare<[Record<string, unknown>]>(`
		INSERT INTO audit_log (id, at, operator_no, event, result, record, detail, prev_hash, hash)
		VALUES (@id, @at, @operatorNo, @event, @result, @record, @detail, @prevHash, @hash)`);
	const recentStatements = {
		all: db.prepare<[number], RawAudit>(`SELECT ${columns} FROM audit_log ORDER BY id DESC LIMIT ?`),
		operator: db.prepare<[string, number], RawAudit>(
			`SELECT ${columns} FROM audit_log WHERE operator_no = ? ORDER BY id DESC LIMIT ?`,
		),
		event: db.prepare<[string, number], RawAudit>(
			`SELECT ${columns} FROM audit_log WHERE event = ? ORDER BY id DESC LIMIT ?`,
		),
		both: db.prepare<[string, string, number], RawAudit>(
			`SELECT ${columns} FROM audit_log WHERE operator_no = ? AND event = ? ORDER BY id DESC LIMIT ?`,
		),
	};
	const firstRows = db.prepare<[number], RawAudit>(`SELECT ${columns} FROM audit_log ORDER BY id LIMIT ?`);
	const rowsAfter = db.prepare<[number, number], RawAudit>(
		`SELECT ${columns} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
	);
	const settlementRow = db.prepare<[string, number], AuditAnchor>(
		`SELECT id, hash FROM audit_log WHERE event = 'settlement' AND result = 'ok' AND record = ? AND at = ? ORDER BY id LIMIT 1`,
	);

	const appendInTransaction = db.transaction((entry: AuditEntry, at: number) => {
		const previous = last.get();
		const content: AuditContent = {
			id: (previous?.id ?? 0) + 1,
			at,
			operatorNo: entry.operatorNo,
			event: entry.event,
			result: entry.result,
			record: entry.record,
			detail: entry.detail ?? '',
		};
		const prevHash = previous?.hash ?? genesisHash;
		insertStatement.run({
			...content,
			operatorNo: content.operatorNo ?? null,
			record: content.record ?? null,
			prevHash,
			hash: auditHash(prevHash, content),
		});
		return content.id;
	});

	return {
		/** Appends one row. Inside a caller's transaction it joins it; alone it takes the write lock first. */
		append(entry: AuditEntry, at: number): number {
			return db.inTransaction ? appendInTransaction(entry, at) : appendInTransaction.immediate(entry, at);
		},
		recent(filter: AuditFilter, limit: number): AuditRow[] {
			let rows: RawAudit[];
			if (filter.operatorNo !== undefined && filter.event !== undefined) {
				rows = recentStatements.both.all(filter.operatorNo, filter.event, limit);
			} else if (filter.operatorNo === undefined) {
				rows =
					filter.event === undefined
						? recentStatements.all.all(limit)
						: recentStatements.event.all(filter.event, limit);
			} else {
				rows = recentStatements.operator.all(filter.operatorNo, limit);
			}

			return rows.map(row => toRow(row));
		},
		/**
		 * The row that recorded a batch's settlement, the anchor its report prints: found by the batch
		 * number and the settlement's time, written in the same transaction, so another terminal's batch
		 * of the same number is never taken for it.
		 */
		settlementAnchor(batchNo: string, settledAt: number): AuditAnchor | undefined {
			return settlementRow.get(`batch:${batchNo}`, settledAt);
		},
		/**
		 * Verifies up to `limit` more rows of a walk along the chain (start one with `startChainWalk`):
		 * the walk moved on, or, when the log ended or a row broke the chain, the answer. Steps in
		 * separate transactions see rows appended meanwhile; the chain is append-only, so that is a
		 * longer walk, not a wrong one.
		 */
		verifyStep(walk: ChainWalk, limit: number): ChainStep {
			const batch = walk.rows === 0 ? firstRows.all(limit) : rowsAfter.all(walk.rows, limit);
			let {previousHash, rows} = walk;
			for (const raw of batch) {
				const row = toRow(raw);
				const why = brokenLink(row, rows + 1, previousHash, walk.anchor);
				if (why !== undefined) {
					return {done: true, result: {ok: false, rows, brokenId: row.id, why}};
				}

				previousHash = row.hash;
				rows++;
			}

			if (batch.length === limit) {
				return {done: false, walk: {...walk, previousHash, rows}};
			}

			if (walk.anchor && walk.anchor.id > rows) {
				const why = `the anchored row is gone: the log ends at row ${rows}, so rows were removed from its end`;
				return {done: true, result: {ok: false, rows, brokenId: walk.anchor.id, why}};
			}

			return {done: true, result: {ok: true, rows, head: rows === 0 ? undefined : {id: rows, hash: previousHash}}};
		},
		/**
		 * Walks the whole chain in id order and names the first row whose links or content do not match.
		 * With an anchor, the anchored row must be there with that hash: rows removed from the end of the
		 * log, which the links alone cannot show, are found back to the anchor. Run it in one read
		 * transaction for one snapshot.
		 */
		verify(anchor?: AuditAnchor): ChainVerification {
			let walk = startChainWalk(anchor);
			for (;;) {
				const step = this.verifyStep(walk, 10_000);
				if (step.done) {
					return step.result;
				}

				walk = step.walk;
			}
		},
	};
}

export type AuditStore = ReturnType<typeof createAuditStore>;
