import {auditEvents, formatAnchor, parseAnchor, type AuditEvent} from '../domain/audit-chain.js';
import {singleLine} from '../domain/display-text.js';
import {formatDateTime} from '../domain/time-format.js';
import {verifyAuditChain} from '../services/audit-service.js';
import {CommandError} from './command-errors.js';
import {openCommandContext, parseCommand} from './command-context.js';

export const auditHelp = `posvoid audit [--verify [--anchor ROW:HASH]] [--operator NO] [--event KIND] [--limit N]

Lists recent audit events, newest first. --verify walks the whole hash chain and names the first
row that was changed or removed; the exit status is then 4 when the chain is broken. It ends with
the chain's head, row:hash. Each settlement report prints the anchor of its settlement the same way:
--anchor with one of those also finds rows cut from the end of the log, back to that anchor.
Kinds: ${auditEvents.join(', ')}.`;

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
			const verification = verifyAuditChain(context, anchor?.anchor);
			if (verification.ok) {
				const head = verification.head ? `; head ${formatAnchor(verification.head)}` : '';
				const anchored = anchor ? `, anchor ${formatAnchor(anchor.anchor)} found` : '';
				console.log(`audit chain intact: ${verification.rows} rows verified${anchored}${head}`);
				return 0;
			}

			console.error(
				`audit chain BROKEN at row ${verification.brokenId}: ${verification.why} (${verification.rows} rows before it verified)`,
			);
			return 4;
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
