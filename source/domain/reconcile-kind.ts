/**
 * What one line of a reconciliation says:
 * - `missing-here`: a sale in the bill that posvoid does not have;
 * - `missing-in-bill`: a sale posvoid has, of the bill's days and channels, that the bill does not show;
 * - `void-not-seen`: a void made in posvoid that the bill shows no refund or revocation for (not yet seen at the platform);
 * - `refunded-outside`: a refund or void in the bill that posvoid neither made nor has recorded (refunded outside this counter);
 * - `amount-mismatch` / `fee-mismatch`: a sale both have, with different figures;
 * - `bad-line`: a line of the bill that could not be read, or its own totals that do not add up.
 */
export const reconcileKinds = [
	'missing-here',
	'missing-in-bill',
	'void-not-seen',
	'refunded-outside',
	'amount-mismatch',
	'fee-mismatch',
	'bad-line',
] as const;
export type ReconcileKind = (typeof reconcileKinds)[number];
