import fs from 'node:fs';
import iconv from 'iconv-lite';
import type {BillEncoding} from './bill-row.js';
import {BillFileError} from './bill-error.js';

/** One line of the file as text, without its line break, and its 1-based number. */
export type BillLine = {number: number; text: string};

/**
 * A bill's lines, decoded as they stream from the disk: memory holds one chunk and the lines peeked,
 * whatever the file's size.
 */
export type LineSource = {
	encoding: BillEncoding;
	bytesTotal: number;
	bytesRead(): number;
	/** The next line, or undefined at the end of the file. */
	next(): Promise<BillLine | undefined>;
	/** Up to `count` lines ahead without consuming them (format detection). */
	peek(count: number): Promise<readonly BillLine[]>;
	close(): void;
};

const chunkSize = 256 * 1024;

type Decoder = {write(chunk: Uint8Array): string; end(): string};

function utf8Decoder(): Decoder {
	// Not fatal: a stray invalid byte further on becomes U+FFFD, and the line holding it is reported.
	const decoder = new TextDecoder('utf-8', {ignoreBOM: false});
	return {
		write: chunk => decoder.decode(chunk, {stream: true}),
		end: () => decoder.decode(),
	};
}

function gbDecoder(): Decoder {
	const decoder = iconv.getDecoder('gb18030');
	return {write: chunk => decoder.write(Buffer.from(chunk)), end: () => decoder.end() ?? ''};
}

/**
 * UTF-8 with a BOM, UTF-8, or else GB18030 (a superset of GBK and GB2312, which Alipay and acquirer
 * portals write): the first chunk decides, since a bill's header line already holds Chinese names.
 */
export function detectEncoding(head: Uint8Array): BillEncoding | 'utf-16' {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
		return 'utf-8-bom';
	}

	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
		return 'utf-16';
	}

	try {
		// `stream` keeps a character cut at the chunk's end from counting as invalid.
		new TextDecoder('utf-8', {fatal: true}).decode(head, {stream: true});
		// eslint-disable-next-line unicorn/text-encoding-identifier-case -- a BillEncoding, told to the user
		return 'utf-8';
	} catch {
		return 'gb18030';
	}
}

async function openHandle(file: string): Promise<{handle: fs.promises.FileHandle; size: number}> {
	try {
		const handle = await fs.promises.open(file, 'r');
		const {size} = await handle.stat();
		return {handle, size};
	} catch (error) {
		const {code} = error as NodeJS.ErrnoException;
		const why =
			code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
		throw new BillFileError(`cannot read ${file}: ${why}`, 'Check the path and try again.');
	}
}

/** Opens `file` for reading line by line, with its encoding detected from its first bytes. */
export async function openLines(file: string): Promise<LineSource> {
	const {handle, size} = await openHandle(file);
	const buffer = new Uint8Array(chunkSize);
	let position = 0;
	let ended = false;
	let closed = false;

	async function readChunk(): Promise<Uint8Array | undefined> {
		if (closed) {
			return undefined;
		}

		const {bytesRead} = await handle.read(buffer, 0, chunkSize, position);
		position += bytesRead;
		return bytesRead === 0 ? undefined : buffer.subarray(0, bytesRead);
	}

	const first = await readChunk();
	// eslint-disable-next-line unicorn/text-encoding-identifier-case -- a BillEncoding, told to the user
	const detected = first ? detectEncoding(first) : 'utf-8';
	if (detected === 'utf-16') {
		await handle.close();
		throw new BillFileError(
			`${file} is UTF-16 text, which posvoid does not read`,
			'Save it as UTF-8 (CSV UTF-8) or GBK and import again.',
		);
	}

	const encoding: BillEncoding = detected;
	const decoder = encoding === 'gb18030' ? gbDecoder() : utf8Decoder();
	let queue: BillLine[] = [];
	let head = 0;
	let rest = '';
	let lineNumber = 0;
	let pendingFirst: Uint8Array | undefined = first;

	function push(text: string, final: boolean) {
		const parts = (rest + text).split('\n');
		rest = final ? '' : (parts.pop() ?? '');
		if (final && parts.at(-1) === '') {
			parts.pop();
		}

		for (const part of parts) {
			lineNumber++;
			queue.push({number: lineNumber, text: part.endsWith('\r') ? part.slice(0, -1) : part});
		}
	}

	async function fill(): Promise<boolean> {
		if (ended) {
			return false;
		}

		const chunk = pendingFirst ?? (await readChunk());
		pendingFirst = undefined;
		if (chunk) {
			push(decoder.write(chunk), false);
		} else {
			ended = true;
			push(decoder.end(), true);
			await close();
		}

		return true;
	}

	async function close() {
		if (!closed) {
			closed = true;
			await handle.close();
		}
	}

	return {
		encoding,
		bytesTotal: size,
		bytesRead: () => position,
		async next() {
			while (head >= queue.length) {
				if (!(await fill())) {
					return undefined;
				}
			}

			const line = queue[head++];
			if (head > 4096 && head * 2 > queue.length) {
				queue = queue.slice(head);
				head = 0;
			}

			return line;
		},
		async peek(count) {
			while (queue.length - head < count && (await fill())) {
				// Reading on until enough lines are decoded.
			}

			return queue.slice(head, head + count);
		},
		close() {
			void close();
		},
	};
}
