import type {AuthResult} from '../services/auth-service.js';
import type {Messages} from './messages.js';

/** The auth service's refusal in the clerk's language, from its code rather than its English text. */
export function authRefusalText(messages: Messages, result: Extract<AuthResult, {ok: false}>, now: number): string {
	switch (result.reason) {
		case 'wrong-credentials': {
			return messages.signIn.wrongCredentials;
		}

		case 'bad-operator-number': {
			return messages.signIn.badOperatorNumber;
		}

		case 'busy': {
			return messages.signIn.busy;
		}

		case 'locked': {
			const minutes = Math.max(1, Math.ceil(((result.lockedUntil ?? now) - now) / 60_000));
			return messages.signIn.locked(minutes);
		}
	}
}
