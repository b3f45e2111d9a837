/* eslint-disable no-bitwise -- ESC/POS parameters and status replies are bit fields. */
/**
 * ESC/POS commands as Epson's command reference lays them out, one function per command.
 * Each returns a fresh Buffer so callers can concatenate without sharing state.
 */

export const LF = 0x0a;
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;

export type Alignment = 'left' | 'centre' | 'right';

const alignmentCode: Record<Alignment, number> = {left: 0, centre: 1, right: 2};

/** ESC a n: the code of each alignment, for the emulator that reads it back. */
export function alignmentFromCode(code: number): Alignment | undefined {
	// Epson accepts both 0-2 and ASCII '0'-'2'.
	const value = code >= 48 ? code - 48 : code;
	return (['left', 'centre', 'right'] as const)[value];
}

/** ESC @: clears the print buffer and resets modes (alignment, emphasis, size) to power-on values. */
export function initialize(): Uint8Array {
	return Buffer.from([ESC, 0x40]);
}

/** ESC a n. Takes effect only at the beginning of a line. */
export function align(alignment: Alignment): Uint8Array {
	return Buffer.from([ESC, 0x61, alignmentCode[alignment]]);
}

/** ESC E n: emphasized (bold) on or off; only the lowest bit of n counts. */
export function bold(on: boolean): Uint8Array {
	return Buffer.from([ESC, 0x45, on ? 1 : 0]);
}

export type Magnification = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** GS ! n: width multiplier in bits 4-7, height multiplier in bits 0-3, each stored as (times - 1). */
export function characterSize(width: Magnification, height: Magnification): Uint8Array {
	return Buffer.from([GS, 0x21, ((width - 1) << 4) | (height - 1)]);
}

/** FS &: Kanji/Chinese mode on, so bytes 0x81-0xFE start a two-byte GB character. */
export function chineseModeOn(): Uint8Array {
	return Buffer.from([FS, 0x26]);
}

/** FS .: Chinese mode off; needed on Chinese printers that start in Chinese mode before a code page is used. */
export function chineseModeOff(): Uint8Array {
	return Buffer.from([FS, 0x2e]);
}

/** ESC t n: selects a character code table by the printer vendor's own number (the profile says which). */
export function selectCodePage(number: number): Uint8Array {
	if (!Number.isInteger(number) || number < 0 || number > 255) {
		throw new RangeError(`ESC t takes 0-255, got ${number}`);
	}

	return Buffer.from([ESC, 0x74, number]);
}

/** GS ( k with its pL pH length prefix: the count of bytes after pH (cn, fn and parameters). */
function qrFunction(fn: number, parameters: Uint8Array): Uint8Array {
	const length = parameters.length + 2;
	if (length > 0xff_ff) {
		throw new RangeError(`QR function ${fn} parameters too long: ${parameters.length} bytes`);
	}

	// Cn = 49 selects QR Code.
	return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn]), parameters]);
}

/** GS ( k fn 65 (function 165): QR model; 49 is model 1, 50 model 2 (the one phones read), 51 micro QR. */
export function qrModel2(): Uint8Array {
	return qrFunction(0x41, Uint8Array.from([50, 0]));
}

/** GS ( k fn 67 (function 167): module (dot) size 1-16. */
export function qrModuleSize(dots: number): Uint8Array {
	if (!Number.isInteger(dots) || dots < 1 || dots > 16) {
		throw new RangeError(`QR module size must be 1-16, got ${dots}`);
	}

	return qrFunction(0x43, Uint8Array.from([dots]));
}

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

const errorLevelCode: Record<QrErrorLevel, number> = {
	L: 48,
	M: 49,
	Q: 50,
	H: 51,
};

/** GS ( k fn 69 (function 169): error correction level. */
export function qrErrorLevel(level: QrErrorLevel): Uint8Array {
	return qrFunction(0x45, Uint8Array.from([errorLevelCode[level]]));
}

/** GS ( k fn 80 (function 180): store symbol data; pL pH = byte length of the encoded data + 3 (cn, fn, m). */
export function qrStore(data: Uint8Array): Uint8Array {
	if (data.length === 0 || data.length > 7089) {
		throw new RangeError(`QR data must be 1-7089 bytes, got ${data.length}`);
	}

	return qrFunction(0x50, Buffer.concat([Buffer.from([48]), data]));
}

/** GS ( k fn 81 (function 181): print the stored symbol. */
export function qrPrint(): Uint8Array {
	return qrFunction(0x51, Uint8Array.from([48]));
}

/** GS V 66 n (partial) or GS V 65 n (full): feed to the cutting position plus n vertical motion units, then cut. */
export function feedAndCut(feedUnits = 0, kind: 'partial' | 'full' = 'partial'): Uint8Array {
	if (!Number.isInteger(feedUnits) || feedUnits < 0 || feedUnits > 255) {
		throw new RangeError(`feed before cut must be 0-255 units, got ${feedUnits}`);
	}

	return Buffer.from([GS, 0x56, kind === 'full' ? 65 : 66, feedUnits]);
}

/**
 * GS v 0 m xL xH yL yH d1…dk: a raster bit image, normal density (m = 0). `widthBytes` bytes per row,
 * each byte eight dots left to right, most significant bit first; a 1 bit is a printed dot.
 */
export function rasterImage(widthBytes: number, height: number, data: Uint8Array): Uint8Array {
	if (widthBytes < 1 || widthBytes > 0xff_ff || height < 1 || height > 0x0f_ff || data.length !== widthBytes * height) {
		throw new RangeError(`raster image of ${widthBytes} bytes × ${height} rows does not match ${data.length} bytes`);
	}

	return Buffer.concat([
		Buffer.from([GS, 0x76, 0x30, 0, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8]),
		data,
	]);
}

export type StatusRequest = 1 | 2 | 3 | 4;

/** DLE EOT n: real-time status; 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export function statusRequest(n: StatusRequest): Uint8Array {
	return Buffer.from([DLE, EOT, n]);
}

export function lineFeed(): Uint8Array {
	return Buffer.from([LF]);
}
