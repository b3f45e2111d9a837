import {spawn as spawnPty, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {binary} from './cli.js';
import {clockEnvironment} from './test-clock.js';

const beginFrame = '\u001B[?2026h';
const endFrame = '\u001B[?2026l';

export type PtyTerminal = {
	pty: IPty;
	/** The visible screen, one string per row, trailing spaces trimmed. */
	screen: () => string;
	/** Everything the program wrote, raw. */
	output: () => string;
	write: (data: string) => void;
	/** Resolves when the screen shows `expected`; rejects with the screen after `timeoutMs`. */
	waitFor: (expected: string | RegExp, timeoutMs?: number) => Promise<string>;
	/** Resolves when the program has written `expected` (raw bytes, escapes included). */
	waitForOutput: (expected: string, timeoutMs?: number) => Promise<string>;
	/** Resolves when the screen no longer shows `gone`. */
	waitForGone: (gone: string | RegExp, timeoutMs?: number) => Promise<string>;
	/** Writes `data` and waits for the screen to show `expected`. */
	press: (data: string, expected: string | RegExp, timeoutMs?: number) => Promise<string>;
	exited: Promise<{exitCode: number; signal?: number}>;
	resize: (columns: number, rows: number) => void;
	kill: () => void;
};

export type PtyOptions = {columns?: number; rows?: number; cwd?: string; env?: NodeJS.ProcessEnv};

/**
 * Runs the built posvoid in a real pseudo-terminal and reads its screen through a headless xterm,
 * as a person at the counter would see it. CI=false: with CI set, Ink draws only the last frame.
 */
export function startPty(args: string[], options: PtyOptions = {}): PtyTerminal {
	const columns = options.columns ?? 100;
	const rows = options.rows ?? 30;
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const pty = spawnPty(process.execPath, [binary, ...args], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: {
			...process.env,
			CI: 'false',
			TERM: 'xterm-256color',
			LANG: 'en_US.UTF-8',
			FORCE_COLOR: '0',
			...clockEnvironment(),
			...options.env,
		},
	});
	let output = '';
	const listeners = new Set<() => void>();
	// Ink wraps each frame in synchronized-update marks; a frame can arrive in several reads, and the
	// screen is only read between frames, never half-drawn.
	let frameOpen = false;
	let carry = '';
	pty.onData(data => {
		output += data;
		const text = carry + data;
		const opened = text.lastIndexOf(beginFrame);
		const closed = text.lastIndexOf(endFrame);
		if (opened !== closed) {
			frameOpen = opened > closed;
		}

		carry = text.slice(-(beginFrame.length - 1));
		terminal.write(data, () => {
			if (frameOpen) {
				return;
			}

			for (const listener of listeners) {
				listener();
			}
		});
	});
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve => {
		pty.onExit(result => {
			// Let the last writes reach the headless terminal before anyone reads the screen.
			terminal.write('', () => {
				resolve(result);
				for (const listener of listeners) {
					listener();
				}
			});
		});
	});

	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	};

	const matches = (text: string, pattern: string | RegExp) =>
		typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);

	const waitUntil = async (done: () => boolean, what: string, timeoutMs: number) =>
		new Promise<string>((resolve, reject) => {
			const check = () => {
				if (done()) {
					clearTimeout(timer);
					listeners.delete(check);
					resolve(screen());
				}
			};

			const timer = setTimeout(() => {
				listeners.delete(check);
				reject(new Error(`timed out waiting for ${what}; the screen shows:\n${screen()}`));
			}, timeoutMs);
			listeners.add(check);
			check();
		});

	const waitFor = async (expected: string | RegExp, timeoutMs = 15_000) =>
		waitUntil(() => matches(screen(), expected), String(expected), timeoutMs);

	return {
		pty,
		screen,
		output: () => output,
		write(data) {
			pty.write(data);
		},
		waitFor,
		async waitForOutput(expected, timeoutMs = 15_000) {
			return waitUntil(() => output.includes(expected), JSON.stringify(expected), timeoutMs);
		},
		async waitForGone(gone, timeoutMs = 15_000) {
			return waitUntil(() => !matches(screen(), gone), `${String(gone)} to go`, timeoutMs);
		},
		async press(data, expected, timeoutMs) {
			pty.write(data);
			return waitFor(expected, timeoutMs);
		},
		exited,
		resize(newColumns, newRows) {
			pty.resize(newColumns, newRows);
			terminal.resize(newColumns, newRows);
		},
		kill() {
			try {
				pty.kill();
			} catch {
				// Already gone.
			}
		},
	};
}

export {keys} from './keys.js';
