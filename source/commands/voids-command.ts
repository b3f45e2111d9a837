import {formatScreen} from '../domain/money.js';
import {formatDateTime} from '../domain/time-format.js';
import {saleLabel} from '../domain/transaction.js';
import {messagesFor} from '../i18n/catalogue.js';
import {declinedReasonText, unknownReasonTextOf} from '../i18n/payment-outcome-text.js';
import {voidStateText, voidStateKinds, type VoidListLine, type VoidStateKind} from '../i18n/void-state-text.js';
import {inDoubtReason, listVoidRequests, resolveInDoubt, settleByHand} from '../services/online-void-service.js';
import {type CommandContext, languageOfArguments, openCommandContext, parseCommand} from './command-context.js';
import {CommandError} from './command-errors.js';
import {secretSource} from './secret-input.js';
import {authenticateFromSource} from './supervisor-auth.js';

export const voidsHelp = `posvoid voids [--state requested|in-doubt|approved|declined] [--limit N]
posvoid voids --resolve
posvoid voids --settle ID --approved|--declined --operator NO --reason TEXT [--password-stdin]

Lists the voids sent to a payment platform (WeChat Pay, Alipay), newest first, with their state.
--resolve asks the platform about every void in doubt (and every one a crash left requested) and
reports what became of each; a void is never sent again under a new number.
--settle lets a supervisor settle a void in doubt by hand after checking the merchant app:
--approved when the money was given back (the void is written and its slip printed later with
posvoid print-queue), --declined when it was not (the sale can be voided again). Audited.
Exit status: 0 done (for --resolve: none left in doubt), 5 voids still in doubt after --resolve,
2 refused, 1 error.`;

function lineOf(context: CommandContext, request: ReturnType<typeof listVoidRequests>[number]): VoidListLine {
	const {language} = context;
	const words = voidStateText[language];
	const detail =
		request.state === 'approved'
			? (request.platformRefundNo ?? '') + (request.settledBy ? ` (${request.settledBy})` : '')
			: request.state === 'declined'
				? declinedReasonText(language, request.declineCode ?? '', request.detail)
				: request.state === 'in-doubt'
					? unknownReasonTextOf(language, inDoubtReason(request))
					: '';
	return {
		id: request.id,
		sale: saleLabel({voucherNo: request.saleVoucherNo, platformOrderNo: request.platformOrderNo}),
		amount: formatScreen(request.amount),
		platform: words.platformName(request.platform),
		state: request.state,
		at: formatDateTime(request.requestedAt, context.config.timeZone),
		detail,
	};
}

export async function runVoids(argv: string[]): Promise<number> {
	const {values} = parseCommand(
		argv,
		{
			state: {type: 'string'},
			limit: {type: 'string'},
			resolve: {type: 'boolean'},
			settle: {type: 'string'},
			approved: {type: 'boolean'},
			declined: {type: 'boolean'},
			operator: {type: 'string'},
			reason: {type: 'string'},
			'password-stdin': {type: 'boolean'},
		},
		false,
	);
	if (values.help) {
		console.log(voidsHelp);
		return 0;
	}

	const early = voidStateText[languageOfArguments(argv)];
	if (values.state !== undefined && !(voidStateKinds as readonly string[]).includes(values.state)) {
		throw new CommandError(early.badState(values.state));
	}

	if (values.settle !== undefined) {
		if (!/^\d{1,12}$/.test(values.settle)) {
			throw new CommandError(early.settleNoSuch(Number.NaN));
		}

		if (values.approved === values.declined) {
			throw new CommandError(early.settleNeedsChoice);
		}

		if (values.reason === undefined || values.reason.trim() === '') {
			throw new CommandError(early.settleNeedsReason);
		}

		if (values.operator === undefined) {
			throw new CommandError(messagesFor(languageOfArguments(argv)).commands.void.needsOperator);
		}
	}

	const context = openCommandContext(values);
	const words = voidStateText[context.language];
	try {
		if (values.settle !== undefined) {
			const secrets = secretSource(values['password-stdin'] ?? false);
			try {
				const supervisor = await authenticateFromSource(context, secrets, values.operator!, 'approve', {
					supervisor: true,
				});
				const id = Number(values.settle);
				const settled = settleByHand(context, {
					requestId: id,
					supervisor,
					approved: values.approved === true,
					reason: values.reason!,
				});
				if (!settled.ok) {
					throw new CommandError(
						settled.problem === 'no-such'
							? words.settleNoSuch(id)
							: words.settleNotOpen(id, words.stateName[settled.state ?? 'approved']),
						2,
					);
				}

				console.log(words.settledByHand(id, words.stateName[settled.result.state], supervisor.operatorNo));
				return 0;
			} finally {
				secrets.close();
			}
		}

		if (values.resolve) {
			const pass = await resolveInDoubt(context);
			if (pass.results.length === 0) {
				console.log(words.resolveNone);
				return 0;
			}

			for (const result of pass.results) {
				console.log(words.resolved(lineOf(context, result.request)));
			}

			const settled = pass.results.filter(result => result.state === 'approved' || result.state === 'declined');
			console.log(words.resolveSummary(settled.length, pass.stillInDoubt));
			return pass.stillInDoubt === 0 ? 0 : 5;
		}

		const limit = values.limit === undefined ? 100 : Number(values.limit);
		const requests = listVoidRequests(
			context,
			(values.state ?? '') as VoidStateKind | '',
			Number.isInteger(limit) && limit > 0 ? Math.min(limit, 10_000) : 100,
		);
		if (requests.length === 0) {
			console.log(words.listEmpty);
			return 0;
		}

		console.log(words.listHeader);
		for (const request of requests) {
			console.log(words.listLine(lineOf(context, request)));
		}

		return 0;
	} finally {
		context.close();
	}
}
