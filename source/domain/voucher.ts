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
