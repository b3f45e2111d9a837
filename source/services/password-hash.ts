import {scrypt, timingSafeEqual} from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';

/** Scrypt cost parameters, stored with each hash so they can be raised later without breaking old hashes. */
export type ScryptParameters = {log2N: number; r: number; p: number};

/** OWASP's recommendation for scrypt: N = 2^17, r = 8, p = 1. */
export const owaspScrypt: ScryptParameters = {log2N: 17, r: 8, p: 1};

const keyLength = 32;

/**
 * Each derivation publishes its parameters here, so a test can compare the work two sign-ins did
 * (an unknown operator's against a known one's) without timing them. Free when nothing listens.
 */
export const scryptWorkChannel = diagnosticsChannel.channel('posvoid:scrypt');

async function derive(password: string, salt: Uint8Array, parameters: ScryptParameters): Promise<Uint8Array> {
	const N = 2 ** parameters.log2N;
	// Scrypt needs 128 * N * r bytes; Node refuses more than 32 MiB unless told.
	const maxmem = 128 * N * parameters.r * 2;
	if (scryptWorkChannel.hasSubscribers) {
		scryptWorkChannel.publish({...parameters});
	}

	return new Promise((resolve, reject) => {
		scrypt(password.normalize('NFC'), salt, keyLength, {N, r: parameters.r, p: parameters.p, maxmem}, (error, key) => {
			if (error) {
				reject(error);
			} else {
				resolve(key);
			}
		});
	});
}

/** `scrypt$17$8$1$<salt>$<key>` with base64 salt and key. */
export async function hashPassword(
	password: string,
	salt: Uint8Array,
	parameters: ScryptParameters = owaspScrypt,
): Promise<string> {
	const key = await derive(password, salt, parameters);
	return [
		'scrypt',
		parameters.log2N,
		parameters.r,
		parameters.p,
		Buffer.from(salt).toString('base64'),
		Buffer.from(key).toString('base64'),
	].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, log2N, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !log2N || !r || !p || !salt || !key) {
		throw new Error('unrecognised password hash format');
	}

	const expected = Buffer.from(key, 'base64');
	const actual = await derive(password, Buffer.from(salt, 'base64'), {
		log2N: Number(log2N),
		r: Number(r),
		p: Number(p),
	});
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}
