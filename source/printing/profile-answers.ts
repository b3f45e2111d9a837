import type {PrinterModel} from './printer-profile.js';

/**
 * What each built-in profile answers on the wire: its status check, its confirmation, and what
 * GS I says of it. Interim data keyed by the built-in profile names until the profiles module
 * (printing/printer-profiles.ts) holds these fields; the emulator's --profile reads it.
 */
export type ProfileAnswers = Pick<PrinterModel, 'name' | 'status' | 'confirmation'> & {
	identity?: {maker: string; model: string; firmware: string; fonts?: string};
};

export const profileAnswers: Readonly<Record<string, ProfileAnswers>> = {
	'epson-tm-china': {
		name: 'epson-tm-china',
		status: {kind: 'dle-eot', answers: [1, 2, 4]},
		confirmation: 'gs-h',
		identity: {maker: 'EPSON', model: 'TM-T82III', firmware: '30.01 ESC/POS', fonts: 'CHINA GB18030'},
	},
	'epson-tm-intl': {
		name: 'epson-tm-intl',
		status: {kind: 'dle-eot', answers: [1, 2, 4]},
		confirmation: 'gs-h',
		identity: {maker: 'EPSON', model: 'TM-T88V', firmware: '30.04 ESC/POS'},
	},
	'clone-58': {name: 'clone-58', status: {kind: 'dle-eot', answers: [1, 2]}, confirmation: 'gs-r'},
	'clone-80': {
		name: 'clone-80',
		status: {kind: 'dle-eot', answers: [1, 2, 4]},
		confirmation: 'gs-r',
		identity: {maker: 'Xprinter', model: 'XP-80C', firmware: 'V7.17'},
	},
	'generic-escpos': {name: 'generic-escpos', status: {kind: 'none'}, confirmation: 'none'},
};

export const profileNames = Object.keys(profileAnswers);

/**
 * The built-in profile a printer's GS I answers suggest, as data: the first rule whose maker and
 * model patterns match. Epson TM models with a Chinese font (GS I 69) are the China models.
 */
export const identifyRules: ReadonlyArray<{maker: RegExp; model: RegExp; fonts?: RegExp; profile: string}> = [
	{maker: /epson/iv, model: /^TM-/iv, fonts: /CHINA|GB/iv, profile: 'epson-tm-china'},
	{maker: /epson/iv, model: /^TM-/iv, profile: 'epson-tm-intl'},
	{maker: /./v, model: /58|5890/v, profile: 'clone-58'},
	{maker: /./v, model: /80/v, profile: 'clone-80'},
];

export function suggestProfile(identity: {maker: string; model: string; fonts?: string}): string {
	const rule = identifyRules.find(
		rule =>
			rule.maker.test(identity.maker) &&
			rule.model.test(identity.model) &&
			(rule.fonts === undefined || rule.fonts.test(identity.fonts ?? '')),
	);
	return rule?.profile ?? 'generic-escpos';
}
