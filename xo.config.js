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
];

export default xoConfig;
