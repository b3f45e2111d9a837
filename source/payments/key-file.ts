/* eslint-disable no-bitwise -- file modes are bit fields. */
// Keys are read from files the configuration names, and only from files no one but their owner can
// read. The key itself never leaves the KeyObject: no message, log or error carries its text.

import crypto from 'node:crypto';
import fs from 'node:fs';

export type KeyFileProblem = 'missing' | 'not-a-file' | 'readable-by-others' | 'not-a-key';

export type KeyFileRead = {ok: true; key: crypto.KeyObject} | {ok: false; problem: KeyFileProblem; detail: string};

/** A mode that gives group or others any access is refused. */
export function isOwnerOnly(mode: number): boolean {
	return (mode & 0o077) === 0;
}

/** The owner-only check on a path, without reading it (the configuration checks this at load). */
export function checkKeyFileMode(file: string): {ok: true} | {ok: false; problem: KeyFileProblem; detail: string} {
	let stat: fs.Stats;
	try {
		stat = fs.statSync(file);
	} catch {
		return {ok: false, problem: 'missing', detail: `${file} does not exist or cannot be read`};
	}

	return modeProblem(file, stat) ?? {ok: true};
}

function modeProblem(file: string, stat: fs.Stats): {ok: false; problem: KeyFileProblem; detail: string} | undefined {
	if (!stat.isFile()) {
		return {ok: false, problem: 'not-a-file', detail: `${file} is not a file`};
	}

	if (!isOwnerOnly(stat.mode)) {
		return {
			ok: false,
			problem: 'readable-by-others',
			detail: `${file} has mode ${(stat.mode & 0o777).toString(8).padStart(3, '0')}: a key file must be owner-only (chmod 600 ${file})`,
		};
	}

	return undefined;
}

/**
 * Reads a PEM key, private or public. The mode is checked on the open file, so the file checked is
 * the file read.
 */
export function readKeyFile(file: string, type: 'private' | 'public'): KeyFileRead {
	let fd: number;
	try {
		fd = fs.openSync(file, 'r');
	} catch {
		return {ok: false, problem: 'missing', detail: `${file} does not exist or cannot be read`};
	}

	try {
		const problem = modeProblem(file, fs.fstatSync(fd));
		if (problem) {
			return problem;
		}

		const text = fs.readFileSync(fd, 'utf8');
		try {
			const key = type === 'private' ? crypto.createPrivateKey(text) : crypto.createPublicKey(text);
			return {ok: true, key};
		} catch {
			// The parser's message may quote the file; say only what it is not.
			return {ok: false, problem: 'not-a-key', detail: `${file} is not a PEM ${type} key`};
		}
	} finally {
		fs.closeSync(fd);
	}
}
