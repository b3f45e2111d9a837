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
