import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {ConfigError, defaultConfig, loadConfig, parseConfig} from '../source/config.js';
import {repoRoot} from './helpers/child-process.js';
import {tempDirectory} from './helpers/fixture.js';

test('the example configuration is valid and holds exactly the defaults', t => {
	const example = loadConfig(path.join(repoRoot, 'data/config.example.json'));
	t.deepEqual(example, {...defaultConfig(), language: 'zh-CN'});
});

test('the example documents every key of the configuration', t => {
	const text = fs.readFileSync(path.join(repoRoot, 'data/config.example.json'), 'utf8');
	for (const key of Object.keys(defaultConfig())) {
		t.true(text.includes(`"//${key}"`), key);
	}
});

test('a bad key is named with the form it expects', t => {
	const error = t.throws(() => parseConfig({terminalId: '12', printer: {copies: 5}}), {instanceOf: ConfigError});
	t.regex(error.message, /terminalId: an 8-digit terminal id/);
	t.regex(error.message, /printer\.copies/);
});

test('every bad key of a file is named at once, each with its form', t => {
	const error = t.throws(
		() =>
			parseConfig({
				supervisorLimit: 500,
				voidReasons: [],
				language: 'fr',
				printer: {columns: 400, encoding: 'utf8', nativeQr: 'yes'},
				lockout: 'strict',
			}),
		{instanceOf: ConfigError},
	);
	t.is(
		error.message,
		[
			'configuration has bad keys:',
			'  language: one of "zh-CN", "en"',
			'  supervisorLimit: an amount as text, such as "500.00"',
			'  lockout: an object of keys, such as {}',
			'  voidReasons: a list of 1 to 9 reasons of 1 to 40 characters',
			'  printer.columns: a whole number from 16 to 96',
			'  printer.encoding: one of "gb18030", "gbk", "gb2312", "cp437", "cp850", "cp1252", "cp866", "cp852", "cp858"',
			'  printer.nativeQr: true or false',
			'See data/config.example.json for every key and its form.',
		].join('\n'),
	);
});

test('a section given in the file must be whole where it has no defaults: merchant and fees', t => {
	const merchant = t.throws(() => parseConfig({merchant: {name: 'Corner shop'}}), {instanceOf: ConfigError});
	t.regex(merchant.message, /merchant\.number: required/);
	const fees = t.throws(() => parseConfig({fees: {debit: {basisPoints: 50}}}), {instanceOf: ConfigError});
	t.regex(fees.message, /fees\.credit: required\n {2}fees\.qr: required/);
	const cap = t.throws(
		() =>
			parseConfig({fees: {debit: {basisPoints: 50, cap: '1,00'}, credit: {basisPoints: 60}, qr: {basisPoints: 38}}}),
		{instanceOf: ConfigError},
	);
	t.regex(cap.message, /fees\.debit\.cap: amount "1,00" is not a number/);
});

test('money keys are read into fen; an uncapped fee has no cap', t => {
	const config = parseConfig({
		supervisorLimit: '800',
		fees: {debit: {basisPoints: 50, cap: '20.00'}, credit: {basisPoints: 60}, qr: {basisPoints: 38}},
	});
	t.is(config.supervisorLimit, 80_000);
	t.deepEqual(config.fees.debit, {basisPoints: 50, cap: 2000});
	t.false('cap' in config.fees.credit);
});

test('a section that is not an object is named once, without a line for each of its keys', t => {
	const error = t.throws(() => parseConfig({merchant: 'Corner shop', fees: 3}), {instanceOf: ConfigError});
	t.is(
		error.message,
		[
			'configuration has bad keys:',
			'  merchant: an object of keys, such as {}',
			'  fees: an object of keys, such as {}',
			'See data/config.example.json for every key and its form.',
		].join('\n'),
	);
});

test('JSON nested too deeply is a configuration error, not a crash', t => {
	const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
	t.throws(() => parseConfig({voidReasons: deep}), {instanceOf: ConfigError, message: /nested too deeply/});
});

test('each configuration gets its own copy of the default fees', t => {
	const first = defaultConfig();
	first.fees.debit.basisPoints = 99;
	t.is(defaultConfig().fees.debit.basisPoints, 50);
});

test('a file that is not an object of keys is named as such', t => {
	for (const value of [[], null, 'posvoid', 12]) {
		const error = t.throws(() => parseConfig(value), {instanceOf: ConfigError});
		t.regex(error.message, /\(top level\): an object of keys/);
	}
});

test('an unknown key is refused rather than ignored', t => {
	const error = t.throws(() => parseConfig({printr: {}}), {instanceOf: ConfigError});
	t.regex(error.message, /printr/);
});

test('a missing default file means the defaults, a missing named file is an error', t => {
	const directory = tempDirectory();
	t.throws(() => loadConfig(path.join(directory, 'absent.json')), {
		instanceOf: ConfigError,
		message: /cannot read the configuration/,
	});
	const cwd = process.cwd();
	process.chdir(directory);
	try {
		t.deepEqual(loadConfig(undefined), defaultConfig());
	} finally {
		process.chdir(cwd);
	}
});

test('a UTF-8 byte order mark at the start of the file is accepted', t => {
	const file = path.join(tempDirectory(), 'config.json');
	fs.writeFileSync(file, '\uFEFF{"voidWindowHours": 12}');
	t.is(loadConfig(file).voidWindowHours, 12);
});

test('a key given twice in one object of the file is refused with the key named, not the last one silently kept', t => {
	const folder = tempDirectory();
	const cases: Array<[string, RegExp]> = [
		['{"voidWindowHours": 24, "voidWindowHours": 2}', /gives the key voidWindowHours more than once/],
		['{"printer": {"port": 9100, "host": "127.0.0.1", "port": 9101}}', /gives the key printer\.port more than once/],
		[
			'{"voidReasons": ["a"], "lockout": {"minutes": 5}, "fees": {"debit": {"basisPoints": 1, "basisPoints": 2}}}',
			/fees\.debit\.basisPoints/,
		],
		[String.raw`{"a\u0062": 1, "ab": 2}`, /gives the key ab more than once/],
	];
	for (const [text, message] of cases) {
		const file = path.join(folder, 'config.json');
		fs.writeFileSync(file, text);
		const error = t.throws(() => loadConfig(file), {instanceOf: ConfigError});
		t.regex(error.message, message, text);
	}
});

test('equal keys in different objects, repeated comment keys and "}" inside strings are not repeats', t => {
	const file = path.join(tempDirectory(), 'config.json');
	fs.writeFileSync(
		file,
		String.raw`{"//": "one", "//": "two", "merchant": {"name": "a\"}{,name", "number": "898440358120011"}, "printer": {"host": "127.0.0.1"}, "voidReasons": ["name", "name"]}`,
	);
	t.is(loadConfig(file).merchant.name, 'a"}{,name');
});

test('voidWindowHours 0 is refused with the allowed range: it would make every void impossible', t => {
	const error = t.throws(() => parseConfig({voidWindowHours: 0}), {instanceOf: ConfigError});
	t.regex(error.message, /voidWindowHours: a number above 0, up to 720/);
	t.is(parseConfig({voidWindowHours: 0.5}).voidWindowHours, 0.5);
});
