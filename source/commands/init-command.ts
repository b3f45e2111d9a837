import fs from 'node:fs';
import path from 'node:path';
import {defaultConfigPath} from '../config.js';
import {ensureOpenBatch} from '../services/batch-service.js';
import {addOperator, hasOperators} from '../services/operator-service.js';
import {openCommandContext, parseCommand} from './command-context.js';
import {readNewPassword, secretSource} from './secret-input.js';

export const initHelp = `posvoid init [--db PATH] [--config PATH] [--password-stdin] [--name NAME]

Creates the database (and data/config.json from the example when there is none), opens the
first batch and creates supervisor 00 with a password typed twice.`;

export async function runInit(argv: string[]): Promise<number> {
	const {values} = parseCommand(argv, {'password-stdin': {type: 'boolean'}, name: {type: 'string'}});
	if (values.help) {
		console.log(initHelp);
		return 0;
	}

	if (values.config === undefined && !fs.existsSync(defaultConfigPath) && fs.existsSync('data/config.example.json')) {
		fs.mkdirSync(path.dirname(defaultConfigPath), {recursive: true});
		// Created owner-only from the start, and never over an existing file.
		fs.writeFileSync(defaultConfigPath, fs.readFileSync('data/config.example.json'), {mode: 0o600, flag: 'wx'});
		console.log(
			`wrote ${defaultConfigPath} from data/config.example.json: edit the merchant, terminal and printer there`,
		);
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
