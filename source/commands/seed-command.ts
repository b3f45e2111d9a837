import {formatScreen} from '../domain/money.js';
import {formatDateTime} from '../domain/time-format.js';
import {SeedError, seedDatabase} from '../services/seed-service.js';
import {messagesFor} from '../i18n/catalogue.js';
import type {Language} from '../i18n/language.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand} from './command-context.js';
import {progressBar} from './progress-bar.js';
import {pcAccount} from './pc-account.js';

export const seedHelp = `posvoid seed [--rows N] [--days D] [--seed S] [--db PATH] [--config PATH]

Fills a new database with a synthetic history for demos and benchmarks: D days (default 7) ending
now, one batch per day (older ones settled, today's open), every channel, masked cards, computed
fees and a few voids. The same --seed (default 1) gives the same rows. Default 2000 rows.
Refuses a database that already holds transactions: use --db with a new file.`;

function wholeNumber(flag: string, text: string | undefined, fallback: number, language: Language): number {
	if (text === undefined) {
		return fallback;
	}

	const value = Number(text.replaceAll('_', ''));
	if (!/^\d[\d_]*$/.test(text) || !Number.isSafeInteger(value)) {
		throw new CommandError(messagesFor(language).commands.usage.wholeNumber(flag, fallback));
	}

	return value;
}

export async function runSeed(argv: string[]): Promise<number> {
	const {values} = parseCommand(argv, {rows: {type: 'string'}, days: {type: 'string'}, seed: {type: 'string'}}, false);
	if (values.help) {
		console.log(seedHelp);
		return 0;
	}

	const language = languageOfArguments(argv);
	const rows = wholeNumber('rows', values.rows, 2000, language);
	const days = wholeNumber('days', values.days, 7, language);
	const seed = wholeNumber('seed', values.seed, 1, language);
	const context = openCommandContext(values, {create: true});
	const bar = progressBar('seeding');
	try {
		const startedAt = performance.now();
		const summary = seedDatabase(context, {
			rows,
			days,
			seed,
			now: context.now(),
			onProgress: bar.update,
			account: pcAccount(),
		});
		const seconds = (performance.now() - startedAt) / 1000;
		bar.finish();
		const {timeZone} = context.config;
		console.log(
			`seeded ${context.config.database}: ${summary.rows} sales and ${summary.voids} voids in ${summary.batches.length} batches, ` +
				`${formatDateTime(summary.from, timeZone)} to ${formatDateTime(summary.to, timeZone)}, in ${seconds.toFixed(1)} s ` +
				`(${Math.round(summary.rows / Math.max(seconds, 0.001))} rows/s)`,
		);
		for (const batch of summary.batches) {
			console.log(
				`  batch ${batch.batchNo}: ${String(batch.sales).padStart(7)} sales ${String(batch.voids).padStart(5)} voids  ${batch.settled ? 'settled' : 'open'}`,
			);
		}

		console.log(`voids above ${formatScreen(context.config.supervisorLimit)} were approved by supervisor 00`);
		return 0;
	} catch (error) {
		bar.finish();
		if (error instanceof SeedError) {
			throw new CommandError(error.message);
		}

		throw error;
	} finally {
		context.close();
	}
}
