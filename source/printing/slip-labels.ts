import {channelNames, channels, type Channel} from '../domain/transaction.js';

/** A label in Chinese and English, as UnionPay slips print them. */
export type Label = readonly [zh: string, en: string];

/**
 * `bilingual` is the UnionPay style (Chinese then English). `english` is for printers on a Western
 * code page, which cannot print the Chinese half.
 */
export type SlipLabels = 'bilingual' | 'english';

/** The words the void slip and the settlement report both print, said once. */
export const commonLabel = {
	reprint: ['重打印', 'REPRINT'],
	merchantName: ['商户名称', 'MERCHANT NAME'],
	merchantNo: ['商户编号', 'MERCHANT NO'],
	terminalNo: ['终端编号', 'TERMINAL NO'],
	operatorNo: ['操作员号', 'OPERATOR NO'],
	batchNo: ['批次号', 'BATCH NO'],
} as const satisfies Record<string, Label>;

/** The channel's names as the screen shows them, the English in capitals as slips print it. */
export const channelLabel = Object.fromEntries(
	channels.map((channel): [Channel, Label] => [
		channel,
		[channelNames.zh[channel], channelNames.en[channel].toUpperCase()],
	]),
) as Record<Channel, Label>;

/** The words as this printer prints them: both languages, or English alone. */
export function say(words: Label, labels: SlipLabels | undefined): string {
	return labels === 'english' ? words[1] : `${words[0]} ${words[1]}`;
}

/** Labels for a printer by the text it prints: both languages in Chinese mode, English alone on a code page. */
export function labelsFor(chinese: boolean): SlipLabels {
	return chinese ? 'bilingual' : 'english';
}
