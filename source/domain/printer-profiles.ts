import type {PrinterModel} from './printer-model.js';

/*
 * The built-in printer profiles, as data. Sources, from the vendors' public documents:
 * - Epson ESC/POS command reference: ESC t n page numbers (0 PC437, 2 PC850, 16 WPC1252, 17 PC866,
 *   18 PC852, 19 PC858), GS ( k QR, GS V, DLE EOT n = 1-4, GS r 1, GS ( H fn 48 on TM models.
 * - Epson TM-T88 (V/VI) specification: 512 dots across 80 mm paper at 180 dpi, Font A 12 × 24 gives
 *   42 columns, Font B 9 × 17 gives 56. TM-T82 (China models, Chinese font GB18030): 576 dots, 48/64.
 *   The China profile uses 42 columns so the same slip fits both heads.
 * - Xprinter XP-58 / GPrinter GP-58 / Zjiang POS-5890 manuals: 384 dots on 58 mm, Font A 12 × 24 gives
 *   32 columns, Font B 42; no cutter; the same ESC t numbers as Epson for the pages listed; a GBK font
 *   (two-byte only); many firmwares power on in Chinese mode and ignore FS . ; no GS ( k on the POS-5890
 *   class (its parameters print as text); GS v 0 raster images are supported; DLE EOT 1/2/4 answered.
 * - Xprinter XP-80 / GPrinter GP-80 class: 576 dots, 48/64 columns, partial cutter, native QR.
 */

/** The Epson ESC t page numbers this code knows how to encode (iconv-lite has each page). */
const epsonCodePages = {cp437: 0, cp850: 2, cp1252: 16, cp866: 17, cp852: 18, cp858: 19} as const;

/** The Xprinter/GPrinter firmware tables put the same pages at the same numbers (1252 as "WPC1252"). */
const cloneCodePages = {cp437: 0, cp850: 2, cp1252: 16, cp866: 17, cp852: 18, cp858: 19} as const;

export const builtInProfiles = {
	'epson-tm-china': {
		name: 'epson-tm-china',
		description: 'Epson TM-T82/T88 China model (GB18030 font), 80 mm',
		language: 'escpos-chinese',
		paper: {widthMm: 80, dots: 512, columns: {fontA: 42, fontB: 56}},
		codePages: epsonCodePages,
		codePage: 'cp437',
		doubleByte: {set: 'gb18030', startsInChineseMode: false, obeysChineseModeOff: true},
		qr: 'native',
		cutter: 'partial',
		// GS V 66 feeds to the cutting position itself.
		feedBeforeCutLines: 0,
		status: {kind: 'dle-eot', answers: [1, 2, 4]},
		confirmation: 'gs-r',
	},
	'epson-tm-intl': {
		name: 'epson-tm-intl',
		description: 'Epson TM-T88 international model (no Chinese font), 80 mm',
		language: 'escpos',
		paper: {widthMm: 80, dots: 512, columns: {fontA: 42, fontB: 56}},
		codePages: epsonCodePages,
		codePage: 'cp858',
		doubleByte: {set: 'none', startsInChineseMode: false, obeysChineseModeOff: true},
		qr: 'native',
		cutter: 'partial',
		// GS V 66 feeds to the cutting position itself.
		feedBeforeCutLines: 0,
		status: {kind: 'dle-eot', answers: [1, 2, 3, 4]},
		confirmation: 'gs-h',
	},
	'clone-58': {
		name: 'clone-58',
		description: 'Xprinter/GPrinter/Zjiang 58 mm clone (GBK font, no cutter, no GS ( k)',
		language: 'escpos-chinese',
		paper: {widthMm: 58, dots: 384, columns: {fontA: 32, fontB: 42}},
		codePages: cloneCodePages,
		codePage: 'cp437',
		doubleByte: {set: 'gbk', startsInChineseMode: true, obeysChineseModeOff: false},
		qr: 'raster',
		cutter: 'none',
		feedBeforeCutLines: 4,
		status: {kind: 'dle-eot', answers: [1, 2, 4]},
		confirmation: 'gs-r',
	},
	'clone-80': {
		name: 'clone-80',
		description: 'Xprinter/GPrinter 80 mm clone (GBK font, partial cutter)',
		language: 'escpos-chinese',
		paper: {widthMm: 80, dots: 576, columns: {fontA: 48, fontB: 64}},
		codePages: cloneCodePages,
		codePage: 'cp437',
		doubleByte: {set: 'gbk', startsInChineseMode: true, obeysChineseModeOff: false},
		qr: 'native',
		cutter: 'partial',
		feedBeforeCutLines: 0,
		status: {kind: 'dle-eot', answers: [1, 2, 4]},
		confirmation: 'gs-r',
	},
	'generic-escpos': {
		name: 'generic-escpos',
		description: 'Any ESC/POS printer, 58 mm, PC437 text, raster QR, no status and no confirmation',
		language: 'escpos',
		paper: {widthMm: 58, dots: 384, columns: {fontA: 32, fontB: 42}},
		codePages: {cp437: 0},
		codePage: 'cp437',
		doubleByte: {set: 'none', startsInChineseMode: false, obeysChineseModeOff: true},
		qr: 'raster',
		cutter: 'none',
		feedBeforeCutLines: 4,
		status: {kind: 'none'},
		confirmation: 'none',
	},
} as const satisfies Record<string, PrinterModel>;

export type BuiltInProfileName = keyof typeof builtInProfiles;

export const builtInProfileNames = Object.keys(builtInProfiles) as BuiltInProfileName[];

/** The profile posvoid assumes when the configuration names none: the printer today's slips were made for. */
export const defaultProfileName: BuiltInProfileName = 'epson-tm-china';

export function isBuiltInProfileName(name: string): name is BuiltInProfileName {
	return Object.hasOwn(builtInProfiles, name);
}

/** A fresh, mutable copy of a built-in profile, so an override never changes the table. */
export function builtInProfile(name: BuiltInProfileName): PrinterModel {
	return structuredClone(builtInProfiles[name]);
}
