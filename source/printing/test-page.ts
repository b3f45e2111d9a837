import {cut, feed, qr, rule, text, type SlipModel} from './slip-model.js';

/**
 * `posvoid printer test`'s page: what a counter's slips need of a printer, one line each, so a person
 * sees at once what does not print: a code-page line, a Chinese line, ￥, a QR symbol and a cut,
 * headed by the profile it was laid out for.
 */
export function testPageModel(profileName: string): SlipModel {
	return {
		lines: [
			text('posvoid printer test', {align: 'centre', bold: true}),
			text(`profile: ${profileName}`, {align: 'centre'}),
			rule(),
			text('Code page: ABC abc 0123 +-*/ #@&'),
			text('Latin: café naïve £ € ü'),
			text('中文: 撤销 小票 商户存根 持卡人签名'),
			text('金额 AMOUNT ￥128.50', {bold: true}),
			rule(),
			qr('posvoid printer test'),
			feed(1),
			text('QR above; a cut follows', {align: 'centre'}),
			feed(2),
			cut(),
		],
	};
}
