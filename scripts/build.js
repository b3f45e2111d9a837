// Bundles the command line into one file so start-up does not walk hundreds of modules.
// Native modules stay external; Ink's optional devtools import is stubbed.
import {chmodSync} from 'node:fs';
import {build} from 'esbuild';

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

const entries = process.argv.slice(2);
const targets =
	entries.length > 0
		? entries.map(entry => ({entry, outfile: `dist/${entry.replace(/^.*\//, '').replace(/\.tsx?$/, '.js')}`}))
		: [{entry: 'source/cli.tsx', outfile: 'dist/posvoid.js'}];

for (const {entry, outfile} of targets) {
	await build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		external: ['better-sqlite3'],
		plugins: [stubDevtools],
		define: {'process.env.NODE_ENV': '"production"'},
		// Some bundled CommonJS dependencies call require(); give the ESM bundle one.
		banner: {
			js: "import {createRequire as __posvoidCreateRequire} from 'node:module'; const require = __posvoidCreateRequire(import.meta.url);",
		},
		legalComments: 'none',
		logLevel: 'warning',
	});
	chmodSync(outfile, 0o755);
}
