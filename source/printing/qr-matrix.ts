/* eslint-disable no-bitwise -- QR encoding is bit placement, Reed-Solomon arithmetic and BCH codes. */
/**
 * A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1-10, the mask
 * with the lowest penalty. Enough for a void reference (12 digits fit version 1) and anything else a
 * slip prints; written here because the npm `qrcode` package brings a PNG encoder, a path-finding library
 * and a CLI parser (yargs) to a printer that needs a bit matrix. The layout follows the standard and
 * Project Nayuki's public description of it.
 */

/** Level M blocks per version: [EC codewords per block, blocks of group 1, data codewords each, blocks of group 2, data each]. */
export const levelM: ReadonlyArray<readonly [number, number, number, number, number]> = [
	[10, 1, 16, 0, 0],
	[16, 1, 28, 0, 0],
	[26, 1, 44, 0, 0],
	[18, 2, 32, 0, 0],
	[24, 2, 43, 0, 0],
	[16, 4, 27, 0, 0],
	[18, 4, 31, 0, 0],
	[22, 2, 38, 2, 39],
	[22, 3, 36, 2, 37],
	[26, 4, 43, 1, 44],
];

const alignmentCentres: ReadonlyArray<readonly number[]> = [
	[],
	[6, 18],
	[6, 22],
	[6, 26],
	[6, 30],
	[6, 34],
	[6, 22, 38],
	[6, 24, 42],
	[6, 26, 46],
	[6, 28, 50],
];

export const maxQrVersion = levelM.length;

/** A QR symbol: `modules[y][x]` true for dark; no quiet zone. */
export type QrMatrix = {version: number; size: number; mask: number; modules: boolean[][]};

function dataCapacity(version: number): number {
	const [, blocks1, data1, blocks2, data2] = levelM[version - 1]!;
	return blocks1 * data1 + blocks2 * data2;
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const exp = new Uint8Array(512);
const log = new Uint8Array(256);
{
	let value = 1;
	for (let index = 0; index < 255; index++) {
		exp[index] = value;
		log[value] = index;
		value <<= 1;
		if (value & 0x1_00) {
			value ^= 0x1_1d;
		}
	}

	for (let index = 255; index < 512; index++) {
		exp[index] = exp[index - 255]!;
	}
}

function multiply(a: number, b: number): number {
	return a === 0 || b === 0 ? 0 : exp[log[a]! + log[b]!]!;
}

/** The Reed-Solomon error correction codewords of one block. */
export function reedSolomon(data: readonly number[], degree: number): number[] {
	// Generator (x - α^0)(x - α^1)…(x - α^(degree-1)), highest power first, leading 1 implied.
	let generator = [1];
	for (let index = 0; index < degree; index++) {
		const next = Array.from({length: generator.length + 1}, () => 0);
		for (const [power, coefficient] of generator.entries()) {
			next[power]! ^= coefficient;
			next[power + 1]! ^= multiply(coefficient, exp[index]!);
		}

		generator = next;
	}

	const remainder = Array.from({length: degree}, () => 0);
	for (const byte of data) {
		const factor = byte ^ remainder.shift()!;
		remainder.push(0);
		for (let index = 0; index < degree; index++) {
			remainder[index]! ^= multiply(generator[index + 1]!, factor);
		}
	}

	return remainder;
}

/** The data codewords: byte mode indicator, count, the bytes, terminator and padding. */
function dataCodewords(bytes: Uint8Array, version: number): number[] {
	const bits: number[] = [];
	const put = (value: number, length: number) => {
		for (let index = length - 1; index >= 0; index--) {
			bits.push((value >>> index) & 1);
		}
	};

	const capacityBits = dataCapacity(version) * 8;
	put(0b0100, 4);
	put(bytes.length, version < 10 ? 8 : 16);
	for (const byte of bytes) {
		put(byte, 8);
	}

	put(0, Math.min(4, capacityBits - bits.length));
	put(0, (8 - (bits.length % 8)) % 8);
	const codewords: number[] = [];
	for (let index = 0; index < bits.length; index += 8) {
		codewords.push(bits.slice(index, index + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
	}

	for (let pad = 0; codewords.length < dataCapacity(version); pad++) {
		codewords.push(pad % 2 === 0 ? 0xec : 0x11);
	}

	return codewords;
}

/** Splits into blocks, adds each block's error correction, and interleaves as the symbol stores them. */
function finalCodewords(data: number[], version: number): number[] {
	const [ecLength, blocks1, data1, blocks2, data2] = levelM[version - 1]!;
	const blocks: number[][] = [];
	let offset = 0;
	for (let index = 0; index < blocks1 + blocks2; index++) {
		const length = index < blocks1 ? data1 : data2;
		blocks.push(data.slice(offset, offset + length));
		offset += length;
	}

	const corrections = blocks.map(block => reedSolomon(block, ecLength));
	const result: number[] = [];
	for (let index = 0; index < Math.max(data1, data2); index++) {
		for (const block of blocks) {
			if (index < block.length) {
				result.push(block[index]!);
			}
		}
	}

	for (let index = 0; index < ecLength; index++) {
		for (const correction of corrections) {
			result.push(correction[index]!);
		}
	}

	return result;
}

type Grid = {size: number; dark: boolean[][]; reserved: boolean[][]};

function set(grid: Grid, x: number, y: number, dark: boolean): void {
	grid.dark[y]![x] = dark;
	grid.reserved[y]![x] = true;
}

function drawFinder(grid: Grid, centreX: number, centreY: number): void {
	for (let dy = -4; dy <= 4; dy++) {
		for (let dx = -4; dx <= 4; dx++) {
			const x = centreX + dx;
			const y = centreY + dy;
			if (x >= 0 && x < grid.size && y >= 0 && y < grid.size) {
				const distance = Math.max(Math.abs(dx), Math.abs(dy));
				set(grid, x, y, distance !== 2 && distance !== 4);
			}
		}
	}
}

function drawAlignment(grid: Grid, centreX: number, centreY: number): void {
	for (let dy = -2; dy <= 2; dy++) {
		for (let dx = -2; dx <= 2; dx++) {
			set(grid, centreX + dx, centreY + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
		}
	}
}

function drawFunctionPatterns(grid: Grid, version: number): void {
	const {size} = grid;
	for (let index = 0; index < size; index++) {
		set(grid, 6, index, index % 2 === 0);
		set(grid, index, 6, index % 2 === 0);
	}

	drawFinder(grid, 3, 3);
	drawFinder(grid, size - 4, 3);
	drawFinder(grid, 3, size - 4);
	const centres = alignmentCentres[version - 1]!;
	const last = centres.length - 1;
	for (const [i, y] of centres.entries()) {
		for (const [j, x] of centres.entries()) {
			// The three corners where a finder pattern already sits have no alignment pattern.
			if (!((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0))) {
				drawAlignment(grid, x, y);
			}
		}
	}

	// Reserve the format areas (drawn for real once the mask is chosen) and draw the version blocks.
	drawFormat(grid, 0);
	if (version >= 7) {
		let remainder = version;
		for (let index = 0; index < 12; index++) {
			remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f_25);
		}

		const bits = (version << 12) | remainder;
		for (let index = 0; index < 18; index++) {
			const dark = ((bits >>> index) & 1) === 1;
			const a = size - 11 + (index % 3);
			const b = Math.floor(index / 3);
			set(grid, a, b, dark);
			set(grid, b, a, dark);
		}
	}
}

/** The 15 format bits (level M, `mask`) in both copies, and the dark module beside the lower finder. */
function drawFormat(grid: Grid, mask: number): void {
	const data = mask; // Level M's two bits are 00.
	let remainder = data;
	for (let index = 0; index < 10; index++) {
		remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x5_37);
	}

	const bits = ((data << 10) | remainder) ^ 0x54_12;
	const bit = (index: number) => ((bits >>> index) & 1) === 1;
	const {size} = grid;
	for (let index = 0; index <= 5; index++) {
		set(grid, 8, index, bit(index));
	}

	set(grid, 8, 7, bit(6));
	set(grid, 8, 8, bit(7));
	set(grid, 7, 8, bit(8));
	for (let index = 9; index < 15; index++) {
		set(grid, 14 - index, 8, bit(index));
	}

	for (let index = 0; index < 8; index++) {
		set(grid, size - 1 - index, 8, bit(index));
	}

	for (let index = 8; index < 15; index++) {
		set(grid, 8, size - 15 + index, bit(index));
	}

	set(grid, 8, size - 8, true);
}

function drawCodewords(grid: Grid, codewords: number[]): void {
	const {size} = grid;
	let bitIndex = 0;
	for (let right = size - 1; right >= 1; right -= 2) {
		if (right === 6) {
			right = 5;
		}

		for (let vertical = 0; vertical < size; vertical++) {
			for (let column = 0; column < 2; column++) {
				const x = right - column;
				const upward = ((right + 1) & 2) === 0;
				const y = upward ? size - 1 - vertical : vertical;
				if (!grid.reserved[y]![x]) {
					const byte = codewords[bitIndex >>> 3];
					// Remainder bits past the last codeword are light.
					grid.dark[y]![x] = byte !== undefined && ((byte >>> (7 - (bitIndex & 7))) & 1) === 1;
					bitIndex++;
				}
			}
		}
	}
}

export const maskRules: ReadonlyArray<(x: number, y: number) => boolean> = [
	(x, y) => (x + y) % 2 === 0,
	(_x, y) => y % 2 === 0,
	(x, _y) => x % 3 === 0,
	(x, y) => (x + y) % 3 === 0,
	(x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
	(x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
	(x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
	(x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

function applyMask(grid: Grid, reserved: boolean[][], mask: number): void {
	const rule = maskRules[mask]!;
	for (let y = 0; y < grid.size; y++) {
		for (let x = 0; x < grid.size; x++) {
			if (!reserved[y]![x] && rule(x, y)) {
				grid.dark[y]![x] = !grid.dark[y]![x];
			}
		}
	}
}

const finderLike = [true, false, true, true, true, false, true, false, false, false, false];

/** The standard's penalty score: runs, 2×2 blocks, finder-like patterns and the dark share. */
function penalty(dark: boolean[][]): number {
	const size = dark.length;
	let score = 0;
	const lines: boolean[][] = [];
	for (let index = 0; index < size; index++) {
		lines.push(
			dark[index]!,
			dark.map(row => row[index]!),
		);
	}

	for (const line of lines) {
		let run = 1;
		for (let index = 1; index <= size; index++) {
			if (index < size && line[index] === line[index - 1]) {
				run++;
				continue;
			}

			if (run >= 5) {
				score += run - 2;
			}

			run = 1;
		}

		// 1:1:3:1:1 dark-light pattern with four light modules on either side.
		for (let at = 0; at + 11 <= size; at++) {
			let forward = true;
			let backward = true;
			for (let index = 0; index < 11 && (forward || backward); index++) {
				forward &&= line[at + index] === finderLike[index];
				backward &&= line[at + index] === finderLike[10 - index];
			}

			score += (forward ? 40 : 0) + (backward ? 40 : 0);
		}
	}

	for (let y = 0; y < size - 1; y++) {
		for (let x = 0; x < size - 1; x++) {
			const module = dark[y]![x];
			if (module === dark[y]![x + 1] && module === dark[y + 1]![x] && module === dark[y + 1]![x + 1]) {
				score += 3;
			}
		}
	}

	const darkCount = dark.flat().filter(Boolean).length;
	score += Math.floor(Math.abs((darkCount * 20) / (size * size) - 10)) * 10;
	return score;
}

/** The last symbol made: a slip prints the same reference on every copy. */
let lastSymbol: {key: string; matrix: QrMatrix} | undefined;

/** The smallest version-M symbol that holds `bytes`; a RangeError past version 10 (213 bytes). Do not change what it returns. */
export function encodeQr(bytes: Uint8Array): QrMatrix {
	const key = Buffer.from(bytes).toString('latin1');
	if (lastSymbol?.key !== key) {
		lastSymbol = {key, matrix: makeSymbol(bytes)};
	}

	return lastSymbol.matrix;
}

function makeSymbol(bytes: Uint8Array): QrMatrix {
	let version = 1;
	// Mode (4 bits) + count (8 or 16 bits) + data.
	while (version <= maxQrVersion && 4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCapacity(version) * 8) {
		version++;
	}

	if (version > maxQrVersion) {
		throw new RangeError(`QR data of ${bytes.length} bytes does not fit version ${maxQrVersion}-M`);
	}

	const size = version * 4 + 17;
	const empty = () => Array.from({length: size}, () => Array.from({length: size}, () => false));
	const base: Grid = {size, dark: empty(), reserved: empty()};
	drawFunctionPatterns(base, version);
	drawCodewords(base, finalCodewords(dataCodewords(bytes, version), version));

	let best: QrMatrix | undefined;
	let bestScore = Number.POSITIVE_INFINITY;
	for (let mask = 0; mask < maskRules.length; mask++) {
		const grid: Grid = {size, dark: base.dark.map(row => [...row]), reserved: base.reserved.map(row => [...row])};
		applyMask(grid, base.reserved, mask);
		drawFormat(grid, mask);
		const score = penalty(grid.dark);
		if (score < bestScore) {
			bestScore = score;
			best = {version, size, mask, modules: grid.dark};
		}
	}

	return best!;
}
