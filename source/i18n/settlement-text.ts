import type {SettlementRefusal} from '../domain/settlement-refusal.js';
import type {Messages} from './messages.js';

/** A refused settlement or report reprint in the reader's language, from its kind rather than its English text. */
export function settlementRefusalText(
	messages: Pick<Messages, 'settlement'>,
	error: {refusal: SettlementRefusal; subject: string},
): string {
	const text = messages.settlement;
	switch (error.refusal) {
		case 'not-supervisor': {
			return text.notSupervisor(error.subject);
		}

		case 'settled-elsewhere': {
			return text.settledElsewhere;
		}

		case 'not-settled': {
			return text.noReportToReprint(error.subject);
		}

		case 'voids-in-doubt': {
			return text.voidsInDoubt(error.subject);
		}
	}
}
