/**
 * What one model of receipt printer can do. Contract shared by slip layout (columns, code pages,
 * double-byte set, QR, cutter) and transport (status before sending, confirmation after).
 * The built-in profiles live beside this type (domain/printer-profiles.ts), so that the configuration,
 * which may not import printing/, can resolve them; printing/printer-profile.ts re-exports this contract.
 */
export type CommandLanguage = 'escpos' | 'escpos-chinese' | 'star-line';

export type DoubleByteSet = 'none' | 'gb2312' | 'gbk' | 'gb18030';

export type CutterKind = 'none' | 'partial' | 'full';

/** The status check before a slip is sent: which DLE EOT n values the printer answers, or none. */
export type StatusCheck = {kind: 'dle-eot'; answers: ReadonlyArray<1 | 2 | 3 | 4>} | {kind: 'none'};

/**
 * How the printer confirms that a slip was processed, in sequence after it:
 * `gs-r` is GS r 1 (paper sensor status, executed after the data before it),
 * `gs-h` is GS ( H fn 48 (process ID response, Epson TM), `none` leaves the job "sent, unconfirmed".
 */
export type Confirmation = 'gs-r' | 'gs-h' | 'none';

export type PrinterModel = {
	/** Built-in profile name, such as `epson-tm-china`. */
	name: string;
	/** A line a person recognises, such as "Epson TM-T82/T88 (China model)". */
	description: string;
	language: CommandLanguage;
	paper: {widthMm: 58 | 80; dots: number; columns: {fontA: number; fontB: number}};
	/** Single-byte code pages this vendor offers, with its own ESC t numbers. */
	codePages: Readonly<Record<string, number>>;
	/** Added for issue 13 (layout): the page single-byte text is printed in when not in Chinese mode; a key of `codePages`. */
	codePage: string;
	doubleByte: {set: DoubleByteSet; startsInChineseMode: boolean; obeysChineseModeOff: boolean};
	qr: 'native' | 'raster';
	cutter: CutterKind;
	/** Lines fed before the paper is torn or cut. */
	feedBeforeCutLines: number;
	status: StatusCheck;
	confirmation: Confirmation;
};

/** One reasoned replacement made so that a slip prints on a printer that lacks a character: `to` is '' when the words were dropped. */
export type Substitution = {from: string; to: string};
