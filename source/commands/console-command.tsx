import {render} from 'ink';
import {pickLanguage, type Language} from '../i18n/language.js';
import {messagesFor} from '../i18n/catalogue.js';
import type {ServiceContext} from '../services/service-context.js';
import {App} from '../ui/App.js';
import {startBackgroundResolution} from '../services/online-void-service.js';
import {CommandError} from './command-errors.js';
import {openCommandContext, parseCommand} from './command-context.js';
import {writeControl} from './terminal-output.js';

export const consoleHelp = `posvoid [--db PATH] [--config PATH] [--printer HOST[:PORT]] [--lang zh-CN|en] [--idle-minutes N]

The console: sign in, find a transaction, void it, print the slip. Keyboard only; press ? for the keys.
--idle-minutes overrides the configuration's idleLockMinutes (the console locks after that long
without a key). Needs a terminal; for scripts use \`posvoid void\`.`;

const enterAlternateScreen = '\u001B[?1049h';
/** Show the cursor, then leave the alternate screen: the shell gets back what it had. */
const leaveAlternateScreen = '\u001B[?25h\u001B[?1049l';

/**
 * Switches to the alternate screen and raw input, and makes sure every way out switches back: a
 * normal quit, a signal, an uncaught error (restored before its message is printed, so the message
 * stays visible) and process exit.
 */
function guardAlternateScreen(
	stdin: NodeJS.ReadStream,
	stdout: NodeJS.WriteStream,
	onSignal: (signal: NodeJS.Signals) => void,
) {
	let active = true;
	const restore = () => {
		if (active) {
			active = false;
			stdin.setRawMode(false);
			writeControl(stdout, leaveAlternateScreen);
		}
	};

	const crash = (error: unknown) => {
		restore();
		console.error('posvoid: unexpected error, please report it with the lines below');
		console.error(error);
		process.exit(1);
	};

	const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
	const onExit = () => {
		restore();
	};

	process.on('exit', onExit);
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	for (const signal of signals) {
		process.on(signal, onSignal);
	}

	// Raw mode before anything is drawn: Ink turns it on only after its first render, and a Ctrl+C
	// pressed in between would be a SIGINT instead of the console's quit key. Keys typed meanwhile
	// wait in the terminal until Ink reads them.
	stdin.setRawMode(true);
	writeControl(stdout, enterAlternateScreen);
	return {
		restore() {
			restore();
			process.off('exit', onExit);
			process.off('uncaughtException', crash);
			process.off('unhandledRejection', crash);
			for (const signal of signals) {
				process.off(signal, onSignal);
			}
		},
	};
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15};

export type ConsoleOptions = {demoAccounts?: string; idleLockMs?: number};

/** Runs the Ink console on an open context until the clerk quits or a signal arrives; the exit status. */
export async function runConsoleSession(
	context: ServiceContext,
	language: Language,
	options: ConsoleOptions = {},
): Promise<number> {
	let signalled: NodeJS.Signals | undefined;
	let unmount: (() => void) | undefined;
	const guard = guardAlternateScreen(process.stdin, process.stdout, signal => {
		signalled = signal;
		unmount?.();
	});
	try {
		// Ctrl+C is a key of the console (the keymap), so quitting goes through the same clean path as q.
		const instance = render(
			<App context={context} language={language} demoAccounts={options.demoAccounts} idleLockMs={options.idleLockMs} />,
			{
				exitOnCtrlC: false,
				// No frame throttle: a frame takes 5-8 ms, and a throttle only made keys wait for it.
				maxFps: 0,
			},
		);
		unmount = instance.unmount;
		await instance.waitUntilExit();
		return signalled === undefined ? 0 : 128 + (signalNumbers[signalled] ?? 0);
	} finally {
		guard.restore();
	}
}

function idleMinutes(text: string | undefined): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	const minutes = Number(text);
	if (!Number.isFinite(minutes) || minutes < 1 || minutes > 24 * 60) {
		throw new CommandError(`--idle-minutes ${text} must be a number of minutes from 1 to 1440`);
	}

	return minutes;
}

/** Answers the no-terminal case before anything is opened: a clear message and status 1. */
export function refuseWithoutTerminal(lang: string | undefined): boolean {
	if (process.stdin.isTTY && process.stdout.isTTY) {
		return false;
	}

	let language: Language = 'en';
	try {
		language = pickLanguage(lang, undefined, process.env);
	} catch {
		// A bad --lang is reported once a terminal is there; this message stays in English.
	}

	console.error(messagesFor(language).notTerminal);
	return true;
}

export async function runConsole(argv: string[]): Promise<number> {
	const {values} = parseCommand(argv, {'idle-minutes': {type: 'string'}}, false);
	if (values.help) {
		console.log(consoleHelp);
		return 0;
	}

	const minutes = idleMinutes(values['idle-minutes']);
	if (refuseWithoutTerminal(values.lang)) {
		return 1;
	}

	// The clerk types their number and password while the integrity check runs: sign-in need not wait for it.
	const context = openCommandContext(values, {integrity: 'background-sign-in-first'});
	// Voids left in doubt (or requested, by a crash) are asked after at start-up, then with backoff; the
	// payments code loads only when there is one.
	const resolution = startBackgroundResolution(context);
	try {
		return await runConsoleSession(context, context.language, {
			idleLockMs: minutes === undefined ? undefined : minutes * 60_000,
		});
	} finally {
		resolution.stop();
		context.close();
	}
}
