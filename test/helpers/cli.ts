import {spawn} from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {collect, repoRoot} from './child-process.js';
import {clockEnvironment} from './test-clock.js';

export const binary = path.join(repoRoot, 'dist/posvoid.js');

export type CliResult = {code: number | undefined; stdout: string; stderr: string};

/** Runs the built `posvoid` binary with `input` on its standard input (not a terminal), in a folder outside the repository. */
export async function runCli(
	args: string[],
	options: {input?: string; cwd?: string; env?: NodeJS.ProcessEnv; binary?: string} = {},
): Promise<CliResult> {
	const child = spawn(process.execPath, [options.binary ?? binary, ...args], {
		cwd: options.cwd ?? os.tmpdir(),
		env: {...process.env, LANG: 'en_US.UTF-8', ...clockEnvironment(), ...options.env},
	});
	const result = collect(child);
	child.stdin.end(options.input ?? '');
	const {code, stdout, stderr} = await result;
	return {code, stdout, stderr};
}
