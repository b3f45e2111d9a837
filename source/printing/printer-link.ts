import net from 'node:net';
import {ReplyReader, type PrinterReply} from './printer-replies.js';

/** Why a wait on the printer ended without what it waited for. */
export type LinkEnd = {ended: 'timeout' | 'closed' | 'error'; detail: string};

/**
 * One TCP connection to a printer, read as replies: each wait takes only replies that arrive after
 * it was asked for (`discard` drops what came before a query), and every wait has its own limit.
 */
export class PrinterLink {
	readonly reader = new ReplyReader();
	readonly where: string;
	readonly #socket: net.Socket;
	#replies: PrinterReply[] = [];
	#end: LinkEnd | undefined;
	#wake: (() => void) | undefined;
	readonly #closed: Promise<void>;

	private constructor(socket: net.Socket, where: string) {
		this.#socket = socket;
		this.where = where;
		this.#closed = new Promise(resolve => {
			socket.once('close', () => {
				this.#finish({ended: 'closed', detail: `the printer at ${where} closed the connection`});
				resolve();
			});
		});
		socket.on('data', (chunk: Uint8Array) => {
			this.#replies.push(...this.reader.push(chunk));
			this.#wake?.();
		});
		socket.on('end', () => {
			this.#finish({ended: 'closed', detail: `the printer at ${where} closed the connection`});
		});
		socket.on('error', (error: NodeJS.ErrnoException) => {
			this.#finish({ended: 'error', detail: `${where}: ${error.code ?? error.message}`});
		});
	}

	/** Connects within the timeout, or says why not. */
	// eslint-disable-next-line @typescript-eslint/member-ordering -- the constructor it calls reads better first
	static async open(host: string, port: number, timeoutMs: number): Promise<PrinterLink | LinkEnd> {
		const where = `${host}:${port}`;
		return new Promise(resolve => {
			const socket = new net.Socket({allowHalfOpen: true});
			const timer = setTimeout(() => {
				socket.destroy();
				resolve({ended: 'timeout', detail: `no connection to ${where} within ${timeoutMs} ms`});
			}, timeoutMs);
			const onError = (error: NodeJS.ErrnoException) => {
				clearTimeout(timer);
				socket.destroy();
				resolve({ended: 'error', detail: `${where}: ${error.code ?? error.message}`});
			};

			socket.once('error', onError);
			socket.connect({host, port}, () => {
				clearTimeout(timer);
				socket.off('error', onError);
				socket.setNoDelay(true);
				resolve(new PrinterLink(socket, where));
			});
		});
	}

	/** Drops every reply received so far: they answer nothing asked from now on. */
	discard(): void {
		this.#replies = [];
	}

	/**
	 * Writes bytes and waits until the system has taken them all. The limit is on progress, not on
	 * the whole write: the socket's idle timeout restarts whenever some of the bytes drain.
	 */
	async write(bytes: Uint8Array, idleTimeoutMs: number): Promise<LinkEnd | undefined> {
		if (this.#end) {
			return this.#end;
		}

		return new Promise(resolve => {
			const onTimeout = () => {
				done({ended: 'timeout', detail: `the printer at ${this.where} stopped taking data for ${idleTimeoutMs} ms`});
			};

			const done = (end: LinkEnd | undefined) => {
				this.#socket.setTimeout(0);
				this.#socket.off('timeout', onTimeout);
				this.#socket.off('close', onClose);
				resolve(end);
			};

			const onClose = () => {
				done(this.#end ?? {ended: 'closed', detail: `the printer at ${this.where} closed the connection`});
			};

			this.#socket.setTimeout(idleTimeoutMs);
			this.#socket.on('timeout', onTimeout);
			this.#socket.once('close', onClose);
			this.#socket.write(bytes, error => {
				done(error ? (this.#end ?? {ended: 'error', detail: `${this.where}: ${error.message}`}) : undefined);
			});
		});
	}

	/**
	 * The first reply from now on that `pick` accepts (it returns a value), skipping those it returns
	 * undefined for; a timeout or the end of the connection otherwise.
	 */
	async reply<T>(pick: (reply: PrinterReply) => T | undefined, timeoutMs: number): Promise<T | LinkEnd> {
		return new Promise(resolve => {
			// eslint-disable-next-line prefer-const -- set once the replies so far did not answer, read by finish before that
			let timer: NodeJS.Timeout | undefined;
			const check = (): boolean => {
				while (this.#replies.length > 0) {
					const picked = pick(this.#replies.shift()!);
					if (picked !== undefined) {
						finish(picked);
						return true;
					}
				}

				if (this.#end) {
					finish(this.#end);
					return true;
				}

				return false;
			};

			const finish = (value: T | LinkEnd) => {
				clearTimeout(timer);
				this.#wake = undefined;
				resolve(value);
			};

			if (check()) {
				return;
			}

			timer = setTimeout(() => {
				finish({ended: 'timeout', detail: `no answer from the printer at ${this.where} within ${timeoutMs} ms`});
			}, timeoutMs);
			this.#wake = () => {
				check();
			};
		});
	}

	/** Ends the connection and waits for the printer to close it, for at most the limit; then drops it. */
	async close(timeoutMs: number): Promise<void> {
		if (!this.#socket.destroyed) {
			this.#socket.end();
		}

		let timer: NodeJS.Timeout | undefined;
		await Promise.race([
			this.#closed,
			new Promise<void>(resolve => {
				timer = setTimeout(resolve, timeoutMs);
			}),
		]);
		clearTimeout(timer);
		this.#socket.destroy();
	}

	/**
	 * Gives up on a live connection by resetting it: a plain close would still deliver the rest of a
	 * slip and tell the printer the job was complete, so it could print whole after we reported it failed.
	 */
	abort(): void {
		if (!this.#socket.destroyed) {
			this.#socket.resetAndDestroy();
		}
	}

	#finish(end: LinkEnd): void {
		this.#end ??= end;
		this.#wake?.();
	}
}

export function isLinkEnd(value: unknown): value is LinkEnd {
	return typeof value === 'object' && value !== null && 'ended' in value;
}
