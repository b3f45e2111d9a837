/** Product time comes from the service context's clock (source/clock.ts), never straight from the wall clock. */
const wallClock = {
	selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
	message:
		'Read the time through the clock passed in (context.now, source/clock.ts, or testClock in tests); durations use performance.now().',
};

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
		files: ['source/i18n/zh-CN.ts'],
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
		// Screens draw text with source/ui/components/Text.tsx, which passes every string through the same sanitiser.
		files: ['source/ui/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [{name: 'ink', importNames: ['Text'], message: 'Import Text from source/ui/components/Text.tsx.'}],
				},
			],
		},
	},
	{
		// The two modules those rules point to.
		files: ['source/commands/terminal-output.ts', 'source/ui/components/Text.tsx'],
		rules: {
			'no-restricted-syntax': 'off',
			'no-restricted-imports': 'off',
		},
	},
];

export default xoConfig;
