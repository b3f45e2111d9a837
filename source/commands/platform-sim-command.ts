import fs from 'node:fs';
import process from 'node:process';
import {parseArgs} from 'node:util';
import {systemClock} from '../clock.js';
import {platformSimText} from '../i18n/platform-sim-text.js';
import {demoLinks, ensureDemoKeys, simulatorKeysFrom} from '../payments/simulator/demo-keys.js';
import {startPlatformSimulator} from '../payments/simulator/platform-simulator.js';
import {parseSimulatorFault, simulatorFaults} from '../payments/simulator/simulator-faults.js';
import type {SimulatedSale} from '../payments/simulator/simulator-ledger.js';
import {boundedLines} from './bounded-lines.js';
import {languageOfArguments} from './command-context.js';
import {writeText} from './terminal-output.js';

const commandLineMaxBytes = 256;

const usage = `posvoid platform-sim [--port 8800] [--keys data/keys] [--sales FILE] [--fault MODE]

Runs the Alipay and WeChat Pay simulators on one HTTP server on 127.0.0.1: Alipay's gateway at
/gateway.do, WeChat Pay's refunds at /v3/refund/domestic/refunds. It checks request signatures with
the merchant keys and signs its answers with platform keys; the demo keys are made in --keys on first
use, each file owner-only. --sales seeds the sales it knows (a JSON array of {platform, platformOrderNo,
merchantOrderNo, total}); POST /sim/sales adds more, GET /sim/refunds?key=K counts refunds per key.
Faults: ${simulatorFaults.join(', ')}. Type one on a line while it runs ("slow 5000", "reset x1" for
the next request only, "ok" to clear), or POST {"fault": ...} to /sim/fault.`;

type Settings = {port: number; keys: string; sales: string | undefined; fault: string | undefined};

function readSettings(argv: string[]): {ok: true; settings: Settings} | {ok: false; message: string} | {ok: 'help'} {
	let values;
	try {
		({values} = parseArgs({
			args: argv,
			options: {
				port: {type: 'string', default: '8800'},
				keys: {type: 'string', default: 'data/keys'},
				sales: {type: 'string'},
				fault: {type: 'string'},
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
		return {ok: false, message: `--port ${values.port} is not a TCP port: use 0-65535 (0 picks a free one)`};
	}

	return {ok: true, settings: {port, keys: values.keys, sales: values.sales, fault: values.fault}};
}

/** `posvoid platform-sim`: runs until SIGINT, SIGTERM or "quit" on stdin. Returns the exit status. */
export async function runPlatformSim(argv: string[]): Promise<number> {
	const read = readSettings(argv);
	if (read.ok === 'help') {
		writeText(process.stdout, `${usage}\n`);
		return 0;
	}

	const text = platformSimText(languageOfArguments(argv));
	if (!read.ok) {
		writeText(process.stderr, `posvoid platform-sim: ${text.badFlag(read.message)}\n`);
		return 1;
	}

	const {settings} = read;
	const fault = parseSimulatorFault(settings.fault ?? 'ok');
	if (!fault.ok) {
		writeText(process.stderr, `posvoid platform-sim: ${text.badFlag(`--fault ${fault.message}`)}\n`);
		return 1;
	}

	let sales: SimulatedSale[] = [];
	if (settings.sales !== undefined) {
		try {
			sales = JSON.parse(fs.readFileSync(settings.sales, 'utf8')) as SimulatedSale[];
			if (!Array.isArray(sales)) {
				throw new TypeError('not an array');
			}
		} catch (error) {
			writeText(process.stderr, `posvoid platform-sim: ${text.badSales(settings.sales, (error as Error).message)}\n`);
			return 1;
		}
	}

	const files = ensureDemoKeys(settings.keys);
	let simulator;
	try {
		simulator = await startPlatformSimulator({
			keys: simulatorKeysFrom(files),
			now: systemClock(),
			port: settings.port,
			onRequest(line) {
				writeText(process.stdout, `${line}\n`);
			},
		});
	} catch (error) {
		const {code} = error as NodeJS.ErrnoException;
		writeText(
			process.stderr,
			`posvoid platform-sim: ${text.cannotListen(`127.0.0.1:${settings.port}`, code ?? (error as Error).message)}\n`,
		);
		return 1;
	}

	const running = simulator;
	for (const sale of sales) {
		running.seed(sale);
	}

	running.setFault(fault.setting);
	const links = demoLinks(files, running.url);
	// The configuration a counter needs to reach this simulator: paths of keys, never their contents.
	writeText(
		process.stdout,
		`platform simulator listening on ${running.url} (Alipay ${running.alipayGatewayUrl}, WeChat Pay ${running.wechatBaseUrl}), ${sales.length} sales, fault: ${fault.setting.fault ?? 'none'}\n${text.keysAt(settings.keys)}\n"payments": ${JSON.stringify({modes: {wechat: 'online', alipay: 'online'}, ...links})}\ntype a fault (${simulatorFaults.join(', ')}) or ok; quit to stop\n`,
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

		process.on('SIGINT', onSignal);
		process.on('SIGTERM', onSignal);
		void (async () => {
			for (;;) {
				const next = await lines.next();
				if (stopped || next.kind === 'end') {
					return;
				}

				if (next.kind === 'too-long') {
					writeText(process.stdout, `that line is longer than ${commandLineMaxBytes} bytes: type a fault, or ok\n`);
					continue;
				}

				const line = next.text.trim();
				if (line === '') {
					continue;
				}

				if (['quit', 'exit', 'q'].includes(line)) {
					void stop();
					return;
				}

				const command = parseSimulatorFault(line);
				if (command.ok) {
					running.setFault(command.setting);
					writeText(process.stdout, `fault: ${command.setting.fault ?? 'none'}\n`);
				} else {
					writeText(process.stdout, `${command.message}\n`);
				}
			}
		})();
	});
}
