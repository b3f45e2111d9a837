import {formatScreen} from '../domain/money.js';
import type {PrintJobSubject} from '../domain/print-job-subject.js';
import type {Messages} from './messages.js';

/** A queued job in a line, in the clerk's language: `VOID 000124 (orig 000101) ¥42.00 REPRINT`. */
export function printJobTitle(messages: Pick<Messages, 'queue'>, subject: PrintJobSubject): string {
	return subject.kind === 'void-slip'
		? messages.queue.voidSlip(subject.voucherNo, subject.saleVoucherNo, formatScreen(subject.amount), subject.reprint)
		: messages.queue.settlementReport(subject.batchNo ?? '?', subject.reprint);
}
