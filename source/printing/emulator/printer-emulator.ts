/* eslint-disable no-bitwise -- ESC/POS parameters and status replies are bit fields. */
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import {systemClock, type Clock} from '../../clock.js';
import {formatDate, formatTime} from '../../domain/time-format.js';
import type {PrinterModel} from '../printer-profile.js';
import type {PrinterEvent} from './command-parser.js';
import type {PaperLineRecord, UnknownSequence} from './paper-renderer.js';
import {createPrinterReader} from './printer-reader.js';

export const printerFaults = [
	'paper-out',
	'near-end',
	'cover-open',
	'offline',
	'error',
	'stall',
	'slow',
	'reset',
	'paper-out-mid',
] as const;
export type PrinterFault = (typeof printerFaults)[number];

export function isPrinterFault(value: string): value is PrinterFault {
	return (printerFaults as readonly string[]).includes(value);
}

/**
 * How a real printer or print server answers, beside faults: it never answers DLE EOT, answers with
 * the status before the latest change, answers each DLE EOT twice, has status bytes waiting when a
 * connection opens, sends automatic status back (ASB) blocks unasked, answers only DLE EOT n=1 and 2,
 * or does not know GS r / GS ( H (so it never confirms a slip).
 */
export const emulatorQuirks = [
	'no-status',
	'previous-status',
	'double-status',
	'stale-at-connect',
	'asb',
	'status-n12',
	'no-confirmation',
] as const;
export type EmulatorQuirk = (typeof emulatorQuirks)[number];

export function isEmulatorQuirk(value: string): value is EmulatorQuirk {
	return (emulatorQuirks as readonly string[]).includes(value);
}

/** What a printer profile says of its answers, as the emulator plays it (`PrinterModel`'s fields). */
export type EmulatedModel = Pick<PrinterModel, 'name' | 'status' | 'confirmation'> & {
	/** What GS I 66 and 67 answer (maker, model); none when the printer does not answer GS I. */
	identity?: {maker: string; model: string; firmware: string; fonts?: string};
};

/** The quirks that make the emulator answer as a printer of this profile does. */
export function quirksOf(model: Pick<PrinterModel, 'status' | 'confirmation'>): EmulatorQuirk[] {
	const quirks: EmulatorQuirk[] = [];
	if (model.status.kind === 'none') {
		quirks.push('no-status');
	} else if (!model.status.answers.includes(4)) {
		quirks.push('status-n12');
	}

	if (model.confirmation === 'none') {
		quirks.push('no-confirmation');
	}

	return quirks;
}

export type EmulatedJob = {
	/** 1, 2, 3 … in arrival order. */
	number: number;
	receivedAt: number;
	/** The print data as received, without the DLE EOT status requests. */
	bytes: Uint8Array;
	/** The paper as text (see PaperRenderer for the conventions). */
	text: string;
	lines: PaperLineRecord[];
	/** Byte sequences this printer does not understand; a clean job has none. */
	unknown: UnknownSequence[];
	/** The connection ended without the client closing it properly (a reset, a stall or a client that gave up). */
	interrupted: boolean;
	files?: {text: string; bin: string};
};

export type EmulatorOptions = {
	host?: string;
	port?: number;
	/** Paper width in columns: 48 for 80 mm, 32 for 58 mm; the model's Font A columns by default. */
	columns?: number;
	/** The printer to behave like on the bytes side (code pages, Chinese mode, QR, cutter); the default profile when absent. */
	model?: PrinterModel;
	outDir?: string;
	fault?: PrinterFault;
	/** Bytes per second read in the `slow` fault. */
	byteRate?: number;
	/** Bytes of print data after which the `paper-out-mid` fault runs out of paper (300 by default). */
	paperOutAfterBytes?: number;
	quirks?: readonly EmulatorQuirk[];
	/** A printer profile's answers to behave like: its quirks are added to `quirks`, and GS I answers its identity. */
	answers?: EmulatedModel;
	onJob?: (job: EmulatedJob) => void;
	/** The clock that stamps each job (the process's clock by default). */
	now?: Clock;
	/** The zone the saved files are named in, the one the slip prints its time in (this machine's zone by default). */
	timeZone?: string;
};

export type Emulator = {
	host: string;
	port: number;
	readonly fault: PrinterFault | undefined;
	/** Every job so far, in arrival order; the array grows in place. */
	jobs: EmulatedJob[];
	readonly quirks: readonly EmulatorQuirk[];
	/** `amount` is the byte rate of `slow` or the bytes before `paper-out-mid` runs out. */
	setFault(fault: PrinterFault | undefined, amount?: number): void;
	setQuirk(quirk: EmulatorQuirk, on: boolean): void;
	waitForJobs(count: number, timeoutMs: number): Promise<EmulatedJob[]>;
	close(): Promise<void>;
};

const ready = 0x12;

/** Replies to DLE EOT 1, 2 and 4 per Epson's bit layout (fixed bits 0x12, offline bit 3, cover bit 2, paper-end stop bit 5, error bit 6, sensors in bits 2-3 and 5-6). */
function statusByte(n: number, fault: PrinterFault | undefined): number {
	const offline = fault === 'paper-out' || fault === 'cover-open' || fault === 'offline' || fault === 'error';
	switch (n) {
		case 1: {
			return ready | (offline ? 0x08 : 0);
		}

		case 2: {
			return (
				ready |
				(fault === 'cover-open' ? 0x04 : 0) |
				(fault === 'paper-out' ? 0x20 : 0) |
				(fault === 'error' ? 0x40 : 0)
			);
		}

		case 3: {
			// Error cause: autocutter error (bit 3) stands for "some error".
			return ready | (fault === 'error' ? 0x08 : 0);
		}

		case 4: {
			return ready | (fault === 'paper-out' ? 0x6c : 0) | (fault === 'near-end' ? 0x0c : 0);
		}

		default: {
			return ready;
		}
	}
}

/** ASB's four bytes (Epson's layout): offline and cover in the first, error in the second, roll paper sensors in the third. */
function asbBlock(fault: PrinterFault | undefined): number[] {
	const offline = fault === 'paper-out' || fault === 'cover-open' || fault === 'offline' || fault === 'error';
	return [
		0x10 | (offline ? 0x08 : 0) | (fault === 'cover-open' ? 0x20 : 0),
		fault === 'error' ? 0x08 : 0,
		(fault === 'near-end' ? 0x03 : 0) | (fault === 'paper-out' ? 0x0f : 0),
		0,
	];
}

/** GS r 1's reply: roll paper near end in bits 0-1, roll paper end in bits 2-3. */
function paperStatusByte(fault: PrinterFault | undefined): number {
	return (fault === 'near-end' ? 0x03 : 0) | (fault === 'paper-out' ? 0x0f : 0);
}

/** Slow reading runs in ticks, so a slow printer applies TCP back-pressure like a real one. */
const slowTickMs = 50;

/** `20261125T173012-123`: the job's time as the slip shows it, in the counter's zone, to the millisecond. */
function fileStamp(ms: number, timeZone: string): string {
	const date = formatDate(ms, timeZone).replaceAll('-', '');
	const time = formatTime(ms, timeZone).replaceAll(':', '');
	const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
	return `${date}T${time}-${millis}`;
}

/** A networked ESC/POS printer on a TCP port, with faults on demand: the printer of the tests and the demo. */
export async function startPrinterEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const host = options.host ?? '127.0.0.1';
	const columns = options.columns ?? options.model?.paper.columns.fontA ?? 48;
	const now = options.now ?? systemClock();
	const timeZone = options.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
	let {fault} = options;
	/** The fault before the latest change: what a `previous-status` printer still reports. */
	let previousFault: PrinterFault | undefined = fault;
	let byteRate = options.byteRate ?? 2000;
	let paperOutAfterBytes = options.paperOutAfterBytes ?? 300;
	const quirks = new Set<EmulatorQuirk>([
		...(options.quirks ?? []),
		...(options.answers ? quirksOf(options.answers) : []),
	]);
	const changeFault = (next: PrinterFault | undefined) => {
		if (next !== fault) {
			previousFault = fault;
			fault = next;
		}
	};

	const jobs: EmulatedJob[] = [];
	let jobsReceived = 0;
	const sockets = new Set<net.Socket>();
	const timers = new Set<NodeJS.Timeout>();
	const fileWrites = new Set<Promise<void>>();
	let waiters: Array<() => void> = [];

	// A job is announced (and counted) once its files are on disk, so whoever reads the job's file on
	// its announcement finds it whole.
	const announce = (job: EmulatedJob) => {
		jobs.push(job);
		options.onJob?.(job);
		for (const wake of waiters) {
			wake();
		}
	};

	const record = (job: EmulatedJob) => {
		if (options.outDir) {
			const base = path.join(options.outDir, `${fileStamp(job.receivedAt, timeZone)}-${job.number}`);
			job.files = {text: `${base}.txt`, bin: `${base}.bin`};
			const write = (async () => {
				await fs.mkdir(options.outDir!, {recursive: true});
				await fs.writeFile(`${base}.txt`, job.text + '\n');
				await fs.writeFile(`${base}.bin`, job.bytes);
			})()
				.catch((error: unknown) => {
					process.emitWarning(`printer emulator could not save job ${job.number}: ${String(error)}`);
				})
				.finally(() => {
					fileWrites.delete(write);
					announce(job);
				});
			fileWrites.add(write);
		} else {
			announce(job);
		}
	};

	const serve = (socket: net.Socket) => {
		sockets.add(socket);
		socket.setNoDelay(true);
		const {parser, paper} = createPrinterReader(options.model, columns);
		const data: Uint8Array[] = [];
		let inbox: Uint8Array[] = [];
		let stalled = false;
		let done = false;
		let tick: NodeJS.Timeout | undefined;

		const finishJob = (interrupted: boolean) => {
			if (done) {
				return;
			}

			done = true;
			if (tick) {
				clearTimeout(tick);
				timers.delete(tick);
			}

			const bytes = Buffer.concat(data);
			if (bytes.length === 0) {
				return;
			}

			paper.finish();
			record({
				number: ++jobsReceived,
				receivedAt: now(),
				bytes,
				text: paper.text,
				lines: paper.lines,
				unknown: paper.unknown,
				interrupted,
			});
		};

		/** Bytes of print data processed on this connection, for `paper-out-mid`. */
		let processed = 0;
		/** Whether ASB is on: by quirk from the start, or once GS a turns it on. */
		let asb = quirks.has('asb');
		/** The last two bytes received, so a DLE EOT split across reads is still seen on receipt. */
		let tail: number[] = [];

		const statusReply = (n: number): number[] => {
			if (quirks.has('no-status') || (quirks.has('status-n12') && n !== 1 && n !== 2)) {
				return [];
			}

			const byte = statusByte(n, quirks.has('previous-status') ? previousFault : fault);
			return quirks.has('double-status') ? [byte, byte] : [byte];
		};

		/** DLE EOT is a real-time command: answered when it is received, ahead of print data still waiting. */
		const answerOnReceipt = (part: Uint8Array, replies: number[]) => {
			for (const byte of part) {
				if (tail.length === 2 && tail[0] === 0x10 && tail[1] === 0x04 && byte >= 1 && byte <= 4) {
					replies.push(...statusReply(byte));
				}

				tail = [...tail, byte].slice(-2);
			}
		};

		const answerQuery = (event: Extract<PrinterEvent, {kind: 'query'}>, replies: number[]) => {
			const confirms = !quirks.has('no-confirmation');
			switch (event.command) {
				case 'gs-r': {
					if (confirms && (event.n === 1 || event.n === 49)) {
						replies.push(paperStatusByte(fault));
					}

					break;
				}

				case 'gs-h': {
					// Fn 48 (process ID): answered once everything before it has been processed, as here.
					if (confirms && event.n === 48 && event.data.length === 5) {
						replies.push(0x37, 0x22, ...event.data.subarray(1), 0x00);
					}

					break;
				}

				case 'gs-a': {
					asb = event.n !== 0;
					break;
				}

				case 'gs-i': {
					const identity = options.answers?.identity;
					const answer = identity
						? {65: identity.firmware, 66: identity.maker, 67: identity.model, 69: identity.fonts}[event.n]
						: undefined;
					if (answer !== undefined) {
						replies.push(0x5f, ...Buffer.from(answer, 'ascii'), 0x00);
					}

					break;
				}
			}
		};

		const handle = (part: Uint8Array) => {
			// Replies go out together: one segment, not one per byte held back by Nagle.
			const replies: number[] = [];
			try {
				answerOnReceipt(part, replies);
				react(parser.push(part), replies);
				if (asb) {
					// Unsolicited, at every step: the status as it is now.
					replies.push(...asbBlock(fault));
				}
			} finally {
				if (replies.length > 0 && !socket.destroyed) {
					socket.write(Uint8Array.from(replies));
				}
			}
		};

		const react = (events: PrinterEvent[], replies: number[]) => {
			for (const event of events) {
				if (event.kind === 'status') {
					// Answered on receipt.
					continue;
				}

				if (fault === 'paper-out' || fault === 'cover-open' || fault === 'offline' || fault === 'error') {
					// Offline: nothing more is processed, and nothing in sequence is answered.
					return;
				}

				if (event.kind === 'query') {
					answerQuery(event, replies);
					continue;
				}

				if (fault === 'stall') {
					// Status answered, print data never read: the sender's buffers fill and nothing drains.
					stalled = true;
					socket.pause();
					return;
				}

				data.push(event.raw);
				paper.apply(event);
				processed += event.raw.length;
				if (fault === 'paper-out-mid' && processed >= paperOutAfterBytes) {
					// The roll ends part-way: the printer goes offline with the rest of the slip unprinted.
					changeFault('paper-out');
					return;
				}

				if (fault === 'reset' && data.length > 8) {
					finishJob(true);
					socket.resetAndDestroy();
					return;
				}
			}
		};

		const take = (limit: number) => {
			let budget = limit;
			while (budget > 0 && inbox.length > 0 && !socket.destroyed) {
				// Handling a chunk may stall the printer part-way.
				if (stalled) {
					return;
				}

				const chunk = inbox[0]!;
				const part = chunk.subarray(0, budget);
				inbox[0] = chunk.subarray(part.length);
				if (inbox[0].length === 0) {
					inbox.shift();
				}

				budget -= part.length;
				handle(part);
			}
		};

		const pump = () => {
			tick = undefined;
			if (fault !== 'slow') {
				take(Number.POSITIVE_INFINITY);
				socket.resume();
				return;
			}

			take(Math.max(1, Math.floor((byteRate * slowTickMs) / 1000)));
			if (inbox.length > 0) {
				socket.pause();
				tick = setTimeout(() => {
					if (tick) {
						timers.delete(tick);
					}

					pump();
				}, slowTickMs);
				timers.add(tick);
			} else if (!stalled) {
				socket.resume();
			}
		};

		if (quirks.has('stale-at-connect')) {
			// A print server that kept an earlier connection's answers: status bytes before anything is asked.
			socket.write(
				Uint8Array.from([
					statusByte(1, previousFault),
					statusByte(2, previousFault),
					statusByte(4, previousFault),
					...asbBlock(previousFault),
				]),
			);
		} else if (asb) {
			socket.write(Uint8Array.from(asbBlock(fault)));
		}

		socket.on('data', (chunk: Uint8Array) => {
			if (stalled) {
				return;
			}

			inbox.push(chunk);
			if (tick === undefined) {
				pump();
			}
		});
		socket.on('end', () => {
			// The client has sent everything; a slow printer still has bytes to read before it can close.
			const close = () => {
				if (inbox.length > 0 && !socket.destroyed) {
					const wait = setTimeout(() => {
						timers.delete(wait);
						close();
					}, slowTickMs);
					timers.add(wait);
					return;
				}

				finishJob(false);
				socket.end();
			};

			close();
		});
		socket.on('error', () => {
			// A client that resets or times out is part of the job's story, not the emulator's failure.
		});
		socket.on('close', () => {
			sockets.delete(socket);
			inbox = [];
			finishJob(true);
		});
	};

	const server = net.createServer({allowHalfOpen: true}, serve);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as net.AddressInfo;

	return {
		host,
		port: address.port,
		get fault() {
			return fault;
		},
		get quirks() {
			return [...quirks];
		},
		setFault(next, amount) {
			changeFault(next);
			if (amount !== undefined && next === 'slow') {
				byteRate = amount;
			}

			if (amount !== undefined && next === 'paper-out-mid') {
				paperOutAfterBytes = amount;
			}
		},
		setQuirk(quirk, on) {
			if (on) {
				quirks.add(quirk);
			} else {
				quirks.delete(quirk);
			}
		},
		jobs,
		async waitForJobs(count, timeoutMs) {
			if (jobs.length >= count) {
				return jobs.slice(0, count);
			}

			return new Promise((resolve, reject) => {
				const check = () => {
					if (jobs.length >= count) {
						clearTimeout(timer);
						waiters = waiters.filter(waiter => waiter !== check);
						resolve(jobs.slice(0, count));
					}
				};

				const timer = setTimeout(() => {
					waiters = waiters.filter(waiter => waiter !== check);
					reject(new Error(`the printer emulator received ${jobs.length} of ${count} jobs within ${timeoutMs} ms`));
				}, timeoutMs);
				waiters.push(check);
			});
		},
		async close() {
			for (const timer of timers) {
				clearTimeout(timer);
			}

			const closed = new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
			for (const socket of sockets) {
				socket.destroy();
			}

			await closed;
			await Promise.all(fileWrites);
		},
	};
}
