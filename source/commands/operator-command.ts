import {freeText} from '../domain/display-text.js';
import {formatDateTime} from '../domain/time-format.js';
import {
	addOperator,
	changePassword,
	listOperators,
	unlockOperator,
	validateOperatorNo,
} from '../services/operator-service.js';
import {CommandError} from './command-errors.js';
import {openCommandContext, parseCommand} from './command-context.js';
import {readNewPassword, secretSource} from './secret-input.js';
import {authenticateFromSource} from './supervisor-auth.js';

export const operatorHelp = `posvoid operator add NO --name NAME --role cashier|supervisor [--supervisor NO]
posvoid operator passwd NO [--supervisor NO]
posvoid operator unlock NO [--supervisor NO]
posvoid operator list

Adding, changing a password and unlocking need a supervisor's password (--supervisor, default 00),
asked first; then the new password, typed twice. With --password-stdin, one line each instead.`;

export async function runOperator(argv: string[]): Promise<number> {
	const {values, positionals} = parseCommand(argv, {
		name: {type: 'string'},
		role: {type: 'string'},
		supervisor: {type: 'string'},
		'password-stdin': {type: 'boolean'},
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
		throw new CommandError(`posvoid operator ${action} needs the operator number, such as 01`);
	}

	validateOperatorNo(operatorNo);
	const role = values.role ?? 'cashier';
	if (action === 'add' && role !== 'cashier' && role !== 'supervisor') {
		throw new CommandError(`--role ${role} is not a role: use cashier or supervisor`);
	}

	if (action === 'add' && values.name === undefined) {
		throw new CommandError('posvoid operator add needs --name NAME');
	}

	const context = openCommandContext(values);
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
