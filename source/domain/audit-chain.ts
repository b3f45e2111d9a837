import {createHash} from 'node:crypto';

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
] as const;
export type AuditEvent = (typeof auditEvents)[number];
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
