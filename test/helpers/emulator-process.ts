import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {binary} from './cli.js';
import {repoRoot} from './child-process.js';
import {clockEnvironment} from './test-clock.js';

export type EmulatorProcess = {
	port: number;
	child: ChildProcessWithoutNullStreams;
	/** Everything the emulator has printed on its standard output so far. */
	output: () => string;
	/** Changes the fault by a line on its standard input, as a person at its terminal would. */
	setFault: (line: string) => Promise<void>;
	/** Resolves when the emulator's output matches `pattern`. */
	waitFor: (pattern: RegExp) => Promise<void>;
	stop: () => Promise<void>;
};

/** `posvoid printer` in its own process on a free loopback port: the real emulator, as the readme runs it. */
export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
	const child = spawn(process.execPath, [binary, 'printer', '--port', '0', ...args], {
		cwd: repoRoot,
		env: {...process.env, ...clockEnvironment()},
	});
	let output = '';
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	const listeners = new Set<() => void>();
	child.stdout.on('data', (chunk: string) => {
		output += chunk;
		for (const listener of listeners) {
			listener();
		}
	});
	child.stderr.on('data', (chunk: string) => {
		output += chunk;
	});
	const waitUntil = async (done: () => boolean, what: string) =>
		new Promise<void>((resolve, reject) => {
			const check = () => {
				if (done()) {
					listeners.delete(check);
					resolve();
				}
			};

			child.once('exit', () => {
				reject(new Error(`the emulator exited before ${what}:\n${output}`));
			});
			listeners.add(check);
			check();
		});
	const waitFor = async (pattern: RegExp) => waitUntil(() => pattern.test(output), String(pattern));
	await waitFor(/listening on 127\.0\.0\.1:\d+/);
	const port = Number(/listening on 127\.0\.0\.1:(?<port>\d+)/.exec(output)!.groups!['port']);
	return {
		port,
		child,
		output: () => output,
		async setFault(line) {
			const before = output.length;
			child.stdin.write(`${line}\n`);
			await waitUntil(() => output.slice(before).includes('fault: '), `the fault ${line}`);
		},
		waitFor,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise(resolve => {
					child.once('exit', resolve);
				});
				child.kill('SIGTERM');
				await exited;
			}
		},
	};
}
