import {isPrinterFault, printerFaults, type PrinterFault} from './printer-emulator.js';

export type FaultCommand =
	{ok: true; fault: PrinterFault | undefined; byteRate?: number} | {ok: false; message: string};

const clearWords = new Set(['ok', 'none', 'clear', 'ready']);

/** Reads a fault as typed on the emulator's stdin or given to --fault: `paper-out`, `slow 500`, `ok`. */
export function parseFaultCommand(line: string): FaultCommand {
	const [word = '', rate, ...rest] = line.trim().toLowerCase().split(/\s+/v);
	const usage = `use one of: ${printerFaults.join(', ')}, or ok; "slow N" sets N bytes per second`;
	if (rest.length > 0 || (rate !== undefined && word !== 'slow')) {
		return {ok: false, message: `"${line.trim()}" is not a fault: ${usage}`};
	}

	if (clearWords.has(word)) {
		return {ok: true, fault: undefined};
	}

	if (!isPrinterFault(word)) {
		return {ok: false, message: `"${word}" is not a fault: ${usage}`};
	}

	if (rate === undefined) {
		return {ok: true, fault: word};
	}

	const byteRate = Number(rate);
	if (!Number.isInteger(byteRate) || byteRate < 1) {
		return {
			ok: false,
			message: `"${rate}" is not a byte rate: write a whole number of bytes per second such as 500`,
		};
	}

	return {ok: true, fault: word, byteRate};
}
