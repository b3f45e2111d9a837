import {isRefusalCode} from '../domain/void-policy.js';
import type {Messages, RefusalDetail} from './messages.js';

/** Why a void cannot happen and what to do instead, in the clerk's language: "batch settled: refund through the bank". */
export function refusalText(
	messages: Messages,
	code: string,
	detail: RefusalDetail = {},
): {message: string; advice: string} {
	if (!isRefusalCode(code)) {
		return {message: code, advice: ''};
	}

	return messages.refusal[code](detail);
}
