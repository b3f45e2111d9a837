/* eslint-disable no-bitwise -- a raster row packs eight dots in a byte. */
import {encodeQr} from './qr-matrix.js';

/** A 1-bit image as GS v 0 takes it: rows of `widthBytes` bytes, most significant bit leftmost, 1 printed. */
export type RasterImage = {widthBytes: number; height: number; data: Uint8Array};

/** Light modules around the symbol, which readers need to find it: the standard asks for 4. */
export const quietZoneModules = 4;

/**
 * A QR symbol as a raster image for printers without GS ( k: each module `moduleDots` dots square,
 * with the quiet zone. Version 1 at 4 dots is (21 + 8) × 4 = 116 dots square, 15 × 116 = 1,740 bytes.
 */
export function rasterQr(data: Uint8Array, moduleDots: number): RasterImage {
	const matrix = encodeQr(data);
	const modules = matrix.size + 2 * quietZoneModules;
	const dots = modules * moduleDots;
	const widthBytes = Math.ceil(dots / 8);
	const image = new Uint8Array(widthBytes * dots);
	for (let y = 0; y < dots; y++) {
		const moduleY = Math.floor(y / moduleDots) - quietZoneModules;
		const row = matrix.modules[moduleY];
		if (!row) {
			continue;
		}

		for (let x = 0; x < dots; x++) {
			if (row[Math.floor(x / moduleDots) - quietZoneModules]) {
				image[y * widthBytes + (x >> 3)]! |= 0x80 >> (x & 7);
			}
		}
	}

	return {widthBytes, height: dots, data: image};
}
