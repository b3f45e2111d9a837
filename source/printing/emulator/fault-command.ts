import {
	emulatorQuirks,
	isEmulatorQuirk,
	isPrinterFault,
	printerFaults,
	type EmulatorQuirk,
	type PrinterFault,
} from './printer-emulator.js';

export type FaultCommand =
	| {ok: true; fault: PrinterFault | undefined; byteRate?: number; afterBytes?: number}
	| {ok: true; quirk: EmulatorQuirk; on: boolean}
	| {ok: false; message: string};

const clearWords = new Set(['ok', 'none', 'clear', 'ready']);

/** Faults that take a number: the byte rate of `slow`, the bytes before `paper-out-mid` runs out. */
const withAmount: Partial<Record<PrinterFault, 'byteRate' | 'afterBytes'>> = {
	slow: 'byteRate',
	'paper-out-mid': 'afterBytes',
};

/**
 * Reads a fault as typed on the emulator's stdin or given to --fault: `paper-out`, `slow 500`,
 * `paper-out-mid 300`, `ok`; or a quirk turned on or off: `double-status`, `double-status off`.
 */
export function parseFaultCommand(line: string): FaultCommand {
	const [word = '', amount, ...rest] = line.trim().toLowerCase().split(/\s+/v);
	const usage = `use one of: ${printerFaults.join(', ')}, or ok; "slow N" sets N bytes per second, "paper-out-mid N" runs out after N bytes; a quirk (${emulatorQuirks.join(', ')}) with "on" or "off"`;
	if (isEmulatorQuirk(word)) {
		if (rest.length > 0 || (amount !== undefined && amount !== 'on' && amount !== 'off')) {
			return {ok: false, message: `"${line.trim()}": write the quirk, then on or off, such as "${word} off"`};
		}

		return {ok: true, quirk: word, on: amount !== 'off'};
	}

	const field = isPrinterFault(word) ? withAmount[word] : undefined;
	if (rest.length > 0 || (amount !== undefined && field === undefined)) {
		return {ok: false, message: `"${line.trim()}" is not a fault: ${usage}`};
	}

	if (clearWords.has(word)) {
		return {ok: true, fault: undefined};
	}

	if (!isPrinterFault(word)) {
		return {ok: false, message: `"${word}" is not a fault: ${usage}`};
	}

	if (amount === undefined || field === undefined) {
		return {ok: true, fault: word};
	}

	const value = Number(amount);
	if (!Number.isInteger(value) || value < 1) {
		return {
			ok: false,
			message:
				field === 'byteRate'
					? `"${amount}" is not a byte rate: write a whole number of bytes per second such as 500`
					: `"${amount}" is not a byte count: write a whole number of bytes such as 300`,
		};
	}

	return field === 'byteRate' ? {ok: true, fault: word, byteRate: value} : {ok: true, fault: word, afterBytes: value};
}
