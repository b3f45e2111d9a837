import fs from 'node:fs';
import path from 'node:path';
import {z} from 'zod';
import {singleLine} from './domain/display-text.js';
import {parseMoney} from './domain/money.js';
import {UserError} from './user-error.js';

/** A problem with the configuration that the person running the counter can fix: the message names the key. */
export class ConfigError extends UserError {
	override name = 'ConfigError';
}

const moneyText = z.string().transform((text, context) => {
	const parsed = parseMoney(text);
	if (!parsed.ok) {
		context.addIssue({code: 'custom', message: `${parsed.message}`});
		return z.NEVER;
	}

	return parsed.fen;
});

const feeRule = z.strictObject({
	/** Hundredths of a percent: 50 is 0.50 %. */
	basisPoints: z.number().int().min(0).max(10_000),
	/** The largest fee for one transaction, as money text; absent means uncapped. */
	cap: moneyText.optional(),
});

const languageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof languageSchema>;

const printerSchema = z.strictObject({
	host: z.string().min(1).default('127.0.0.1'),
	port: z.number().int().min(1).max(65_535).default(9100),
	columns: z.union([z.literal(32), z.literal(48)]).default(32),
	encoding: z.enum(['gb18030', 'cp437', 'cp858']).default('gb18030'),
	nativeQr: z.boolean().default(true),
	copies: z.number().int().min(1).max(3).default(2),
	cut: z.boolean().default(true),
	connectTimeoutMs: z.number().int().min(100).max(60_000).default(3000),
	writeTimeoutMs: z.number().int().min(100).max(120_000).default(5000),
});

const defaultVoidReasons = [
	'顾客取消 Customer cancelled',
	'金额错误 Wrong amount',
	'重复交易 Duplicate charge',
	'其他 Other',
];

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', {timeZone: value}).format(0);
		return true;
	} catch {
		return false;
	}
}

export const configSchema = z.strictObject({
	database: z.string().min(1).default('data/posvoid.db'),
	merchant: z
		.strictObject({
			name: z.string().min(1).max(40),
			number: z.string().regex(/^\d{15}$/, 'a 15-digit merchant number'),
		})
		.prefault({name: '示例便利店', number: '898440358120011'}),
	terminalId: z
		.string()
		.regex(/^\d{8}$/, 'an 8-digit terminal id')
		.default('10293847'),
	currency: z
		.string()
		.regex(/^[A-Z]{3}$/, 'a 3-letter ISO 4217 code such as CNY')
		.default('CNY'),
	language: languageSchema.optional(),
	/** The counter's time zone: times are stored in UTC and shown and printed in this zone. */
	timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
	voidWindowHours: z
		.number()
		.min(0)
		.max(24 * 30)
		.default(24),
	supervisorLimit: moneyText.prefault('500.00'),
	passwordMinLength: z.number().int().min(4).max(128).default(6),
	lockout: z
		.strictObject({
			maxFailures: z.number().int().min(1).max(100).default(5),
			minutes: z
				.number()
				.int()
				.min(1)
				.max(24 * 60)
				.default(30),
		})
		.prefault({}),
	idleLockMinutes: z
		.number()
		.min(1)
		.max(24 * 60)
		.default(15),
	fees: z
		.strictObject({
			debit: feeRule,
			credit: feeRule,
			qr: feeRule,
		})
		.prefault({debit: {basisPoints: 50, cap: '25.00'}, credit: {basisPoints: 60}, qr: {basisPoints: 38}}),
	voidReasons: z.array(z.string().min(1).max(40)).min(1).max(9).default(defaultVoidReasons),
	printer: printerSchema.prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type PrinterProfile = Config['printer'];
export type FeeRules = Config['fees'];
export type FeeRule = FeeRules['debit'];

export const defaultConfigPath = 'data/config.json';

/** The configuration with every default, for when no file exists. */
export function defaultConfig(): Config {
	return configSchema.parse({});
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
	const result = configSchema.safeParse(withoutComments(value));
	if (result.success) {
		return result.data;
	}

	// Keys and messages quote what the file holds: no control character in it may reach the terminal.
	const problems = result.error.issues.map(issue => {
		const key = issue.path.length > 0 ? singleLine(issue.path.join('.')) : '(top level)';
		return `  ${key}: ${singleLine(issue.message)}`;
	});
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

	return parseConfig(json, configPath);
}

export type Fees = {debit: FeeRule; credit: FeeRule; qr: FeeRule};

export {type Fen} from './domain/money.js';
