import test from 'ava';
import {declinedReasonText, unknownReasonText, unknownReasons} from '../../source/i18n/payment-outcome-text.js';
import type {UnknownReason} from '../../source/payments/payment-adapter.js';

test('every reason an answer is unknown has words in both languages, and the lists agree', t => {
	// Both directions, at compile time: the adapter's reasons and the catalogue's are the same set.
	const fromAdapter: Array<(typeof unknownReasons)[number]> = [] as UnknownReason[];
	const fromText: UnknownReason[] = [...unknownReasons];
	t.is(fromAdapter.length, 0);
	for (const why of fromText) {
		t.not(unknownReasonText('zh-CN', why), unknownReasonText('en', why), why);
	}
});

test("a refusal is shown in the clerk's language with the platform's code and words after it", t => {
	t.is(
		declinedReasonText('zh-CN', 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限'),
		'退款金额超过可退金额 (ACQ.REFUND_AMT_NOT_EQUAL_TOTAL: 退款金额超限)',
	);
	t.is(declinedReasonText('en', 'SOMETHING_NEW', 'words'), 'SOMETHING_NEW: words');
});
