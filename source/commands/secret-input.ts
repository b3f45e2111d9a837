import process from 'node:process';
import readline from 'node:readline';
import {terminalText} from '../domain/display-text.js';
import {isPasswordCharacter, passwordMaxLength} from '../domain/password-rule.js';
import {boundedLines} from './bounded-lines.js';
import {CommandError} from './command-errors.js';
import {writeControl, writeText} from './terminal-output.js';

/** Where passwords come from: masked from the terminal, or one per line from standard input. Never from argv. */
export type SecretSource = {
	/** True when reading masked from a terminal. */
	interactive: boolean;
	read(prompt: string): Promise<string>;
	close(): void;
};

// CSI (ESC [ … final byte), SS3 (ESC O x) and any other ESC-prefixed pair.
// eslint-disable-next-line no-control-regex -- matching the escape byte is the point
const escapeSequence = /\u001B(?:\[[\d;?]*[ -/]*[@-~]|O.|.)?/g;

/** The longest line `--password-stdin` reads: room for the longest password in any UTF-8, with its CR. */
export const secretLineMaxBytes = 1024;

const tooLongMessage = `the password is longer than ${passwordMaxLength} characters, the most the console's field takes: choose a shorter one`;

/**
 * Reads a line from the terminal without echoing it, drawing a `*` per character. It takes the
 * characters and the length the console's password field takes; what is typed past that length is
 * not kept, and Enter then refuses the password instead of using a cut one.
 */
async function readMasked(prompt: string): Promise<string> {
	const {stdin, stderr} = process;
	return new Promise((resolve, reject) => {
		let value = '';
		let length = 0;
		let overflow = false;
		writeText(stderr, prompt);
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		const finish = (error?: Error) => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			writeControl(stderr, '\n');
			if (error) {
				reject(error);
			} else {
				resolve(value);
			}
		};

		function onData(chunk: string) {
			// Arrow and function keys arrive as escape sequences: they are not part of a password.
			for (const character of chunk.replaceAll(escapeSequence, '')) {
				if (character === '\r' || character === '\n') {
					finish(overflow ? new CommandError(tooLongMessage) : undefined);
					return;
				}

				if (character === '\u0003') {
					finish(new CommandError('cancelled', 130));
					return;
				}

				if (character === '\u007F' || character === '\b') {
					if (length > 0) {
						value = [...value].slice(0, -1).join('');
						length--;
						writeControl(stderr, '\b \b');
					}
				} else if (isPasswordCharacter(character)) {
					if (length < passwordMaxLength) {
						value += character;
						length++;
						writeControl(stderr, '*');
					} else {
						overflow = true;
					}
				}
			}
		}

		stdin.on('data', onData);
	});
}

/** One password per line of standard input, in the order the command asks for them; a line is bounded. */
function stdinLines(): SecretSource {
	const lines = boundedLines(process.stdin, secretLineMaxBytes);
	return {
		interactive: false,
		async read(prompt) {
			const next = await lines.next();
			if (next.kind === 'end') {
				throw new CommandError(
					`standard input ended before the ${prompt.replace(/:\s*$/, '').toLowerCase()} was given: write one password per line`,
				);
			}

			if (next.kind === 'too-long') {
				throw new CommandError(
					`a line of standard input is longer than ${secretLineMaxBytes} bytes: write one password per line, each at most ${passwordMaxLength} characters`,
				);
			}

			return next.text;
		},
		close() {
			lines.close();
		},
	};
}

export function secretSource(passwordStdin: boolean): SecretSource {
	if (passwordStdin) {
		return stdinLines();
	}

	if (!process.stdin.isTTY) {
		throw new CommandError(
			'there is no terminal to read the password from: pass --password-stdin and write one password per line on standard input',
		);
	}

	return {
		interactive: true,
		read: readMasked,
		close() {
			// Nothing to release: each read leaves the terminal as it found it.
		},
	};
}

/** Reads one line typed on the terminal, shown as typed: an answer, never a password. */
export async function readLine(prompt: string): Promise<string> {
	const lines = readline.createInterface({input: process.stdin, output: process.stderr, terminal: true});
	try {
		return await new Promise((resolve, reject) => {
			lines.once('SIGINT', () => {
				reject(new CommandError('cancelled', 130));
			});
			lines.question(terminalText(prompt), resolve);
		});
	} finally {
		lines.close();
	}
}

/** Asks twice on a terminal, to catch a typo no one can see; from standard input, one line. */
export async function readNewPassword(source: SecretSource, what: string): Promise<string> {
	const first = await source.read(`${what}: `);
	if (!source.interactive) {
		return first;
	}

	const second = await source.read(`${what} again: `);
	if (first !== second) {
		throw new CommandError('the two passwords differ: nothing was changed, try again');
	}

	return first;
}
