import {type BillFormat, type BillRow, type OpenedBill, billFormats} from './bill-row.js';
import {BillFileError} from './bill-error.js';
import {columnKey, splitCsv} from './bill-fields.js';
import {type LineSource, openLines} from './bill-lines.js';
import {type ReadOptions, type TableReader, headerSearchLines} from './bill-reader.js';
import {acquirerExport} from './acquirer-export.js';
import {alipayBusinessDetail} from './alipay-business-detail.js';
import {wechatTradeBill} from './wechat-trade-bill.js';

export type OpenBillOptions = {
	/** Forces a format instead of recognising it from the content. */
	format?: BillFormat;
	/** The counter's IANA zone: bills write local times without an offset. */
	timeZone: string;
	/** For rows whose bill names no currency. */
	currency: string;
};

/** Alipay first: its `#` lines come before anything else; then WeChat Pay, then the acquirers' looser layout. */
const readers: readonly TableReader[] = [alipayBusinessDetail, wechatTradeBill, acquirerExport];

/** Posvoid's own import columns (services/import-row.ts), or its JSON Lines. */
function isPosvoidFile(lines: readonly string[]): boolean {
	const first = lines.find(line => line.trim() !== '')?.trimStart() ?? '';
	if (first.startsWith('{')) {
		return true;
	}

	const keys = new Set((splitCsv(first) ?? []).map(name => columnKey(name).toLowerCase()));
	return keys.has('voucher_no') && keys.has('reference_no');
}

function recognise(lines: readonly string[]): BillFormat | undefined {
	if (isPosvoidFile(lines)) {
		return 'posvoid';
	}

	return readers.find(reader => reader.recognises(lines))?.format;
}

function unknownFormat(file: string): BillFileError {
	return new BillFileError(
		`${file} is not a file posvoid can read: it reads WeChat Pay trade bills (交易账单, type ALL), Alipay business detail (业务明细), card acquirer exports and posvoid's own CSV or JSON Lines`,
		`If it is one of them, name its format: --format ${billFormats.join('|')}.`,
	);
}

/** Posvoid's own file is read by services/import-reader.ts; openBill only says that it is one. */
function posvoidFile(source: LineSource): OpenedBill {
	source.close();
	return {
		format: 'posvoid',
		encoding: source.encoding,
		columns: [],
		rows: {
			// eslint-disable-next-line require-yield -- refusing to be read is the point
			async *[Symbol.asyncIterator](): AsyncGenerator<BillRow> {
				throw new Error('posvoid import files are read by services/import-reader.ts, not through openBill');
			},
		},
		totals: () => undefined,
		mismatches: () => [],
		progress: () => ({bytesRead: 0, bytesTotal: source.bytesTotal}),
		missingTotals: () => false,
	};
}

/**
 * Opens a bill: detects its encoding from its bytes and its format from its first lines (never its
 * name), finds the header and checks that the columns the format needs are there. Rows stream from
 * there on. Throws BillFileError for a file that cannot be read as a whole.
 */
export async function openBill(file: string, options: OpenBillOptions): Promise<OpenedBill> {
	const source = await openLines(file);
	try {
		const head = await source.peek(headerSearchLines);
		if (head.every(line => line.text.trim() === '')) {
			throw new BillFileError(`${file} is empty`, 'Download the bill again: it needs a header and its rows.');
		}

		const format = options.format ?? recognise(head.map(line => line.text));
		if (!format) {
			throw unknownFormat(file);
		}

		if (format === 'posvoid') {
			return posvoidFile(source);
		}

		const reader = readers.find(candidate => candidate.format === format)!;
		const readOptions: ReadOptions = {file, timeZone: options.timeZone, currency: options.currency};
		const table = await reader.open(source, readOptions);
		async function* rows(): AsyncGenerator<BillRow> {
			try {
				yield* table.rows;
			} finally {
				source.close();
			}
		}

		return {
			format,
			encoding: source.encoding,
			columns: table.columns,
			rows: rows(),
			totals: table.totals,
			mismatches: table.mismatches,
			missingTotals: table.missingTotals,
			progress: () => ({bytesRead: source.bytesRead(), bytesTotal: source.bytesTotal}),
		};
	} catch (error) {
		source.close();
		throw error;
	}
}
