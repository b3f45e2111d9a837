import fs from 'node:fs/promises';
import path from 'node:path';
import {Readable} from 'node:stream';
import {parse, type CsvError} from 'csv-parse';
import {maskCard, maskCardNumbers} from '../domain/card-mask.js';
import {freeText} from '../domain/display-text.js';
import {UserError} from '../user-error.js';
import {optionalColumns, requiredColumns} from './import-row.js';

export type ImportFormat = 'csv' | 'jsonl';

/** One data record as text, `card` already masked, with the line it ends on (its first line for JSON Lines). */
export type SourceRecord = {line: number; values: Record<string, string>};

export type UnreadableLine = {line: number; problems: string[]};

export type ReadResult = {
	format: ImportFormat;
	records: SourceRecord[];
	unreadable: UnreadableLine[];
	ignoredColumns: string[];
};

/** The file as a whole cannot be imported: unreadable, not UTF-8, or without the columns. The message says what to do. */
export class ImportFileError extends UserError {
	override name = 'ImportFileError';
}

export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

const sliceSize = 1024 * 1024;

function detectFormat(file: string, text: string): ImportFormat {
	const extension = path.extname(file).toLowerCase();
	if (extension === '.jsonl' || extension === '.ndjson') {
		return 'jsonl';
	}

	if (extension === '.csv') {
		return 'csv';
	}

	return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

async function readUtf8(file: string): Promise<string> {
	let bytes: Uint8Array;
	try {
		bytes = await fs.readFile(file);
	} catch (error) {
		throw new ImportFileError(
			`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`,
		);
	}

	try {
		// The BOM goes here; CRLF becomes LF so that line numbers come out right inside quoted fields too.
		return new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes).replaceAll('\r\n', '\n');
	} catch {
		throw new ImportFileError(
			`${file} is not UTF-8 text (a spreadsheet may have saved it as GBK): save it as "CSV UTF-8" and import again`,
		);
	}
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

async function readCsv(file: string, text: string, onProgress?: ReadProgress): Promise<ReadResult> {
	const records: SourceRecord[] = [];
	const unreadable: UnreadableLine[] = [];
	let ignoredColumns: string[] = [];
	const total = Buffer.byteLength(text);
	const parser = parse({
		bom: true,
		columns(header: string[]) {
			const names = header.map(name => name.trim().toLowerCase());
			ignoredColumns = checkColumns(file, names);
			return names;
		},
		info: true,
		skip_empty_lines: true,
		trim: true,
		skip_records_with_error: true,
		on_skip(error) {
			if (error) {
				unreadable.push({line: Number((error as {lines?: unknown}).lines ?? 0), problems: [describeCsvError(error)]});
			}

			return undefined;
		},
	});
	const slices = (function* () {
		for (let start = 0; start < text.length; start += sliceSize) {
			yield text.slice(start, start + sliceSize);
		}
	})();
	try {
		for await (const {record, info} of Readable.from(slices).pipe(parser) as AsyncIterable<{
			record: Record<string, unknown>;
			info: {lines: number; bytes: number};
		}>) {
			const values = cleanRecord(record);
			// Info.lines is the line the record ends on; a quoted field with line breaks started earlier.
			const breaks = Object.values(values).reduce((count, value) => count + value.split('\n').length - 1, 0);
			records.push({line: info.lines - breaks, values});
			if (records.length % 1000 === 0) {
				onProgress?.(info.bytes, total);
			}
		}
	} catch (error) {
		if (error instanceof ImportFileError) {
			throw error;
		}

		throw new ImportFileError(`${file} is not readable as CSV: ${maskCardNumbers((error as Error).message)}`);
	}

	if (records.length === 0 && unreadable.length === 0 && text.trim() === '') {
		throw new ImportFileError(`${file} is empty: it needs a header line and at least one row`);
	}

	onProgress?.(total, total);
	return {format: 'csv', records, unreadable, ignoredColumns};
}

function readJsonLines(file: string, text: string, onProgress?: ReadProgress): ReadResult {
	const records: SourceRecord[] = [];
	const unreadable: UnreadableLine[] = [];
	const columns = new Set<string>();
	const lines = text.replace(/^\uFEFF/, '').split('\n');
	const total = lines.length;
	for (const [index, lineText] of lines.entries()) {
		const line = index + 1;
		if (lineText.trim() === '') {
			continue;
		}

		let parsed: unknown;
		try {
			parsed = JSON.parse(lineText);
		} catch {
			// JSON.parse quotes the text around the error, which could be a card number: say where, not what.
			unreadable.push({
				line,
				problems: ['not valid JSON: each line must be one object such as {"voucher_no": "000123", ...}'],
			});
			continue;
		}

		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			unreadable.push({line, problems: ['not a JSON object: each line must be one {...} record']});
			continue;
		}

		const lostDigits = numbersLosingDigits(parsed as Record<string, unknown>);
		if (lostDigits.length > 0) {
			unreadable.push({line, problems: lostDigits});
			continue;
		}

		const values = cleanRecord(parsed as Record<string, unknown>);
		for (const key of Object.keys(values)) {
			columns.add(key);
		}

		records.push({line, values});
		if (records.length % 1000 === 0) {
			onProgress?.(index, total);
		}
	}

	if (records.length === 0 && unreadable.length === 0) {
		throw new ImportFileError(`${file} is empty: it needs at least one record`);
	}

	// A key missing from every record is a file-level mistake; missing from some is a per-line one.
	const known = new Set<string>([...requiredColumns, ...optionalColumns]);
	const ignoredColumns = shownColumns([...columns].filter(column => !known.has(column)));
	if (records.length > 0) {
		checkColumns(file, [...columns]);
	}

	onProgress?.(total, total);
	return {format: 'jsonl', records, unreadable, ignoredColumns};
}

/** Reads a CSV (with a header line) or JSON Lines file into text records, every card masked on the way in. */
export async function readImportFile(file: string, onProgress?: ReadProgress): Promise<ReadResult> {
	const text = await readUtf8(file);
	return detectFormat(file, text) === 'jsonl' ? readJsonLines(file, text, onProgress) : readCsv(file, text, onProgress);
}
