/** The terminal's next 6-digit voucher (trace) number: 000001 … 999999, then 000001 again. */
export function nextVoucherNo(previous: number): string {
	const next = previous >= 999_999 || previous < 1 ? 1 : previous + 1;
	return formatVoucherNo(next);
}

export function formatVoucherNo(value: number): string {
	return String(value).padStart(6, '0');
}

export function formatBatchNo(value: number): string {
	return String(value).padStart(6, '0');
}

/** How many voucher numbers there are: 000001 … 999999. */
export const voucherCount = 999_999;

/**
 * The first voucher number after `previous`, going round from 999999 to 000001, that is not in
 * `used` (ascending, as the batch's sales and voids hold them): a terminal's trace numbers are one
 * sequence for sales and voids, so a void never takes a number a sale or another void has.
 * Undefined when every number is used.
 */
export function firstFreeVoucherAfter(previous: number, used: Iterable<number>): number | undefined {
	const start = previous >= voucherCount || previous < 1 ? 1 : Math.floor(previous) + 1;
	let lowestFree: number | undefined;
	// The numbers from..to are free: the answer when they reach `start`; else the lowest, for going round.
	const free = (from: number, to: number): number | undefined => {
		lowestFree ??= from;
		return to >= start ? Math.max(from, start) : undefined;
	};

	let next = 1;
	for (const number of used) {
		if (number < next || number > voucherCount) {
			continue;
		}

		const found = number > next ? free(next, number - 1) : undefined;
		if (found !== undefined) {
			return found;
		}

		next = number + 1;
	}

	return (next <= voucherCount ? free(next, voucherCount) : undefined) ?? lowestFree;
}
