import fs from 'node:fs';
import path from 'node:path';
import {singleLine} from './domain/display-text.js';
import {parseMoney, type Fen} from './domain/money.js';
import {findRepeatedKey} from './config-json.js';
import {
	above,
	decimal,
	flag,
	integer,
	isHostName,
	listOf,
	matching,
	oneOf,
	SectionReader,
	shownText,
	text,
	textWhere,
	type Rule,
} from './config-rules.js';
import {languages, type Language} from './i18n/language.js';
import {UserError} from './user-error.js';

/** A problem with the configuration that the person running the counter can fix: the message names the key. */
export class ConfigError extends UserError {
	override name = 'ConfigError';
}

/** A fee as hundredths of a percent (50 is 0.50 %), with an optional cap per transaction. */
export type FeeRule = {basisPoints: number; cap?: Fen};
export type FeeRules = {debit: FeeRule; credit: FeeRule; qr: FeeRule};

export type PrinterProfile = {
	host: string;
	port: number;
	columns: 32 | 48;
	encoding: 'gb18030' | 'cp437' | 'cp858';
	nativeQr: boolean;
	copies: number;
	cut: boolean;
	connectTimeoutMs: number;
	writeTimeoutMs: number;
	/** The check before a slip: DLE EOT, or none for a printer that never answers it. */
	status: 'dle-eot' | 'none';
	/** The proof after a slip: GS r 1, GS ( H, or none (the clerk says whether it came out). */
	confirmation: 'gs-r' | 'gs-h' | 'none';
};

export type Config = {
	database: string;
	merchant: {name: string; number: string};
	terminalId: string;
	currency: string;
	language?: Language;
	/** The counter's time zone: times are stored in UTC and shown and printed in this zone. */
	timeZone: string;
	voidWindowHours: number;
	supervisorLimit: Fen;
	passwordMinLength: number;
	lockout: {maxFailures: number; minutes: number};
	idleLockMinutes: number;
	fees: FeeRules;
	voidReasons: string[];
	printer: PrinterProfile;
};

const defaultVoidReasons = [
	'顾客取消 Customer cancelled',
	'金额错误 Wrong amount',
	'重复交易 Duplicate charge',
	'其他 Other',
];

const defaultFees: FeeRules = {debit: {basisPoints: 50, cap: 2500}, credit: {basisPoints: 60}, qr: {basisPoints: 38}};

/** Money written as text, such as "500.00", read into fen. */
const money: Rule<Fen> = value => {
	if (typeof value !== 'string') {
		return {ok: false, expected: 'an amount as text, such as "500.00"'};
	}

	const parsed = parseMoney(value);
	return parsed.ok ? {ok: true, value: parsed.fen} : {ok: false, expected: parsed.message};
};

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', {timeZone: value}).format(0);
		return true;
	} catch {
		return false;
	}
}

const feeRuleKeys = ['basisPoints', 'cap'] as const;

function readFeeRule(reader: SectionReader): FeeRule {
	const basisPoints = reader.require('basisPoints', integer(0, 10_000), 0);
	return reader.has('cap') ? {basisPoints, cap: reader.read('cap', money, 0)} : {basisPoints};
}

/** Fees given in the file replace the defaults whole: each channel must be there. */
function readFees(reader: SectionReader): FeeRules {
	const rule = (key: keyof FeeRules) =>
		reader.requiredSection(key, feeRuleKeys, readFeeRule, structuredClone(defaultFees[key]));
	return {debit: rule('debit'), credit: rule('credit'), qr: rule('qr')};
}

const printerKeys = [
	'host',
	'port',
	'columns',
	'encoding',
	'nativeQr',
	'copies',
	'cut',
	'connectTimeoutMs',
	'writeTimeoutMs',
	'status',
	'confirmation',
] as const;

function readPrinter(reader: SectionReader): PrinterProfile {
	return {
		host: reader.read('host', textWhere(isHostName, 'a host name or IP address such as 192.168.1.50'), '127.0.0.1'),
		port: reader.read('port', integer(1, 65_535), 9100),
		columns: reader.read('columns', oneOf([32, 48] as const), 32),
		encoding: reader.read('encoding', oneOf(['gb18030', 'cp437', 'cp858'] as const), 'gb18030'),
		nativeQr: reader.read('nativeQr', flag, true),
		copies: reader.read('copies', integer(1, 3), 2),
		cut: reader.read('cut', flag, true),
		connectTimeoutMs: reader.read('connectTimeoutMs', integer(100, 60_000), 3000),
		writeTimeoutMs: reader.read('writeTimeoutMs', integer(100, 120_000), 5000),
		status: reader.read('status', oneOf(['dle-eot', 'none'] as const), 'dle-eot'),
		confirmation: reader.read('confirmation', oneOf(['gs-r', 'gs-h', 'none'] as const), 'gs-r'),
	};
}

const topLevelKeys = [
	'database',
	'merchant',
	'terminalId',
	'currency',
	'language',
	'timeZone',
	'voidWindowHours',
	'supervisorLimit',
	'passwordMinLength',
	'lockout',
	'idleLockMinutes',
	'fees',
	'voidReasons',
	'printer',
] as const;

function readConfig(reader: SectionReader): Config {
	const config: Config = {
		database: reader.read('database', text(1, 4096), 'data/posvoid.db'),
		merchant: reader.has('merchant')
			? reader.section('merchant', ['name', 'number'], merchant => ({
					name: merchant.require('name', shownText(1, 40), ''),
					number: merchant.require('number', matching(/^\d{15}$/, 'a 15-digit merchant number'), ''),
				}))
			: {name: '示例便利店', number: '898440358120011'},
		terminalId: reader.read('terminalId', matching(/^\d{8}$/, 'an 8-digit terminal id'), '10293847'),
		currency: reader.read('currency', matching(/^[A-Z]{3}$/, 'a 3-letter ISO 4217 code such as CNY'), 'CNY'),
		...(reader.has('language') ? {language: reader.read('language', oneOf(languages), 'zh-CN')} : {}),
		timeZone: reader.read(
			'timeZone',
			textWhere(isTimeZone, 'an IANA time zone such as Asia/Shanghai'),
			'Asia/Shanghai',
		),
		voidWindowHours: reader.read('voidWindowHours', above(0, 24 * 30), 24),
		supervisorLimit: reader.read('supervisorLimit', money, 50_000),
		passwordMinLength: reader.read('passwordMinLength', integer(4, 128), 6),
		lockout: reader.section('lockout', ['maxFailures', 'minutes'], lockout => ({
			maxFailures: lockout.read('maxFailures', integer(1, 100), 5),
			minutes: lockout.read('minutes', integer(1, 24 * 60), 30),
		})),
		idleLockMinutes: reader.read('idleLockMinutes', decimal(1, 24 * 60), 15),
		fees: reader.has('fees')
			? reader.section('fees', ['debit', 'credit', 'qr'], readFees)
			: structuredClone(defaultFees),
		voidReasons: reader.read('voidReasons', listOf(shownText(1, 40), 1, 9, 'reasons of 1 to 40 characters'), [
			...defaultVoidReasons,
		]),
		printer: reader.section('printer', printerKeys, readPrinter),
	};
	return config;
}

export const defaultConfigPath = 'data/config.json';

/** The configuration with every default, for when no file exists. */
export function defaultConfig(): Config {
	return parseConfig({});
}

/** Keys that start with `//` are comments, so the example file can explain every key beside it. */
function withoutComments(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => withoutComments(item));
	}

	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([key]) => !key.startsWith('//'))
				.map(([key, item]) => [key, withoutComments(item)]),
		);
	}

	return value;
}

/** Validates a parsed JSON value; the error names each bad key and the form it expects. */
export function parseConfig(value: unknown, source = 'configuration'): Config {
	let plain: unknown;
	try {
		plain = withoutComments(value);
	} catch (error) {
		if (error instanceof RangeError) {
			throw new ConfigError(
				`${source} is nested too deeply to be a configuration. Start again from data/config.example.json.`,
			);
		}

		throw error;
	}

	const found: string[] = [];
	const config = readConfig(new SectionReader(plain, '', found, topLevelKeys));
	if (found.length === 0) {
		return config;
	}

	// Keys and messages quote what the file holds: no control character in it may reach the terminal.
	const problems = found.map(problem => `  ${singleLine(problem)}`);
	throw new ConfigError(
		`${source} has ${problems.length === 1 ? 'a bad key' : 'bad keys'}:\n${problems.join('\n')}\nSee data/config.example.json for every key and its form.`,
	);
}

/**
 * Loads the configuration file. A missing default file means the defaults; a missing file that was
 * named explicitly, unreadable JSON or a bad key is a ConfigError.
 */
export function loadConfig(file: string | undefined): Config {
	const configPath = file ?? defaultConfigPath;
	let text: string;
	try {
		text = fs.readFileSync(configPath, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' && file === undefined) {
			return defaultConfig();
		}

		throw new ConfigError(
			`cannot read the configuration ${path.resolve(configPath)}: ${(error as Error).message}. Copy data/config.example.json there or pass --config PATH.`,
		);
	}

	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new ConfigError(
			`the configuration ${configPath} is not valid JSON (${singleLine((error as Error).message)}). Fix it or start again from data/config.example.json.`,
		);
	}

	const repeated = findRepeatedKey(text);
	if (repeated !== undefined) {
		throw new ConfigError(
			`the configuration ${configPath} gives the key ${singleLine(repeated)} more than once: keep one of them (only the last would count)`,
		);
	}

	return parseConfig(json, configPath);
}
