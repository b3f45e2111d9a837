import {formatDateTime} from '../domain/time-format.js';
import {
	markInterruptedJobs,
	printJob,
	reprintVoid,
	voidsForVoucher,
	waitingJobs,
	type VoidMatch,
} from '../services/print-service.js';
import {secretSource} from './secret-input.js';
import {authenticateFromSource} from './supervisor-auth.js';
import {CommandError} from './command-errors.js';
import {openCommandContext, parseCommand} from './command-context.js';

export const printQueueHelp = `posvoid print-queue [--retry]

Lists the slips waiting to print (pending, failed, interrupted) with the reason each failed.
--retry prints each of them once more, oldest first, and stops at the first printer failure.
Exit status: 0 nothing left waiting, 3 slips still waiting.`;

export const reprintHelp = `posvoid reprint VOUCHER --operator NO [--batch N] [--kind void|sale] [--password-stdin]

Prints another copy of a void slip, marked 重打印 REPRINT, after the operator's password. VOUCHER is
the void's voucher number (on its slip) or the voided sale's. A number that names more than one void
(in several batches, or a void's number that is also another void's sale) is refused with the list:
pass --batch N, or --kind void (VOUCHER is on the void slip) or --kind sale (it is the sale's).
Exit status: 0 printed, 3 queued but not printed, 2 refused, 1 error.`;

function describeMatch(match: VoidMatch): string {
	return `  batch ${match.batchNo}  void ${match.voucherNo} of sale ${match.saleVoucherNo}  (${match.matchedAs === 'void' ? '--kind void' : '--kind sale'})`;
}

export async function runPrintQueue(argv: string[]): Promise<number> {
	const {values} = parseCommand(argv, {retry: {type: 'boolean'}}, false);
	if (values.help) {
		console.log(printQueueHelp);
		return 0;
	}

	const context = openCommandContext(values);
	try {
		markInterruptedJobs(context);
		const jobs = waitingJobs(context);
		if (jobs.length === 0) {
			console.log('no slips waiting');
			return 0;
		}

		if (!values.retry) {
			for (const {job, title} of jobs) {
				const when = formatDateTime(job.updatedAt, context.config.timeZone);
				console.log(
					`job ${job.id}  ${job.state.padEnd(8)} ${title}  attempts ${job.attempts}  ${when}  ${job.lastError ?? ''}`.trimEnd(),
				);
			}

			console.log(`${jobs.length} slip${jobs.length === 1 ? '' : 's'} waiting: posvoid print-queue --retry`);
			return 3;
		}

		for (const {job, title} of jobs) {
			const result = await printJob(context, job.id, context.language);
			if (result.ok) {
				console.log(`printed job ${job.id}: ${title}`);
				continue;
			}

			console.error(`job ${job.id} did not print: ${result.message}. ${result.advice}`);
			if (result.failure.kind !== 'already-printed' && result.failure.kind !== 'in-progress') {
				return 3;
			}
		}

		return waitingJobs(context).length === 0 ? 0 : 3;
	} finally {
		context.close();
	}
}

export async function runReprint(argv: string[]): Promise<number> {
	const {values, positionals} = parseCommand(argv, {
		operator: {type: 'string'},
		batch: {type: 'string'},
		kind: {type: 'string'},
		'password-stdin': {type: 'boolean'},
	});
	if (values.help) {
		console.log(reprintHelp);
		return 0;
	}

	const [voucher] = positionals;
	if (voucher === undefined || !/^\d{1,6}$/.test(voucher)) {
		throw new CommandError('reprint needs a voucher number, such as 000124');
	}

	if (values.operator === undefined) {
		throw new CommandError('reprint needs --operator NO: the operator who reprints, recorded in the audit log');
	}

	if (values.batch !== undefined && !/^\d{1,6}$/.test(values.batch)) {
		throw new CommandError(`--batch ${values.batch} is not a batch number, such as 000001`);
	}

	const {kind} = values;
	if (kind !== undefined && kind !== 'void' && kind !== 'sale') {
		throw new CommandError(`--kind ${kind} is not void or sale`);
	}

	const voucherNo = voucher.padStart(6, '0');
	const context = openCommandContext(values);
	const secrets = secretSource(values['password-stdin'] ?? false);
	try {
		const matches = voidsForVoucher(context, voucherNo, {batchNo: values.batch?.padStart(6, '0'), kind});
		const [voidRow, ...others] = matches;
		if (!voidRow) {
			throw new CommandError(
				`no void with voucher ${voucherNo}: check the number on the slip, or see \`posvoid audit --event void\``,
			);
		}

		if (others.length > 0) {
			throw new CommandError(
				`voucher ${voucherNo} names more than one void; nothing was printed. Pass --batch N or --kind void|sale:\n${matches.map(match => describeMatch(match)).join('\n')}`,
				2,
			);
		}

		const operator = await authenticateFromSource(context, secrets, values.operator, 'reprint');
		const jobId = reprintVoid(context, voidRow.id, operator);
		const result = await printJob(context, jobId, context.language);
		if (result.ok) {
			console.log(`reprinted void ${voidRow.voucherNo} (of sale ${voidRow.saleVoucherNo}, batch ${voidRow.batchNo})`);
			return 0;
		}

		console.error(`the reprint did not print: ${result.message}. ${result.advice}`);
		console.error(`it waits in the print queue (job ${jobId}): posvoid print-queue --retry`);
		return 3;
	} finally {
		secrets.close();
		context.close();
	}
}
