import type {BillFormat, BillRow, BillTotals, TotalsMismatch} from './bill-row.js';
import {BillFileError} from './bill-error.js';
import type {BillLine, LineSource} from './bill-lines.js';
import {splitCsv} from './bill-fields.js';

export type ReadOptions = {file: string; timeZone: string; currency: string};

/** What one format's reader gives openBill once it has found the header. */
export type TableRead = {
	columns: readonly string[];
	rows: AsyncIterable<BillRow>;
	totals(): BillTotals | undefined;
	mismatches(): readonly TotalsMismatch[];
	missingTotals(): boolean;
};

/** One bill format: how to recognise it from its first lines, and how to read it. */
export type TableReader = {
	format: Exclude<BillFormat, 'posvoid'>;
	/** For messages: "a WeChat Pay trade bill". */
	title: string;
	recognises(lines: readonly string[]): boolean;
	open(source: LineSource, options: ReadOptions): Promise<TableRead>;
};

/** How far down a header may be: acquirer portals and Alipay put a few title lines above it. */
export const headerSearchLines = 30;

/** Consumes lines up to and including the header, the first line `isHeader` accepts. */
export async function findHeader(
	source: LineSource,
	options: ReadOptions,
	wanted: {title: string; isHeader: (text: string) => boolean; columns: string},
): Promise<{line: BillLine; fields: string[]}> {
	const {title, isHeader} = wanted;
	for (let count = 0; count < headerSearchLines; count++) {
		const line = await source.next();
		if (!line) {
			break;
		}

		if (isHeader(line.text)) {
			return {line, fields: splitCsv(line.text) ?? [line.text]};
		}
	}

	source.close();
	throw new BillFileError(
		`${options.file} is not ${title}: none of its first ${headerSearchLines} lines is a header naming ${wanted.columns}`,
		'Check that it is the file downloaded from the platform, or choose its format with --format.',
	);
}

/** Adds up what the detail rows say, to hold against the figures the file states about itself. */
export class TotalsCheck {
	readonly counted: Required<BillTotals> = {
		rowCount: 0,
		saleCount: 0,
		saleAmount: 0,
		refundCount: 0,
		refundAmount: 0,
		fee: 0,
	};

	readonly stated: BillTotals = {};
	readonly mismatches: TotalsMismatch[] = [];
	seen = false;

	/**
	 * Records a stated figure; `alsoAccepted` are other sums the platform's wording may mean (its own
	 * definition is not published precisely), any of which counts as a match.
	 */
	state(figure: keyof BillTotals, stated: number, line: number, alsoAccepted: readonly number[] = []) {
		this.seen = true;
		this.stated[figure] = stated;
		const counted = this.counted[figure];
		if (stated !== counted && !alsoAccepted.includes(stated)) {
			this.mismatches.push({figure, stated, counted, line});
		}
	}
}
