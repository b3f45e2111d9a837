import {Box} from 'ink';
import React, {useRef, useState} from 'react';
import type {Messages} from '../../i18n/messages.js';
import {authenticate, type Authenticated, type AuthPurpose} from '../../services/auth-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import {authRefusalText} from '../../i18n/auth-text.js';
import {TextField, digitsOnly} from '../components/TextField.js';
import {layer, useKeys} from '../keyboard.js';
import {Text} from '../components/Text.js';

type Props = {
	readonly context: ServiceContext;
	readonly messages: Messages;
	/** Shown only in demo mode: the demo operators and their passwords. */
	readonly demoAccounts?: string;
	/** Lock mode: only this operator's password unlocks; Esc signs out instead. */
	readonly lockedFor?: Authenticated;
	/** Why the last session ended (a lockout), shown until the next try. */
	readonly notice?: string;
	readonly onSignedIn: (operator: Authenticated) => void;
	/** Lock mode: Esc ends the session; `notice` says why when it ended by a lockout at the void. */
	readonly onSignOut?: (notice?: string) => void;
};

type Step = 'number' | 'password' | 'checking';

/**
 * Operator number, then the masked password; the auth service's refusals are shown in the clerk's language.
 * The lock screen and the sign-in screen are separate forms: a sign-out starts at an empty operator
 * field, so the next person's tries never count against the one who left.
 */
export function SignInScreen(props: Props): React.JSX.Element {
	return <SignInForm key={props.lockedFor ? `locked-${props.lockedFor.operatorNo}` : 'sign-in'} {...props} />;
}

function SignInForm({
	context,
	messages,
	demoAccounts,
	lockedFor,
	notice: endedBecause,
	onSignedIn,
	onSignOut,
}: Props): React.JSX.Element {
	const [step, setStep] = useState<Step>(lockedFor ? 'password' : 'number');
	const [operatorNo, setOperatorNo] = useState(lockedFor?.operatorNo ?? '');
	const [notice, setNotice] = useState<string | undefined>(endedBecause);
	// Each password field is a new one, so what was typed is gone after a refusal.
	const [attempt, setAttempt] = useState(0);
	const mounted = useRef(true);
	React.useEffect(
		() => () => {
			mounted.current = false;
		},
		[],
	);

	// Esc signs out of a locked console, and goes back from the password to the operator number.
	const canGoBack = Boolean(lockedFor) || step === 'password';
	useKeys(layer.screen, {
		name: 'sign-in',
		places: ['anywhere'],
		handles: action => action === 'back' && canGoBack,
		onKey(action) {
			if (action !== 'back') {
				return false;
			}

			if (lockedFor) {
				onSignOut?.();
				return true;
			}

			if (step === 'password') {
				setStep('number');
				setNotice(undefined);
				return true;
			}

			return false;
		},
	});

	const submitPassword = async (password: string) => {
		if (password === '') {
			return;
		}

		setStep('checking');
		setNotice(undefined);
		const purpose: AuthPurpose = lockedFor ? 'unlock-screen' : 'sign-in';
		const result = await authenticate(context, operatorNo, password, purpose);
		if (!mounted.current) {
			return;
		}

		if (result.ok) {
			onSignedIn(result.operator);
			return;
		}

		const refusal = authRefusalText(messages, result, context.now());
		setNotice(refusal);
		setAttempt(previous => previous + 1);
		setStep(result.reason === 'wrong-credentials' || lockedFor ? 'password' : 'number');
	};

	return (
		<Box flexDirection="column">
			<Text bold>{lockedFor ? messages.signIn.lockedTitle : messages.signIn.title}</Text>
			{lockedFor ? <Text wrap="truncate">{messages.signIn.lockedHint(lockedFor.operatorNo)}</Text> : null}
			<Text> </Text>
			{step === 'number' ? (
				<TextField
					key={`number-${attempt}`}
					prompt={messages.signIn.operatorPrompt}
					accept={digitsOnly}
					maxLength={4}
					onSubmit={value => {
						if (value !== '') {
							setOperatorNo(value);
							setNotice(undefined);
							setStep('password');
						}
					}}
				/>
			) : (
				<Text wrap="truncate">
					{messages.signIn.operatorPrompt}
					{operatorNo}
				</Text>
			)}
			{step === 'password' ? (
				<TextField
					key={`password-${attempt}`}
					isMasked
					prompt={messages.signIn.passwordPrompt}
					onSubmit={password => {
						void submitPassword(password);
					}}
				/>
			) : null}
			{step === 'checking' ? <Text dimColor>{messages.signIn.checking}</Text> : null}
			{notice ? (
				<Text color="red" wrap="wrap">
					{notice}
				</Text>
			) : null}
			{demoAccounts && !lockedFor ? (
				<Box marginTop={1}>
					<Text color="cyan" wrap="truncate">
						{messages.signIn.demoHint(demoAccounts)}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
