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
		},
	},
];

export default xoConfig;
