import {Box} from 'ink';
import React from 'react';
import {formatScreen} from '../../domain/money.js';
import {freeText, singleLine} from '../../domain/display-text.js';
import {displayWidth, padEndToWidth} from '../../domain/display-width.js';
import {formatDateTime, formatDuration} from '../../domain/time-format.js';
import type {OperatorRole} from '../../domain/transaction.js';
import type {Messages} from '../../i18n/messages.js';
import type {ServiceContext} from '../../services/service-context.js';
import {getTransaction, voidOfTransaction} from '../../services/transaction-list-service.js';
import {checkVoidable} from '../../services/void-service.js';
import {layer, useKeys} from '../keyboard.js';
import {actionFor} from '../keymap.js';
import {refusalText} from '../../i18n/refusal-text.js';
import {Text} from '../components/Text.js';

type Props = {
	readonly context: ServiceContext;
	readonly messages: Messages;
	readonly transactionId: number;
	readonly role: OperatorRole;
	readonly onVoid: () => void;
};

/** Every field of one transaction, whether it can be voided now, and if not, why and what to do instead. */
export function DetailScreen({context, messages, transactionId, role, onVoid}: Props): React.JSX.Element {
	useKeys(layer.screen, (input, key) => {
		if (actionFor(['detail'], input, key) === 'void') {
			onVoid();
			return true;
		}

		return false;
	});

	const transaction = getTransaction(context, transactionId);
	if (!transaction) {
		return <Text color="red">{messages.detail.missing}</Text>;
	}

	const {fields} = messages.detail;
	const {timeZone} = context.config;
	const voidRow = transaction.status === 'voided' ? voidOfTransaction(context, transaction.id) : undefined;
	const rows: Array<[string, string]> = [
		[fields.voucher, transaction.voucherNo],
		[fields.reference, transaction.referenceNo],
		[fields.authCode, transaction.authCode],
		[fields.amount, formatScreen(transaction.amount)],
		[fields.fee, formatScreen(transaction.fee)],
		[fields.channel, messages.channel[transaction.channel] ?? transaction.channel],
		[fields.card, transaction.cardMasked],
		[fields.time, formatDateTime(transaction.createdAt, timeZone)],
		[fields.batch, transaction.batchNo],
		[fields.terminal, transaction.terminalId],
		[fields.merchant, transaction.merchantId],
		[fields.operator, transaction.operatorNo],
		[fields.status, messages.transactionStatus[transaction.status] ?? transaction.status],
	];
	if (voidRow) {
		rows.push(
			[fields.voidVoucher, voidRow.voucherNo],
			[fields.voidTime, formatDateTime(voidRow.createdAt, timeZone)],
			[fields.voidOperator, voidRow.operatorNo],
			[fields.approver, voidRow.approverNo ?? '—'],
			[fields.reason, freeText(voidRow.reason)],
		);
	}

	const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label))) + 1;
	const answer = checkVoidable(context, transaction, role);
	let verdict: React.JSX.Element;
	if (answer.ok) {
		const left = formatDuration(answer.until - context.now());
		verdict = (
			<Box flexDirection="column">
				<Text color="green" wrap="truncate">
					{messages.detail.voidableUntil(formatDateTime(answer.until, timeZone), left)}
				</Text>
				{answer.needsSupervisor ? (
					<Text color="yellow" wrap="truncate">
						{messages.detail.needsSupervisor(formatScreen(context.config.supervisorLimit))}
					</Text>
				) : null}
			</Box>
		);
	} else {
		const {message, advice} = refusalText(messages, answer.reason, {terminalId: transaction.terminalId});
		verdict = (
			<Text color="red" wrap="truncate">
				{messages.detail.cannotVoid}: {message}: {advice}
			</Text>
		);
	}

	return (
		<Box flexDirection="column">
			<Text bold>{messages.detail.title}</Text>
			{verdict}
			{rows.map(([label, value]) => (
				<Text key={label} wrap="truncate">
					{padEndToWidth(label, labelWidth)} {singleLine(value)}
				</Text>
			))}
		</Box>
	);
}
