import {printFailureText} from '../i18n/print-failure-text.js';
import {messagesFor} from '../i18n/catalogue.js';
import {formatScreen} from '../domain/money.js';
import {formatDateTime} from '../domain/time-format.js';
import {printJob} from '../services/print-service.js';
import {checkVoidable, voidTransaction} from '../services/void-service.js';
import {findByVoucher} from '../services/transaction-lookup.js';
import {CommandError} from './command-errors.js';
import {openCommandContext, parseCommand} from './command-context.js';
import {secretSource} from './secret-input.js';
import {authenticateFromSource} from './supervisor-auth.js';

export const voidHelp = `posvoid void VOUCHER --operator NO [--supervisor NO] [--reason TEXT] [--batch N] [--password-stdin]

Voids one transaction of this terminal without the screens, by the same path as the console.
The operator's password is asked (masked), then, over the supervisor limit, the supervisor's.
With --password-stdin: the operator's password on the first line, the supervisor's on the next.
The slip prints on the configured printer; with --no-print it waits in the print queue (exit 3).
Exit status: 0 voided and printed, 3 voided but the slip waits in the print queue (the reason is
printed), 2 refused (the reason is printed), 1 error.`;

export async function runVoid(argv: string[]): Promise<number> {
	const {values, positionals} = parseCommand(argv, {
		operator: {type: 'string'},
		supervisor: {type: 'string'},
		reason: {type: 'string'},
		batch: {type: 'string'},
		'password-stdin': {type: 'boolean'},
		'no-print': {type: 'boolean'},
	});
	if (values.help) {
		console.log(voidHelp);
		return 0;
	}

	const [voucher] = positionals;
	if (voucher === undefined || !/^\d{1,6}$/.test(voucher)) {
		throw new CommandError('posvoid void needs the voucher number (凭证号) of the sale, such as 000101');
	}

	if (values.operator === undefined) {
		throw new CommandError('posvoid void needs --operator NO: the operator who voids');
	}

	const context = openCommandContext(values);
	const secrets = secretSource(values['password-stdin'] ?? false);
	try {
		const voucherNo = voucher.padStart(6, '0');
		const matches = findByVoucher(context, voucherNo, values.batch?.padStart(6, '0'));
		if (matches.length === 0) {
			throw new CommandError(
				`no transaction with voucher ${voucherNo} on terminal ${context.config.terminalId}: check the number on the sale slip`,
			);
		}

		if (matches.length > 1) {
			const list = matches
				.map(
					row =>
						`  batch ${row.batchNo}  ${formatDateTime(row.createdAt, context.config.timeZone)}  ${formatScreen(row.amount)}`,
				)
				.join('\n');
			throw new CommandError(`voucher ${voucherNo} is in more than one batch; pass --batch N:\n${list}`);
		}

		const transaction = matches[0]!;
		const operator = await authenticateFromSource(context, secrets, values.operator, 'void');
		const answer = checkVoidable(context, transaction, operator.role);
		let approver;
		if (answer.ok && answer.needsSupervisor) {
			if (values.supervisor === undefined) {
				throw new CommandError(
					`${formatScreen(transaction.amount)} is over the supervisor limit of ${formatScreen(context.config.supervisorLimit)}: pass --supervisor NO and the supervisor's password`,
					2,
				);
			}

			approver = await authenticateFromSource(context, secrets, values.supervisor, 'approve', {supervisor: true});
		}

		const outcome = voidTransaction(context, {
			transactionId: transaction.id,
			operator,
			approver,
			reason: values.reason ?? '',
		});
		if (!outcome.ok) {
			const refusal = messagesFor(context.language).refusal[outcome.reason]({
				terminalId: transaction.terminalId,
				operatorNo: values.supervisor,
			});
			console.error(`refused (${outcome.reason}): ${refusal.message}. ${refusal.advice}`);
			return outcome.reason === 'busy' ? 1 : 2;
		}

		console.log(
			`voided ${transaction.voucherNo} (${formatScreen(transaction.amount)}, ${transaction.cardMasked}): void voucher ${outcome.void.voucherNo}, reference ${outcome.void.referenceNo}`,
		);
		if (values['no-print']) {
			console.log(`the slip waits in the print queue (job ${outcome.printJobId}): posvoid print-queue --retry`);
			return 3;
		}

		const printed = await printJob(context, outcome.printJobId);
		if (printed.ok) {
			console.log(`slip printed on ${context.config.printer.host}:${context.config.printer.port}`);
			return 0;
		}

		const failure = printFailureText(messagesFor(context.language), printed.failure);
		console.error(`the void stands, but the slip did not print: ${failure.message}. ${failure.advice}`);
		console.error(`it waits in the print queue (job ${printed.jobId}): posvoid print-queue --retry`);
		return 3;
	} finally {
		secrets.close();
		context.close();
	}
}
