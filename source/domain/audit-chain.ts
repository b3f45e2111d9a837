import {createHash} from 'node:crypto';
import {singleLine} from './display-text.js';

export const auditEvents = [
	'sign-in',
	'sign-in-failed',
	'lockout',
	'unlock',
	'operator-add',
	'password-change',
	'void',
	'void-refused',
	'print',
	'print-failed',
	'reprint',
	'settlement',
	'import',
	'init',
	'reconcile',
	// Issue 14: a void that reaches the money. Its request (before it is sent), each platform exchange,
	// each answer written, and a supervisor's settlement by hand of a void in doubt.
	'void-request',
	'payment-exchange',
	'void-answer',
	'void-settle',
] as const;
export type AuditEvent = (typeof auditEvents)[number];

const auditEventSet: ReadonlySet<string> = new Set(auditEvents);

export function isAuditEvent(value: string): value is AuditEvent {
	return auditEventSet.has(value);
}

/** Events of the operators' and the store's administration, rather than of the counter's work. */
export const administrationEvents: ReadonlySet<AuditEvent> = new Set([
	'unlock',
	'operator-add',
	'password-change',
	'import',
	'init',
	'reconcile',
]);
export type AuditResult = 'ok' | 'refused' | 'failed';

/** The content of an audit row that its hash covers. */
export type AuditContent = {
	id: number;
	at: number;
	operatorNo: string | undefined;
	event: string;
	result: string;
	record: string | undefined;
	detail: string;
};

/** The previous hash of the first row. */
export const genesisHash = '0'.repeat(64);

/** Canonical form: a JSON array in a fixed order, so the same content always hashes the same. */
export function canonicalAuditContent(content: AuditContent): string {
	return JSON.stringify([
		content.id,
		content.at,
		content.operatorNo ?? null,
		content.event,
		content.result,
		content.record ?? null,
		content.detail,
	]);
}

/** SHA-256 over the previous row's hash and this row's canonical content. */
export function auditHash(previousHash: string, content: AuditContent): string {
	return createHash('sha256').update(previousHash).update('\n').update(canonicalAuditContent(content)).digest('hex');
}

/**
 * A row of the chain written down outside the database (each settlement report prints one): its id
 * and its hash, or the start of it. A chain that still holds the row with that hash cannot have lost
 * or changed anything up to it, which the links alone cannot show for rows cut from the end.
 */
export type AuditAnchor = {id: number; hash: string};

/** Hex digits of the hash that an anchor on paper keeps: 64 bits, beyond forging by trial. */
export const anchorDigits = 16;

/** `1234:1a2b3c4d5e6f7a8b`: how a settlement report prints an anchor and `posvoid audit --anchor` reads it back. */
export function formatAnchor(anchor: AuditAnchor): string {
	return `${anchor.id}:${anchor.hash.slice(0, anchorDigits)}`;
}

/** Reads `ROW:HASH` as `formatAnchor` writes it; the hash needs at least the 16 hex digits a report prints. */
export function parseAnchor(text: string): {ok: true; anchor: AuditAnchor} | {ok: false; message: string} {
	const match = /^(?<id>\d{1,12}):(?<hash>[\da-f]{16,64})$/i.exec(text.trim());
	if (!match?.groups?.['id'] || !match.groups['hash'] || Number(match.groups['id']) < 1) {
		return {
			ok: false,
			message: `"${singleLine(text)}" is not an audit anchor: write it as the settlement report prints it, row:hash such as 1234:1a2b3c4d5e6f7a8b`,
		};
	}

	return {ok: true, anchor: {id: Number(match.groups['id']), hash: match.groups['hash'].toLowerCase()}};
}
