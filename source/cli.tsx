#!/usr/bin/env node
import process from 'node:process';
import {languageOfArguments} from './commands/command-context.js';
import {CommandError} from './commands/command-errors.js';
import {installTerminalOutput} from './commands/terminal-output.js';
import {messagesFor} from './i18n/catalogue.js';
import {storeFailure} from './store/store-errors.js';
import {UserError, userErrorLines} from './user-error.js';

type CommandRunner = (argv: string[]) => Promise<number>;

/** Each command is loaded only when it runs, so the console does not pay for the others at start-up. */
const commands: Record<string, () => Promise<CommandRunner>> = {
	console: async () => import('./commands/console-command.js').then(module => module.runConsole),
	demo: async () => import('./commands/demo-command.js').then(module => module.runDemo),
	init: async () => import('./commands/init-command.js').then(module => module.runInit),
	operator: async () => import('./commands/operator-command.js').then(module => module.runOperator),
	void: async () => import('./commands/void-command.js').then(module => module.runVoid),
	audit: async () => import('./commands/audit-command.js').then(module => module.runAudit),
	'print-queue': async () => import('./commands/print-queue-command.js').then(module => module.runPrintQueue),
	reprint: async () => import('./commands/print-queue-command.js').then(module => module.runReprint),
	settle: async () => import('./commands/settle-command.js').then(module => module.runSettle),
	report: async () => import('./commands/settle-command.js').then(module => module.runReport),
	export: async () => import('./commands/export-command.js').then(module => module.runExport),
	printer: async () => import('./commands/printer-command.js').then(module => module.runPrinterCommand),
	import: async () => import('./commands/import-command.js').then(module => module.runImport),
	seed: async () => import('./commands/seed-command.js').then(module => module.runSeed),
	'platform-sim': async () => import('./commands/platform-sim-command.js').then(module => module.runPlatformSim),
	reconcile: async () => import('./commands/reconcile-command.js').then(module => module.runReconcile),
	voids: async () => import('./commands/voids-command.js').then(module => module.runVoids),
};

export const usage = `posvoid — void card and QR payments at the counter and print the void slip

Usage:
  posvoid                      the console (sign in, find, void, print)
  posvoid demo                 the console on a demo database with the printer emulator built in
  posvoid init                 create the database and supervisor 00
  posvoid operator add|passwd|unlock|list
  posvoid void VOUCHER         void without the screens (--operator NO)
  posvoid voids [--resolve]    voids sent to WeChat Pay / Alipay by state; ask about those in doubt
  posvoid audit [--verify]     recent audit events; verify the hash chain
  posvoid print-queue [--retry]  slips waiting to print; print them again
  posvoid reprint VOUCHER      another copy of a void slip, marked REPRINT
  posvoid settle --operator NO settle (结算) the open batch and print the report
  posvoid report [--print]     shift summary (X report) of the open batch
  posvoid export --batch N     a batch's sales and voids as CSV or JSON Lines
  posvoid import FILE          import transactions (CSV or JSON Lines; card numbers are masked)
  posvoid seed --rows N        synthetic history for demos and benchmarks
  posvoid printer              the printer emulator (a TCP ESC/POS printer on 127.0.0.1:9100)
  posvoid reconcile FILE...    compare the platforms' bills with the database (exit 1: unmatched)
  posvoid platform-sim         the Alipay and WeChat Pay simulators (HTTP on 127.0.0.1:8800)

Common flags: --db PATH  --config PATH  --printer HOST[:PORT]  --lang zh-CN|en
Passwords are read masked from the terminal, or one per line with --password-stdin; never from argv.
Run \`posvoid COMMAND --help\` for a command's flags.`;

async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (name === '--help' || name === '-h' || name === 'help') {
		console.log(usage);
		return 0;
	}

	if (name === '--version') {
		console.log('posvoid 0.1.0');
		return 0;
	}

	const load = name === undefined || name.startsWith('-') ? commands['console'] : commands[name];
	if (!load) {
		if (name === undefined || name.startsWith('-')) {
			console.log(usage);
			return 1;
		}

		throw new CommandError(messagesFor(languageOfArguments(rest)).commands.usage.unknownCommand(name));
	}

	const run = await load();
	return run(name === undefined || name.startsWith('-') ? argv : rest);
}

installTerminalOutput();
try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	const failure = error instanceof UserError ? error : storeFailure('the database', error);
	if (failure) {
		// Messages quote what was typed or read (a flag's value, a file's key): console writes through terminalText.
		// The prefix is added here only: a message never starts with "posvoid" itself, so it is never doubled.
		const [message = '', ...advice] = userErrorLines(failure, '');
		for (const line of [`posvoid: ${message.replace(/^posvoid:\s+/, '')}`, ...advice]) {
			console.error(line);
		}

		process.exitCode = failure instanceof CommandError ? failure.exitCode : 1;
	} else {
		console.error('posvoid: unexpected error, please report it with the lines below');
		console.error(error);
		process.exitCode = 1;
	}
}
