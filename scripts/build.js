// Bundles the command line so start-up does not walk hundreds of modules: one entry file, and one
// chunk per command loaded on demand (esbuild splitting), so the console does not parse the importer,
// the seeder or the emulator. Native modules stay external; Ink's optional devtools are stubbed.
import {chmodSync, rmSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';
import {stringWidthSwap} from './string-width-swap.js';

const stubDevtools = {
	name: 'stub-react-devtools-core',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({
			contents: 'export default {connectToDevTools() {}};',
			loader: 'js',
		}));
	},
};

const repoRoot = path.resolve(import.meta.dirname, '..');
// Entries and dist/ are named from the project's root, wherever the build is started from.
process.chdir(repoRoot);
const inkStringWidth = path.join(repoRoot, 'source/ui/ink-string-width.ts');
const displayWidthModule = path.join(repoRoot, 'source/domain/display-width.ts');

/**
 * Ink and its helpers measure every line of every frame with string-width, whose grapheme
 * segmentation is slow for anything beyond ASCII and costs tens of milliseconds the first time.
 * They get source/ui/ink-string-width.ts instead: the same widths (test/domain/display-width.test.ts
 * compares every character), found character by character for plain text. Only string-width 8, the
 * copy Ink itself depends on, is replaced; that module still imports the real one for the rest. The
 * build stops with what to do if Ink's copy is another major (scripts/string-width-swap.js).
 */
const fastStringWidth = stringWidthSwap({replacement: inkStringWidth, exempt: [inkStringWidth, displayWidthModule]});

const entries = process.argv.slice(2);
const targets =
	entries.length > 0
		? entries.map(entry => ({entry, name: path.basename(entry).replace(/\.tsx?$/, '')}))
		: [{entry: 'source/cli.tsx', name: 'posvoid'}];

for (const {entry, name} of targets) {
	rmSync(`dist/${name}-chunks`, {recursive: true, force: true});
	try {
		await build({
			entryPoints: {[name]: entry},
			absWorkingDir: repoRoot,
			outdir: 'dist',
			entryNames: '[name]',
			chunkNames: `${name}-chunks/[name]-[hash]`,
			splitting: true,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			// Iconv-lite stays external too: its code-page tables then load from node_modules on the first slip, not at start-up.
			external: ['better-sqlite3', 'iconv-lite'],
			plugins: [stubDevtools, fastStringWidth],
			define: {'process.env.NODE_ENV': '"production"'},
			// Some bundled CommonJS dependencies call require(); give each ESM file one.
			banner: {
				js: "import {createRequire as __posvoidCreateRequire} from 'node:module'; const require = __posvoidCreateRequire(import.meta.url);",
			},
			legalComments: 'none',
			logLevel: 'warning',
		});
	} catch {
		// Esbuild has printed each error with its reason (logLevel); stop without a stack trace.
		process.exit(1);
	}

	chmodSync(`dist/${name}.js`, 0o755);
}
