/** Money is an integer number of minor units (fen) everywhere; text exists only at the edges. */
export type Fen = number;

/** The largest amount the `amount` column accepts: ¥99,999,999.99. */
export const maxAmountFen: Fen = 9_999_999_999;

export type MoneyParse = {ok: true; fen: Fen} | {ok: false; message: string};

const moneyPattern = /^(?<yuan>\d+)(?:\.(?<fraction>\d{1,2}))?$/;

/** Reads `128.50`, `128.5` or `128` as fen. Rejects separators, signs, a third decimal and anything over the column's range. */
export function parseMoney(text: string): MoneyParse {
	const trimmed = text.trim();
	if (trimmed === '') {
		return {ok: false, message: 'amount is empty: write it like 128.50'};
	}

	const match = moneyPattern.exec(trimmed);
	if (!match?.groups) {
		if (trimmed.startsWith('-')) {
			return {ok: false, message: `amount "${trimmed}" is negative: write a positive amount like 128.50`};
		}

		if (/^\d+\.\d{3,}$/.test(trimmed)) {
			return {ok: false, message: `amount "${trimmed}" has more than two decimals: fen is the smallest unit`};
		}

		return {ok: false, message: `amount "${trimmed}" is not a number like 128.50 (no commas, no currency sign)`};
	}

	const {yuan = '', fraction = ''} = match.groups;
	if (yuan.length > 10) {
		return {ok: false, message: `amount "${trimmed}" is over the largest amount ${formatPlain(maxAmountFen)}`};
	}

	const fen = Number(yuan) * 100 + Number(fraction.padEnd(2, '0'));
	if (fen > maxAmountFen) {
		return {ok: false, message: `amount "${trimmed}" is over the largest amount ${formatPlain(maxAmountFen)}`};
	}

	return {ok: true, fen};
}

/** `128.50` (no sign for the currency), negative amounts with a leading minus. */
export function formatPlain(fen: Fen): string {
	const sign = fen < 0 ? '-' : '';
	const absolute = Math.abs(fen);
	const yuan = Math.trunc(absolute / 100);
	const cents = String(absolute % 100).padStart(2, '0');
	return `${sign}${yuan}.${cents}`;
}

/** For the screen: `¥128.50`, `-¥128.50`. */
export function formatScreen(fen: Fen): string {
	return fen < 0 ? `-¥${formatPlain(-fen)}` : `¥${formatPlain(fen)}`;
}

/** For slips: the full-width yen sign, which GB18030 holds in two bytes (U+00A5 has no two-byte form). */
export function formatSlip(fen: Fen): string {
	return fen < 0 ? `-￥${formatPlain(-fen)}` : `￥${formatPlain(fen)}`;
}
