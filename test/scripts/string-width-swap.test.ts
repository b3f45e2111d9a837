import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import test from 'ava';
import {build, type BuildFailure, type Plugin} from 'esbuild';
import {repoRoot} from '../helpers/child-process.js';
import {tempDirectory} from '../helpers/fixture.js';

type SwapModule = {
	replacedMajor: number;
	swapDecision(version: string, importer: string): {swap: boolean; error?: string};
	stringWidthSwap(options: {replacement: string; exempt: string[]}): Plugin;
};

// The build script is plain JavaScript run by node; it is loaded here by URL, as the build loads it.
const swap = (await import(pathToFileURL(path.join(repoRoot, 'scripts/string-width-swap.js')).href)) as SwapModule;

const inkOutput = '/counter/node_modules/ink/build/output.js';

test('Ink’s string-width of the replaced major is swapped', t => {
	t.deepEqual(swap.swapDecision(`${swap.replacedMajor}.3.0`, inkOutput), {swap: true});
});

test('another package’s string-width of another major stays the real one, without an error', t => {
	t.deepEqual(swap.swapDecision('7.2.0', '/counter/node_modules/wrap-ansi/index.js'), {swap: false});
});

test('Ink’s string-width of another major is an error that says what changed and what to do', t => {
	const {swap: swapped, error} = swap.swapDecision('9.0.0', inkOutput);
	t.false(swapped);
	t.regex(error ?? '', /Ink now imports string-width 9\.0\.0/);
	t.regex(error ?? '', /written for string-width 8/);
	t.regex(error ?? '', /update `replacedMajor` in scripts\/string-width-swap\.js/);
});

/** A project with a fake Ink whose output module imports string-width, or not, and a fake string-width. */
function fakeProject(stringWidthVersion: string, inkImportsStringWidth = true): string {
	const root = tempDirectory('posvoid-swap-');
	const write = (file: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
		fs.writeFileSync(path.join(root, file), text);
	};

	write(
		'node_modules/string-width/package.json',
		JSON.stringify({name: 'string-width', version: stringWidthVersion, main: 'index.js'}),
	);
	write(
		'node_modules/string-width/index.js',
		'export default function realStringWidth(text) { return text.length; }\n',
	);
	write('node_modules/ink/package.json', JSON.stringify({name: 'ink', version: '6.8.0', main: 'build/output.js'}));
	write(
		'node_modules/ink/build/output.js',
		inkImportsStringWidth
			? "import stringWidth from 'string-width';\nexport const measure = stringWidth;\n"
			: 'export const measure = text => text.length;\n',
	);
	write('replacement.js', 'export default function replacementStringWidth(text) { return text.length; }\n');
	write('entry.js', "import {measure} from 'ink';\nconsole.log(measure('posvoid'));\n");
	return root;
}

async function bundle(root: string) {
	return build({
		entryPoints: [path.join(root, 'entry.js')],
		absWorkingDir: root,
		bundle: true,
		write: false,
		platform: 'node',
		format: 'esm',
		logLevel: 'silent',
		plugins: [swap.stringWidthSwap({replacement: path.join(root, 'replacement.js'), exempt: []})],
	});
}

test('the build bundles the replacement where Ink imports string-width 8', async t => {
	const result = await bundle(fakeProject('8.3.0'));
	const output = result.outputFiles[0]?.text ?? '';
	t.true(output.includes('replacementStringWidth'));
	t.false(output.includes('realStringWidth'));
});

test('the build fails, saying why, when Ink imports another string-width', async t => {
	const failure = await t.throwsAsync<BuildFailure>(bundle(fakeProject('9.0.0')));
	t.is(failure?.errors.length, 1);
	t.regex(failure?.errors[0]?.text ?? '', /Ink now imports string-width 9\.0\.0.*scripts\/string-width-swap\.js/s);
});

test('the build fails when Ink no longer imports string-width, so the swap would apply to nothing', async t => {
	const failure = await t.throwsAsync<BuildFailure>(bundle(fakeProject('8.3.0', false)));
	t.regex(failure?.errors[0]?.text ?? '', /none of its modules imports string-width/);
});
