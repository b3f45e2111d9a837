/** Why a settlement or a settlement report reprint was refused; the words for each are in the catalogue. */
export const settlementRefusals = ['not-supervisor', 'settled-elsewhere', 'not-settled', 'voids-in-doubt'] as const;
export type SettlementRefusal = (typeof settlementRefusals)[number];
