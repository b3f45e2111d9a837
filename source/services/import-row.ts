import {z} from 'zod';
import {maskCard, maskCardNumbers} from '../domain/card-mask.js';
import {freeText} from '../domain/display-text.js';
import {type FeeSchedule, computeFee} from '../domain/fees.js';
import {parseMoney} from '../domain/money.js';
import {channels, isChannel} from '../domain/transaction.js';
import type {NewTransaction} from '../store/transactions-store.js';

/** The columns an import file must have; `fee` may be left out or empty. */
export const requiredColumns = [
	'voucher_no',
	'reference_no',
	'auth_code',
	'batch_no',
	'terminal_id',
	'merchant_id',
	'channel',
	'card',
	'amount',
	'currency',
	'created_at',
	'operator_no',
] as const;
export const optionalColumns = ['fee'] as const;

/** A field's value as a message may show it: card numbers masked, one line, not too long. */
export function shown(value: string): string {
	const clean = freeText(value);
	return clean.length > 40 ? `${clean.slice(0, 37)}...` : clean;
}

function digits(label: string, min: number, max: number, example: string) {
	const pattern = new RegExp(String.raw`^\d{${min},${max}}$`);
	const length = min === max ? `${min}` : `${min} to ${max}`;
	return z
		.string({error: `${label} is missing`})
		.refine(value => pattern.test(value), `${label} must be ${length} digits, such as ${example}`);
}

/** Leading zeros are often lost by spreadsheets; a shorter number is padded back to six digits. */
function sixDigits(label: string, example: string) {
	return digits(label, 1, 6, example).transform(value => value.padStart(6, '0'));
}

function toFen(label: string, text: string, context: z.core.$RefinementCtx): number {
	const parsed = parseMoney(text);
	if (!parsed.ok) {
		// ParseMoney speaks of "amount"; the fee column gets its own name.
		context.addIssue({code: 'custom', message: maskCardNumbers(parsed.message.replace(/^amount/, label))});
		return z.NEVER;
	}

	if (parsed.fen === 0 && label === 'amount') {
		context.addIssue({code: 'custom', message: 'amount must be more than 0.00'});
		return z.NEVER;
	}

	return parsed.fen;
}

const amount = z.string({error: 'amount is missing'}).transform((text, context) => toFen('amount', text, context));

/** Absent or empty: computed from the configured rates. */
const fee = z
	.string()
	.optional()
	.transform((text, context) => (text === undefined || text === '' ? undefined : toFen('fee', text, context)));

const isoWithOffset =
	/^(?<date>\d{4}-\d{2}-\d{2})[T ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(?<zone>Z|[+-]\d{2}:?\d{2})$/;

/** ISO 8601 with an explicit offset; a time without one is ambiguous and refused. Returns epoch ms. */
export function parseInstant(text: string): number | undefined {
	const match = isoWithOffset.exec(text);
	if (!match?.groups) {
		return undefined;
	}

	const {date = '', time = '', zone = ''} = match.groups;
	const sign = zone.startsWith('-') ? -1 : 1;
	const offsetMinutes = zone === 'Z' ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
	if (Math.abs(offsetMinutes) > 14 * 60) {
		return undefined;
	}

	const epochMs = Date.parse(`${date}T${time}Z`) - offsetMinutes * 60_000;
	// Date.parse rolls 2026-02-30 over to March; reading the same date back catches that.
	if (Number.isNaN(epochMs) || new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10) !== date) {
		return undefined;
	}

	return epochMs;
}

const createdAt = z.string({error: 'created_at is missing'}).transform((text, context) => {
	const epochMs = parseInstant(text);
	if (epochMs === undefined) {
		const hint = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)
			? ' has no UTC offset'
			: ' is not a date and time';
		context.addIssue({
			code: 'custom',
			message: `created_at "${shown(text)}"${hint}: write it like 2026-11-25T14:03:27+08:00`,
		});
		return z.NEVER;
	}

	return epochMs;
});

const card = z.string({error: 'card is missing'}).refine(value => /^\d{0,6}\*+[\dA-Za-z]{4}$/.test(value), {
	// The value here is already masked, so showing it is safe.
	error: issue =>
		`card "${shown(String(issue.input))}" must be a card number or a payer id with at least 4 letters or digits`,
});

/** Builds the validator of one row. Every value arrives as trimmed text, with `card` already masked. */
export function importRowSchema(fees: FeeSchedule) {
	return z
		.object({
			voucher_no: sixDigits('voucher_no', '000123'),
			reference_no: digits('reference_no', 12, 12, '112514012345'),
			auth_code: z
				.string({error: 'auth_code is missing'})
				.refine(
					value => /^[\dA-Za-z]{0,6}$/.test(value),
					'auth_code must be up to 6 letters or digits, such as A1B2C3',
				),
			batch_no: sixDigits('batch_no', '000001'),
			terminal_id: digits('terminal_id', 8, 8, '10293847'),
			merchant_id: digits('merchant_id', 15, 15, '898440358120011'),
			channel: z.string({error: 'channel is missing'}).refine(value => isChannel(value), {
				error: issue => `channel "${shown(String(issue.input))}" is not one of ${channels.join(', ')}`,
			}),
			card,
			amount,
			currency: z
				.string({error: 'currency is missing'})
				.refine(value => /^[A-Z]{3}$/.test(value), 'currency must be a 3-letter code such as CNY'),
			created_at: createdAt,
			operator_no: digits('operator_no', 2, 4, '01'),
			fee,
		})
		.transform((row, context): NewTransaction => {
			const {channel} = row;
			const fee = row.fee ?? computeFee(channel, row.amount, fees);
			if (fee > row.amount) {
				context.addIssue({code: 'custom', path: ['fee'], message: 'fee is more than the amount'});
			}

			return {
				voucherNo: row.voucher_no,
				referenceNo: row.reference_no,
				authCode: row.auth_code,
				batchNo: row.batch_no,
				terminalId: row.terminal_id,
				merchantId: row.merchant_id,
				channel,
				cardMasked: row.card,
				amount: row.amount,
				fee,
				currency: row.currency,
				createdAt: row.created_at,
				operatorNo: row.operator_no,
			};
		});
}

export type RowCheck = {ok: true; row: NewTransaction} | {ok: false; problems: string[]};

/**
 * Validates one record. `card` is masked first of all, so neither the row nor any message holds the full number.
 */
export function checkImportRow(schema: ReturnType<typeof importRowSchema>, record: Record<string, string>): RowCheck {
	const masked = {...record, card: record['card'] === undefined ? undefined : maskCard(record['card'])};
	const result = schema.safeParse(masked);
	if (result.success) {
		return {ok: true, row: result.data};
	}

	const problems = result.error.issues.map(issue => {
		const field = issue.path.map(String).join('.');
		// Messages quote the value they refuse: no control character in it may reach the terminal.
		const message = freeText(issue.message);
		return field === '' || message.startsWith(field) ? message : `${field}: ${message}`;
	});
	return {ok: false, problems};
}
