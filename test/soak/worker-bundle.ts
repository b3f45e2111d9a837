import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {build, type Plugin} from 'esbuild';
import {repoRoot} from '../helpers/child-process.js';
import {clockEnvironment} from '../helpers/test-clock.js';

/** The worker scripts the suites start, by name. */
export const workerEntries = {
	'void-loop': 'test/helpers/void-loop-worker.ts',
	contest: 'test/soak/workers/contest-worker.ts',
	'lock-holder': 'test/soak/workers/lock-holder-worker.ts',
	migrate: 'test/soak/workers/migrate-worker.ts',
	import: 'test/soak/workers/import-worker.ts',
} as const;

export type WorkerName = keyof typeof workerEntries;

const require = createRequire(import.meta.url);

/** The native module stays outside the bundle, imported from this checkout by its absolute URL. */
const nativeOutside: Plugin = {
	name: 'native-outside',
	setup(builder) {
		builder.onResolve({filter: /^better-sqlite3$/}, () => ({
			path: pathToFileURL(require.resolve('better-sqlite3')).href,
			external: true,
		}));
	},
};

let bundled: Promise<string> | undefined;

/**
 * Bundles every worker once per process into a temp folder. A crash round starts a fresh process, and
 * tsx would spend ~400 ms compiling each one; a bundle starts in ~100 ms, so a thousand rounds fit.
 */
async function bundleWorkers(): Promise<string> {
	// Under node_modules/.cache, so the store's runtime require of better-sqlite3 resolves from the bundle.
	const cache = path.join(repoRoot, 'node_modules/.cache');
	fs.mkdirSync(cache, {recursive: true});
	const folder = fs.mkdtempSync(path.join(cache, 'posvoid-workers-'));
	process.once('exit', () => {
		fs.rmSync(folder, {recursive: true, force: true});
	});
	await build({
		entryPoints: Object.fromEntries(
			Object.entries(workerEntries).map(([name, entry]) => [name, path.join(repoRoot, entry)]),
		),
		outdir: folder,
		outExtension: {'.js': '.mjs'},
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		plugins: [nativeOutside],
		banner: {
			js: "import {createRequire as __soakCreateRequire} from 'node:module'; const require = __soakCreateRequire(import.meta.url);",
		},
		logLevel: 'warning',
	});
	return folder;
}

export async function workerPath(name: WorkerName): Promise<string> {
	bundled ??= bundleWorkers();
	return path.join(await bundled, `${name}.mjs`);
}

/** Starts a bundled worker with plain node. */
export async function spawnWorker(name: WorkerName, args: string[]): Promise<ChildProcessWithoutNullStreams> {
	const file = await workerPath(name);
	return spawn(process.execPath, [file, ...args], {
		cwd: repoRoot,
		env: {...process.env, LANG: 'en_US.UTF-8', ...clockEnvironment()},
	});
}

/** Calls `onLine` for each whole line the child prints on stdout. */
export function onLines(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): void {
	let partial = '';
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		partial += chunk;
		const lines = partial.split('\n');
		partial = lines.pop() ?? '';
		for (const line of lines) {
			onLine(line);
		}
	});
}

export type Exit = {code: number | undefined; signal: NodeJS.Signals | undefined; stderr: string};

/** Resolves when the child has exited and its streams are closed; collects stderr. */
export async function exited(child: ChildProcessWithoutNullStreams): Promise<Exit> {
	let stderr = '';
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk: string) => {
		stderr += chunk;
	});
	if (child.exitCode !== null || child.signalCode !== null) {
		return {code: child.exitCode ?? undefined, signal: child.signalCode ?? undefined, stderr};
	}

	return new Promise(resolve => {
		child.once('close', (code, signal) => {
			resolve({code: code ?? undefined, signal: signal ?? undefined, stderr});
		});
	});
}
