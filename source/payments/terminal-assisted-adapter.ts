// A card void needs the card at the bank terminal, which does the host exchange itself. posvoid tells
// the clerk what to void there and takes the terminal's void voucher and reference from its slip, so
// the record matches the acquirer's export. A direct link to the terminal would be another adapter
// behind the same interface, answering requestVoid itself instead of with a clerk step.

import type {PaymentAdapter, PaymentSale, TerminalAnswer, VoidOutcome} from './payment-adapter.js';

export type TerminalAnswerCheck =
	| {ok: true; outcome: Extract<VoidOutcome, {kind: 'approved'}>; voidVoucherNo: string; voidReferenceNo: string}
	| {ok: false; problem: 'voucher' | 'reference'; detail: string};

export type TerminalAssistedAdapter = PaymentAdapter & {
	/** Takes what the clerk read off the terminal's void slip; bad input is refused and changes nothing. */
	acceptTerminalAnswer(sale: PaymentSale, answer: TerminalAnswer, now: number): TerminalAnswerCheck;
};

export function terminalAssistedAdapter(): TerminalAssistedAdapter {
	const step = (sale: PaymentSale): VoidOutcome => ({
		kind: 'clerk-step',
		instruction: {terminalId: sale.terminalId, voucherNo: sale.voucherNo, amount: sale.total, currency: sale.currency},
	});
	return {
		platform: 'terminal',
		plan: () => 'terminal',
		// Only the clerk can repeat it, by looking at the terminal.
		repeatIsSafe: () => false,
		requestVoid: async sale => step(sale),
		queryVoid: async sale => step(sale),
		acceptTerminalAnswer(sale, answer, now) {
			const voucher = answer.voidVoucherNo.trim();
			const reference = answer.voidReferenceNo.trim();
			if (!/^\d{6}$/.test(voucher)) {
				return {
					ok: false,
					problem: 'voucher',
					detail: 'the void voucher is the 6 digits after 凭证号 on the terminal slip',
				};
			}

			if (voucher === sale.voucherNo) {
				return {ok: false, problem: 'voucher', detail: "that is the sale's own voucher: copy the void slip's"};
			}

			if (!/^\d{12}$/.test(reference)) {
				return {
					ok: false,
					problem: 'reference',
					detail: 'the reference is the 12 digits after 参考号 on the terminal slip',
				};
			}

			return {
				ok: true,
				outcome: {kind: 'approved', platformRefundNo: reference, at: now},
				voidVoucherNo: voucher,
				voidReferenceNo: reference,
			};
		},
	};
}
