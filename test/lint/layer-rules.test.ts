import path from 'node:path';
import {pathToFileURL} from 'node:url';
import test from 'ava';
// ESLint is xo's own engine (xo 2 is ESLint 9), installed with it; the project depends on xo.
// eslint-disable-next-line import-x/no-extraneous-dependencies, n/no-extraneous-import
import {ESLint} from 'eslint';
import XO from 'xo';
import {repoRoot} from '../helpers/child-process.js';

// The project's own xo.config.js, turned into ESLint's flat config the way xo does it; only the import rule
// runs, without type information, so one instance answers every case in about a second.
const {default: xoConfig} = (await import(pathToFileURL(path.join(repoRoot, 'xo.config.js')).href)) as {
	default: Parameters<typeof XO.xoToEslintConfig>[0];
};
const eslint = new ESLint({
	cwd: repoRoot,
	overrideConfigFile: true,
	overrideConfig: [
		...XO.xoToEslintConfig(xoConfig),
		{files: ['**/*.ts', '**/*.tsx'], languageOptions: {parserOptions: {projectService: false, project: null}}},
	],
	ruleFilter: ({ruleId}) => ruleId === 'no-restricted-imports',
});

async function importProblems(file: string, specifier: string): Promise<string[]> {
	const [result] = await eslint.lintText(`import {imported} from '${specifier}';\nexport const used = imported;\n`, {
		filePath: path.join(repoRoot, file),
	});
	return result?.messages.map(message => `${message.ruleId ?? 'parse'}: ${message.message}`) ?? ['no result'];
}

const refused: Array<[file: string, specifier: string, reason: RegExp]> = [
	['source/ui/x.tsx', '../store/database.js', /ui\/ does not import store/],
	['source/ui/screens/x.tsx', '../../store/transactions-store.js', /ui\/ does not import store/],
	['source/ui/hooks/x.ts', '../../printing/printer-transport.js', /ui\/ does not import printing/],
	['source/ui/x.tsx', 'node:net', /Sockets live in printing/],
	['source/ui/x.tsx', 'better-sqlite3', /SQL lives in store/],
	['source/services/x.ts', 'ink', /Only ui\/ and commands\/ draw/],
	['source/services/x.ts', 'react', /Only ui\/ and commands\/ draw/],
	['source/services/x.ts', '../ui/App.js', /services\/ does not import ui/],
	['source/services/x.ts', '../i18n/catalogue.js', /services\/ does not import i18n/],
	['source/store/x.ts', '../services/void-service.js', /store\/ does not import services/],
	['source/printing/x.ts', '../store/store.js', /printing\/ does not import store/],
	['source/printing/emulator/x.ts', '../../ui/App.js', /printing\/ does not import ui/],
	['source/domain/x.ts', '../clock.js', /domain\/ imports nothing outside/],
	['source/domain/x.ts', 'node:fs', /no I\/O/],
	['source/i18n/x.ts', '../services/void-service.js', /i18n\/ does not import services/],
	['source/commands/x.ts', '../store/transactions-store.js', /commands\/ does not import store/],
	['source/commands/x.ts', '../ui/screens/ListScreen.js', /commands\/ does not import ui/],
	['source/config.ts', './store/store.js', /config does not import store/],
	['source/payments/x.ts', '../store/store.js', /payments\/ does not import store/],
	['source/payments/simulator/x.ts', '../../config.js', /payments\/ does not import config/],
	['source/payments/x.ts', 'node:net', /Sockets live in printing/],
	['source/ui/x.tsx', '../payments/open-adapter.js', /ui\/ does not import payments/],
];

for (const [file, specifier, reason] of refused) {
	test(`lint refuses ${specifier} in ${file}`, async t => {
		const problems = await importProblems(file, specifier);
		t.is(problems.length, 1, problems.join('\n'));
		t.regex(problems[0] ?? '', reason);
		t.regex(problems[0] ?? '', /^no-restricted-imports: /);
	});
}

const allowed: Array<[file: string, specifier: string]> = [
	['source/ui/screens/x.tsx', '../../services/void-service.js'],
	['source/ui/screens/x.tsx', '../../domain/money.js'],
	['source/ui/x.tsx', 'ink'],
	['source/services/x.ts', '../store/store.js'],
	['source/services/x.ts', '../printing/printer-transport.js'],
	['source/printing/x.ts', '../domain/money.js'],
	['source/commands/x.ts', '../store/store.js'],
	['source/commands/x.tsx', '../ui/App.js'],
	['source/commands/x.ts', '../services/void-service.js'],
];

for (const [file, specifier] of allowed) {
	test(`lint allows ${specifier} in ${file}`, async t => {
		t.deepEqual(await importProblems(file, specifier), []);
	});
}
