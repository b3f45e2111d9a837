import fs from 'node:fs';
import {billFormats, type BillFormat} from '../bills/bill-row.js';
import {formatScreen} from '../domain/money.js';
import {billImportText} from '../i18n/bill-import-text.js';
import type {Language} from '../i18n/language.js';
import {ImportFileError, importTransactions, type ImportReport} from '../services/import-service.js';
import type {CommandMessages} from '../i18n/command-messages.js';
import {messagesFor} from '../i18n/catalogue.js';
import {CommandError} from './command-errors.js';
import {languageOfArguments, openCommandContext, parseCommand} from './command-context.js';
import {pcAccount} from './pc-account.js';
import {progressBar} from './progress-bar.js';
import {secretSource} from './secret-input.js';
import {authenticateFromSource} from './supervisor-auth.js';

export const importHelp = `posvoid import FILE [--format posvoid|wechat|alipay|acquirer] [--skip-bad] [--operator NO [--password-stdin]] [--db PATH] [--config PATH]

Imports completed sales from a CSV file with a header line, or from JSON Lines (.jsonl, .ndjson).
Columns: voucher_no, reference_no, auth_code, batch_no, terminal_id, merchant_id, channel
(debit, credit, wechat, alipay, unionpay_qr), card, amount (128.50), currency, created_at
(ISO 8601 with its offset, 2026-11-25T14:03:27+08:00), operator_no, and optionally fee (absent:
computed from the configured rates). UTF-8 with or without BOM. Card numbers are masked to the
first 6 and last 4 digits before anything is stored.
A file with any bad line imports nothing and lists every bad line; --skip-bad imports the good
lines and lists the rest. Rows already imported (same terminal, batch and voucher) are reported,
not doubled. This terminal's rows must be in its open batch (a counter has one open batch); rows of
another batch of this terminal are bad lines. The audit row names who ran the import: --operator NO
(after that operator's password), and always the PC account it ran under, for an unattended import.
The format is recognised from the content; --format forces one. It says which format and encoding it
read. Rows are staged, written hidden in chunks and shown by one short transaction: all of the file
or none, and the console can keep voiding meanwhile. A file imported again adds nothing twice. A
refund or void row becomes its sale's outside resolution (that sale cannot be voided here); one whose
sale is unknown is kept for reconciliation. QR sales from a platform's bill join this counter's open batch.
Example: posvoid import data/sample-transactions.csv`;

/** Files above this size get a progress bar on a terminal. */
const largeFileBytes = 1024 * 1024;

function printReport(report: ImportReport, text: CommandMessages['import'], language: Language, forced: boolean): void {
	const bills = billImportText[language];
	console.error(bills.read(report.format, report.encoding, forced));
	for (const bad of report.bad) {
		console.error(text.badLine(bad.line, bad.problems.join('; ')));
	}

	if (report.badCount > report.bad.length) {
		console.error(bills.moreBadLines(report.badCount - report.bad.length));
	}

	for (const duplicate of report.duplicates) {
		console.error(
			duplicate.orderNo === undefined
				? text.duplicate(
						duplicate.line,
						duplicate.terminalId,
						duplicate.batchNo,
						duplicate.voucherNo,
						duplicate.firstLine,
					)
				: bills.orderDuplicate(duplicate.line, duplicate.orderNo, duplicate.firstLine),
		);
	}

	const duplicates = report.alreadyThere + report.repeatedInFile;
	if (duplicates > report.duplicates.length) {
		console.error(bills.moreDuplicates(duplicates - report.duplicates.length));
	}

	if (duplicates > 0) {
		console.error(bills.alreadyThere(report.alreadyThere, report.repeatedInFile));
	}

	if (report.ignoredColumns.length > 0) {
		console.error(text.ignoredColumns(report.ignoredColumns.join(', ')));
	}

	if (!report.committed) {
		console.error(text.nothingImported(report.file, report.badCount, report.rowsRead));
		return;
	}

	console.log(
		text.imported({
			imported: report.imported,
			read: report.rowsRead,
			file: report.file,
			format: report.format,
			skipped: report.badCount,
			duplicates,
			batches: report.batchesCreated.join(', '),
		}),
	);
	if (report.qrBatch !== undefined) {
		console.log(bills.qrBatch(report.qrBatch));
	}

	const {resolutions} = report;
	if (resolutions.matched + resolutions.alreadyKnown + resolutions.unmatched.length > 0) {
		for (const line of bills.resolutions({...resolutions, unmatched: resolutions.unmatched.length})) {
			console.log(line);
		}

		for (const unmatched of resolutions.unmatched) {
			console.log(bills.unmatched(unmatched.line, unmatched.kind, unmatched.refersTo, formatScreen(unmatched.amount)));
		}
	}
}

/** The bill formats `--format` takes; posvoid's own is the only one read until the bill readers land. */
function checkFormat(format: string | undefined, language: Language): BillFormat | undefined {
	if (format === undefined) {
		return undefined;
	}

	if (!(billFormats as readonly string[]).includes(format)) {
		throw new CommandError(billImportText[language].unknownFormat(format, billFormats.join(', ')));
	}

	return format as BillFormat;
}

export async function runImport(argv: string[]): Promise<number> {
	const {values, positionals} = parseCommand(argv, {
		'skip-bad': {type: 'boolean'},
		operator: {type: 'string'},
		'password-stdin': {type: 'boolean'},
		format: {type: 'string'},
	});
	if (values.help) {
		console.log(importHelp);
		return 0;
	}

	const text = messagesFor(languageOfArguments(argv)).commands.import;
	const format = checkFormat(values.format, languageOfArguments(argv));
	const forced = format !== undefined;
	const [file, ...extra] = positionals;
	if (file === undefined || extra.length > 0) {
		throw new CommandError(text.needsFile);
	}

	if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
		throw new CommandError(text.isFolder(file.replace(/\/+$/, '')));
	}

	const large = fs.existsSync(file) && fs.statSync(file).size > largeFileBytes;
	const reading = progressBar('reading');
	const writing = progressBar('publishing');
	const context = openCommandContext(values);
	// Only an attended import reads a password: an unattended one may run with no terminal at all.
	const secrets = values.operator === undefined ? undefined : secretSource(values['password-stdin'] ?? false);
	try {
		const operator =
			values.operator === undefined || secrets === undefined
				? undefined
				: await authenticateFromSource(context, secrets, values.operator, 'import');
		const report = await importTransactions(context, file, {
			format,
			skipBad: values['skip-bad'] ?? false,
			runBy: {operatorNo: operator?.operatorNo, account: pcAccount()},
			onProgress(phase, done, total) {
				if (large) {
					(phase === 'reading' ? reading : writing).update(done, total);
				}
			},
		});
		reading.finish();
		writing.finish();
		printReport(report, messagesFor(context.language).commands.import, context.language, forced);
		return report.committed ? 0 : 1;
	} catch (error) {
		reading.finish();
		writing.finish();
		if (error instanceof ImportFileError) {
			throw new CommandError(error.advice ? `${error.message}: ${error.advice}` : error.message);
		}

		throw error;
	} finally {
		secrets?.close();
		context.close();
	}
}
