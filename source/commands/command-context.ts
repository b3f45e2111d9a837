import {parseArgs, type ParseArgsConfig} from 'node:util';
import {isHostName} from '../config-rules.js';
import {loadConfig, type Config} from '../config.js';
import {isOperatorNo, operatorNoProblem} from '../domain/operator-number.js';
import {pickLanguage, type Language} from '../i18n/language.js';
import {createServiceContext, type ServiceContext} from '../services/service-context.js';
import type {OpenOptions} from '../store/database.js';
import {openStore} from '../store/store.js';
import {CommandError} from './command-errors.js';

/** Flags every command takes. */
export const commonOptions = {
	db: {type: 'string'},
	config: {type: 'string'},
	printer: {type: 'string'},
	lang: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
} as const satisfies ParseArgsConfig['options'];

export type CommonFlags = {db?: string; config?: string; printer?: string; lang?: string};

/** Parses a command's arguments; an unknown flag or a missing value is a CommandError that names it. */
export function parseCommand<T extends NonNullable<ParseArgsConfig['options']>>(
	argv: string[],
	options: T,
	allowPositionals = true,
) {
	let parsed;
	try {
		parsed = parseArgs({args: argv, options: {...commonOptions, ...options}, allowPositionals, strict: true});
	} catch (error) {
		throw new CommandError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}. See \`posvoid --help\``);
	}

	// An operator number given on the command line is checked before anything stores, audits or prompts with it.
	for (const flag of operatorFlags) {
		const value: unknown = (parsed.values as Record<string, unknown>)[flag];
		if (typeof value === 'string' && !isOperatorNo(value)) {
			throw new CommandError(operatorNoProblem(value, `--${flag}`));
		}
	}

	return parsed;
}

/** The flags that name an operator. */
const operatorFlags = ['operator', 'supervisor'] as const;

/** `HOST[:PORT]`, as `--printer` takes it. */
export function parsePrinterAddress(text: string): {host: string; port?: number} {
	const match = /^(?<host>\[[^\]]+]|[^:]+)(?::(?<port>\d{1,5}))?$/.exec(text.trim());
	const port = match?.groups?.['port'] === undefined ? undefined : Number(match.groups['port']);
	const host = match?.groups?.['host']?.replaceAll(/^\[|]$/g, '');
	if (!host || !isHostName(host) || (port !== undefined && (port < 1 || port > 65_535))) {
		throw new CommandError(`--printer ${text} is not HOST or HOST:PORT, such as 192.168.1.50:9100`);
	}

	return {host, port};
}

/** The configuration with the command line's overrides applied. */
export function resolveConfig(flags: CommonFlags): Config {
	const config = loadConfig(flags.config);
	const resolved: Config = {...config, printer: {...config.printer}};
	if (flags.db !== undefined) {
		resolved.database = flags.db;
	}

	if (flags.printer !== undefined) {
		const address = parsePrinterAddress(flags.printer);
		resolved.printer.host = address.host;
		resolved.printer.port = address.port ?? 9100;
	}

	return resolved;
}

export type CommandContext = ServiceContext & {language: Language; close: () => void};

/** Loads the configuration, opens the store and builds the services' context. */
export function openCommandContext(
	flags: CommonFlags,
	options: {create?: boolean; integrity?: OpenOptions['integrity']} = {},
): CommandContext {
	const config = resolveConfig(flags);
	const language = pickLanguage(flags.lang, config.language, process.env);
	const store = openStore(config.database, {
		create: options.create ?? false,
		integrity: options.integrity ?? 'background',
	});
	const context = createServiceContext(store, config);
	return {
		...context,
		language,
		close() {
			store.close();
		},
	};
}
