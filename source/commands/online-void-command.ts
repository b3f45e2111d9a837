// The online and terminal-assisted halves of `posvoid void`: "sending to WeChat Pay…", the bounded wait
// (the payments timeouts), the outcome, and the clerk's step at the bank terminal.
import process from 'node:process';
import {formatScreen} from '../domain/money.js';
import {saleLabel, type Transaction} from '../domain/transaction.js';
import {messagesFor} from '../i18n/catalogue.js';
import {declinedReasonText, unknownReasonTextOf} from '../i18n/payment-outcome-text.js';
import {printFailureText} from '../i18n/print-failure-text.js';
import {voidStateText} from '../i18n/void-state-text.js';
import type {Authenticated} from '../services/auth-service.js';
import {startOnlineVoid, terminalVoid} from '../services/online-void-service.js';
import {printJob} from '../services/print-service.js';
import type {VoidOutcome} from '../services/void-service.js';
import type {CommandContext} from './command-context.js';
import {CommandError} from './command-errors.js';
import {readLine} from './secret-input.js';

/** Exit status of a void left in doubt at its platform: posvoid keeps asking; nothing is to be done again. */
export const inDoubtExitCode = 5;
/** Exit status when the terminal's numbers are still to be entered: nothing was changed. */
export const terminalStepExitCode = 4;

export type VoidCall = {
	context: CommandContext;
	transaction: Transaction;
	operator: Authenticated;
	approver: Authenticated | undefined;
	reason: string;
	noPrint: boolean;
	operatorFlag: string | undefined;
};

/** Prints a refusal as the record-only path does; 1 for a busy database, else 2. */
export function printRefusal(call: VoidCall, outcome: Extract<VoidOutcome, {ok: false}>): number {
	const {context} = call;
	const {commands, refusal} = messagesFor(context.language);
	const words = refusal[outcome.reason]({
		terminalId: call.transaction.terminalId,
		operatorNo: call.operatorFlag,
		outside: outcome.outside && {...outcome.outside, timeZone: context.config.timeZone},
		inDoubt: outcome.inDoubt && {...outcome.inDoubt, timeZone: context.config.timeZone},
	});
	console.error(commands.refused(outcome.reason, words.message, commands.refusalAdvice[outcome.reason]));
	return outcome.reason === 'busy' ? 1 : 2;
}

/** Prints the void's slip as the record-only path does: 0 printed, 3 waiting in the queue. */
async function printSlip(call: VoidCall, printJobId: number): Promise<number> {
	const {context} = call;
	const text = messagesFor(context.language).commands.void;
	if (call.noPrint) {
		console.log(text.waitsNoPrint(printJobId));
		return 3;
	}

	const printed = await printJob(context, printJobId);
	if (printed.ok) {
		console.log(text.printed(`${context.config.printer.host}:${context.config.printer.port}`));
		return 0;
	}

	const failure = printFailureText(messagesFor(context.language), printed.failure);
	console.error(text.notPrinted(failure.message, failure.advice));
	console.error(text.waitsInQueue(printed.jobId));
	return 3;
}

export async function runOnlineVoid(call: VoidCall): Promise<number> {
	const {context, transaction} = call;
	const words = voidStateText[context.language];
	const text = messagesFor(context.language).commands.void;
	console.log(words.sending(transaction.channel));
	const started = await startOnlineVoid(context, {
		transactionId: transaction.id,
		operator: call.operator,
		approver: call.approver,
		reason: call.reason,
	});
	if (!started.ok) {
		return printRefusal(call, started);
	}

	const result = await started.answer;
	const {request} = result;
	switch (result.state) {
		case 'approved': {
			console.log(words.approved(request.platform, request.platformRefundNo ?? ''));
			console.log(
				text.voided(
					saleLabel(transaction),
					formatScreen(transaction.amount),
					transaction.cardMasked,
					request.voucherNo,
					request.referenceNo,
				),
			);
			return printSlip(call, result.printJobId!);
		}

		case 'declined': {
			const reason = declinedReasonText(context.language, request.declineCode ?? '', request.detail);
			console.error(words.declined(request.platform, reason));
			return 2;
		}

		case 'requested':
		case 'in-doubt': {
			const reason = unknownReasonTextOf(context.language, result.why ?? 'timeout');
			console.error(words.inDoubt(request.platform, reason, request.id));
			return inDoubtExitCode;
		}
	}
}

/** The clerk's step at the bank terminal: before any password, when the numbers cannot be asked for here. */
export function terminalStepNeeded(
	context: CommandContext,
	transaction: Transaction,
	given: {voucher?: string; reference?: string; canAsk: boolean},
): number | undefined {
	if ((given.voucher !== undefined && given.reference !== undefined) || given.canAsk) {
		return undefined;
	}

	const words = voidStateText[context.language];
	console.log(words.terminalStep(saleLabel(transaction), formatScreen(transaction.amount), transaction.terminalId));
	console.log(words.terminalUsage(saleLabel(transaction)));
	return terminalStepExitCode;
}

export async function runTerminalVoid(call: VoidCall, given: {voucher?: string; reference?: string}): Promise<number> {
	const {context, transaction} = call;
	const words = voidStateText[context.language];
	let {voucher, reference} = given;
	if (voucher === undefined || reference === undefined) {
		console.log(words.terminalStep(saleLabel(transaction), formatScreen(transaction.amount), transaction.terminalId));
		voucher ??= await readLine(words.terminalVoucherPrompt);
		reference ??= await readLine(words.terminalReferencePrompt);
	}

	const outcome = await terminalVoid(
		context,
		{transactionId: transaction.id, operator: call.operator, approver: call.approver, reason: call.reason},
		{voidVoucherNo: voucher, voidReferenceNo: reference},
	);
	if (!outcome.ok) {
		if (outcome.reason === 'terminal-answer') {
			throw new CommandError(
				outcome.problem === 'taken'
					? words.terminalVoucherTaken(outcome.detail)
					: words.badTerminalAnswer(outcome.detail),
				2,
			);
		}

		return printRefusal(call, outcome);
	}

	console.log(words.terminalRecorded(outcome.void.voucherNo, outcome.void.referenceNo));
	return printSlip(call, outcome.printJobId);
}

export function canAskOnTerminal(passwordStdin: boolean): boolean {
	return !passwordStdin && process.stdin.isTTY;
}
