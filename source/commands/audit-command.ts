import {auditEvents, formatAnchor, parseAnchor, type AuditAnchor, type AuditEvent} from '../domain/audit-chain.js';
import {singleLine} from '../domain/display-text.js';
import {formatDateTime} from '../domain/time-format.js';
import {messagesFor} from '../i18n/catalogue.js';
import type {CommandMessages} from '../i18n/command-messages.js';
import {verifyAuditChain} from '../services/audit-service.js';
import {verifyBooks} from '../services/books-verification.js';
import type {ServiceContext} from '../services/service-context.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand, type CommandContext} from './command-context.js';

export const auditHelp = `posvoid audit [--verify [--anchor ROW:HASH]] [--operator NO] [--event KIND] [--limit N]

Lists recent audit events, newest first. --verify walks the whole hash chain and names the first
row that was changed or removed; the exit status is then 4 when the chain is broken. It ends with
the chain's head, row:hash. Each settlement report prints the anchor of its settlement the same way:
--anchor with one of those also finds rows cut from the end of the log, back to that anchor.
--verify also holds the money tables to the audit rows: every void and voided sale, and every
settled batch's figures, must be what their audit rows recorded (exit status 4 when not).
Kinds: ${auditEvents.join(', ')}.`;

type AuditText = CommandMessages['audit'];

/** Prints what the money tables' check found; false when they disagree with the audit log. */
function reportBooks(context: ServiceContext, text: AuditText): boolean {
	const books = verifyBooks(context);
	if (books.ok) {
		console.log(text.booksAgree(books.voids, books.settlements));
		return true;
	}

	console.error(text.booksDisagree(books.problemCount));
	for (const problem of books.problems) {
		console.error(`  ${singleLine(problem)}`);
	}

	if (books.problemCount > books.problems.length) {
		console.error(text.more(books.problemCount - books.problems.length));
	}

	return false;
}

/** `--verify`: the hash chain, then the money tables against it. Exit status 4 when either fails. */
function verifyAll(context: CommandContext, anchor: AuditAnchor | undefined): number {
	const text = messagesFor(context.language).commands.audit;
	const verification = verifyAuditChain(context, anchor);
	let intact = verification.ok;
	if (verification.ok) {
		const head = verification.head ? formatAnchor(verification.head) : undefined;
		console.log(text.chainIntact(verification.rows, anchor ? formatAnchor(anchor) : undefined, head));
	} else {
		console.error(text.chainBroken(verification.brokenId, verification.why, verification.rows));
	}

	// The money tables against the audit rows: an edit there leaves the chain intact.
	intact = reportBooks(context, text) && intact;
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

	const text = messagesFor(languageOfArguments(argv)).commands.audit;
	if (values.event !== undefined && !(auditEvents as readonly string[]).includes(values.event)) {
		throw new CommandError(text.badEvent(values.event, auditEvents.join(', ')));
	}

	const limit = Number(values.limit ?? 50);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
		throw new CommandError(text.badLimit);
	}

	const anchor = values.anchor === undefined ? undefined : parseAnchor(values.anchor);
	if (anchor && !anchor.ok) {
		throw new CommandError(`--anchor ${anchor.message}`);
	}

	if (anchor && !values.verify) {
		throw new CommandError(text.anchorWithoutVerify);
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
