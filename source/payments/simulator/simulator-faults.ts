// The faults the platform simulator plays on command, typed on its stdin, given to --fault, posted to
// /sim/fault or set by a test. Where the request is carried out before the fault hits, the fault is
// the dangerous kind: the money moved and the answer was lost.

export const simulatorFaults = [
	/** Carries out the request, then never answers. */
	'no-answer',
	/** Carries out the request and answers after a delay (`slow N`: N ms, 3000 by default). */
	'slow',
	/** Does nothing and answers HTTP 500. */
	'5xx',
	/** Carries out the request, then drops the connection half-way through the answer. */
	'reset',
	/** A refund answers PROCESSING (WeChat Pay) or fund_change N (Alipay); the next query answers SUCCESS. */
	'processing',
	/** Carries out the request and answers with a signature that does not verify. */
	'bad-signature',
	/** Carries out the request and signs the answer with a timestamp 10 minutes old (WeChat Pay). */
	'stale-timestamp',
	/** Refuses the refund as more than the sale's refundable amount. */
	'over-amount',
	/** Refuses the refund because the trade is closed. */
	'closed',
] as const;

export type SimulatorFault = (typeof simulatorFaults)[number];

export function isSimulatorFault(value: string): value is SimulatorFault {
	return (simulatorFaults as readonly string[]).includes(value);
}

export type FaultSetting = {fault: SimulatorFault | undefined; delayMs?: number; count?: number};

export type FaultCommand = {ok: true; setting: FaultSetting} | {ok: false; message: string};

const clearWords = new Set(['ok', 'none', 'clear']);

/**
 * Reads a fault line: `reset`, `slow 5000`, `no-answer x1` (only the next request), `ok`.
 */
export function parseSimulatorFault(line: string): FaultCommand {
	const words = line.trim().toLowerCase().split(/\s+/);
	const usage = `use one of: ${simulatorFaults.join(', ')}, or ok; "slow N" waits N ms; "xN" after it plays it N times`;
	const [word = '', ...rest] = words;
	if (clearWords.has(word) && rest.length === 0) {
		return {ok: true, setting: {fault: undefined}};
	}

	if (!isSimulatorFault(word)) {
		return {ok: false, message: `"${line.trim()}" is not a fault: ${usage}`};
	}

	const setting: FaultSetting = {fault: word};
	for (const extra of rest) {
		const times = /^x(\d{1,6})$/.exec(extra);
		if (times) {
			setting.count = Number(times[1]);
		} else if (word === 'slow' && /^\d{1,7}$/.test(extra)) {
			setting.delayMs = Number(extra);
		} else {
			return {ok: false, message: `"${line.trim()}" is not a fault: ${usage}`};
		}
	}

	return {ok: true, setting};
}
