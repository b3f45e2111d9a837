import {formatScreen, type Fen} from './money.js';
import {channels, type Channel} from './transaction.js';

export type ChannelTotals = {
	channel: Channel;
	salesCount: number;
	salesAmount: Fen;
	salesFees: Fen;
	voidsCount: number;
	voidsAmount: Fen;
	/** Fees given back because their sale was voided. */
	voidsFees: Fen;
};

export type BatchSummary = {
	channels: ChannelTotals[];
	total: Omit<ChannelTotals, 'channel'>;
	netCount: number;
	netAmount: Fen;
	netFees: Fen;
};

/**
 * Totals per channel (every channel, in a fixed order, zero where idle) and for the batch. Rows of the
 * same channel add up, so the rows of several batches give their figures together.
 */
export function summarise(rows: readonly ChannelTotals[]): BatchSummary {
	const perChannel = channels.map((channel): ChannelTotals => ({
		channel,
		salesCount: 0,
		salesAmount: 0,
		salesFees: 0,
		voidsCount: 0,
		voidsAmount: 0,
		voidsFees: 0,
	}));
	for (const row of rows) {
		const into = perChannel.find(totals => totals.channel === row.channel);
		if (into) {
			into.salesCount += row.salesCount;
			into.salesAmount += row.salesAmount;
			into.salesFees += row.salesFees;
			into.voidsCount += row.voidsCount;
			into.voidsAmount += row.voidsAmount;
			into.voidsFees += row.voidsFees;
		}
	}

	const total = {salesCount: 0, salesAmount: 0, salesFees: 0, voidsCount: 0, voidsAmount: 0, voidsFees: 0};
	for (const row of perChannel) {
		total.salesCount += row.salesCount;
		total.salesAmount += row.salesAmount;
		total.salesFees += row.salesFees;
		total.voidsCount += row.voidsCount;
		total.voidsAmount += row.voidsAmount;
		total.voidsFees += row.voidsFees;
	}

	return {
		channels: perChannel,
		total,
		netCount: total.salesCount - total.voidsCount,
		netAmount: total.salesAmount - total.voidsAmount,
		netFees: total.salesFees - total.voidsFees,
	};
}

/**
 * One row of figures as screen text: sales count and amount, voids count and amount, fees and fees
 * given back. Voids and the fees they give back are money going out, so they show with a minus sign.
 */
export function figureCells(totals: Omit<ChannelTotals, 'channel'>): string[] {
	return [
		String(totals.salesCount),
		formatScreen(totals.salesAmount),
		String(totals.voidsCount),
		formatScreen(-totals.voidsAmount),
		formatScreen(totals.salesFees),
		formatScreen(-totals.voidsFees),
	];
}
