import {freeText} from '../domain/display-text.js';
import {formatDateTime} from '../domain/time-format.js';
import {
	addOperator,
	changePassword,
	listOperators,
	unlockOperator,
	validateOperatorNo,
} from '../services/operator-service.js';
import {checkPcAdministrator, processAccount} from '../services/pc-account.js';
import {CommandError} from './command-errors.js';
import {openCommandContext, parseCommand, type CommandContext} from './command-context.js';
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
		console.log(`unlocked operator ${operatorNo} as PC account ${check.administrator.account}`);
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
			const operators = listOperators(context);
			for (const operator of operators) {
				const lock = operator.locked
					? `  LOCKED until ${formatDateTime(operator.lockedUntil!, context.config.timeZone)}`
					: '';
				const failures = operator.failedAttempts > 0 ? `  ${operator.failedAttempts} failed attempts` : '';
				console.log(
					`${operator.operatorNo.padEnd(4)} ${operator.role.padEnd(10)} ${freeText(operator.name)}${failures}${lock}`,
				);
			}

			if (operators.length === 0) {
				console.log('no operators yet: run `posvoid init`');
			}

			return 0;
		} finally {
			context.close();
		}
	}

	if (!['add', 'passwd', 'unlock'].includes(action)) {
		throw new CommandError(`unknown operator action "${action}": use add, passwd, unlock or list`);
	}

	if (operatorNo === undefined) {
		throw new CommandError(`operator ${action} needs the operator number, such as 01`);
	}

	validateOperatorNo(operatorNo);
	const role = values.role ?? 'cashier';
	if (action === 'add' && role !== 'cashier' && role !== 'supervisor') {
		throw new CommandError(`--role ${role} is not a role: use cashier or supervisor`);
	}

	if (action === 'add' && values.name === undefined) {
		throw new CommandError('operator add needs --name NAME');
	}

	if (values.admin && action !== 'unlock') {
		throw new CommandError('--admin is for `posvoid operator unlock NO` only: the other actions need a supervisor');
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
					role: role as 'cashier' | 'supervisor',
					password,
					by: supervisor.operatorNo,
				});
				console.log(`added ${role} ${operatorNo}`);
				break;
			}

			case 'passwd': {
				const password = await readNewPassword(secrets, `New password for operator ${operatorNo}`);
				await changePassword(context, operatorNo, password, supervisor.operatorNo);
				console.log(`changed the password of operator ${operatorNo}`);
				break;
			}

			default: {
				unlockOperator(context, operatorNo, supervisor);
				console.log(`unlocked operator ${operatorNo}`);
			}
		}

		return 0;
	} finally {
		secrets.close();
		context.close();
	}
}
