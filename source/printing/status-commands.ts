/* eslint-disable no-bitwise -- ESC/POS parameters are bit fields. */
import {GS} from './escpos-commands.js';

/**
 * The in-sequence commands the transport uses to learn that a slip was processed, and to ask a
 * printer who it is. Unlike DLE EOT, each is executed only after the data before it.
 */

/** GS r 1: transmit the paper sensor status, once everything before it has been processed. */
export function transmitPaperStatus(): Uint8Array {
	return Buffer.from([GS, 0x72, 0x01]);
}

/** GS ( H fn 48: the printer answers 37h 22h d1..d4 NUL once the data before it has been processed (printed). */
export function processIdRequest(id: string): Uint8Array {
	if (!/^[\u0020-\u007E]{4}$/v.test(id)) {
		throw new Error(`a process ID is four printable ASCII characters, not ${JSON.stringify(id)}`);
	}

	return Buffer.concat([Buffer.from([GS, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30]), Buffer.from(id, 'ascii')]);
}

/** The identifier byte of a process ID response, after its 0x37 header. */
export const processIdResponseIdentifier = 0x22;

/** GS a n: automatic status back on for the items in n (0 turns it off). */
export function automaticStatusBack(items: number): Uint8Array {
	return Buffer.from([GS, 0x61, items & 0xff]);
}

/** GS I n: printer information. 65 firmware version, 66 maker, 67 model, 68 serial number, 69 fonts. */
export const printerInformation = {firmware: 65, maker: 66, model: 67, serial: 68, fonts: 69} as const;

export function transmitPrinterId(n: number): Uint8Array {
	return Buffer.from([GS, 0x49, n & 0xff]);
}

/** GS r 1's reply: roll paper near end in bits 0-1, roll paper end in bits 2-3. */
export function paperStatusOf(reply: number): {paperEnd: boolean; paperNearEnd: boolean} {
	return {paperEnd: (reply & 0b0000_1100) !== 0, paperNearEnd: (reply & 0b0000_0011) !== 0};
}
