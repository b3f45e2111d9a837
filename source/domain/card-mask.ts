/**
 * A full card number (PAN) never reaches the store: it is masked here first.
 * Card numbers keep at most the first 6 and last 4 digits; anything else (a QR payer id) keeps its last 4.
 */
export function maskCard(raw: string): string {
	const compact = raw.replaceAll(/[\s-]/g, '');
	if (/^\d{13,19}$/.test(compact)) {
		return compact.slice(0, 6) + '*'.repeat(compact.length - 10) + compact.slice(-4);
	}

	if (isAlreadyMasked(compact)) {
		return compact;
	}

	const visible = [...compact].filter(character => /[\dA-Za-z]/.test(character));
	const lastFour = visible.slice(-4).join('');
	return `****${lastFour}`;
}

/** A value that is already masked: digits, then stars, then at most four digits, with at most 10 digits visible. */
export function isAlreadyMasked(value: string): boolean {
	const match = /^(?<head>\d{0,6})\*+(?<tail>[\dA-Za-z]{0,4})$/.exec(value);
	return match !== null;
}
