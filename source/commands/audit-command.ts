import {auditEvents, formatAnchor, parseAnchor, type AuditAnchor, type AuditEvent} from '../domain/audit-chain.js';
import {singleLine} from '../domain/display-text.js';
import {formatDateTime} from '../domain/time-format.js';
import {verifyAuditChain} from '../services/audit-service.js';
import {verifyBooks} from '../services/books-verification.js';
import type {ServiceContext} from '../services/service-context.js';
import {CommandError} from './command-errors.js';
import {openCommandContext, parseCommand} from './command-context.js';

export const auditHelp = `posvoid audit [--verify [--anchor ROW:HASH]] [--operator NO] [--event KIND] [--limit N]

Lists recent audit events, newest first. --verify walks the whole hash chain and names the first
row that was changed or removed; the exit status is then 4 when the chain is broken. It ends with
the chain's head, row:hash. Each settlement report prints the anchor of its settlement the same way:
--anchor with one of those also finds rows cut from the end of the log, back to that anchor.
--verify also holds the money tables to the audit rows: every void and voided sale, and every
settled batch's figures, must be what their audit rows recorded (exit status 4 when not).
Kinds: ${auditEvents.join(', ')}.`;

/** Prints what the money tables' check found; false when they disagree with the audit log. */
function reportBooks(context: ServiceContext): boolean {
	const books = verifyBooks(context);
	if (books.ok) {
		console.log(
			`money tables agree with the audit log: ${books.voids} voids and ${books.settlements} settlements checked`,
		);
		return true;
	}

	const plural = books.problemCount === 1 ? '' : 's';
	console.error(`money tables DISAGREE with the audit log (${books.problemCount} problem${plural}):`);
	for (const problem of books.problems) {
		console.error(`  ${singleLine(problem)}`);
	}

	if (books.problemCount > books.problems.length) {
		console.error(`  … and ${books.problemCount - books.problems.length} more`);
	}

	return false;
}

/** `--verify`: the hash chain, then the money tables against it. Exit status 4 when either fails. */
function verifyAll(context: ServiceContext, anchor: AuditAnchor | undefined): number {
	const verification = verifyAuditChain(context, anchor);
	let intact = verification.ok;
	if (verification.ok) {
		const head = verification.head ? `; head ${formatAnchor(verification.head)}` : '';
		const anchored = anchor ? `, anchor ${formatAnchor(anchor)} found` : '';
		console.log(`audit chain intact: ${verification.rows} rows verified${anchored}${head}`);
	} else {
		console.error(
			`audit chain BROKEN at row ${verification.brokenId}: ${verification.why} (${verification.rows} rows before it verified)`,
		);
	}

	// The money tables against the audit rows: an edit there leaves the chain intact.
	intact = reportBooks(context) && intact;
	return intact ? 0 : 4;
}

export async function runAudit(argv: string[]): Promise<number> {
	const {values} = parseCommand(
		argv,
		{
			verify: {type: 'boolean'},
			anchor: {type: 'string'},
			operator: {type: 'string'},
			event: {type: 'string'},
			limit: {type: 'string'},
		},
		false,
	);
	if (values.help) {
		console.log(auditHelp);
		return 0;
	}

	if (values.event !== undefined && !(auditEvents as readonly string[]).includes(values.event)) {
		throw new CommandError(`--event ${values.event} is not an event kind: use one of ${auditEvents.join(', ')}`);
	}

	const limit = Number(values.limit ?? 50);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
		throw new CommandError('--limit takes a whole number from 1 to 100000');
	}

	const anchor = values.anchor === undefined ? undefined : parseAnchor(values.anchor);
	if (anchor && !anchor.ok) {
		throw new CommandError(`--anchor ${anchor.message}`);
	}

	if (anchor && !values.verify) {
		throw new CommandError('--anchor goes with --verify');
	}

	const context = openCommandContext(values);
	try {
		if (values.verify) {
			return verifyAll(context, anchor?.anchor);
		}

		const rows = context.store.audit.recent(
			{operatorNo: values.operator, event: values.event as AuditEvent | undefined},
			limit,
		);
		for (const row of rows) {
			const when = formatDateTime(row.at, context.config.timeZone);
			const who = (row.operatorNo ?? '-').padEnd(4);
			console.log(
				`${String(row.id).padStart(6)} ${when} ${who} ${row.event.padEnd(15)} ${row.result.padEnd(7)} ${singleLine(row.record ?? '')} ${singleLine(row.detail)}`.trimEnd(),
			);
		}

		return 0;
	} finally {
		context.close();
	}
}
