import fs from 'node:fs';
import path from 'node:path';
import {todayCriteria} from '../domain/search-query.js';
import {pickLanguage} from '../i18n/language.js';
import {startPrinterEmulator} from '../printing/emulator/printer-emulator.js';
import {addOperator} from '../services/operator-service.js';
import {createServiceContext, type ServiceContext} from '../services/service-context.js';
import {seedDatabase} from '../services/seed-service.js';
import {pageTransactions} from '../services/transaction-list-service.js';
import {openStore, type Store} from '../store/store.js';
import {resolveConfig, parseCommand} from './command-context.js';
import {refuseWithoutTerminal, runConsoleSession} from './console-command.js';

export const demoHelp = `posvoid demo [--db PATH] [--lang zh-CN|en] [--rows N]

The console with nothing to set up: a demo database (default data/demo.db) with a week of seeded
sales and two operators, supervisor 00 (password 000000) and cashier 01 (password 111111), and a
printer emulator on a free loopback port that writes each slip to data/slips/.
The default demo database is rebuilt when it holds no sales today.`;

export const demoOperators = [
	{operatorNo: '00', name: 'Demo supervisor', role: 'supervisor', password: '000000'},
	{operatorNo: '01', name: 'Demo cashier', role: 'cashier', password: '111111'},
] as const;

const defaultDemoDatabase = 'data/demo.db';
const slipsFolder = 'data/slips';

function hasSalesToday(context: ServiceContext): boolean {
	const {criteria} = todayCriteria(context.now(), context.config.timeZone);
	return pageTransactions(context, criteria, undefined, 'older', 1).length > 0;
}

function removeDatabase(file: string): void {
	for (const suffix of ['', '-wal', '-shm']) {
		fs.rmSync(file + suffix, {force: true});
	}
}

/** Seeds a new demo database: a week of history ending now, and the two demo operators. */
async function prepareDemo(context: ServiceContext, rows: number): Promise<void> {
	seedDatabase(context, {rows, days: 7, seed: 1, now: context.now()});
	for (const operator of demoOperators) {
		await addOperator(context, {...operator});
	}
}

export async function runDemo(argv: string[]): Promise<number> {
	const {values} = parseCommand(argv, {rows: {type: 'string'}}, false);
	if (values.help) {
		console.log(demoHelp);
		return 0;
	}

	if (refuseWithoutTerminal(values.lang)) {
		return 1;
	}

	const rows = values.rows === undefined ? 3000 : Number(values.rows);
	const config = resolveConfig({...values, db: values.db ?? defaultDemoDatabase});
	const language = pickLanguage(values.lang, config.language, process.env);
	const file = config.database;

	let store: Store = openStore(file, {create: true, integrity: 'background-sign-in-first'});
	let context = createServiceContext(store, config);
	if (
		values.db === undefined &&
		!hasSalesToday(context) &&
		pageTransactions(context, {}, undefined, 'older', 1).length > 0
	) {
		// Yesterday's demo would open on an empty list: start the demo history again.
		store.close();
		removeDatabase(file);
		store = openStore(file, {create: true, integrity: 'background-sign-in-first'});
		context = createServiceContext(store, config);
	}

	const emulator = await startPrinterEmulator({
		host: '127.0.0.1',
		port: 0,
		outDir: slipsFolder,
		columns: config.printer.columns,
	});
	try {
		if (pageTransactions(context, {}, undefined, 'older', 1).length === 0) {
			console.log(`posvoid demo: seeding ${file} …`);
			await prepareDemo(context, rows);
		}

		context.config.printer = {...context.config.printer, host: emulator.host, port: emulator.port};
		const accounts = demoOperators
			.map(operator => `${operator.role} ${operator.operatorNo} / ${operator.password}`)
			.join(' · ');
		const status = await runConsoleSession(context, language, {demoAccounts: accounts});
		console.log(`posvoid demo: database ${path.resolve(file)}; printed slips in ${path.resolve(slipsFolder)}`);
		return status;
	} finally {
		await emulator.close();
		store.close();
	}
}
