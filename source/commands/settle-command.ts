import {formatDateTime} from '../domain/time-format.js';
import {reconcileText} from '../i18n/reconcile-text.js';
import {messagesFor} from '../i18n/catalogue.js';
import {printFailureText} from '../i18n/print-failure-text.js';
import {unconfirmedTextFor} from '../i18n/unconfirmed-text.js';
import {settlementRefusalText} from '../i18n/settlement-text.js';
import {printJob} from '../services/print-service.js';
import {
	openBatchSummary,
	printShiftReport,
	reprintSettlement,
	settleBatch,
	SettlementError,
	shiftReport,
} from '../services/settlement-service.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand} from './command-context.js';
import {secretSource} from './secret-input.js';
import {summaryTable} from './summary-table.js';
import {authenticateFromSource} from './supervisor-auth.js';

export const settleHelp = `posvoid settle --operator NO [--password-stdin] [--reprint BATCH]

Settles (结算) the open batch: shows its figures, closes it, opens the next batch and prints the
settlement report. Needs a supervisor's password. After settlement, the batch's sales can no
longer be voided (refund them through the bank). --reprint BATCH prints a settled batch's report
again, marked REPRINT.
Exit status: 0 settled and printed, 3 settled but the report waits in the print queue or was sent
to a printer that cannot confirm it (see posvoid print-queue --confirm / --not-printed), 2 refused.`;

export const reportHelp = `posvoid report [--print] [--operator NO]

The shift summary (X report): the open batch's figures per channel, without settling it.
--print also prints it. Exit status: 0, or 3 when it did not print or the printer cannot confirm it.`;

export async function runSettle(argv: string[]): Promise<number> {
	const {values} = parseCommand(
		argv,
		{operator: {type: 'string'}, 'password-stdin': {type: 'boolean'}, reprint: {type: 'string'}},
		false,
	);
	if (values.help) {
		console.log(settleHelp);
		return 0;
	}

	if (values.operator === undefined) {
		throw new CommandError(messagesFor(languageOfArguments(argv)).commands.settle.needsOperator);
	}

	const context = openCommandContext(values);
	const messages = messagesFor(context.language);
	const text = messages.commands.settle;
	const secrets = secretSource(values['password-stdin'] ?? false);
	try {
		const supervisor = await authenticateFromSource(context, secrets, values.operator, 'settle', {supervisor: true});
		if (values.reprint !== undefined) {
			const jobId = reprintSettlement(context, values.reprint, supervisor);
			const result = await printJob(context, jobId);
			if (result.ok && !result.confirmed) {
				console.error(unconfirmedTextFor(context.language).commands.sentNotConfirmed(jobId));
				return 3;
			}

			if (result.ok) {
				console.log(text.reprinted(values.reprint.padStart(6, '0')));
				return 0;
			}

			const failure = printFailureText(messagesFor(context.language), result.failure);
			console.error(text.reprintNotPrinted(failure.message, failure.advice));
			return 3;
		}

		const {batch} = openBatchSummary(context);
		let settlement;
		try {
			settlement = settleBatch(context, supervisor, batch.batchNo);
		} catch (error) {
			if (error instanceof SettlementError) {
				throw new CommandError(settlementRefusalText(messages, error), 2);
			}

			throw error;
		}

		// The figures as settled, in the same transaction as the close: what the reports print.
		const settled = [...settlement.earlier, settlement];
		for (const {batch, summary} of settled) {
			console.log(text.batchHeader(batch.batchNo, batch.terminalId));
			console.log(summaryTable(summary, messages));
		}

		const numbers = settled.map(({batch}) => batch.batchNo).join(', ');
		console.log(text.settled(numbers, settlement.nextBatch.batchNo));
		let code = 0;
		for (const {printJobId} of settled) {
			const result = await printJob(context, printJobId);
			if (result.ok && !result.confirmed) {
				console.error(unconfirmedTextFor(context.language).commands.sentNotConfirmed(printJobId));
				code = 3;
				continue;
			}

			if (result.ok) {
				console.log(text.printed);
				continue;
			}

			const failure = printFailureText(messagesFor(context.language), result.failure);
			console.error(text.notPrinted(failure.message, failure.advice));
			console.error(text.waitsInQueue(result.jobId));
			code = 3;
		}

		return code;
	} finally {
		secrets.close();
		context.close();
	}
}

export async function runReport(argv: string[]): Promise<number> {
	const {values} = parseCommand(argv, {print: {type: 'boolean'}, operator: {type: 'string'}}, false);
	if (values.help) {
		console.log(reportHelp);
		return 0;
	}

	const context = openCommandContext(values);
	const messages = messagesFor(context.language);
	const text = messages.commands.report;
	try {
		const operatorNo = values.operator ?? '--';
		const report = shiftReport(context, operatorNo);
		console.log(text.title(report.batch.batchNo));
		console.log(summaryTable(report.summary, messages));
		if (report.lastReconciliation) {
			const {at, unmatched} = report.lastReconciliation;
			console.log(reconcileText[context.language].last(unmatched, formatDateTime(at, context.config.timeZone)));
		}

		if (!values.print) {
			return 0;
		}

		const printed = await printShiftReport(context, operatorNo);
		if (printed.ok && !printed.confirmed) {
			console.error(unconfirmedTextFor(context.language).commands.reportNotConfirmed);
			return 3;
		}

		if (printed.ok) {
			console.log(text.printed);
			return 0;
		}

		const failure = printFailureText(messagesFor(context.language), printed.failure);
		console.error(text.notPrinted(failure.message, failure.advice));
		return 3;
	} finally {
		context.close();
	}
}
