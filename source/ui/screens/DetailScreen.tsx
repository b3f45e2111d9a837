import {Box} from 'ink';
import React from 'react';
import {formatScreen, type Fen} from '../../domain/money.js';
import {freeText, singleLine} from '../../domain/display-text.js';
import {displayWidth, padEndToWidth} from '../../domain/display-width.js';
import {formatDateTime, formatDuration} from '../../domain/time-format.js';
import type {Messages} from '../../i18n/messages.js';
import {type TransactionDetail, offersVoid} from '../hooks/screen-data.js';
import {layer, useKeys} from '../keyboard.js';
import {refusalText} from '../../i18n/refusal-text.js';
import type {Language} from '../../i18n/language.js';
import {outsideResolutionText} from '../../i18n/outside-resolution-text.js';
import {voidStateText} from '../../i18n/void-state-text.js';
import {Text} from '../components/Text.js';

type Props = {
	readonly messages: Messages;
	readonly language: Language;
	/** Read when the screen opened; undefined when the sale is gone. */
	readonly detail: TransactionDetail | undefined;
	readonly timeZone: string;
	readonly supervisorLimit: Fen;
	readonly onVoid: () => void;
};

/** Every field of one transaction, whether it can be voided now, and if not, why and what to do instead. */
export function DetailScreen({
	messages,
	language,
	detail,
	timeZone,
	supervisorLimit,
	onVoid,
}: Props): React.JSX.Element {
	const transaction = detail?.transaction;
	const voidable = offersVoid(detail);
	useKeys(layer.screen, {
		name: 'detail',
		places: ['detail'],
		handles: action => action === 'void' && voidable,
		onKey(action) {
			if (action === 'void' && voidable) {
				onVoid();
				return true;
			}

			return false;
		},
	});

	if (!detail || !transaction) {
		return <Text color="red">{messages.detail.missing}</Text>;
	}

	const {fields} = messages.detail;
	const {voidRow, answer, outside} = detail;
	const orderText = outsideResolutionText[language];
	const rows: Array<[string, string]> = [
		[fields.voucher, transaction.voucherNo || '—'],
		[fields.reference, transaction.referenceNo || '—'],
		[fields.authCode, transaction.authCode || '—'],
		...orderText.orderRows(transaction),
		[fields.amount, formatScreen(transaction.amount)],
		[fields.fee, formatScreen(transaction.fee)],
		[fields.channel, messages.channel[transaction.channel] ?? transaction.channel],
		[fields.card, transaction.cardMasked || (transaction.payerMasked ?? '—')],
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
		if (detail.platformRefundNo) {
			rows.push([voidStateText[language].refundNoLabel, detail.platformRefundNo]);
		}
	}

	if (outside) {
		rows.push(...orderText.detailRows(outside, timeZone));
	}

	const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label))) + 1;
	let verdict: React.JSX.Element;
	if (answer.ok) {
		const left = formatDuration(answer.until - detail.readAt);
		verdict = (
			<Box flexDirection="column">
				<Text color="green" wrap="wrap">
					{messages.detail.voidableUntil(formatDateTime(answer.until, timeZone), left)}
				</Text>
				{answer.needsSupervisor ? (
					<Text color="yellow" wrap="wrap">
						{messages.detail.needsSupervisor(formatScreen(supervisorLimit))}
					</Text>
				) : null}
			</Box>
		);
	} else {
		const {message, advice} = refusalText(messages, answer.reason, {
			terminalId: transaction.terminalId,
			outside: answer.outside && {...answer.outside, timeZone},
			inDoubt: answer.inDoubt && {...answer.inDoubt, timeZone},
		});
		verdict = (
			<Text color="red" wrap="wrap">
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
