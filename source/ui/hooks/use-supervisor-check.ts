import {useCallback, useRef, useState} from 'react';
import type {Messages} from '../../i18n/messages.js';
import {authenticate, type AuthPurpose, type Authenticated} from '../../services/auth-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import {authRefusalText} from '../../i18n/auth-text.js';
import {
	approvedCheck,
	checkReducer,
	startCheck,
	type CheckEvent,
	type SupervisorCheck,
} from '../state/supervisor-check.js';

/** Checks a supervisor's password and answers with the event for checkReducer: accepted only for a supervisor. */
export async function checkSupervisorPassword(
	context: ServiceContext,
	messages: Messages,
	{supervisorNo, password, purpose}: {supervisorNo: string; password: string; purpose: AuthPurpose},
): Promise<CheckEvent> {
	const result = await authenticate(context, supervisorNo, password, purpose);
	if (result.ok && result.operator.role === 'supervisor') {
		return {type: 'accepted', approver: result.operator};
	}

	if (result.ok) {
		return {type: 'refused', text: messages.voidFlow.notSupervisor(supervisorNo), backToNumber: true};
	}

	return {
		type: 'refused',
		text: authRefusalText(messages, result, context.now()),
		// One answer for a wrong number and a wrong password, so both ask for the number again.
		backToNumber: true,
	};
}

export type ApprovalActions = {
	submitNumber: (operatorNo: string) => void;
	submitPassword: (password: string) => void;
};

type ApprovalOptions = {
	context: ServiceContext;
	messages: Messages;
	purpose: AuthPurpose;
	/** The check as it is now, or undefined when the screen is not at its check. */
	readCheck: () => SupervisorCheck | undefined;
	dispatchCheck: (event: CheckEvent, from?: number) => void;
	/** The flow's generation: an answer for an older one is dropped. */
	generation: () => number;
	/** Why this number may not approve here (the clerk's own, on a void), or undefined. */
	refuseNumber?: (operatorNo: string) => string | undefined;
	/** What an accepted supervisor leads to; by default the check is approved. */
	onAccepted?: (approver: Authenticated, from: number) => void;
};

/**
 * The supervisor's number and password, for every screen that needs an approval (a void over the
 * limit, settlement, the audit view): one set of rules, one answer for a wrong number or password.
 */
export function useApprovalActions({
	context,
	messages,
	purpose,
	readCheck,
	dispatchCheck,
	generation,
	refuseNumber,
	onAccepted,
}: ApprovalOptions): ApprovalActions {
	const submitNumber = useCallback(
		(operatorNo: string) => {
			if (operatorNo === '' || readCheck()?.step !== 'number') {
				return;
			}

			const refusal = refuseNumber?.(operatorNo);
			dispatchCheck(
				refusal === undefined ? {type: 'number', operatorNo} : {type: 'refused', text: refusal, backToNumber: true},
			);
		},
		[dispatchCheck, readCheck, refuseNumber],
	);

	const submitPassword = useCallback(
		(password: string) => {
			const check = readCheck();
			if (check?.step !== 'password' || check.busy || check.supervisorNo === undefined || password === '') {
				return;
			}

			const from = generation();
			dispatchCheck({type: 'checking'});
			void checkSupervisorPassword(context, messages, {supervisorNo: check.supervisorNo, password, purpose}).then(
				event => {
					if (event.type === 'accepted' && onAccepted) {
						onAccepted(event.approver, from);
					} else {
						dispatchCheck(event, from);
					}
				},
			);
		},
		[context, dispatchCheck, generation, messages, onAccepted, purpose, readCheck],
	);

	return {submitNumber, submitPassword};
}

export type SupervisorCheckActions = {
	check: SupervisorCheck | undefined;
	/** A signed-in supervisor is approved at once when `readOnly`; otherwise the check asks for a password. */
	start: (readOnly: boolean) => void;
	submitNumber: (operatorNo: string) => void;
	submitPassword: (password: string) => void;
	close: () => void;
};

type Options = {
	context: ServiceContext;
	messages: Messages;
	session: Authenticated | undefined;
	purpose: AuthPurpose;
};

/**
 * A supervisor check on its own, for a screen that only needs the approval (the audit view). An answer
 * that arrives after the check was closed or restarted is dropped (`generation`).
 */
export function useSupervisorCheck({context, messages, session, purpose}: Options): SupervisorCheckActions {
	const [check, setCheck] = useState<SupervisorCheck | undefined>();
	const latest = useRef<SupervisorCheck | undefined>(undefined);
	const generation = useRef(0);

	const set = useCallback((next: SupervisorCheck | undefined) => {
		latest.current = next;
		setCheck(next);
	}, []);

	const dispatch = useCallback(
		(event: CheckEvent, from = generation.current) => {
			if (from === generation.current && latest.current) {
				set(checkReducer(latest.current, event));
			}
		},
		[set],
	);

	const start = useCallback(
		(readOnly: boolean) => {
			if (!session) {
				return;
			}

			generation.current++;
			set(readOnly && session.role === 'supervisor' ? approvedCheck(session) : startCheck(session));
		},
		[session, set],
	);

	const readCheck = useCallback(() => latest.current, []);
	const currentGeneration = useCallback(() => generation.current, []);
	const {submitNumber, submitPassword} = useApprovalActions({
		context,
		messages,
		purpose,
		readCheck,
		dispatchCheck: dispatch,
		generation: currentGeneration,
	});

	const close = useCallback(() => {
		generation.current++;
		set(undefined);
	}, [set]);

	return {check, start, submitNumber, submitPassword, close};
}
