import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import {type Readable, Transform, type TransformCallback} from 'node:stream';
import {parse, type CsvError} from 'csv-parse';
import type {BadBillLine, BillRow, BillSale, OpenedBill} from '../bills/bill-row.js';
import type {FeeSchedule} from '../domain/fees.js';
import {maskCard, maskCardNumbers} from '../domain/card-mask.js';
import {freeText} from '../domain/display-text.js';
import {UserError} from '../user-error.js';
import {checkImportRow, importRowSchema, optionalColumns, requiredColumns} from './import-row.js';

export type ImportFormat = 'csv' | 'jsonl';

/** One data record as text, `card` already masked, with the line it ends on (its first line for JSON Lines). */
export type SourceRecord = {line: number; values: Record<string, string>};

export type UnreadableLine = {line: number; problems: string[]};

/** The file as a whole cannot be imported: unreadable, not UTF-8, or without the columns. The message says what to do. */
export class ImportFileError extends UserError {
	override name = 'ImportFileError';
}

export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

function detectFormat(file: string, head: string): ImportFormat {
	const extension = path.extname(file).toLowerCase();
	if (extension === '.jsonl' || extension === '.ndjson') {
		return 'jsonl';
	}

	if (extension === '.csv') {
		return 'csv';
	}

	return head
		.replace(/^\uFEFF/, '')
		.trimStart()
		.startsWith('{')
		? 'jsonl'
		: 'csv';
}

/** Values as text, trimmed, with the card masked before anything else sees it. */
function cleanRecord(raw: Record<string, unknown>): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		const name = key.trim().toLowerCase();
		if (value === undefined || value === null) {
			continue;
		}

		const text = (
			typeof value === 'string'
				? value
				: typeof value === 'number' || typeof value === 'boolean'
					? String(value)
					: JSON.stringify(value)
		).trim();
		values[name] = name === 'card' ? maskCard(text) : text;
	}

	return values;
}

/**
 * A JSON number keeps about 16 digits: a card number written as one has already lost its last digits
 * by the time it is read, and would be stored with a wrong last four. Such values are refused, never guessed at.
 */
function numbersLosingDigits(raw: Record<string, unknown>): string[] {
	const problems: string[] = [];
	for (const [key, value] of Object.entries(raw)) {
		const name = freeText(key.trim().toLowerCase(), 40);
		if (name === 'card' && typeof value === 'object' && value !== null) {
			// A number inside an object or a list has lost its digits just the same.
			problems.push('card is not text: write the card number in quotes, such as "card": "6228480000000018"');
		} else if (typeof value !== 'number') {
			continue;
		} else if (name === 'card') {
			problems.push('card is a JSON number: write the card number in quotes, such as "card": "6228480000000018"');
		} else if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
			problems.push(`${name} is a JSON number too long to keep every digit: write it in quotes`);
		}
	}

	return problems;
}

function checkColumns(file: string, columns: readonly string[]): string[] {
	const missing = requiredColumns.filter(column => !columns.includes(column));
	if (missing.length > 0) {
		throw new ImportFileError(
			`${file} lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}: the first line must name the columns ${requiredColumns.join(', ')} (and optionally fee)`,
		);
	}

	const known = new Set<string>([...requiredColumns, ...optionalColumns]);
	return shownColumns(columns.filter(column => !known.has(column)));
}

/** Column names as a message may quote them: a header is the file's text, and could be a card number or an escape. */
function shownColumns(columns: string[]): string[] {
	return [...new Set(columns.map(column => freeText(column, 40)))];
}

const csvProblems: Partial<Record<CsvError['code'], string>> = {
	CSV_RECORD_INCONSISTENT_COLUMNS:
		'the line has a different number of fields than the header (a comma inside a value needs "quotes")',
	CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed: check the " characters from this line to the end of the file',
	CSV_INVALID_CLOSING_QUOTE:
		'a quoted field has text right after its closing quote (write a quote inside quotes as "")',
	INVALID_OPENING_QUOTE:
		'a quote in the middle of an unquoted field (put the whole field in "quotes" and write the quote as "")',
};

/** Why csv-parse refused a record, without the record's content (it could hold a card number). */
function describeCsvError(error: CsvError): string {
	return (
		csvProblems[error.code] ?? `unreadable CSV: ${maskCardNumbers(error.message).replaceAll(/value is ".*"$/gs, '')}`
	);
}

/** A bad line of posvoid's own format keeps each of its problems apart, for the report. */
export type PosvoidBadLine = BadBillLine & {problems: string[]};

function bad(line: number, problems: string[]): PosvoidBadLine {
	return {kind: 'bad', line, reason: problems.join('; '), problems};
}

function notUtf8(file: string): ImportFileError {
	return new ImportFileError(
		`${file} is not UTF-8 text (a spreadsheet may have saved it as GBK): save it as "CSV UTF-8" and import again`,
	);
}

/**
 * Decodes UTF-8 as it streams (refusing anything else, the BOM dropped) and turns CRLF into LF, so that
 * line numbers come out right inside quoted fields too. Counts the bytes it has read, for progress.
 */
function utf8Lines(file: string, counter: {bytesRead: number}): Transform {
	const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false});
	let carriageReturn = false;
	const normalise = (text: string): string => {
		let out = carriageReturn ? `\r${text}` : text;
		carriageReturn = out.endsWith('\r');
		if (carriageReturn) {
			out = out.slice(0, -1);
		}

		return out.replaceAll('\r\n', '\n');
	};

	return new Transform({
		decodeStrings: true,
		transform(chunk: Uint8Array, _encoding, callback: TransformCallback) {
			counter.bytesRead += chunk.length;
			try {
				callback(undefined, normalise(decoder.decode(chunk, {stream: true})));
			} catch {
				callback(notUtf8(file));
			}
		},
		flush(callback: TransformCallback) {
			try {
				const rest = normalise(decoder.decode());
				callback(undefined, carriageReturn ? `${rest}\r` : rest);
			} catch {
				callback(notUtf8(file));
			}
		},
	});
}

type RowCheck = (line: number, values: Record<string, string>) => BillSale | PosvoidBadLine;

async function* csvRows(
	file: string,
	source: Readable,
	check: RowCheck,
	onColumns: (columns: string[]) => void,
): AsyncGenerator<BillRow> {
	const unreadable: PosvoidBadLine[] = [];
	let sawAnything = false;
	const parser = parse({
		columns(header: string[]) {
			// A header alone is a file with no sales (0 rows), not an empty file.
			sawAnything = true;
			const names = header.map(name => name.trim().toLowerCase());
			onColumns(checkColumns(file, names));
			return names;
		},
		info: true,
		skip_empty_lines: true,
		trim: true,
		skip_records_with_error: true,
		on_skip(error) {
			if (error) {
				unreadable.push(bad(Number((error as {lines?: unknown}).lines ?? 0), [describeCsvError(error)]));
			}

			return undefined;
		},
	});
	source.on('error', (error: Error) => {
		parser.destroy(error);
	});
	try {
		for await (const {record, info} of source.pipe(parser) as AsyncIterable<{
			record: Record<string, unknown>;
			info: {lines: number};
		}>) {
			sawAnything = true;
			yield* unreadable.splice(0);
			const values = cleanRecord(record);
			// Info.lines is the line the record ends on; a quoted field with line breaks started earlier.
			const breaks = Object.values(values).reduce((count, value) => count + value.split('\n').length - 1, 0);
			yield check(info.lines - breaks, values);
		}
	} catch (error) {
		if (error instanceof ImportFileError) {
			throw error;
		}

		throw new ImportFileError(`${file} is not readable as CSV: ${maskCardNumbers((error as Error).message)}`);
	}

	if (unreadable.length > 0) {
		sawAnything = true;
	}

	yield* unreadable;
	if (!sawAnything) {
		throw new ImportFileError(`${file} is empty: it needs a header line and at least one row`);
	}
}

async function* jsonLinesRows(
	file: string,
	source: Readable,
	check: RowCheck,
	onColumns: (columns: string[]) => void,
): AsyncGenerator<BillRow> {
	const columns = new Set<string>();
	let line = 0;
	let records = 0;
	let unreadable = 0;
	const lines = readline.createInterface({input: source, crlfDelay: Number.POSITIVE_INFINITY});
	// Once the reader has stopped (a consumer that left early), nothing listens on `lines`: the error is moot.
	source.on('error', (error: Error) => {
		if (lines.listenerCount('error') > 0) {
			lines.emit('error', error);
		}
	});
	for await (const rawText of lines) {
		line++;
		const lineText = line === 1 ? rawText.replace(/^\uFEFF/, '') : rawText;
		if (lineText.trim() === '') {
			continue;
		}

		let parsed: unknown;
		try {
			parsed = JSON.parse(lineText);
		} catch {
			// JSON.parse quotes the text around the error, which could be a card number: say where, not what.
			unreadable++;
			yield bad(line, ['not valid JSON: each line must be one object such as {"voucher_no": "000123", ...}']);
			continue;
		}

		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			unreadable++;
			yield bad(line, ['not a JSON object: each line must be one {...} record']);
			continue;
		}

		const lostDigits = numbersLosingDigits(parsed as Record<string, unknown>);
		if (lostDigits.length > 0) {
			unreadable++;
			yield bad(line, lostDigits);
			continue;
		}

		const values = cleanRecord(parsed as Record<string, unknown>);
		for (const key of Object.keys(values)) {
			columns.add(key);
		}

		records++;
		yield check(line, values);
	}

	if (records === 0 && unreadable === 0) {
		throw new ImportFileError(`${file} is empty: it needs at least one record`);
	}

	// A key missing from every record is a file-level mistake; missing from some is a per-line one.
	const known = new Set<string>([...requiredColumns, ...optionalColumns]);
	onColumns(shownColumns([...columns].filter(column => !known.has(column))));
	if (records > 0) {
		checkColumns(file, [...columns]);
	}
}

function openFailure(file: string, error: unknown): ImportFileError {
	return new ImportFileError(
		`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`,
	);
}

/** The first bytes of a file, to tell its format and whether it starts with a BOM. */
function readHead(file: string): {head: string; size: number} {
	let handle: number | undefined;
	try {
		handle = fs.openSync(file, 'r');
		const {size} = fs.fstatSync(handle);
		const buffer = Buffer.alloc(Math.min(size, 4096));
		fs.readSync(handle, buffer, 0, buffer.length, 0);
		return {head: buffer.toString('utf8'), size};
	} catch (error) {
		throw openFailure(file, error);
	} finally {
		if (handle !== undefined) {
			fs.closeSync(handle);
		}
	}
}

/**
 * Opens a file in posvoid's own format, CSV with a header line or JSON Lines, as a streaming bill: each
 * record is checked as it is read (cards masked first of all), so memory stays flat whatever the size.
 * `columns` lists the columns posvoid does not use once the rows are read (a JSON Lines file names
 * them only as its records go by). A file-level problem is thrown as ImportFileError while reading.
 */
export function openPosvoidFile(file: string, fees: FeeSchedule): OpenedBill & {format: 'posvoid'; kind: ImportFormat} {
	const {head, size} = readHead(file);
	const kind = detectFormat(file, head);
	const schema = importRowSchema(fees);
	const counter = {bytesRead: 0};
	const ignored: string[] = [];
	const check: RowCheck = (line, values) => {
		const result = checkImportRow(schema, values);
		if (!result.ok) {
			return bad(line, result.problems);
		}

		const {row} = result;
		return {kind: 'sale', line, ...row};
	};

	const onColumns = (columns: string[]) => {
		ignored.splice(0, ignored.length, ...columns);
	};

	async function* rows(): AsyncGenerator<BillRow> {
		const stream = fs.createReadStream(file, {highWaterMark: 256 * 1024});
		const opened = new Promise<void>((resolve, reject) => {
			stream.once('open', () => {
				resolve();
			});
			stream.once('error', error => {
				reject(openFailure(file, error));
			});
		});
		await opened;
		const text = stream.pipe(utf8Lines(file, counter));
		stream.on('error', error => {
			text.destroy(error);
		});
		try {
			yield* kind === 'jsonl' ? jsonLinesRows(file, text, check, onColumns) : csvRows(file, text, check, onColumns);
		} finally {
			// A consumer that stops early (or an error) leaves no stream reading the file behind it.
			stream.destroy();
			text.destroy();
		}
	}

	return {
		format: 'posvoid',
		kind,
		// eslint-disable-next-line unicorn/text-encoding-identifier-case -- the contract's names for the user
		encoding: head.startsWith('\uFEFF') ? 'utf-8-bom' : 'utf-8',
		columns: ignored,
		rows: rows(),
		totals: () => undefined,
		mismatches: () => [],
		missingTotals: () => false,
		progress: () => ({bytesRead: counter.bytesRead, bytesTotal: size}),
	};
}
