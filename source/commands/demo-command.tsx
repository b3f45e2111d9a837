import path from 'node:path';
import process from 'node:process';
import {messagesFor} from '../i18n/catalogue.js';
import {pickLanguage} from '../i18n/language.js';
import {parseFaultCommand} from '../printing/emulator/fault-command.js';
import {startPrinterEmulator, type Emulator, type PrinterFault} from '../printing/emulator/printer-emulator.js';
import {
	defaultDemoDatabase,
	demoOperators,
	hasSales,
	hasSalesToday,
	prepareDemo,
	removeDemoDatabase,
} from '../services/demo/demo-database.js';
import {createServiceContext} from '../services/service-context.js';
import {openStore, type Store} from '../store/store.js';
import {startBackgroundResolution} from '../services/online-void-service.js';
import {channelNames} from '../domain/transaction.js';
import {isSimulatorFault, simulatorFaults} from '../payments/simulator/simulator-faults.js';
import type {PlatformSimulator} from '../payments/simulator/platform-simulator.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, resolveConfig, parseCommand} from './command-context.js';
import {refuseWithoutTerminal, runConsoleSession} from './console-command.js';
import {demoKeysFolder, startDemoPlatforms} from './demo-platforms.js';

export const demoHelp = `posvoid demo [--db PATH] [--lang zh-CN|en] [--rows N] [--reset] [--printer HOST[:PORT] | --printer-fault MODE] [--platform-fault MODE]

The console with nothing to set up: a demo database (default data/demo.db) with a week of seeded
sales and two operators, supervisor 00 (password 000000) and cashier 01 (password 111111), and a
printer emulator on a free loopback port that writes each slip to data/slips/, and the WeChat Pay and
Alipay simulators on another: the demo's QR sales are voided online against them (demo keys are made
in data/keys/ on first start, owner-only), unless the configuration sets those channels itself.
The default demo database is rebuilt when it holds no sales today.
  --reset               start again on a fresh demo database (after a settlement, nothing can be
                        voided until tomorrow: this is the way back)
  --platform-fault MODE the built-in platform simulator starts with a fault: ${simulatorFaults.join(', ')}
  --printer-fault MODE  the built-in printer starts with a fault: paper-out, cover-open, offline,
                        near-end, error, stall, slow, reset
  --printer HOST[:PORT] print to that printer instead of the built-in one, for example an emulator
                        started with \`posvoid printer --port 9101 --fault paper-out\` (type "ok" in
                        it to load paper) and \`posvoid demo --printer 127.0.0.1:9101\``;

const slipsFolder = 'data/slips';

type DemoPrinter = {kind: 'built-in'; fault: PrinterFault | undefined} | {kind: 'given'};

/** Which printer the demo prints to: the flags are checked before anything opens or seeds. */
function demoPrinter(values: {printer?: string; 'printer-fault'?: string}, argv: string[]): DemoPrinter {
	const text = messagesFor(languageOfArguments(argv)).commands.demo;
	if (values['printer-fault'] === undefined) {
		return values.printer === undefined ? {kind: 'built-in', fault: undefined} : {kind: 'given'};
	}

	if (values.printer !== undefined) {
		throw new CommandError(text.printerAndFault);
	}

	const fault = parseFaultCommand(values['printer-fault']);
	if (!fault.ok) {
		throw new CommandError(`--printer-fault ${fault.message}`);
	}

	if ('quirk' in fault) {
		throw new CommandError(
			`--printer-fault ${values['printer-fault']}: give a fault such as paper-out; quirks are for posvoid printer --quirk`,
		);
	}

	return {kind: 'built-in', fault: fault.fault};
}

export async function runDemo(argv: string[]): Promise<number> {
	const {values} = parseCommand(
		argv,
		{
			rows: {type: 'string'},
			reset: {type: 'boolean'},
			'printer-fault': {type: 'string'},
			'platform-fault': {type: 'string'},
		},
		false,
	);
	if (values.help) {
		console.log(demoHelp);
		return 0;
	}

	const printer = demoPrinter(values, argv);
	const platformFault = values['platform-fault'];
	if (platformFault !== undefined && !isSimulatorFault(platformFault)) {
		throw new CommandError(`--platform-fault ${platformFault}: use one of ${simulatorFaults.join(', ')}`);
	}

	if (values.reset && values.db !== undefined) {
		// --reset deletes a file: only the demo's own, never a counter's database named by mistake.
		throw new CommandError(messagesFor(languageOfArguments(argv)).commands.demo.resetNeedsDefault);
	}

	if (refuseWithoutTerminal(values.lang)) {
		return 1;
	}

	const rows = values.rows === undefined ? 3000 : Number(values.rows);
	const config = resolveConfig({...values, db: values.db ?? defaultDemoDatabase});
	const language = pickLanguage(values.lang, config.language, process.env);
	const text = messagesFor(language).commands.demo;
	const file = config.database;

	if (values.reset) {
		removeDemoDatabase(file);
		console.log(text.reset(file));
	}

	let store: Store = openStore(file, {create: true, integrity: 'background-sign-in-first'});
	let context = createServiceContext(store, config);
	if (values.db === undefined && !hasSalesToday(context) && hasSales(context)) {
		// Yesterday's demo would open on an empty list: start the demo history again.
		store.close();
		removeDemoDatabase(file);
		store = openStore(file, {create: true, integrity: 'background-sign-in-first'});
		context = createServiceContext(store, config);
	}

	let emulator: Emulator | undefined;
	let platforms: PlatformSimulator | undefined;
	let resolution: {stop: () => void} | undefined;
	try {
		if (printer.kind === 'built-in') {
			emulator = await startPrinterEmulator({
				host: '127.0.0.1',
				port: 0,
				outDir: slipsFolder,
				columns: config.printer.model.paper.columns.fontA,
				fault: printer.fault,
				timeZone: config.timeZone,
			});
			context.config.printer = {...context.config.printer, host: emulator.host, port: emulator.port};
			if (printer.fault !== undefined) {
				console.log(text.printerFault(printer.fault));
			}
		}

		if (!hasSales(context)) {
			console.log(text.seeding(file));
			await prepareDemo(context, rows);
		}

		platforms = await startDemoPlatforms(context, platformFault);
		if (platforms) {
			const names = (['wechat', 'alipay'] as const)
				.filter(channel => context.config.payments[channel]?.gatewayUrl.startsWith(platforms!.url))
				.map(channel => (language === 'zh-CN' ? channelNames.zh : channelNames.en)[channel])
				.join(language === 'zh-CN' ? '、' : ' and ');
			console.log(text.platformsOnline(names, platforms.url, path.resolve(demoKeysFolder)));
			if (platformFault !== undefined) {
				console.log(text.platformFault(platformFault));
			}
		}

		// Voids left in doubt by an earlier demo are asked after, as the console does.
		resolution = startBackgroundResolution(context);
		const accounts = demoOperators
			.map(operator => `${operator.role} ${operator.operatorNo} / ${operator.password}`)
			.join(' · ');
		const status = await runConsoleSession(context, language, {demoAccounts: accounts});
		const {host, port} = context.config.printer;
		console.log(
			emulator
				? text.finished(path.resolve(file), path.resolve(slipsFolder))
				: text.finishedOnPrinter(path.resolve(file), `${host}:${port}`),
		);
		return status;
	} finally {
		resolution?.stop();
		await platforms?.close();
		await emulator?.close();
		store.close();
	}
}
