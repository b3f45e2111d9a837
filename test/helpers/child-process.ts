import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import path from 'node:path';
import {clockEnvironment} from './test-clock.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Starts a TypeScript file under tsx in a child process. */
export function spawnTs(
	file: string,
	args: string[],
	environment: NodeJS.ProcessEnv = {},
): ChildProcessWithoutNullStreams {
	return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, file), ...args], {
		cwd: repoRoot,
		env: {...process.env, ...clockEnvironment(), ...environment},
	});
}

/** Resolves with the child's whole stdout once it has printed `line`. */
export async function waitForLine(child: ChildProcessWithoutNullStreams, line: string): Promise<void> {
	let seen = '';
	child.stdout.setEncoding('utf8');
	await new Promise<void>((resolve, reject) => {
		const onData = (chunk: string) => {
			seen += chunk;
			if (seen.split('\n').includes(line)) {
				child.stdout.off('data', onData);
				resolve();
			}
		};

		child.stdout.on('data', onData);
		child.once('exit', code => {
			reject(new Error(`child exited with ${code} before printing ${line}: ${seen}`));
		});
	});
}

/** Collects stdout and stderr until the child exits. */
export async function collect(
	child: ChildProcessWithoutNullStreams,
): Promise<{code: number | undefined; signal: NodeJS.Signals | undefined; stdout: string; stderr: string}> {
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.on('data', (chunk: string) => {
		stderr += chunk;
	});
	return new Promise(resolve => {
		child.once('close', (code, signal) => {
			resolve({code: code ?? undefined, signal: signal ?? undefined, stdout, stderr});
		});
	});
}
