import {parseArgs, type ParseArgsConfig} from 'node:util';
import {isHostName} from '../config-rules.js';
import {loadConfig, type Config} from '../config.js';
import {isOperatorNo, operatorNoProblem} from '../domain/operator-number.js';
import {messagesFor} from '../i18n/catalogue.js';
import {LanguageError, pickLanguage, type Language} from '../i18n/language.js';
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

/**
 * The language of a command's first words, before its flags are parsed or its configuration read:
 * `--lang` as typed, else the locale. A bad `--lang` is reported by the parse itself.
 */
export function languageOfArguments(argv: readonly string[]): Language {
	const index = argv.findIndex(argument => argument === '--lang' || argument.startsWith('--lang='));
	const flag = index === -1 ? undefined : (argv[index]!.split('=')[1] ?? argv[index + 1]);
	try {
		return pickLanguage(flag, undefined, process.env);
	} catch (error) {
		if (error instanceof LanguageError) {
			return pickLanguage(undefined, undefined, process.env);
		}

		throw error;
	}
}

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

/** `--rows -5`: a negative number after a flag that takes a value is that value, for the command to judge, not a flag. */
function joinDashValues(argv: string[], options: ParseOptions): string[] {
	const joined: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		const next = argv[index + 1];
		const option = argument.startsWith('--') ? options[argument.slice(2)] : undefined;
		if (option?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
			joined.push(`${argument}=${next}`);
			index++;
		} else {
			joined.push(argument);
		}
	}

	return joined;
}

/** Node's parser's complaint, as a sentence in the command's language that names the flag. */
function parseProblem(error: Error & {code?: string}, argv: readonly string[]): string {
	const {usage} = messagesFor(languageOfArguments(argv)).commands;
	const quoted = /'(?<flag>-[^' ]+)/.exec(error.message)?.groups?.['flag'] ?? '';
	switch (error.code ?? '') {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
			return usage.unknownFlag(quoted);
		}

		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
			return usage.unexpectedArgument(/'(?<argument>[^']*)'/.exec(error.message)?.groups?.['argument'] ?? '');
		}

		default: {
			return error.message.includes('does not take an argument')
				? usage.flagTakesNoValue(quoted)
				: usage.flagNeedsValue(quoted);
		}
	}
}

/** Parses a command's arguments; an unknown flag or a missing value is a CommandError that names it. */
export function parseCommand<T extends ParseOptions>(argv: string[], options: T, allowPositionals = true) {
	const allOptions = {...commonOptions, ...options};
	let parsed;
	try {
		parsed = parseArgs({args: joinDashValues(argv, allOptions), options: allOptions, allowPositionals, strict: true});
	} catch (error) {
		if ((error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS') !== true) {
			throw error;
		}

		throw new CommandError(parseProblem(error as Error, argv));
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
