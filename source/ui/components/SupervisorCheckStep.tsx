import {Box} from 'ink';
import React from 'react';
import type {Messages} from '../../i18n/messages.js';
import type {SupervisorCheck} from '../state/supervisor-check.js';
import {TextField, digitsOnly} from './TextField.js';
import {Text} from './Text.js';

type Props = {
	readonly check: SupervisorCheck;
	readonly messages: Messages;
	/** Why a supervisor is asked for, shown above the field. */
	readonly intro: string;
	readonly onNumber: (operatorNo: string) => void;
	readonly onPassword: (password: string) => void;
};

/** The supervisor's number (on a cashier's console) and masked password, with the last refusal below. */
export function SupervisorCheckStep({check, messages, intro, onNumber, onPassword}: Props): React.JSX.Element {
	const text = messages.voidFlow;
	let field: React.JSX.Element;
	if (check.busy) {
		field = <Text dimColor>{messages.signIn.checking}</Text>;
	} else if (check.step === 'number') {
		field = (
			<TextField
				key={`number-${check.attempt}`}
				prompt={text.supervisorNumberPrompt}
				accept={digitsOnly}
				maxLength={4}
				onSubmit={onNumber}
			/>
		);
	} else {
		const supervisorNo = check.supervisorNo ?? '';
		field = (
			<TextField
				key={`password-${check.attempt}`}
				isMasked
				prompt={check.ownPassword ? text.passwordPrompt(supervisorNo) : text.supervisorPasswordPrompt(supervisorNo)}
				onSubmit={onPassword}
			/>
		);
	}

	return (
		<Box flexDirection="column">
			<Text color="yellow" wrap="wrap">
				{intro}
			</Text>
			{field}
			{check.notice ? (
				<Text color="red" wrap="wrap">
					{check.notice}
				</Text>
			) : null}
		</Box>
	);
}
