// Today's behaviour, for channels with no link: the void is recorded and printed, and the money is given
// back elsewhere (the merchant app, the terminal) by the clerk. Nothing is sent, so nothing is in doubt.

import type {PaymentAdapter} from './payment-adapter.js';

export function recordOnlyAdapter(): PaymentAdapter {
	return {
		platform: 'none',
		plan: () => 'record',
		repeatIsSafe: () => true,
		// No platform number: the slip prints none.
		requestVoid: async (_sale, request) => ({kind: 'approved', platformRefundNo: '', at: request.now}),
		queryVoid: async (_sale, query) => ({kind: 'approved', platformRefundNo: '', at: query.now}),
	};
}
