import fs from 'node:fs';
import {exportBatch} from '../services/export-service.js';
import {messagesFor} from '../i18n/catalogue.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand} from './command-context.js';
import {writeText} from './terminal-output.js';

export const exportHelp = `posvoid export --batch N [--format csv|json] [--out FILE]

Writes a batch's sales and voids for reconciliation with the acquirer's statement: CSV with a
header, or JSON Lines. Card numbers are masked. Amounts in yuan, voids negative, times in UTC.
Without --out, to standard output; a file is created owner-only (0600).`;

export async function runExport(argv: string[]): Promise<number> {
	const {values} = parseCommand(
		argv,
		{batch: {type: 'string'}, format: {type: 'string'}, out: {type: 'string'}},
		false,
	);
	if (values.help) {
		console.log(exportHelp);
		return 0;
	}

	const messages = messagesFor(languageOfArguments(argv)).commands.export;
	if (values.batch === undefined || !/^\d{1,6}$/.test(values.batch)) {
		throw new CommandError(messages.needsBatch);
	}

	const format = values.format ?? 'csv';
	if (format !== 'csv' && format !== 'json') {
		throw new CommandError(messages.badFormat(format));
	}

	const context = openCommandContext(values);
	try {
		const lines = context.store.read(() => [...exportBatch(context, values.batch!, format)]);
		const text = lines.join('\n') + '\n';
		if (values.out === undefined) {
			writeText(process.stdout, text);
		} else {
			fs.writeFileSync(values.out, text, {mode: 0o600, flag: 'wx'});
			console.error(messages.wrote(lines.length - (format === 'csv' ? 1 : 0), values.out));
		}

		return 0;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			throw new CommandError(messages.exists(values.out ?? ''));
		}

		throw error;
	} finally {
		context.close();
	}
}
