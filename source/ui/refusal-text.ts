import type {Messages, RefusalCode} from '../i18n/messages.js';

const codes = new Set<string>([
	'already-voided',
	'other-terminal',
	'batch-settled',
	'window-expired',
	'supervisor-required',
	'not-found',
	'not-supervisor',
	'stale-credentials',
	'busy',
	'vouchers-exhausted',
]);

function isRefusalCode(code: string): code is RefusalCode {
	return codes.has(code);
}

/** Why a void cannot happen and what to do instead, in the clerk's language: "batch settled: refund through the bank". */
export function refusalText(
	messages: Messages,
	code: string,
	detail: {terminalId?: string; operatorNo?: string} = {},
): {message: string; advice: string} {
	if (!isRefusalCode(code)) {
		return {message: code, advice: ''};
	}

	return messages.refusal[code](detail);
}
