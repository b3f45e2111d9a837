import {formatDateTime} from '../domain/time-format.js';
import {findVoidByVoucher, markInterruptedJobs, printJob, reprintVoid, waitingJobs} from '../services/print-service.js';
import {CommandError} from './command-errors.js';
import {openCommandContext, parseCommand} from './command-context.js';

export const printQueueHelp = `posvoid print-queue [--retry]

Lists the slips waiting to print (pending, failed, interrupted) with the reason each failed.
--retry prints each of them once more, oldest first, and stops at the first printer failure.
Exit status: 0 nothing left waiting, 3 slips still waiting.`;

export const reprintHelp = `posvoid reprint VOUCHER

Prints another copy of a void slip, marked 重打印 REPRINT. VOUCHER is the void's voucher number
(on its slip) or the voided sale's. Exit status: 0 printed, 3 queued but not printed, 1 error.`;

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
	const {values, positionals} = parseCommand(argv, {});
	if (values.help) {
		console.log(reprintHelp);
		return 0;
	}

	const [voucher] = positionals;
	if (voucher === undefined || !/^\d{1,6}$/.test(voucher)) {
		throw new CommandError('posvoid reprint needs a voucher number, such as 000124');
	}

	const context = openCommandContext(values);
	try {
		const voidRow = findVoidByVoucher(context, voucher.padStart(6, '0'));
		if (!voidRow) {
			throw new CommandError(
				`no void with voucher ${voucher.padStart(6, '0')}: check the number on the slip, or see \`posvoid audit --event void\``,
			);
		}

		const jobId = reprintVoid(context, voidRow.id, undefined);
		const result = await printJob(context, jobId, context.language);
		if (result.ok) {
			console.log(`reprinted void ${voidRow.voucherNo}`);
			return 0;
		}

		console.error(`the reprint did not print: ${result.message}. ${result.advice}`);
		console.error(`it waits in the print queue (job ${jobId}): posvoid print-queue --retry`);
		return 3;
	} finally {
		context.close();
	}
}
