import {maskCardNumbers} from '../domain/card-mask.js';
import {freeText} from '../domain/display-text.js';
import type {ExportRow} from '../store/settlement-store.js';
import {UserError} from '../user-error.js';
import type {ServiceContext} from './service-context.js';

export class ExportError extends UserError {
	override name = 'ExportError';
}

export type ExportFormat = 'csv' | 'json';

const csvColumns: Array<keyof ExportRow> = [
	'kind',
	'voucherNo',
	'originalVoucherNo',
	'referenceNo',
	'authCode',
	'batchNo',
	'terminalId',
	'merchantId',
	'channel',
	'cardMasked',
	'amount',
	'fee',
	'currency',
	'createdAt',
	'operatorNo',
	'approverNo',
	'reason',
];

function csvField(value: string | number | undefined): string {
	const text = value === undefined ? '' : String(value);
	// Quote what needs it, and defuse spreadsheet formulas in free text.
	const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One JSON Lines record. JSON allows U+2028 and U+2029 raw inside strings, but many line splitters
 * (JavaScript's among them) end a line there: they are written escaped, as JSON also allows.
 */
function jsonLine(record: Record<string, unknown>): string {
	return JSON.stringify(record)
		.replaceAll('\u2028', String.raw`\u2028`)
		.replaceAll('\u2029', String.raw`\u2029`);
}

function snakeCase(name: string): string {
	return name.replaceAll(/[A-Z]/g, letter => `_${letter.toLowerCase()}`);
}

/** Money as yuan text, times as ISO 8601 UTC: what an acquirer's statement is compared with. Free text once more without card numbers. */
function present(row: ExportRow) {
	return {
		...row,
		cardMasked: maskCardNumbers(row.cardMasked),
		reason: row.reason === undefined ? undefined : freeText(row.reason),
		amount: (row.amount / 100).toFixed(2),
		fee: (row.fee / 100).toFixed(2),
		createdAt: new Date(row.createdAt).toISOString(),
	};
}

/** The batch's sales and voids for reconciliation, masked card numbers only, as lines of text. */
export function* exportBatch(context: ServiceContext, batchNo: string, format: ExportFormat): Generator<string> {
	const batch = context.store.batches.byNumber(context.config.terminalId, batchNo.padStart(6, '0'));
	if (!batch) {
		throw new ExportError(
			`terminal ${context.config.terminalId} has no batch ${batchNo}: see \`posvoid audit --event settlement\` for settled batches`,
		);
	}

	if (format === 'csv') {
		yield csvColumns.map(name => snakeCase(name)).join(',');
	}

	for (const row of context.store.settlement.exportRows(batch.id)) {
		const shown = present(row);
		yield format === 'csv'
			? csvColumns.map(name => csvField(shown[name])).join(',')
			: jsonLine(Object.fromEntries(csvColumns.map(name => [snakeCase(name), shown[name]])));
	}
}
