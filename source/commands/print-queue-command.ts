import {isSaleNumber, voidsForOrderNumber} from '../services/transaction-lookup.js';
import {printJobTitle} from '../i18n/print-job-text.js';
import {messagesFor} from '../i18n/catalogue.js';
import {printFailureText} from '../i18n/print-failure-text.js';
import {jobStateText, unconfirmedTextFor} from '../i18n/unconfirmed-text.js';
import type {Language} from '../i18n/language.js';
import {formatDateTime} from '../domain/time-format.js';
import {
	answerUnconfirmed,
	markInterruptedJobs,
	printJob,
	reprintVoid,
	voidsForVoucher,
	waitingJobs,
	type PrintResult,
	type VoidMatch,
} from '../services/print-service.js';
import type {CommandMessages} from '../i18n/command-messages.js';
import {secretSource} from './secret-input.js';
import {authenticateFromSource} from './supervisor-auth.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand, type CommandContext} from './command-context.js';

export const printQueueHelp = `posvoid print-queue [--retry | --confirm JOB | --not-printed JOB]

Lists the slips waiting to print (pending, failed, interrupted, sent but unconfirmed) with the
reason each failed.
--retry prints each of them once more, oldest first, and stops at the first printer failure; a slip
sent to a printer that cannot confirm it waits for an answer instead.
--confirm JOB: that unconfirmed slip came out; it is recorded as printed.
--not-printed JOB: it did not come out (or only in part); it prints again, marked REPRINT.
Exit status: 0 nothing left waiting, 3 slips still waiting or unconfirmed.`;

export const reprintHelp = `posvoid reprint VOUCHER --operator NO [--batch N] [--kind void|sale] [--password-stdin]

Prints another copy of a void slip, marked 重打印 REPRINT, after the operator's password. VOUCHER is
the void's voucher number (on its slip) or the voided sale's. A number that names more than one void
(in several batches, or a void's number that is also another void's sale) is refused with the list:
pass --batch N, or --kind void (VOUCHER is on the void slip) or --kind sale (it is the sale's).
Exit status: 0 printed, 3 queued but not printed or sent but unconfirmed, 2 refused, 1 error.`;

function describeMatch(match: VoidMatch, text: CommandMessages['reprint']): string {
	return text.match(
		match.batchNo,
		match.voucherNo,
		match.saleVoucherNo,
		match.matchedAs === 'void' ? '--kind void' : '--kind sale',
	);
}

/** A print's answer on the command line: printed (0), sent but unconfirmed (3, with the way to answer), or failed (3). */
function reportPrint(
	language: Language,
	result: PrintResult,
	printed: () => void,
	notPrinted: (message: string, advice: string) => void,
): number {
	if (result.ok && !result.confirmed) {
		console.error(unconfirmedTextFor(language).commands.sentNotConfirmed(result.jobId));
		return 3;
	}

	if (result.ok) {
		printed();
		return 0;
	}

	const failure = printFailureText(messagesFor(language), result.failure);
	notPrinted(failure.message, failure.advice);
	return 3;
}

/** `--confirm JOB` / `--not-printed JOB`: the clerk's answer about a slip sent unconfirmed; a slip that did not come out prints again. */
async function answerFromCommandLine(context: CommandContext, jobText: string, cameOut: boolean): Promise<number> {
	const words = unconfirmedTextFor(context.language).commands;
	const messages = messagesFor(context.language);
	const jobId = /^\d{1,9}$/.test(jobText) ? Number(jobText) : Number.NaN;
	if (Number.isNaN(jobId)) {
		throw new CommandError(words.noSuchJob(jobText));
	}

	const answer = answerUnconfirmed(context, jobId, cameOut, undefined);
	if (!answer.ok) {
		if (answer.reason === 'no-job') {
			throw new CommandError(words.noSuchJob(jobText));
		}

		throw new CommandError(
			answer.reason === 'busy'
				? words.busy
				: words.notWaitingForAnswer(
						jobId,
						jobStateText(messages.queue.states, context.language, answer.state ?? 'printed'),
					),
		);
	}

	if (cameOut) {
		console.log(words.seen(jobId));
		return 0;
	}

	console.log(words.notSeen(jobId));
	const text = messages.commands.printQueue;
	return reportPrint(
		context.language,
		await printJob(context, jobId),
		() => {
			console.log(text.printed(jobId, String(jobId)));
		},
		(message, advice) => {
			console.error(text.notPrinted(jobId, message, advice));
		},
	);
}

export async function runPrintQueue(argv: string[]): Promise<number> {
	const {values} = parseCommand(
		argv,
		{retry: {type: 'boolean'}, confirm: {type: 'string'}, 'not-printed': {type: 'string'}},
		false,
	);
	if (values.help) {
		console.log(printQueueHelp);
		return 0;
	}

	const context = openCommandContext(values);
	const messages = messagesFor(context.language);
	const text = messages.commands.printQueue;
	try {
		if (values.confirm !== undefined || values['not-printed'] !== undefined) {
			return await answerFromCommandLine(
				context,
				values.confirm ?? values['not-printed'] ?? '',
				values.confirm !== undefined,
			);
		}

		markInterruptedJobs(context);
		const jobs = waitingJobs(context);
		if (jobs.length === 0) {
			console.log(text.empty);
			return 0;
		}

		if (!values.retry) {
			for (const {job, subject} of jobs) {
				const title = printJobTitle(messagesFor(context.language), subject);
				const when = formatDateTime(job.updatedAt, context.config.timeZone);
				console.log(
					text.job(
						job.id,
						jobStateText(messages.queue.states, context.language, job.state),
						title,
						job.attempts,
						when,
						job.lastError ?? '',
					),
				);
			}

			console.log(text.waiting(jobs.length));
			return 3;
		}

		let unconfirmed = false;
		for (const {job, subject} of jobs) {
			const title = printJobTitle(messagesFor(context.language), subject);
			if (job.state === 'unconfirmed') {
				// Sent already: printing it again unasked could give two originals. It waits for the answer.
				console.error(unconfirmedTextFor(context.language).commands.sentNotConfirmed(job.id));
				unconfirmed = true;
				continue;
			}

			const result = await printJob(context, job.id);
			if (result.ok && !result.confirmed) {
				console.error(unconfirmedTextFor(context.language).commands.sentNotConfirmed(job.id));
				unconfirmed = true;
				continue;
			}

			if (result.ok) {
				console.log(text.printed(job.id, title));
				continue;
			}

			const failure = printFailureText(messagesFor(context.language), result.failure);
			console.error(text.notPrinted(job.id, failure.message, failure.advice));
			if (result.failure.kind !== 'already-printed' && result.failure.kind !== 'in-progress') {
				return 3;
			}
		}

		return waitingJobs(context).length === 0 && !unconfirmed ? 0 : 3;
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

	const early = messagesFor(languageOfArguments(argv)).commands.reprint;
	const [voucher] = positionals;
	if (voucher === undefined || !isSaleNumber(voucher)) {
		throw new CommandError(early.needsVoucher);
	}

	if (values.operator === undefined) {
		throw new CommandError(early.needsOperator);
	}

	if (values.batch !== undefined && !/^\d{1,6}$/.test(values.batch)) {
		throw new CommandError(early.badBatch(values.batch));
	}

	const {kind} = values;
	if (kind !== undefined && kind !== 'void' && kind !== 'sale') {
		throw new CommandError(early.badKind(kind));
	}

	const voucherNo = /^\d{1,6}$/.test(voucher) ? voucher.padStart(6, '0') : voucher;
	const context = openCommandContext(values);
	const secrets = secretSource(values['password-stdin'] ?? false);
	const text = messagesFor(context.language).commands.reprint;
	try {
		// A QR sale is also named by its order number, whole or its last 6 digits.
		const matches = [
			...(/^\d{1,6}$/.test(voucher)
				? voidsForVoucher(context, voucherNo, {batchNo: values.batch?.padStart(6, '0'), kind})
				: []),
			...(voucher.length >= 6 && kind !== 'void' && values.batch === undefined
				? voidsForOrderNumber(context, voucher)
				: []),
		];
		const [voidRow, ...others] = matches;
		if (!voidRow) {
			throw new CommandError(text.noSuchVoid(voucherNo));
		}

		if (others.length > 0) {
			throw new CommandError(text.manyVoids(voucherNo, matches.map(match => describeMatch(match, text)).join('\n')), 2);
		}

		const operator = await authenticateFromSource(context, secrets, values.operator, 'reprint');
		const reprint = reprintVoid(context, voidRow.id, operator);
		if (!reprint.ok) {
			const messages = messagesFor(context.language);
			throw new CommandError(reprint.reason === 'busy' ? messages.signIn.busy : messages.queue.noVoid);
		}

		const {jobId} = reprint;
		return reportPrint(
			context.language,
			await printJob(context, jobId),
			() => {
				console.log(text.reprinted(voidRow.voucherNo, voidRow.saleVoucherNo, voidRow.batchNo));
			},
			(message, advice) => {
				console.error(text.notPrinted(message, advice));
				console.error(text.waitsInQueue(jobId));
			},
		);
	} finally {
		secrets.close();
		context.close();
	}
}
