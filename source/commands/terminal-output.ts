import process from 'node:process';
import {format} from 'node:util';
import {terminalText} from '../domain/display-text.js';

// The one way out to the terminal for commands. What they print quotes what others wrote (an import
// file's header, a printer host, an operator's name, an error from a library), so every line passes
// terminalText here rather than at each call site. A lint rule (xo.config.js) keeps direct
// stream writes out of the rest of source/.

export type TextStream = {write: (text: string) => unknown};

/** Writes text as it may reach a terminal: no control byte but line feed and tab, nothing that reorders or hides text. */
export function writeText(stream: TextStream, text: string): void {
	stream.write(terminalText(text));
}

/** Posvoid's own control sequences (a progress bar's carriage return, the alternate screen). Never data. */
export function writeControl(stream: TextStream, sequence: string): void {
	stream.write(sequence);
}

const consoleStreams = {
	log: () => process.stdout,
	info: () => process.stdout,
	debug: () => process.stdout,
	error: () => process.stderr,
	warn: () => process.stderr,
	trace: () => process.stderr,
} as const;

/**
 * Makes console.log, console.error and the rest write through writeText, for the whole process:
 * the command line calls this once before any command runs, so no command can print unsanitised.
 */
export function installTerminalOutput(): void {
	for (const [method, stream] of Object.entries(consoleStreams)) {
		console[method as keyof typeof consoleStreams] = (...values: unknown[]) => {
			writeText(stream(), `${format(...values)}\n`);
		};
	}
}
