import process from 'node:process';
import {parseArgs} from 'node:util';
import {parseFaultCommand} from '../printing/emulator/fault-command.js';
import {
	startPrinterEmulator,
	isEmulatorQuirk,
	emulatorQuirks,
	type EmulatedJob,
	type EmulatorQuirk,
	type PrinterFault,
} from '../printing/emulator/printer-emulator.js';
import {builtInProfile, isBuiltInProfileName} from '../domain/printer-profiles.js';
import {profileAnswers, profileNames, type ProfileAnswers} from '../printing/profile-answers.js';
import {messagesFor} from '../i18n/catalogue.js';
import {formatDateTime} from '../domain/time-format.js';
import {boundedLines} from './bounded-lines.js';
import {languageOfArguments, resolveConfig} from './command-context.js';
import {writeText} from './terminal-output.js';

/** A fault command is a word and a number; a longer line is refused, and never held in memory whole. */
const commandLineMaxBytes = 256;

const usage = `posvoid printer [--host 127.0.0.1] [--port 9100] [--columns 48|32] [--out DIR] [--fault MODE] [--rate BYTES_PER_S]
                [--profile NAME] [--quirk QUIRK]... [--config PATH]
       posvoid printer test | identify   (see posvoid printer test --help)

Runs a networked ESC/POS receipt printer emulator. Each job is shown here and, with --out, saved as
<time>-<n>.txt (what the paper shows) and .bin (the bytes received), the time in the configured
time zone (timeZone in the configuration), as the slip prints it.
Faults: paper-out, near-end, cover-open, offline, error, stall, slow, reset, paper-out-mid (runs out
after --rate bytes of the slip, 300 by default). Type a fault on a line while it runs to change it
(for example "paper-out", then "ok" once paper is loaded; "slow 500"; "paper-out-mid 300").
--profile NAME answers as that built-in printer profile does (${profileNames.join(', ')}).
Quirks (--quirk, or typed: "double-status", "double-status off"): ${emulatorQuirks.join(', ')}.`;

type Settings = {
	host: string;
	port: number;
	columns: number;
	out: string | undefined;
	fault: PrinterFault | undefined;
	rate: number | undefined;
	timeZone: string;
	model: ProfileAnswers | undefined;
	quirks: EmulatorQuirk[];
};

function readSettings(argv: string[]): {ok: true; settings: Settings} | {ok: false; message: string} | {ok: 'help'} {
	let values;
	try {
		({values} = parseArgs({
			args: argv,
			options: {
				host: {type: 'string', default: '127.0.0.1'},
				port: {type: 'string', default: '9100'},
				columns: {type: 'string', default: '48'},
				out: {type: 'string'},
				fault: {type: 'string'},
				rate: {type: 'string'},
				profile: {type: 'string'},
				quirk: {type: 'string', multiple: true},
				config: {type: 'string'},
				lang: {type: 'string'},
				help: {type: 'boolean', short: 'h'},
			},
			strict: true,
			allowPositionals: false,
		}));
	} catch (error) {
		return {ok: false, message: (error as Error).message.replace(/\. To specify.*$/s, '')};
	}

	if (values.help) {
		return {ok: 'help'};
	}

	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		return {
			ok: false,
			message: `--port ${values.port} is not a TCP port: use 0-65535 (9100 is the printer port, 0 picks a free one)`,
		};
	}

	const columns = Number(values.columns);
	if (columns !== 32 && columns !== 48) {
		return {
			ok: false,
			message: `--columns ${values.columns}: use 48 for 80 mm paper or 32 for 58 mm`,
		};
	}

	const fault = parseFaultCommand(values.fault ?? 'ok');
	if (!fault.ok || 'quirk' in fault) {
		return {ok: false, message: `--fault ${fault.ok ? `${values.fault}: give quirks with --quirk` : fault.message}`};
	}

	const model = values.profile === undefined ? undefined : profileAnswers[values.profile];
	if (values.profile !== undefined && model === undefined) {
		return {
			ok: false,
			message: `--profile ${values.profile} is not a built-in profile: use one of ${profileNames.join(', ')}`,
		};
	}

	const quirks = values.quirk ?? [];
	const badQuirk = quirks.find(quirk => !isEmulatorQuirk(quirk));
	if (badQuirk !== undefined) {
		return {ok: false, message: `--quirk ${badQuirk}: use one of ${emulatorQuirks.join(', ')}`};
	}

	let rate: number | undefined;
	if (values.rate !== undefined) {
		rate = Number(values.rate);
		if (!Number.isInteger(rate) || rate < 1) {
			return {
				ok: false,
				message: `--rate ${values.rate} is not a byte rate: write a whole number of bytes per second such as 500`,
			};
		}
	}

	return {
		ok: true,
		settings: {
			host: values.host,
			port,
			columns,
			out: values.out,
			fault: fault.fault,
			rate,
			timeZone: resolveConfig({config: values.config}).timeZone,
			model,
			quirks: quirks.filter(quirk => isEmulatorQuirk(quirk)),
		},
	};
}

function describeJob(job: EmulatedJob, timeZone: string): string {
	const notes = [`${job.bytes.length} bytes`, `${job.lines.length} lines`];
	if (job.unknown.length > 0) {
		notes.push(
			`${job.unknown.length} unknown sequences: ${job.unknown.map(sequence => `${sequence.bytes} at ${sequence.offset} (${sequence.reason})`).join('; ')}`,
		);
	}

	if (job.interrupted) {
		notes.push('INTERRUPTED: the connection did not end cleanly');
	}

	if (job.files) {
		notes.push(`saved ${job.files.text}`);
	}

	return `--- job ${job.number} at ${formatDateTime(job.receivedAt, timeZone)}: ${notes.join(', ')}\n${job.text}\n--- end of job ${job.number}`;
}

/** `posvoid printer`: runs the emulator until SIGINT, SIGTERM or "quit" on stdin. Returns the exit status. */
export async function runPrinterCommand(argv: string[]): Promise<number> {
	const [what, ...rest] = argv;
	if (what === 'test' || what === 'identify') {
		const {runPrinterCheck} = await import('./printer-check-command.js');
		return runPrinterCheck(what, rest);
	}

	const read = readSettings(argv);
	if (read.ok === 'help') {
		writeText(process.stdout, `${usage}\n`);
		return 0;
	}

	const text = messagesFor(languageOfArguments(argv)).commands.printer;
	// The same convention as every command: one line, what is wrong and what to do, exit 1.
	if (!read.ok) {
		writeText(process.stderr, `posvoid printer: ${text.badFlag(read.message)}\n`);
		return 1;
	}

	const {settings} = read;
	let emulator;
	try {
		emulator = await startPrinterEmulator({
			host: settings.host,
			port: settings.port,
			columns: settings.columns,
			outDir: settings.out,
			fault: settings.fault,
			byteRate: settings.fault === 'paper-out-mid' ? undefined : settings.rate,
			paperOutAfterBytes: settings.fault === 'paper-out-mid' ? settings.rate : undefined,
			timeZone: settings.timeZone,
			answers: settings.model,
			model:
				settings.model && isBuiltInProfileName(settings.model.name) ? builtInProfile(settings.model.name) : undefined,
			quirks: settings.quirks,
			onJob(job) {
				writeText(process.stdout, `${describeJob(job, settings.timeZone)}\n`);
			},
		});
	} catch (error) {
		const {code} = error as NodeJS.ErrnoException;
		const advice = code === 'EADDRINUSE' ? text.portInUse : text.checkHost;
		writeText(
			process.stderr,
			`posvoid printer: ${text.cannotListen(`${settings.host}:${settings.port}`, code ?? (error as Error).message, advice)}\n`,
		);
		return 1;
	}

	const running = emulator;
	writeText(
		process.stdout,
		`printer emulator listening on ${running.host}:${running.port}, ${settings.columns} columns, fault: ${running.fault ?? 'none'}${settings.model ? `, profile ${settings.model.name}` : ''}${running.quirks.length > 0 ? `, quirks: ${running.quirks.join(' ')}` : ''}${settings.out ? `, saving jobs to ${settings.out}` : ''}\ntype a fault (paper-out, cover-open, offline, error, near-end, stall, slow [N], reset) or ok; quit to stop\n`,
	);

	return new Promise(resolve => {
		const lines = boundedLines(process.stdin, commandLineMaxBytes);
		let stopped = false;
		const stop = async () => {
			stopped = true;
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
			lines.close();
			await running.close();
			resolve(0);
		};

		const onSignal = () => {
			void stop();
		};

		const onLine = (line: string) => {
			if (line.trim() === '') {
				return;
			}

			if (['quit', 'exit', 'q'].includes(line.trim())) {
				void stop();
				return;
			}

			const command = parseFaultCommand(line);
			if (command.ok && 'quirk' in command) {
				running.setQuirk(command.quirk, command.on);
				writeText(process.stdout, `quirk ${command.quirk}: ${command.on ? 'on' : 'off'}\n`);
			} else if (command.ok) {
				running.setFault(command.fault, command.byteRate ?? command.afterBytes);
				writeText(process.stdout, `fault: ${command.fault ?? 'none'}\n`);
			} else {
				writeText(process.stdout, `${command.message}\n`);
			}
		};

		// The end of standard input leaves the emulator running: a test or a service may not keep it open.
		void (async () => {
			for (;;) {
				const read = await lines.next();
				if (stopped || read.kind === 'end') {
					return;
				}

				if (read.kind === 'too-long') {
					writeText(
						process.stdout,
						`that line is longer than ${commandLineMaxBytes} bytes: type a fault such as paper-out, or ok\n`,
					);
				} else {
					onLine(read.text);
				}
			}
		})();

		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
	});
}
