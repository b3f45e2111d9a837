import fs from 'node:fs';
import {displayWidth, padEndToWidth, padStartToWidth} from '../domain/display-width.js';
import {formatPlain} from '../domain/money.js';
import {formatDateTime} from '../domain/time-format.js';
import {channelNames, type Channel} from '../domain/transaction.js';
import {messagesFor} from '../i18n/catalogue.js';
import {printFailureText} from '../i18n/print-failure-text.js';
import {reconcileText, type ReconcileText} from '../i18n/reconcile-text.js';
import {
	printReconcileSlip,
	reconcileBills,
	ReconcileFileError,
	type ReconcileKind,
	type ReconcileLine,
	type ReconcileReport,
} from '../services/reconcile-service.js';
import {CommandError} from './command-errors.js';
import {pcAccount} from './pc-account.js';
import {type CommandContext, languageOfArguments, openCommandContext, parseCommand} from './command-context.js';

export const reconcileHelp = `posvoid reconcile FILE... [--out FILE.csv] [--print] [--db PATH] [--config PATH] [--lang zh-CN|en]

Compares the platforms' bills (WeChat Pay trade bill, Alipay business detail, the card acquirer's
export; recognised from the content) with this database, over the bills' days in the counter's time
zone and their channels. Lists every line that does not match:
  sale not in posvoid               a sale in the bill that posvoid does not have
  sale not in the bill              a sale posvoid has, on those days and channels, that no bill shows
  void not yet seen at the platform a void made here with no refund or revocation in the bill
  refunded outside this counter     a refund or void in the bill that posvoid neither made nor recorded
  amount differs / fee differs      a sale both have, with different figures
  bad line in the bill              a line that could not be read, or totals that do not add up
QR sales are matched by the platform's order number (else the merchant's); card sales by terminal,
batch and voucher (else the reference number). Nothing in the books changes; the result is audited
and the X report shows the last reconciliation's unmatched count.
--out FILE writes every line as CSV; --print prints a reconciliation slip.
Exit status: 0 when everything matched, 1 when anything is unmatched (or a bill cannot be read).
Example: posvoid reconcile wechat-20261125.csv alipay-20261125.csv --out reconcile.csv`;

const csvHeader = 'kind,channel,time,key,posvoid_amount,bill_amount,file,line,detail';

function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function money(fen: number | undefined, kind: ReconcileKind): string {
	if (fen === undefined) {
		return '';
	}

	// A fee is shown as it is, an amount as it is; both as plain yuan, 128.50.
	return kind === 'bad-line' ? '' : formatPlain(fen);
}

/** One line of the CSV: times in UTC ISO 8601, amounts in yuan as 128.50. */
function csvLine(line: ReconcileLine): string {
	const fields = [
		line.kind,
		line.channel ?? '',
		line.at === undefined ? '' : new Date(line.at).toISOString(),
		line.key,
		line.posvoid === undefined ? '' : formatPlain(line.posvoid),
		line.bill === undefined ? '' : formatPlain(line.bill),
		line.file ?? '',
		line.line === undefined ? '' : String(line.line),
		line.detail ?? '',
	];
	return `${fields.map(field => csvField(field)).join(',')}\r\n`;
}

/** The CSV, written beside its name and renamed when complete: a failed run leaves no half a file. */
function openCsv(file: string) {
	const partial = `${file}.partial`;
	const descriptor = fs.openSync(partial, 'w');
	let lines = 0;
	let open = true;
	fs.writeSync(descriptor, `${csvHeader}\r\n`);
	return {
		write(line: ReconcileLine): void {
			fs.writeSync(descriptor, csvLine(line));
			lines++;
		},
		/** Closes and renames it; the number of lines written. */
		commit(): number {
			open = false;
			fs.closeSync(descriptor);
			fs.renameSync(partial, file);
			return lines;
		},
		abandon(): void {
			if (open) {
				open = false;
				fs.closeSync(descriptor);
				fs.rmSync(partial, {force: true});
			}
		},
	};
}

const widths = [34, 11, 19, 44, 12, 12];

/** The table's columns padded to their widths, amounts right-aligned. */
function tableRow(cells: string[]): string {
	return cells
		.map((cell, index) => {
			const width = widths[index];
			// A longer cell (a refund's number after its sale's) is never cut: it pushes the rest right.
			if (width === undefined || displayWidth(cell) >= width) {
				return cell;
			}

			return index === 4 || index === 5 ? padStartToWidth(cell, width) : padEndToWidth(cell, width);
		})
		.join(' ')
		.trimEnd();
}

function tableCells(
	line: ReconcileLine,
	text: ReconcileText,
	names: Record<Channel, string>,
	timeZone: string,
): string[] {
	return [
		text.kinds[line.kind],
		line.channel === undefined ? '' : names[line.channel],
		line.at === undefined ? '' : formatDateTime(line.at, timeZone),
		line.kind === 'bad-line' ? (line.detail ?? '') : line.key,
		money(line.posvoid, line.kind),
		money(line.bill, line.kind),
		line.file === undefined ? '' : `${line.file}:${line.line ?? ''}`,
	];
}

async function printSlip(
	context: CommandContext,
	report: ReconcileReport,
	firstLines: ReadonlyArray<{kind: ReconcileKind; key: string}>,
	operatorNo: string,
): Promise<void> {
	const text = reconcileText[context.language];
	const printed = await printReconcileSlip(context, report, firstLines, operatorNo);
	if (printed.ok) {
		console.log(text.printed);
	} else {
		const failure = printFailureText(messagesFor(context.language), printed.failure);
		console.error(text.notPrinted(failure.message, failure.advice));
	}
}

export async function runReconcile(argv: string[]): Promise<number> {
	const {values, positionals} = parseCommand(argv, {
		out: {type: 'string'},
		print: {type: 'boolean'},
	});
	if (values.help) {
		console.log(reconcileHelp);
		return 0;
	}

	const early = reconcileText[languageOfArguments(argv)];
	if (positionals.length === 0) {
		throw new CommandError(early.needsFile);
	}

	for (const file of positionals) {
		if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
			throw new CommandError(`${file} is a folder: name the bill files in it`);
		}
	}

	const context = openCommandContext(values);
	const text = reconcileText[context.language];
	const names = context.language === 'zh-CN' ? channelNames.zh : channelNames.en;
	const {timeZone} = context.config;
	const csv = values.out === undefined ? undefined : openCsv(values.out);
	const firstLines: Array<{kind: ReconcileKind; key: string}> = [];
	let headed = false;
	const {columns} = text;
	const onLine = (line: ReconcileLine) => {
		if (!headed) {
			headed = true;
			console.log(
				tableRow([
					columns.kind,
					columns.channel,
					columns.time,
					columns.key,
					columns.posvoid,
					columns.bill,
					columns.where,
				]),
			);
		}

		console.log(tableRow(tableCells(line, text, names, timeZone)));
		if (firstLines.length < 20) {
			firstLines.push({kind: line.kind, key: line.key || `${line.file ?? ''}:${line.line ?? ''}`});
		}

		csv?.write(line);
	};

	try {
		const report = await reconcileBills(context, positionals, onLine, {account: pcAccount()});
		for (const file of report.files) {
			console.error(text.read(file.file, file.format, file.encoding, file.rows));
		}

		console.error(text.scope(report.days.join(' '), report.channels.map(channel => names[channel]).join(', ')));
		if (csv !== undefined && values.out !== undefined) {
			console.error(text.csvWritten(values.out, csv.commit()));
		}

		console.log(
			report.unmatched === 0 ? text.allMatched(report.matched) : text.unmatched(report.unmatched, report.matched),
		);
		if (values.print) {
			await printSlip(context, report, firstLines, '--');
		}

		return report.unmatched === 0 ? 0 : 1;
	} catch (error) {
		csv?.abandon();
		if (error instanceof ReconcileFileError) {
			throw new CommandError(error.advice ? `${error.message}: ${error.advice}` : error.message);
		}

		throw error;
	} finally {
		context.close();
	}
}
