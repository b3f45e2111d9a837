import {parseVoidDetail} from '../domain/audit-books.js';
import {singleLine} from '../domain/display-text.js';
import {formatScreen} from '../domain/money.js';
import {isRefusalCode} from '../domain/void-policy.js';
import type {Messages} from './messages.js';

/** The record an audit row names, as a person knows it: the voucher number rather than the store's id. */
export function auditRecordText(
	messages: Pick<Messages, 'audit'>,
	row: {record?: string; recordVoucherNo?: string},
): string {
	if (row.recordVoucherNo !== undefined) {
		return messages.audit.record.voucher(singleLine(row.recordVoucherNo));
	}

	const batch = /^batch:(?<no>\d+)$/v.exec(row.record ?? '')?.groups?.['no'];
	if (batch !== undefined) {
		return messages.audit.record.batch(batch);
	}

	const operator = /^operator:(?<no>\d+)$/v.exec(row.record ?? '')?.groups?.['no'];
	return operator === undefined ? singleLine(row.record ?? '-') : messages.audit.record.operator(operator);
}

/** An audit row's detail in the clerk's language where posvoid wrote it as data: money formatted, refusals in words. */
export function auditDetailText(messages: Messages, row: {event: string; detail: string}): string {
	if (row.event === 'void') {
		const audited = parseVoidDetail(row.detail);
		if (audited) {
			return messages.audit.voidDetail({
				...audited,
				amount: formatScreen(audited.amount),
				fee: audited.fee === undefined ? undefined : formatScreen(audited.fee),
			});
		}
	}

	if (row.event === 'void-refused' && isRefusalCode(row.detail)) {
		return messages.refusal[row.detail]({}).message;
	}

	return singleLine(row.detail);
}
