import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {defaultConfigPath} from '../config.js';
import {ensureOpenBatch} from '../services/batch-service.js';
import {addOperator, hasOperators} from '../services/operator-service.js';
import {messagesFor} from '../i18n/catalogue.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand} from './command-context.js';
import {readNewPassword, secretSource} from './secret-input.js';

export const initHelp = `posvoid init [--db PATH] [--config PATH] [--password-stdin] [--name NAME]

Creates the database (and the configuration, data/config.json or --config PATH, from the example
when there is none), opens the first batch and creates supervisor 00 with a password typed twice.`;

const exampleConfig = 'data/config.example.json';

/**
 * The example in the working folder; for a --config file named outright, else the one shipped
 * with posvoid (its data/ folder). Without --config only the working folder's example is copied,
 * so init run elsewhere does not leave a data/config.json behind in that folder.
 */
function findExampleConfig(named: boolean): string | undefined {
	// The bundle's chunks sit one folder deeper than the source's commands/, which sit one below source/.
	const shipped = ['../data/', '../../data/', '../../../data/'].map(folder =>
		fileURLToPath(new URL(`${folder}config.example.json`, import.meta.url)),
	);
	return [exampleConfig, ...(named ? shipped : [])].find(candidate => fs.existsSync(candidate));
}

export async function runInit(argv: string[]): Promise<number> {
	const {values} = parseCommand(argv, {'password-stdin': {type: 'boolean'}, name: {type: 'string'}});
	if (values.help) {
		console.log(initHelp);
		return 0;
	}

	const text = messagesFor(languageOfArguments(argv)).commands.init;
	const configPath = values.config ?? defaultConfigPath;
	if (!fs.existsSync(configPath)) {
		const example = findExampleConfig(values.config !== undefined);
		if (example === undefined) {
			// Without --config, the defaults serve; a named file that cannot be made is an error.
			if (values.config !== undefined) {
				throw new CommandError(text.configHasNoExample(configPath));
			}
		} else {
			fs.mkdirSync(path.dirname(configPath), {recursive: true});
			// Created owner-only from the start, and never over an existing file.
			fs.writeFileSync(configPath, fs.readFileSync(example), {mode: 0o600, flag: 'wx'});
			console.log(text.wroteConfig(configPath, exampleConfig));
		}
	}

	// Checked before anything is created: a missing way to read the password leaves no half-made database.
	const secrets = secretSource(values['password-stdin'] ?? false);
	const context = openCommandContext(values, {create: true});
	try {
		const batch = ensureOpenBatch(context);
		if (hasOperators(context)) {
			console.log(
				`${context.config.database} is ready (batch ${batch.batchNo} open); operators already exist, so no supervisor was created`,
			);
			return 0;
		}

		const password = await readNewPassword(secrets, 'Password for supervisor 00');
		await addOperator(context, {operatorNo: '00', name: values.name ?? 'Supervisor', role: 'supervisor', password});

		context.store.audit.append(
			{operatorNo: '00', event: 'init', result: 'ok', detail: context.config.database},
			context.now(),
		);
		console.log(
			`created ${context.config.database}: batch ${batch.batchNo} open, supervisor 00 added. Next: posvoid operator add 01 --name NAME --role cashier`,
		);
		return 0;
	} finally {
		secrets.close();
		context.close();
	}
}
