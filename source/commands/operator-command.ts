import {freeText} from '../domain/display-text.js';
import {formatDateTime} from '../domain/time-format.js';
import {isOperatorRole, type OperatorRole} from '../domain/transaction.js';
import {
	addOperator,
	changePassword,
	listOperators,
	unlockOperator,
	validateOperatorNo,
} from '../services/operator-service.js';
import {checkPcAdministrator, processAccount} from '../services/pc-account.js';
import {messagesFor} from '../i18n/catalogue.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand, type CommandContext} from './command-context.js';
import {readNewPassword, secretSource} from './secret-input.js';
import {authenticateFromSource} from './supervisor-auth.js';

export const operatorHelp = `posvoid operator add NO --name NAME --role cashier|supervisor [--supervisor NO]
posvoid operator passwd NO [--supervisor NO]
posvoid operator unlock NO [--supervisor NO | --admin]
posvoid operator list

Adding, changing a password and unlocking need a supervisor's password (--supervisor, default 00),
asked first; then the new password, typed twice. With --password-stdin, one line each instead.
When every supervisor is locked out, unlock --admin needs no password: it runs only as the PC
account that owns the database file (or root), and the audit log names that account.`;

/** `unlock NO --admin`: no supervisor, but only the PC account that owns the database file (or root). */
function unlockAsPcAdministrator(context: CommandContext, operatorNo: string): number {
	try {
		const check = checkPcAdministrator(context.store.file, processAccount());
		if (!check.ok) {
			throw new CommandError(check.message, 2);
		}

		unlockOperator(context, operatorNo, {pcAdministrator: check.administrator});
		console.log(
			messagesFor(context.language).commands.operator.unlockedAsAccount(operatorNo, check.administrator.account),
		);
		return 0;
	} finally {
		context.close();
	}
}

export async function runOperator(argv: string[]): Promise<number> {
	const {values, positionals} = parseCommand(argv, {
		name: {type: 'string'},
		role: {type: 'string'},
		supervisor: {type: 'string'},
		'password-stdin': {type: 'boolean'},
		admin: {type: 'boolean'},
	});
	const [action, operatorNo] = positionals;
	const early = messagesFor(languageOfArguments(argv)).commands.operator;
	if (values.help) {
		console.log(operatorHelp);
		return 0;
	}

	if (action === undefined) {
		console.log(operatorHelp);
		return 1;
	}

	if (action === 'list') {
		const context = openCommandContext(values);
		try {
			const text = messagesFor(context.language).commands.operator;
			const operators = listOperators(context);
			for (const operator of operators) {
				const lockedUntil = operator.locked
					? formatDateTime(operator.lockedUntil!, context.config.timeZone)
					: undefined;
				console.log(
					text.row(
						operator.operatorNo,
						text.role[operator.role],
						freeText(operator.name),
						operator.failedAttempts,
						lockedUntil,
					),
				);
			}

			if (operators.length === 0) {
				console.log(text.none);
			}

			return 0;
		} finally {
			context.close();
		}
	}

	if (!['add', 'passwd', 'unlock'].includes(action)) {
		throw new CommandError(early.unknownAction(action));
	}

	if (operatorNo === undefined) {
		throw new CommandError(early.needsNumber(action));
	}

	validateOperatorNo(operatorNo);
	const role = values.role ?? 'cashier';
	if (action === 'add' && !isOperatorRole(role)) {
		throw new CommandError(early.badRole(role));
	}

	if (action === 'add' && values.name === undefined) {
		throw new CommandError(early.needsName);
	}

	if (values.admin && action !== 'unlock') {
		throw new CommandError(early.adminOnlyUnlock);
	}

	const context = openCommandContext(values);
	if (values.admin) {
		return unlockAsPcAdministrator(context, operatorNo);
	}

	const secrets = secretSource(values['password-stdin'] ?? false);
	try {
		const supervisor = await authenticateFromSource(context, secrets, values.supervisor ?? '00', 'approve', {
			supervisor: true,
		});
		switch (action) {
			case 'add': {
				const password = await readNewPassword(secrets, `New password for operator ${operatorNo}`);
				await addOperator(context, {
					operatorNo,
					name: values.name!,
					role: role as OperatorRole,
					password,
					by: supervisor.operatorNo,
				});
				console.log(early.added(early.role[role as 'cashier' | 'supervisor'], operatorNo));
				break;
			}

			case 'passwd': {
				const password = await readNewPassword(secrets, `New password for operator ${operatorNo}`);
				await changePassword(context, operatorNo, password, supervisor.operatorNo);
				console.log(early.passwordChanged(operatorNo));
				break;
			}

			default: {
				unlockOperator(context, operatorNo, supervisor);
				console.log(early.unlocked(operatorNo));
			}
		}

		return 0;
	} finally {
		secrets.close();
		context.close();
	}
}
