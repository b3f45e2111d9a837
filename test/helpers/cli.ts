import {spawn} from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {repoRoot} from './child-process.js';

export const binary = path.join(repoRoot, 'dist/posvoid.js');

export type CliResult = {code: number | undefined; stdout: string; stderr: string};

/** Runs the built `posvoid` binary with `input` on its standard input (not a terminal), in a folder outside the repository. */
export async function runCli(
	args: string[],
	options: {input?: string; cwd?: string; env?: NodeJS.ProcessEnv; binary?: string} = {},
): Promise<CliResult> {
	const child = spawn(process.execPath, [options.binary ?? binary, ...args], {
		cwd: options.cwd ?? os.tmpdir(),
		env: {...process.env, LANG: 'en_US.UTF-8', ...options.env},
	});
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
	child.stdin.end(options.input ?? '');
	return new Promise(resolve => {
		child.once('close', code => {
			resolve({code: code ?? undefined, stdout, stderr});
		});
	});
}
