import type {BillLine, LineSource} from './bill-lines.js';
import {splitCsv} from './bill-fields.js';

export type BillRecord =
	| {kind: 'record'; line: number; fields: string[]}
	| {kind: 'unreadable'; line: number; reason: string}
	| {kind: 'end'; line: BillLine};

/** A record may run over this many lines inside "quotes"; past that the quote is taken as never closed. */
const longestRecord = 50;

/**
 * The records of a table, read from the line after its header: empty lines skipped, a "quoted field" over
 * several lines joined, and `isEnd` deciding the line where the table stops (a summary header, a `#`
 * footer), which is handed back as `end`.
 */
export async function* tableRecords(
	source: LineSource,
	isEnd: (text: string) => boolean,
): AsyncGenerator<BillRecord, void, undefined> {
	for (let line = await source.next(); line; line = await source.next()) {
		if (line.text.trim() === '') {
			continue;
		}

		if (isEnd(line.text)) {
			yield {kind: 'end', line};
			return;
		}

		let {text} = line;
		let fields = splitCsv(text);
		let joined = 1;
		while (!fields && joined < longestRecord) {
			const more = await source.next();
			if (!more) {
				break;
			}

			text += '\n' + more.text;
			joined++;
			fields = splitCsv(text);
		}

		if (!fields) {
			yield {
				kind: 'unreadable',
				line: line.number,
				reason: 'a quoted field is never closed: check the " characters from this line on',
			};
		} else if (text.includes('\uFFFD')) {
			yield {
				kind: 'unreadable',
				line: line.number,
				reason: `the line holds bytes that are not ${source.encoding === 'gb18030' ? 'GBK' : 'Unicode (UTF-8)'} text: save the whole file in one encoding and import again`,
			};
		} else {
			yield {kind: 'record', line: line.number, fields};
		}
	}
}
