import type {Readable} from 'node:stream';

/** What one read of a line gives: the line (without its newline), a line past the bound, or the end. */
export type LineRead = {kind: 'line'; text: string} | {kind: 'too-long'} | {kind: 'end'};

export type LineReader = {
	next(): Promise<LineRead>;
	close(): void;
};

const newline = 0x0a;
/** Lines read ahead of the consumer before the input is paused. */
const readAhead = 64;

/**
 * Splits a stream into lines, holding at most `maxBytes` of a line that has not ended: a longer
 * line is reported once as too long and its bytes are dropped up to its newline, so standard
 * input without a newline cannot grow the process (node:readline buffers a line without limit).
 */
export function boundedLines(input: Readable, maxBytes: number): LineReader {
	const ready: LineRead[] = [];
	const waiting: Array<(read: LineRead) => void> = [];
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	let discarding = false;
	let ended = false;

	const deliver = (read: LineRead) => {
		const waiter = waiting.shift();
		if (waiter) {
			waiter(read);
		} else {
			ready.push(read);
			if (ready.length >= readAhead) {
				input.pause();
			}
		}
	};

	const take = (): string => {
		const text = Buffer.concat(pending).toString('utf8');
		pending = [];
		pendingBytes = 0;
		return text.endsWith('\r') ? text.slice(0, -1) : text;
	};

	const onData = (chunk: Uint8Array | string) => {
		let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		while (bytes.length > 0) {
			const at = bytes.indexOf(newline);
			const end = at === -1 ? bytes.length : at;
			if (discarding) {
				discarding = at === -1;
			} else if (pendingBytes + end > maxBytes) {
				pending = [];
				pendingBytes = 0;
				discarding = at === -1;
				deliver({kind: 'too-long'});
			} else {
				pending.push(bytes.subarray(0, end));
				pendingBytes += end;
				if (at !== -1) {
					deliver({kind: 'line', text: take()});
				}
			}

			bytes = at === -1 ? bytes.subarray(bytes.length) : bytes.subarray(at + 1);
		}
	};

	const onEnd = () => {
		if (pendingBytes > 0 && !discarding) {
			deliver({kind: 'line', text: take()});
		}

		ended = true;
		while (waiting.length > 0) {
			deliver({kind: 'end'});
		}
	};

	input.on('data', onData);
	input.once('end', onEnd);
	input.once('error', onEnd);
	input.resume();
	return {
		async next() {
			const read = ready.shift();
			if (read) {
				if (ready.length < readAhead && !ended) {
					input.resume();
				}

				return read;
			}

			if (ended) {
				return {kind: 'end'};
			}

			return new Promise(resolve => {
				waiting.push(resolve);
			});
		},
		close() {
			input.off('data', onData);
			input.off('end', onEnd);
			input.off('error', onEnd);
			input.pause();
		},
	};
}
