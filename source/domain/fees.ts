import type {Fen} from './money.js';
import {isCardChannel, type Channel} from './transaction.js';

/** A fee rule from the business's price list: a rate in hundredths of a percent, and an optional cap. */
export type FeeRule = {basisPoints: number; cap?: Fen | undefined};
export type FeeSchedule = {debit: FeeRule; credit: FeeRule; qr: FeeRule};

export function feeRuleFor(channel: Channel, schedule: FeeSchedule): FeeRule {
	if (isCardChannel(channel)) {
		return channel === 'debit' ? schedule.debit : schedule.credit;
	}

	return schedule.qr;
}

/** The fee on `amount`, rounded half up to the fen, then capped. Exact integer arithmetic. */
export function computeFee(channel: Channel, amount: Fen, schedule: FeeSchedule): Fen {
	const rule = feeRuleFor(channel, schedule);
	const fee = Math.floor((amount * rule.basisPoints + 5000) / 10_000);
	return rule.cap === undefined ? fee : Math.min(fee, rule.cap);
}
