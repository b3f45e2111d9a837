import process from 'node:process';
import {printFailureText} from '../i18n/print-failure-text.js';
import {unconfirmedTextFor} from '../i18n/unconfirmed-text.js';
import {messagesFor} from '../i18n/catalogue.js';
import {formatScreen} from '../domain/money.js';
import {formatDateTime} from '../domain/time-format.js';
import {printJob, voidSlipSubstitutions} from '../services/print-service.js';
import {slipSubstitutionText} from '../i18n/slip-substitution-text.js';
import {checkVoidable, voidTransaction} from '../services/void-service.js';
import {findSales, isSaleNumber} from '../services/transaction-lookup.js';
import {orderLookupText} from '../i18n/order-lookup-text.js';
import {saleLabel} from '../domain/transaction.js';
import type {CommandMessages} from '../i18n/command-messages.js';
import {voidMode, voidStateOfSale} from '../services/online-void-service.js';
import {voidStateText} from '../i18n/void-state-text.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand, type CommandContext} from './command-context.js';
import {readLine, secretSource} from './secret-input.js';
import {canAskOnTerminal, runOnlineVoid, runTerminalVoid, terminalStepNeeded} from './online-void-command.js';
import {authenticateFromSource} from './supervisor-auth.js';

export const voidHelp = `posvoid void VOUCHER --operator NO [--supervisor NO] [--reason TEXT] [--batch N] [--password-stdin]
       [--terminal-voucher NNNNNN --terminal-reference NNNNNNNNNNNN]

Voids one transaction of this terminal without the screens, by the same path as the console.
The operator's password is asked (masked), then, over the supervisor limit, the supervisor's.
Without --reason the configured reasons are offered by number on the terminal; with no terminal
to ask on (--password-stdin, a script), --reason is required.
With --password-stdin: the operator's password on the first line, the supervisor's on the next.
The slip prints on the configured printer; with --no-print it waits in the print queue (exit 3).
A channel in online mode (payments.modes) sends the void to its platform ("sending to WeChat Pay…")
and waits at most the payments timeouts for the answer. A card channel in terminal-assisted mode says
what to void on the bank terminal and takes the terminal slip's void voucher and reference (asked on
a terminal, or given with --terminal-voucher and --terminal-reference).
Exit status: 0 voided and printed, 3 voided but the slip waits in the print queue (the reason is
printed) or was sent to a printer that cannot confirm it (check the slip, then answer with
posvoid print-queue --confirm JOB or --not-printed JOB), 2 refused or declined by the platform (the reason is printed), 4 the terminal's numbers
are still to be entered (nothing changed), 5 in doubt: the platform's answer is not known; posvoid
asks it (posvoid voids --resolve) and the sale cannot be voided again meanwhile, 1 error.`;

/** What the printer cannot print as it is, found and said before the void commits, never printed as `?`. */
function sayWhatTheSlipSubstitutes(
	context: CommandContext,
	sale: Parameters<typeof voidSlipSubstitutions>[1],
	voidBy: Parameters<typeof voidSlipSubstitutions>[2],
): void {
	const note = slipSubstitutionText(
		voidSlipSubstitutions(context, sale, voidBy),
		context.config.printer.model.name,
		context.language,
	);
	if (note !== '') {
		console.log(note);
	}
}

/** The configured reasons by number, on the terminal; anything but a listed number voids nothing. */
async function askForReason(reasons: readonly string[], text: CommandMessages['void']): Promise<string> {
	console.error(text.reasonMenu);
	for (const [index, reason] of reasons.entries()) {
		console.error(`  ${index + 1}  ${reason}`);
	}

	const typed = await readLine(text.reasonPrompt(reasons.length));
	const answer = typed.trim();
	const chosen = /^\d$/.test(answer) ? reasons[Number(answer) - 1] : undefined;
	if (chosen === undefined) {
		throw new CommandError(text.badReasonChoice(answer, reasons.length));
	}

	return chosen;
}

export async function runVoid(argv: string[]): Promise<number> {
	const {values, positionals} = parseCommand(argv, {
		operator: {type: 'string'},
		supervisor: {type: 'string'},
		reason: {type: 'string'},
		batch: {type: 'string'},
		'password-stdin': {type: 'boolean'},
		'no-print': {type: 'boolean'},
		'terminal-voucher': {type: 'string'},
		'terminal-reference': {type: 'string'},
	});
	if (values.help) {
		console.log(voidHelp);
		return 0;
	}

	const early = messagesFor(languageOfArguments(argv)).commands.void;
	const [voucher] = positionals;
	if (voucher === undefined || !isSaleNumber(voucher)) {
		throw new CommandError(
			voucher === undefined || /^\d*$/.test(voucher)
				? early.needsVoucher
				: orderLookupText[languageOfArguments(argv)].needsNumber,
		);
	}

	if (values.operator === undefined) {
		throw new CommandError(early.needsOperator);
	}

	const context = openCommandContext(values);
	const {commands} = messagesFor(context.language);
	const text = commands.void;
	const secrets = secretSource(values['password-stdin'] ?? false);
	try {
		const voucherNo = /^\d{1,6}$/.test(voucher) ? voucher.padStart(6, '0') : voucher;
		const orders = orderLookupText[context.language];
		const matches = findSales(context, voucher, values.batch?.padStart(6, '0'));
		const anyOrder = matches.some(row => row.voucherNo === '') || voucherNo !== voucher.padStart(6, '0');
		if (matches.length === 0) {
			throw new CommandError(
				voucher.length === 6 || anyOrder
					? orders.noSuchSale(voucher, context.config.terminalId)
					: text.noSuchVoucher(voucherNo, context.config.terminalId),
			);
		}

		if (matches.length > 1 && matches.some(row => row.voucherNo === '' || row.voucherNo !== voucherNo)) {
			const list = matches
				.map(row =>
					orders.candidate(
						row.platformOrderNo ?? row.voucherNo,
						formatDateTime(row.createdAt, context.config.timeZone),
						formatScreen(row.amount),
						row.batchNo,
					),
				)
				.join('\n');
			throw new CommandError(orders.ambiguous(voucher, list));
		}

		if (matches.length > 1) {
			const list = matches
				.map(row =>
					text.batchLine(row.batchNo, formatDateTime(row.createdAt, context.config.timeZone), formatScreen(row.amount)),
				)
				.join('\n');
			throw new CommandError(text.manyBatches(voucherNo, list));
		}

		const transaction = matches[0]!;
		const mode = voidMode(context, transaction.channel);
		const pending = voidStateOfSale(context, transaction.id);
		if (pending && (pending.state === 'requested' || pending.state === 'in-doubt')) {
			console.error(
				commands.refused(
					'in-doubt',
					voidStateText[context.language].inProgress({
						platform: pending.platform,
						since: pending.requestedAt,
						timeZone: context.config.timeZone,
					}),
					commands.refusalAdvice['in-doubt'],
				),
			);
			return 2;
		}

		const terminal = {voucher: values['terminal-voucher'], reference: values['terminal-reference']};
		if (mode === 'terminal-assisted') {
			const waiting = terminalStepNeeded(context, transaction, {
				...terminal,
				canAsk: canAskOnTerminal(values['password-stdin'] ?? false),
			});
			if (waiting !== undefined) {
				return waiting;
			}
		}

		const operator = await authenticateFromSource(context, secrets, values.operator, 'void');
		const answer = checkVoidable(context, transaction, operator.role);
		let approver;
		if (answer.ok && answer.needsSupervisor) {
			if (values.supervisor === undefined) {
				throw new CommandError(
					text.overLimit(formatScreen(transaction.amount), formatScreen(context.config.supervisorLimit)),
					2,
				);
			}

			approver = await authenticateFromSource(context, secrets, values.supervisor, 'approve', {supervisor: true});
		}

		// A void that would go ahead needs its reason: asked on the terminal, never assumed without one.
		let reason = values.reason ?? '';
		if (values.reason === undefined && answer.ok) {
			if (values['password-stdin'] === true || !process.stdin.isTTY) {
				throw new CommandError(text.reasonNeeded(context.config.voidReasons[0] ?? ''));
			}

			reason = await askForReason(context.config.voidReasons, text);
		}

		if (answer.ok) {
			sayWhatTheSlipSubstitutes(context, transaction, {
				operatorNo: operator.operatorNo,
				reason,
				approverNo: approver?.operatorNo,
			});
		}

		const call = {
			context,
			transaction,
			operator,
			approver,
			reason,
			noPrint: values['no-print'] ?? false,
			operatorFlag: values.supervisor,
		};
		if (mode === 'online' && answer.ok) {
			return await runOnlineVoid(call);
		}

		if (mode === 'terminal-assisted' && answer.ok) {
			return await runTerminalVoid(call, terminal);
		}

		const outcome = voidTransaction(context, {
			transactionId: transaction.id,
			operator,
			approver,
			reason,
		});
		if (!outcome.ok) {
			const refusal = messagesFor(context.language).refusal[outcome.reason]({
				terminalId: transaction.terminalId,
				operatorNo: values.supervisor,
				outside: outcome.outside && {...outcome.outside, timeZone: context.config.timeZone},
			});
			console.error(commands.refused(outcome.reason, refusal.message, commands.refusalAdvice[outcome.reason]));
			return outcome.reason === 'busy' ? 1 : 2;
		}

		console.log(
			text.voided(
				saleLabel(transaction),
				formatScreen(transaction.amount),
				transaction.cardMasked,
				outcome.void.voucherNo,
				outcome.void.referenceNo,
			),
		);
		if (values['no-print']) {
			console.log(text.waitsNoPrint(outcome.printJobId));
			return 3;
		}

		const printed = await printJob(context, outcome.printJobId);
		if (printed.ok && !printed.confirmed) {
			console.error(unconfirmedTextFor(context.language).commands.sentNotConfirmed(printed.jobId));
			return 3;
		}

		if (printed.ok) {
			console.log(text.printed(`${context.config.printer.host}:${context.config.printer.port}`));
			return 0;
		}

		const failure = printFailureText(messagesFor(context.language), printed.failure);
		console.error(text.notPrinted(failure.message, failure.advice));
		console.error(text.waitsInQueue(printed.jobId));
		return 3;
	} finally {
		secrets.close();
		context.close();
	}
}
