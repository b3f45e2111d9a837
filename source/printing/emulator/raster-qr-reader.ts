/* eslint-disable no-bitwise -- reading a QR symbol back is bit extraction. */
import {levelM, maskRules} from '../qr-matrix.js';

/** A GS v 0 image as the emulator received it. */
export type RasterPicture = {widthBytes: number; height: number; data: Uint8Array};

export function dotAt(picture: RasterPicture, x: number, y: number): boolean {
	const byte = picture.data[y * picture.widthBytes + (x >> 3)] ?? 0;
	return (byte & (0x80 >> (x & 7))) !== 0;
}

/**
 * The modules of a QR symbol printed as an axis-aligned raster (as a printer gets it, not as a camera
 * sees it): the dark bounding box is the symbol, the top-left finder's first run gives 7 modules.
 */
export function rasterModules(picture: RasterPicture): boolean[][] | undefined {
	const width = picture.widthBytes * 8;
	let top = -1;
	let left = width;
	let right = -1;
	let bottom = -1;
	for (let y = 0; y < picture.height; y++) {
		for (let x = 0; x < width; x++) {
			if (dotAt(picture, x, y)) {
				top = top === -1 ? y : top;
				bottom = y;
				left = Math.min(left, x);
				right = Math.max(right, x);
			}
		}
	}

	if (top === -1) {
		return undefined;
	}

	let run = 0;
	while (dotAt(picture, left + run, top)) {
		run++;
	}

	const moduleDots = run / 7;
	const size = (right - left + 1) / moduleDots;
	if (!Number.isInteger(moduleDots) || !Number.isInteger(size) || (bottom - top + 1) / moduleDots !== size) {
		return undefined;
	}

	const half = Math.floor(moduleDots / 2);
	return Array.from({length: size}, (_, my) =>
		Array.from({length: size}, (_, mx) => dotAt(picture, left + mx * moduleDots + half, top + my * moduleDots + half)),
	);
}

/** Which modules of a version's symbol are function patterns (not data), by the standard's layout. */
function functionModules(version: number): boolean[][] {
	const size = version * 4 + 17;
	const reserved = Array.from({length: size}, () => Array.from({length: size}, () => false));
	const mark = (x: number, y: number) => {
		if (x >= 0 && y >= 0 && x < size && y < size) {
			reserved[y]![x] = true;
		}
	};

	for (let index = 0; index < size; index++) {
		mark(6, index);
		mark(index, 6);
	}

	for (const [cx, cy] of [
		[3, 3],
		[size - 4, 3],
		[3, size - 4],
	] as const) {
		for (let dy = -4; dy <= 4; dy++) {
			for (let dx = -4; dx <= 4; dx++) {
				mark(cx + dx, cy + dy);
			}
		}
	}

	const centres = version === 1 ? [] : alignment(version);
	const corner = (x: number, y: number) =>
		(x === 6 && y === 6) || (x === 6 && y === size - 7) || (x === size - 7 && y === 6);
	for (const [x, y] of centres.flatMap(y => centres.map(x => [x, y] as const))) {
		for (let index = 0; index < 25 && !corner(x, y); index++) {
			mark(x + (index % 5) - 2, y + Math.floor(index / 5) - 2);
		}
	}

	for (let index = 0; index < 9; index++) {
		mark(8, index);
		mark(index, 8);
	}

	for (let index = 0; index < 8; index++) {
		mark(size - 1 - index, 8);
		mark(8, size - 1 - index);
	}

	if (version >= 7) {
		for (let index = 0; index < 18; index++) {
			mark(size - 11 + (index % 3), Math.floor(index / 3));
			mark(Math.floor(index / 3), size - 11 + (index % 3));
		}
	}

	return reserved;
}

/** Alignment centres from the standard's rule (evenly spaced from 6 to size - 7), independent of the encoder's table. */
function alignment(version: number): number[] {
	const count = Math.floor(version / 7) + 2;
	const size = version * 4 + 17;
	const stepSize = version === 32 ? 26 : Math.ceil((size - 13) / (count * 2 - 2)) * 2;
	const result = [6];
	for (let position = size - 7; result.length < count; position -= stepSize) {
		result.splice(1, 0, position);
	}

	return result;
}

/** The mask number from the first copy of the format bits, or undefined when the symbol is not level M. */
function readMask(modules: boolean[][]): number | undefined {
	const bit = (x: number, y: number) => (modules[y]![x]! ? 1 : 0);
	// Bits 14 down to 0, where the encoder puts them: row 8 leftwards, then column 8 upwards.
	const positions: Array<[number, number]> = [
		...Array.from({length: 6}, (_, index): [number, number] => [index, 8]),
		[7, 8],
		[8, 8],
		[8, 7],
		...Array.from({length: 6}, (_, index): [number, number] => [8, 5 - index]),
	];
	const format = positions.reduce((value, [x, y]) => (value << 1) | bit(x, y), 0);
	const data = (format ^ 0x54_12) >>> 10;
	return data >>> 3 === 0 ? data & 7 : undefined;
}

/** The codewords in placement order, unmasked, read along the same zigzag the encoder writes. */
function readCodewords(modules: boolean[][], version: number, mask: number): number[] {
	const size = modules.length;
	const rule = maskRules[mask]!;
	const reserved = functionModules(version);
	const bits: number[] = [];
	for (let right = size - 1; right >= 1; right -= 2) {
		if (right === 6) {
			right = 5;
		}

		for (let index = 0; index < size * 2; index++) {
			const x = right - (index % 2);
			const vertical = Math.floor(index / 2);
			const y = ((right + 1) & 2) === 0 ? size - 1 - vertical : vertical;
			if (!reserved[y]![x]) {
				bits.push((modules[y]![x]! ? 1 : 0) ^ (rule(x, y) ? 1 : 0));
			}
		}
	}

	const codewords: number[] = [];
	for (let index = 0; index + 8 <= bits.length; index += 8) {
		codewords.push(bits.slice(index, index + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
	}

	return codewords;
}

/** The data codewords of every block, in order, from the interleaved stream. */
function deinterleave(codewords: number[], version: number): number[] {
	const [, blocks1, data1, blocks2, data2] = levelM[version - 1]!;
	const blockCount = blocks1 + blocks2;
	const blocks: number[][] = Array.from({length: blockCount}, () => []);
	let at = 0;
	for (let index = 0; index < Math.max(data1, data2); index++) {
		for (let block = 0; block < blockCount; block++) {
			if (index < (block < blocks1 ? data1 : data2)) {
				blocks[block]!.push(codewords[at++]!);
			}
		}
	}

	return blocks.flat();
}

/**
 * Reads a level-M byte-mode symbol's data back from its modules: the format bits give the mask, the
 * zigzag gives the codewords, de-interleaving gives each block's data. No error correction: a raster
 * the printer gets has no damage. Undefined when the symbol is not one this reads.
 */
export function readQrModules(modules: boolean[][]): Uint8Array | undefined {
	const version = (modules.length - 17) / 4;
	const mask = Number.isInteger(version) && version >= 1 && version <= levelM.length ? readMask(modules) : undefined;
	if (mask === undefined) {
		return undefined;
	}

	const data = deinterleave(readCodewords(modules, version, mask), version);
	const stream = data.flatMap(byte => Array.from({length: 8}, (_, bit) => (byte >>> (7 - bit)) & 1));
	const take = (length: number) => {
		let value = 0;
		for (let index = 0; index < length; index++) {
			value = (value << 1) | (stream.shift() ?? 0);
		}

		return value;
	};

	if (take(4) !== 0b0100) {
		return undefined;
	}

	const count = take(version < 10 ? 8 : 16);
	return Uint8Array.from({length: count}, () => take(8));
}

/** The data of a QR symbol printed as a raster image, or undefined when the image is not one. */
export function readRasterQr(picture: RasterPicture): Uint8Array | undefined {
	const modules = rasterModules(picture);
	return modules ? readQrModules(modules) : undefined;
}
