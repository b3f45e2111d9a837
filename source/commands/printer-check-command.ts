import process from 'node:process';
import {messagesFor} from '../i18n/catalogue.js';
import {printFailureText} from '../i18n/print-failure-text.js';
import {pickLanguage} from '../i18n/language.js';
import {printerCheckTextFor} from '../i18n/printer-check-text.js';
import {identifyPrinter, testPrinter} from '../services/printer-check-service.js';
import {parseCommand, resolveConfig} from './command-context.js';

/** `posvoid printer test` and `posvoid printer identify`: the configured printer, asked from the command line. */
export async function runPrinterCheck(what: 'test' | 'identify', argv: string[]): Promise<number> {
	const {values} = parseCommand(argv, {}, false);
	const config = resolveConfig(values);
	const language = pickLanguage(values.lang, config.language, process.env);
	const text = printerCheckTextFor(language);
	const messages = messagesFor(language);
	if (values.help) {
		console.log(what === 'test' ? text.testHelp : text.identifyHelp);
		return 0;
	}

	const where = `${config.printer.host}:${config.printer.port}`;
	if (what === 'identify') {
		const answer = await identifyPrinter(config);
		if (!answer.ok) {
			const {message, advice} = printFailureText(messages, answer.failure);
			console.error(text.unreachable(where, message, advice));
			return 1;
		}

		if (answer.suggestion === undefined) {
			console.error(text.noIdentity);
			return 3;
		}

		for (const field of ['maker', 'model', 'firmware', 'fonts'] as const) {
			const value = answer.identity[field];
			if (value !== undefined) {
				console.log(text.identity(field, value));
			}
		}

		console.log(text.suggestion(answer.suggestion));
		return 0;
	}

	const tested = await testPrinter(config);
	if (!tested.ok) {
		const {message, advice} = printFailureText(messages, tested.failure);
		console.error(text.unreachable(where, message, advice));
		return 1;
	}

	const {report} = tested;
	console.log(text.testPrinted(report.profile));
	console.log(text.status(report.statusAnswered));
	if (report.unencodable.length > 0) {
		console.log(text.unencodable(report.unencodable.join('')));
	}

	if (report.page.kind === 'failed') {
		const {message, advice} = printFailureText(messages, report.page.failure);
		console.error(text.pageFailed(message, advice));
		return 3;
	}

	console.log(text.confirmation(report.page.kind));
	return report.page.kind === 'confirmed' ? 0 : 3;
}
