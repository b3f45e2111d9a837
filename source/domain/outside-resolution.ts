import type {Fen} from './money.js';
import type {Channel} from './transaction.js';

/** How a sale was undone outside posvoid, as a bill tells it. */
export const outsideResolutionKinds = ['refund', 'revocation', 'card-void', 'card-return'] as const;
export type OutsideResolutionKind = (typeof outsideResolutionKinds)[number];

/** Where, when and how a sale was undone outside posvoid: what a refusal and the detail screen say. */
export type OutsideNote = {channel: Channel; kind: OutsideResolutionKind; resolvedAt: number};

/**
 * A refund, revocation or card void learnt from a bill. `transactionId` is undefined while its sale is
 * unknown here: it is kept for reconciliation with the numbers the bill gave for the sale.
 */
export type OutsideResolution = OutsideNote & {
	id: number;
	transactionId: number | undefined;
	/** The platform's refund number, or the void's voucher on a card export. */
	resolutionNo: string | undefined;
	amount: Fen;
	importedAt: number;
	sourceFormat: string;
	sourceFile: string;
	sourceLine: number;
	refersTo: {
		platformOrderNo?: string;
		merchantOrderNo?: string;
		voucherNo?: string;
		referenceNo?: string;
		terminalId?: string;
		batchNo?: string;
	};
};
