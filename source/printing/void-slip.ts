import {freeText, singleLine} from '../domain/display-text.js';
import {formatPlain, formatSlip, type Fen} from '../domain/money.js';
import {formatDateTime} from '../domain/time-format.js';
import type {Channel} from '../domain/transaction.js';
import {merchantLines, type MerchantFields} from './merchant-lines.js';
import {channelLabel, commonLabel, say as sayLabel, type Label, type SlipLabels} from './slip-labels.js';
import {
	cut,
	feed,
	labelValue,
	qr,
	rule,
	ruledHeading,
	slipHeader,
	text,
	type SlipLine,
	type SlipModel,
} from './slip-model.js';

export type {SlipLabels} from './slip-labels.js';

export type VoidSlipInput = MerchantFields & {
	cardMasked: string;
	channel: Channel;
	batchNo: string;
	/** The void's own new voucher number. */
	voucherNo: string;
	/** The void's own authorisation code, when its platform gave one; never the sale's (that is `originalAuthCode`). */
	authCode?: string;
	/** The void's reference number; also the QR code's content. */
	referenceNo: string;
	/** Epoch milliseconds of the void. */
	createdAt: number;
	timeZone: string;
	/** Positive fen; the slip prints it negative. */
	amount: Fen;
	currency: string;
	originalVoucherNo: string;
	/** The sale's authorisation code, reference number and time, printed as the original's (原授权码, 原参考号, 原交易日期). */
	originalAuthCode: string;
	originalReferenceNo: string;
	originalCreatedAt: number;
	reason: string;
	approverNo?: string;
	/** The platform's refund or cancel number, or the bank terminal's void reference (issue 14). */
	platformRefundNo?: string;
};

export type VoidSlipOptions = {
	columns: number;
	reprint: boolean;
	copies: number;
	labels?: SlipLabels;
};

const label = {
	...commonLabel,
	title: ['POS签购单', 'VOID SLIP'],
	merchantCopy: ['商户存根', 'MERCHANT COPY'],
	cardholderCopy: ['持卡人存根', 'CARDHOLDER COPY'],
	customerCopy: ['顾客存根', 'CUSTOMER COPY'],
	bankCopy: ['银行存根', 'BANK COPY'],
	cardNo: ['卡号', 'CARD NO'],
	account: ['付款账户', 'PAYER'],
	payType: ['支付方式', 'PAY TYPE'],
	transType: ['交易类型', 'TRANS TYPE'],
	voidType: ['消费撤销', 'VOID'],
	voucherNo: ['凭证号', 'VOUCHER NO'],
	authNo: ['授权码', 'AUTH NO'],
	referenceNo: ['参考号', 'REF NO'],
	dateTime: ['日期时间', 'DATE/TIME'],
	amount: ['金额', 'AMOUNT'],
	remarks: ['备注', 'REFERENCE'],
	originalVoucher: ['原凭证号', 'ORIG VOUCHER'],
	originalAuth: ['原授权码', 'ORIG AUTH'],
	originalReference: ['原参考号', 'ORIG REF'],
	originalDate: ['原交易日期', 'ORIG DATE'],
	reason: ['原因', 'REASON'],
	approvedBy: ['授权主管', 'APPROVED BY'],
	platformRefundNo: ['退款单号', 'REFUND NO'],
	signature: ['持卡人签名', 'CARDHOLDER SIGNATURE'],
	// A void's statement, not the sale's (which agrees to a charge): the cardholder agrees to its reversal.
	acknowledgement: ['本人同意撤销以上交易', 'I AGREE TO THE ABOVE VOID'],
} as const satisfies Record<string, Label>;

/**
 * Copy names in print order; the first is the merchant's, and on a card void the only one with a
 * signature block. A QR payment has no card and no cardholder: its second copy is the customer's.
 */
const cardCopies = [label.merchantCopy, label.cardholderCopy, label.bankCopy];
const qrCopies = [label.merchantCopy, label.customerCopy, label.bankCopy];

function isCard(channel: Channel): boolean {
	return channel === 'debit' || channel === 'credit';
}

/**
 * `RMB -￥128.50` for yuan, `USD -128.50` otherwise; with `asciiOnly` (a printer on a code page, whose
 * yen glyph is not to be relied on) `CNY -128.50`, so the amount never depends on a substitution.
 */
export function slipAmount(amount: Fen, currency: string, asciiOnly = false): string {
	return currency === 'CNY' && !asciiOnly ? `RMB ${formatSlip(-amount)}` : `${currency} ${formatPlain(-amount)}`;
}

/** Builds one void slip: each copy from the merchant's, separated by cuts. */
export function buildVoidSlip(input: VoidSlipInput, options: VoidSlipOptions): SlipModel {
	const say = (words: Label) => sayLabel(words, options.labels);
	// Every field may come from the database or an import: none of it may carry a control byte, and free text
	// (names, the reason, the card as stored) none of a card number either.
	const field = (value: string) => singleLine(value).trim();
	// Narrow paper stacks the long values under their labels, as counter slips do; wide paper keeps what fits on one line.
	const stackLong = options.columns < 48;
	const copyOrder = isCard(input.channel) ? cardCopies : qrCopies;
	const copies = Math.min(Math.max(Math.trunc(options.copies), 1), copyOrder.length);
	const ownAuthCode = field(input.authCode ?? '');

	const body = (copyName: Label, signature: boolean): SlipLine[] => {
		const lines: SlipLine[] = [
			...slipHeader(say(label.title), options.reprint, say(label.reprint)),
			...(options.labels === 'english' ? ruledHeading(copyName[1]) : ruledHeading(copyName[0], copyName[1])),
			...merchantLines(input, {labels: options.labels, stackMerchantNo: stackLong}),
			rule(),
			labelValue(say(isCard(input.channel) ? label.cardNo : label.account), freeText(input.cardMasked), {
				stacked: stackLong,
			}),
			labelValue(say(label.payType), say(channelLabel[input.channel])),
			labelValue(say(label.transType), say(label.voidType), {
				stacked: stackLong,
			}),
			labelValue(say(label.batchNo), field(input.batchNo)),
			labelValue(say(label.voucherNo), field(input.voucherNo)),
			...(ownAuthCode === '' ? [] : [labelValue(say(label.authNo), ownAuthCode)]),
			labelValue(say(label.referenceNo), field(input.referenceNo)),
			labelValue(say(label.dateTime), formatDateTime(input.createdAt, input.timeZone), {stacked: stackLong}),
			labelValue(say(label.amount), slipAmount(input.amount, field(input.currency), options.labels === 'english'), {
				bold: true,
			}),
			rule(),
			labelValue(say(label.remarks), ''),
			labelValue(say(label.originalVoucher), field(input.originalVoucherNo), {
				indent: 2,
			}),
			...(field(input.originalAuthCode) === ''
				? []
				: [labelValue(say(label.originalAuth), field(input.originalAuthCode), {indent: 2})]),
			labelValue(say(label.originalReference), field(input.originalReferenceNo), {indent: 2}),
			labelValue(say(label.originalDate), formatDateTime(input.originalCreatedAt, input.timeZone).slice(0, 10), {
				indent: 2,
			}),
			labelValue(say(label.reason), freeText(input.reason), {indent: 2}),
		];
		const refundNo = field(input.platformRefundNo ?? '');
		if (refundNo !== '') {
			lines.push(labelValue(say(label.platformRefundNo), refundNo, {indent: 2, stacked: stackLong}));
		}

		const approver = field(input.approverNo ?? '');
		if (approver !== '') {
			lines.push(labelValue(say(label.approvedBy), approver, {indent: 2}));
		}

		// The feed keeps the symbol's quiet zone clear of the next line.
		lines.push(qr(field(input.referenceNo)), feed(1));
		if (signature) {
			lines.push(
				text(say(label.signature)),
				feed(2),
				rule(),
				...label.acknowledgement
					.filter((_, index) => index === 1 || options.labels !== 'english')
					.map(words => text(words)),
			);
		}

		lines.push(feed(1), cut());
		return lines;
	};

	return {
		lines: copyOrder
			.slice(0, copies)
			.flatMap((copyName, index) => body(copyName, index === 0 && isCard(input.channel))),
	};
}
