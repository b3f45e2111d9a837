import {freeText, singleLine} from '../domain/display-text.js';
import {commonLabel, say, type SlipLabels} from './slip-labels.js';
import {labelValue, type SlipLine} from './slip-model.js';

export type MerchantFields = {
	merchantName: string;
	merchantNo: string;
	terminalId: string;
	operatorNo: string;
};

/** Whose paper it is: merchant name and number, terminal and operator, as the void slip and the report both head it. */
export function merchantLines(
	input: MerchantFields,
	options: {labels: SlipLabels | undefined; stackMerchantNo: boolean},
): SlipLine[] {
	// Values come from the configuration and the database: no control byte, and no card number in the free text.
	const field = (value: string) => singleLine(value).trim();
	const words = (label: (typeof commonLabel)[keyof typeof commonLabel]) => say(label, options.labels);
	return [
		labelValue(words(commonLabel.merchantName), freeText(input.merchantName), {stacked: true}),
		labelValue(words(commonLabel.merchantNo), field(input.merchantNo), {stacked: options.stackMerchantNo}),
		labelValue(words(commonLabel.terminalNo), field(input.terminalId)),
		labelValue(words(commonLabel.operatorNo), field(input.operatorNo)),
	];
}
