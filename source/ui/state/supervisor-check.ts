import type {Authenticated} from '../../services/auth-service.js';

/**
 * A supervisor proving who they are before a supervisor's screen (settlement, the audit view): a
 * cashier's console asks for a supervisor's number, then that supervisor's password; a signed-in
 * supervisor re-enters their own password.
 */
export type SupervisorCheck = {
	step: 'number' | 'password' | 'approved';
	/** The supervisor whose password is asked for. */
	supervisorNo?: string;
	/** True when the signed-in supervisor re-enters their own password: there is no number to go back to. */
	ownPassword: boolean;
	/** True while a password is being checked: keys wait, nothing is typed twice. */
	busy: boolean;
	/** Counts refusals, so each new try starts with an empty field. */
	attempt: number;
	notice?: string;
	approver?: Authenticated;
};

export type CheckEvent =
	| {type: 'number'; operatorNo: string}
	| {type: 'checking'}
	| {type: 'accepted'; approver: Authenticated}
	| {type: 'refused'; text: string; backToNumber: boolean};

/** Where the check starts for the signed-in operator. */
export function startCheck(session: Authenticated): SupervisorCheck {
	return session.role === 'supervisor'
		? {step: 'password', supervisorNo: session.operatorNo, ownPassword: true, busy: false, attempt: 0}
		: {step: 'number', ownPassword: false, busy: false, attempt: 0};
}

/** A second person's approval (a void over the limit): always their number, then their password. */
export function startApproverCheck(): SupervisorCheck {
	return {step: 'number', ownPassword: false, busy: false, attempt: 0};
}

/** Approved without a password: the signed-in supervisor opening a screen that only reads. */
export function approvedCheck(session: Authenticated): SupervisorCheck {
	return {
		step: 'approved',
		supervisorNo: session.operatorNo,
		ownPassword: true,
		busy: false,
		attempt: 0,
		approver: session,
	};
}

export function checkReducer(check: SupervisorCheck, event: CheckEvent): SupervisorCheck {
	switch (event.type) {
		case 'number': {
			return check.step === 'number' && event.operatorNo !== ''
				? {...check, step: 'password', supervisorNo: event.operatorNo, notice: undefined}
				: check;
		}

		case 'checking': {
			return {...check, busy: true, notice: undefined};
		}

		case 'accepted': {
			return {...check, busy: false, step: 'approved', approver: event.approver, notice: undefined};
		}

		case 'refused': {
			const backToNumber = event.backToNumber && !check.ownPassword;
			return {
				...check,
				busy: false,
				attempt: check.attempt + 1,
				step: backToNumber ? 'number' : 'password',
				supervisorNo: backToNumber ? undefined : check.supervisorNo,
				notice: event.text,
			};
		}
	}
}
