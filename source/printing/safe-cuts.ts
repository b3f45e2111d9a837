/**
 * Where a slip's bytes may be split to slip a real-time DLE EOT in between: after a line feed at the
 * top level, never inside a command's parameters (a QR symbol's data, a raster image) where those
 * bytes would be read as data. Walks the commands the encoder writes; at anything else it stops, and
 * the rest goes as one piece.
 */
/** FS & and FS . take no parameter; DLE EOT takes one. */
const shortCommands: Readonly<Record<number, number>> = {0x1c: 2, 0x10: 3};

export function safeCutPoints(bytes: Uint8Array): number[] {
	const cuts: number[] = [];
	let at = 0;
	const u8 = (index: number) => bytes[index] ?? 0;
	while (at < bytes.length) {
		const first = u8(at);
		if (first === 0x0a) {
			at++;
			cuts.push(at);
			continue;
		}

		if (first >= 0x20) {
			at++;
			continue;
		}

		const second = u8(at + 1);
		const simple = first === 0x1b ? (second === 0x40 ? 2 : 3) : shortCommands[first];
		if (simple !== undefined) {
			// ESC @ takes no parameter; ESC a, E, t, M, d, J and ! take one; FS & and FS . none; DLE EOT one.
			at += simple;
		} else if (first === 0x1d && second === 0x28) {
			at += 5 + u8(at + 3) + u8(at + 4) * 256;
		} else if (first === 0x1d && second === 0x56) {
			at += [65, 66, 97, 98, 103, 104].includes(u8(at + 2)) ? 4 : 3;
		} else if (first === 0x1d && second === 0x76 && u8(at + 2) === 0x30) {
			// GS v 0 m xL xH yL yH: (xL + xH·256) bytes a row, (yL + yH·256) rows.
			at += 8 + (u8(at + 4) + u8(at + 5) * 256) * (u8(at + 6) + u8(at + 7) * 256);
		} else if (first === 0x1d) {
			at += 3;
		} else {
			break;
		}
	}

	return cuts.filter(cut => cut < bytes.length);
}
