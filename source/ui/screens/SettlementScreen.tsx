import {Box, Text} from 'ink';
import React from 'react';
import type {Messages} from '../../i18n/messages.js';

/**
 * The settlement slot (key `s`). The settlement service and this screen come with the next issue;
 * until then it says so, and the key and the route already exist.
 */
export function SettlementScreen({messages}: {readonly messages: Messages}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text bold>{messages.settlement.title}</Text>
			<Text>{messages.settlement.coming}</Text>
		</Box>
	);
}
