import {messagesFor} from '../i18n/catalogue.js';
import {printFailureText} from '../i18n/print-failure-text.js';
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
import {openCommandContext, parseCommand} from './command-context.js';
import {secretSource} from './secret-input.js';
import {summaryTable} from './summary-table.js';
import {authenticateFromSource} from './supervisor-auth.js';

export const settleHelp = `posvoid settle --operator NO [--password-stdin] [--reprint BATCH]

Settles (结算) the open batch: shows its figures, closes it, opens the next batch and prints the
settlement report. Needs a supervisor's password. After settlement, the batch's sales can no
longer be voided (refund them through the bank). --reprint BATCH prints a settled batch's report
again, marked REPRINT.
Exit status: 0 settled and printed, 3 settled but the report waits in the print queue, 2 refused.`;

export const reportHelp = `posvoid report [--print] [--operator NO]

The shift summary (X report): the open batch's figures per channel, without settling it.
--print also prints it.`;

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
		throw new CommandError('posvoid settle needs --operator NO: the supervisor who settles');
	}

	const context = openCommandContext(values);
	const secrets = secretSource(values['password-stdin'] ?? false);
	try {
		const supervisor = await authenticateFromSource(context, secrets, values.operator, 'settle', {supervisor: true});
		if (values.reprint !== undefined) {
			const jobId = reprintSettlement(context, values.reprint, supervisor);
			const result = await printJob(context, jobId);
			if (result.ok) {
				console.log(`reprinted the settlement report of batch ${values.reprint.padStart(6, '0')}`);
				return 0;
			}

			const failure = printFailureText(messagesFor(context.language), result.failure);
			console.error(`the reprint did not print: ${failure.message}. ${failure.advice} It waits in the print queue.`);
			return 3;
		}

		const {batch} = openBatchSummary(context);
		let settlement;
		try {
			settlement = settleBatch(context, supervisor, batch.batchNo);
		} catch (error) {
			if (error instanceof SettlementError) {
				throw new CommandError(error.message, 2);
			}

			throw error;
		}

		// The figures as settled, in the same transaction as the close: what the reports print.
		const settled = [...settlement.earlier, settlement];
		for (const {batch, summary} of settled) {
			console.log(`batch ${batch.batchNo} of terminal ${batch.terminalId}:`);
			console.log(summaryTable(summary));
		}

		const numbers = settled.map(({batch}) => batch.batchNo).join(', ');
		console.log(`settled batch ${numbers}; batch ${settlement.nextBatch.batchNo} is now open`);
		let code = 0;
		for (const {printJobId} of settled) {
			const result = await printJob(context, printJobId);
			if (result.ok) {
				console.log('settlement report printed');
				continue;
			}

			const failure = printFailureText(messagesFor(context.language), result.failure);
			console.error(`the batch is settled, but the report did not print: ${failure.message}. ${failure.advice}`);
			console.error(`it waits in the print queue (job ${result.jobId}): posvoid print-queue --retry`);
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
	try {
		const operatorNo = values.operator ?? '--';
		const report = shiftReport(context, operatorNo);
		console.log(`shift summary (X report), batch ${report.batch.batchNo}, not settled:`);
		console.log(summaryTable(report.summary));
		if (!values.print) {
			return 0;
		}

		const printed = await printShiftReport(context, operatorNo);
		if (printed.ok) {
			console.log('shift summary printed');
			return 0;
		}

		const failure = printFailureText(messagesFor(context.language), printed.failure);
		console.error(`the shift summary did not print: ${failure.message}. ${failure.advice}`);
		return 3;
	} finally {
		context.close();
	}
}
