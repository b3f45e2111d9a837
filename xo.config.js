/** Product time comes from the service context's clock (source/clock.ts), never straight from the wall clock. */
const wallClock = {
	selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
	message:
		'Read the time through the clock passed in (context.now, source/clock.ts, or testClock in tests); durations use performance.now().',
};

/*
 * The layers of DESIGN.md ("Layers"), enforced: ui → services → (store, printing, domain); store and printing →
 * domain; nothing imports ui. Where the other top-level modules of source/ sit:
 *
 *   cli.tsx      the entry: starts commands, maps the store's open errors. Not ui, not services.
 *   commands/    the entry layer beside ui: services, printing (the printer command runs the emulator), domain,
 *                i18n, config, clock. The store only to open it (store/store.js, store/database.js: the
 *                composition root), never a table module; ui only as ui/App.js, which the console commands render.
 *   ui/          services, domain, i18n, config's types. Never store, printing, payments, commands, clock (the time comes
 *                through the service context), better-sqlite3, node:sqlite or node:net.
 *   services/    store, printing, domain, config, clock. Never ui, commands, i18n (services return kinds, not
 *                text), ink or react.
 *   store/       domain only. printing/: domain, config (the printer profile's type), clock (the emulator).
 *   payments/    domain only (its settings types mirror config-payments.ts); node:http/https, never node:net.
 *   i18n/        the text: domain only; imported by ui, commands and config (the language list).
 *   config*.ts   domain and i18n/language.ts. domain/: nothing outside domain/, and no I/O.
 *   clock.ts, user-error.ts: below everything but domain (no clock reads there); they import only user-error.ts.
 *
 * Folder names are unique in source/, so a pattern on the relative path says which module an import reaches.
 * test/lint/layer-rules.test.ts proves them.
 */
const reach = target => String.raw`^\.\.?/(?:\.\./)*` + target;
const modules = {
	cli: reach(String.raw`cli\.js$`),
	commands: reach('commands/'),
	ui: reach('ui/'),
	services: reach('services/'),
	store: reach('store/'),
	printing: reach('printing/'),
	payments: reach('payments/'),
	i18n: reach('i18n/'),
	config: reach(String.raw`config(?:-json|-rules|-payments)?\.js$`),
	clock: reach(String.raw`clock\.js$`),
	// The console commands open the store and render the console; nothing else of either.
	storeBeyondOpening: reach(String.raw`store/(?!(?:store|database)\.js$)`),
	uiBeyondApp: reach(String.raw`ui/(?!App\.js$)`),
};
const packages = {
	inkAndReact: {regex: String.raw`^(?:ink|react)(?:-[a-z-]+)?(?:/|$)`, message: 'Only ui/ and commands/ draw.'},
	database: {regex: String.raw`^(?:better-sqlite3|node:sqlite)$`, message: 'SQL lives in store/ only.'},
	network: {regex: String.raw`^(?:node:)?net$`, message: 'Sockets live in printing/ only.'},
	io: {
		regex: String.raw`^(?:node:)?(?:fs|fs/promises|net|http|https|child_process|process|os|worker_threads|sqlite)$`,
		message: 'domain/ is pure: no I/O.',
	},
};

/** One layer's forbidden imports; `allow` drops names from `forbid` for a temporary exception. */
function layer(name, files, {forbid, forbidPackages = [], paths = [], allow = []}) {
	const patterns = forbid
		.filter(target => !allow.includes(target))
		.map(target => ({
			regex: modules[target],
			message: `${name} does not import ${target.replace(/[A-Z].*/, '')} (the layers in xo.config.js, DESIGN.md).`,
		}));
	return {
		files,
		rules: {
			'no-restricted-imports': ['error', {paths, patterns: [...patterns, ...forbidPackages.map(key => packages[key])]}],
		},
	};
}

const ui = {
	forbid: ['cli', 'commands', 'store', 'printing', 'payments', 'clock'],
	forbidPackages: ['database', 'network'],
};
const inkText = {name: 'ink', importNames: ['Text'], message: 'Import Text from source/ui/components/Text.tsx.'};
const services = {forbid: ['cli', 'commands', 'ui', 'i18n'], forbidPackages: ['inkAndReact']};
const printing = {
	forbid: ['cli', 'commands', 'ui', 'services', 'store', 'payments', 'i18n'],
	forbidPackages: ['inkAndReact', 'database'],
};

const layerRules = [
	layer('cli.tsx', ['source/cli.tsx'], {forbid: ['ui', 'services']}),
	layer('commands/', ['source/commands/**'], {forbid: ['cli', 'storeBeyondOpening', 'uiBeyondApp']}),
	// Screens draw text with source/ui/components/Text.tsx, which passes every string through the same sanitiser.
	layer('ui/', ['source/ui/**'], {...ui, paths: [inkText]}),
	layer('ui/', ['source/ui/components/Text.tsx'], ui),
	layer('services/', ['source/services/**'], services),
	layer('store/', ['source/store/**'], {
		forbid: ['cli', 'commands', 'ui', 'services', 'printing', 'payments', 'i18n', 'config', 'clock'],
		forbidPackages: ['inkAndReact', 'network'],
	}),
	layer('printing/', ['source/printing/**'], printing),
	// Bill readers: what platforms' files say, as rows; they import domain/ and npm packages only.
	layer('bills/', ['source/bills/**'], {
		forbid: ['cli', 'commands', 'ui', 'services', 'store', 'printing', 'payments', 'i18n', 'config', 'clock'],
		forbidPackages: ['inkAndReact', 'database', 'network'],
	}),
	layer('payments/', ['source/payments/**'], {
		forbid: ['cli', 'commands', 'ui', 'services', 'store', 'printing', 'i18n', 'config', 'clock'],
		forbidPackages: ['inkAndReact', 'database', 'network'],
	}),
	layer('i18n/', ['source/i18n/**'], {
		forbid: ['cli', 'commands', 'ui', 'services', 'store', 'printing', 'config', 'clock'],
		forbidPackages: ['inkAndReact', 'database', 'network'],
	}),
	layer('config', ['source/config*.ts'], {
		forbid: ['cli', 'commands', 'ui', 'services', 'store', 'printing', 'clock'],
		forbidPackages: ['inkAndReact', 'database', 'network'],
	}),
	layer('clock.ts and user-error.ts', ['source/clock.ts', 'source/user-error.ts'], {
		forbid: ['cli', 'commands', 'ui', 'services', 'store', 'printing', 'i18n', 'config'],
		forbidPackages: ['inkAndReact', 'database', 'network'],
	}),
	{
		files: ['source/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{regex: String.raw`^\.\./`, message: 'domain/ imports nothing outside domain/ (DESIGN.md).'},
						packages.io,
						packages.database,
						packages.inkAndReact,
					],
				},
			],
		},
	},
	// The sign-in refusal text is worded from the auth service's answer type (a type import only); its
	// kinds belong in domain/ beside the refusal codes, and this exception goes with that move.
	layer('i18n/', ['source/i18n/auth-text.ts'], {
		forbid: ['cli', 'commands', 'ui', 'store', 'printing', 'config', 'clock'],
		forbidPackages: ['inkAndReact', 'database', 'network'],
	}),
];

/** @type {import('xo').FlatXoConfig} */
const xoConfig = [
	{
		ignores: ['dist/**', 'data/**'],
	},
	{
		prettier: true,
		react: true,
		rules: {
			// Ink screens are files named after their component
			'unicorn/filename-case': ['error', {cases: {kebabCase: true, pascalCase: true}}],
			// SQL text uses single-quoted literals; template strings hold multi-line SQL
			'@typescript-eslint/naming-convention': 'off',
			'no-await-in-loop': 'off',
			'unicorn/prevent-abbreviations': 'off',
			'unicorn/no-process-exit': 'off',
			'n/prefer-global/process': 'off',
			'n/prefer-global/buffer': 'off',
			'@typescript-eslint/no-unsafe-type-assertion': 'off',
			// The automatic JSX runtime (tsconfig jsx: react-jsx) needs no React in scope
			'react/react-in-jsx-scope': 'off',
			'react/jsx-uses-react': 'off',
			// The v flag buys nothing for the ASCII patterns here and makes `-` in a class an error
			'require-unicode-regexp': 'off',
			// Tests pass a child's stderr as the assertion message, to show why a command failed
			'ava/assertion-arguments': 'off',
		},
	},
	{
		// SQLite hands back NULL; the store maps it to undefined at its edge and binds null going in.
		files: ['source/store/**'],
		rules: {
			'@typescript-eslint/no-restricted-types': 'off',
		},
	},
	{
		// Everything a command prints goes through source/commands/terminal-output.ts, which strips control bytes.
		files: ['source/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.property.name='write'][callee.object.property.name=/^std(out|err)$/]",
					message: 'Write to the terminal with writeText from source/commands/terminal-output.ts.',
				},
				{
					selector: "CallExpression[callee.property.name='write'][callee.object.name=/^(stdout|stderr|stream)$/]",
					message: 'Write to the terminal with writeText from source/commands/terminal-output.ts.',
				},
				wallClock,
			],
		},
	},
	{
		// Tests own their clock (test/helpers/test-clock.ts): a test or a process it starts that read the wall
		// clock would depend on the date of the run. Durations use performance.now().
		files: ['test/**'],
		rules: {
			'no-restricted-syntax': ['error', wallClock],
		},
	},
	{
		// A catalogue is named after the language tag it holds (BCP 47 keeps the region upper case).
		files: ['source/i18n/zh-CN.ts', 'source/i18n/zh-CN-commands.ts'],
		rules: {
			'unicorn/filename-case': 'off',
		},
	},
	{
		// The one place the wall clock is read.
		files: ['source/clock.ts'],
		rules: {
			'no-restricted-syntax': 'off',
		},
	},
	{
		// The two modules those rules point to.
		files: ['source/commands/terminal-output.ts', 'source/ui/components/Text.tsx'],
		rules: {
			'no-restricted-syntax': 'off',
		},
	},
	...layerRules,
];

export default xoConfig;
