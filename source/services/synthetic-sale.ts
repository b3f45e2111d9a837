import {type FeeSchedule, computeFee} from '../domain/fees.js';
import type {Fen} from '../domain/money.js';
import type {Channel} from '../domain/transaction.js';
import {pickWeighted, randomDigits, randomNormal, type RandomSource} from './seeded-random.js';

/** Roughly how a Chinese convenience counter's payments split: QR wallets first, then cards. */
const channelMix: ReadonlyArray<readonly [Channel, number]> = [
	['wechat', 38],
	['alipay', 27],
	['debit', 15],
	['credit', 12],
	['unionpay_qr', 8],
];

/** Median and spread (of the log) of a sale per channel, in yuan, and the largest sale seeded. */
const amountShape: Record<Channel, {median: number; sigma: number; max: number}> = {
	wechat: {median: 24, sigma: 0.9, max: 3000},
	alipay: {median: 26, sigma: 0.9, max: 3000},
	unionpay_qr: {median: 30, sigma: 0.9, max: 3000},
	debit: {median: 90, sigma: 1, max: 20_000},
	credit: {median: 150, sigma: 1.1, max: 50_000},
};

/** Issuer prefixes and card lengths seen at Chinese counters (UnionPay debit is often 19 digits). */
const cardPrefixes: Record<'debit' | 'credit', ReadonlyArray<readonly [string, number]>> = {
	debit: [
		['622202', 19],
		['621700', 19],
		['622848', 19],
		['621483', 16],
		['623668', 19],
	],
	credit: [
		['622588', 16],
		['625807', 16],
		['436742', 16],
		['524047', 16],
		['356833', 16],
	],
};

const operatorMix: ReadonlyArray<readonly [string, number]> = [
	['01', 45],
	['02', 35],
	['03', 20],
];

export type SyntheticSale = {
	channel: Channel;
	cardMasked: string;
	amount: Fen;
	fee: Fen;
	authCode: string;
	operatorNo: string;
};

function syntheticAmount(random: RandomSource, channel: Channel): Fen {
	const shape = amountShape[channel];
	const yuan = Math.min(shape.max, Math.max(1, shape.median * Math.exp(shape.sigma * randomNormal(random))));
	// Shelf prices: mostly whole jiao, a fifth whole yuan, a few odd fen (weighed goods).
	const roll = random();
	const step = roll < 0.2 ? 100 : roll < 0.9 ? 10 : 1;
	return Math.max(step, Math.round((yuan * 100) / step) * step);
}

/** Masked as an importer would store it: first 6 and last 4 of a card, last 4 of a QR payer. */
function syntheticCard(random: RandomSource, channel: Channel): string {
	if (channel === 'debit' || channel === 'credit') {
		const [prefix, length] = cardPrefixes[channel][Math.floor(random() * cardPrefixes[channel].length)] ?? [
			'622202',
			19,
		];
		return `${prefix}${'*'.repeat(length - 10)}${randomDigits(random, 4)}`;
	}

	return `****${randomDigits(random, 4)}`;
}

/** One plausible sale: channel, masked card, amount with its fee, authorisation code and clerk. */
export function syntheticSale(random: RandomSource, fees: FeeSchedule): SyntheticSale {
	const channel = pickWeighted(random, channelMix);
	const amount = syntheticAmount(random, channel);
	return {
		channel,
		cardMasked: syntheticCard(random, channel),
		amount,
		fee: computeFee(channel, amount, fees),
		authCode: randomDigits(random, 6),
		operatorNo: pickWeighted(random, operatorMix),
	};
}
