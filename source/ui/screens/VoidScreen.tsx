import {Box} from 'ink';
import SelectInput from 'ink-select-input';
import React from 'react';
import type {Config} from '../../config.js';
import {formatScreen} from '../../domain/money.js';
import {freeText, singleLine} from '../../domain/display-text.js';
import {displayWidth, padEndToWidth} from '../../domain/display-width.js';
import {formatDateTime} from '../../domain/time-format.js';
import type {Messages} from '../../i18n/messages.js';
import {TextField, digitsOnly} from '../components/TextField.js';
import type {VoidActions} from '../hooks/use-void-flow.js';
import {layer, useKeys} from '../keyboard.js';
import {actionFor, type KeyAction} from '../keymap.js';
import {refusalText} from '../../i18n/refusal-text.js';
import {canCancel, type FlowNotice, type VoidFlow} from '../state/void-flow.js';
import {outcomeHeaderLines, previewLines, PrintOutcome} from '../components/PrintOutcome.js';
import {MenuItem, Text} from '../components/Text.js';

type VoidConfig = Pick<Config, 'voidReasons' | 'supervisorLimit' | 'timeZone'>;

type Props = {
	readonly flow: VoidFlow;
	readonly actions: VoidActions;
	readonly messages: Messages;
	readonly config: VoidConfig;
	readonly height: number;
	readonly columns: number;
	/** The signed-in operator, who enters their password again. */
	readonly operatorNo: string;
	/** Leave the flow: back one screen after a cancel, to the list after a void. */
	readonly onExit: (voided: boolean) => void;
};

function noticeText(messages: Messages, notice: FlowNotice): string {
	if (notice.kind === 'text') {
		return notice.text;
	}

	const {message, advice} = refusalText(messages, notice.code, notice.detail);
	return advice ? `${message}: ${advice}` : message;
}

function Notice({
	flow,
	messages,
}: {
	readonly flow: VoidFlow;
	readonly messages: Messages;
}): React.JSX.Element | undefined {
	return flow.notice ? (
		<Text color="red" wrap="truncate">
			{noticeText(messages, flow.notice)}
		</Text>
	) : undefined;
}

function CredentialStep({
	flow,
	actions,
	messages,
	operatorNo,
}: Pick<Props, 'flow' | 'actions' | 'messages' | 'operatorNo'>): React.JSX.Element {
	const text = messages.voidFlow;
	if (flow.busy) {
		return <Text dimColor>{messages.signIn.checking}</Text>;
	}

	if (flow.step === 'supervisor-number') {
		return (
			<TextField
				key={`supervisor-number-${flow.attempt}`}
				prompt={text.supervisorNumberPrompt}
				accept={digitsOnly}
				maxLength={4}
				onSubmit={actions.submitSupervisorNumber}
			/>
		);
	}

	if (flow.step === 'supervisor-password') {
		return (
			<TextField
				key={`supervisor-password-${flow.attempt}`}
				isMasked
				prompt={text.supervisorPasswordPrompt(flow.supervisorNo ?? '')}
				onSubmit={actions.submitSupervisorPassword}
			/>
		);
	}

	return (
		<TextField
			key={`password-${flow.attempt}`}
			isMasked
			prompt={text.passwordPrompt(operatorNo)}
			onSubmit={actions.submitPassword}
		/>
	);
}

function ConfirmStep({flow, messages, config}: Pick<Props, 'flow' | 'messages' | 'config'>): React.JSX.Element {
	const {transaction} = flow;
	const {fields} = messages.detail;
	const rows: Array<[string, string]> = [
		[fields.amount, formatScreen(transaction.amount)],
		[fields.card, singleLine(transaction.cardMasked)],
		[fields.voucher, singleLine(transaction.voucherNo)],
		[fields.time, formatDateTime(transaction.createdAt, config.timeZone)],
		[fields.reason, flow.reason ?? ''],
	];
	if (flow.approver) {
		rows.push([fields.approver, flow.approver.operatorNo]);
	}

	const width = Math.max(...rows.map(([label]) => displayWidth(label))) + 1;
	return (
		<Box flexDirection="column">
			<Text bold color="yellow">
				{messages.voidFlow.confirmTitle}
			</Text>
			{rows.map(([label, value]) => (
				<Text key={label} wrap="truncate">
					{padEndToWidth(label, width)} {value}
				</Text>
			))}
			<Text dimColor wrap="truncate">
				{messages.voidFlow.confirmHint}
			</Text>
			<Notice flow={flow} messages={messages} />
		</Box>
	);
}

function ResultStep({
	flow,
	messages,
	height,
	columns,
}: Pick<Props, 'flow' | 'messages' | 'height' | 'columns'>): React.JSX.Element {
	const printing = flow.step === 'printing' || !flow.print;
	return (
		<PrintOutcome
			headline={flow.outcome ? messages.voidFlow.voided(flow.outcome.void.voucherNo) : undefined}
			printStep={flow.printStep}
			print={printing ? undefined : flow.print}
			texts={messages.voidFlow}
			failures={messages.printFailure}
			previewTop={flow.previewTop}
			height={height}
			columns={columns}
		/>
	);
}

/** What a key does on the result screen: scroll the slip preview, retry the print, or leave. */
function resultKey(
	action: KeyAction | undefined,
	flow: VoidFlow,
	actions: VoidActions,
	previewHeight: number,
): boolean {
	const lines = previewLines(flow.print).length;
	const scrollBy: Partial<Record<KeyAction, number>> = {
		up: -1,
		down: 1,
		pageUp: -previewHeight,
		pageDown: previewHeight,
	};
	const by = action === undefined ? undefined : scrollBy[action];
	if (by !== undefined) {
		actions.scroll(by, lines, previewHeight);
		return true;
	}

	if (action === 'retry') {
		actions.retryPrint();
		return true;
	}

	return false;
}

/** The reason menu: ↑↓ move, Enter picks; the other keys are the screen's or the app's. */
function reasonKey(action: KeyAction | undefined, actions: VoidActions, reasons: readonly string[]): boolean {
	if (action === 'up' || action === 'down') {
		actions.moveReason(action === 'up' ? -1 : 1, reasons.length);
		return true;
	}

	if (action === 'open') {
		actions.chooseHighlightedReason(reasons);
		return true;
	}

	return false;
}

/** The void, step by step: password, supervisor when over the limit, reason, confirm, commit, print, result. */
export function VoidScreen({
	flow,
	actions,
	messages,
	config,
	height,
	columns,
	operatorNo,
	onExit,
}: Props): React.JSX.Element {
	const {transaction} = flow;
	const text = messages.voidFlow;

	useKeys(layer.screen, (input, key) => {
		const place =
			flow.step === 'confirm' || flow.step === 'result' ? flow.step : flow.step === 'reason' ? 'menu' : 'detail';
		const action = actionFor([place], input, key);
		if (action === 'back' || action === 'cancel') {
			if (flow.step === 'result') {
				onExit(true);
			} else if (canCancel(flow)) {
				onExit(false);
			}

			return true;
		}

		if (flow.step === 'reason') {
			return reasonKey(action, actions, config.voidReasons);
		}

		if (flow.step === 'confirm' && action === 'confirm') {
			actions.confirm();
			return true;
		}

		if (flow.step === 'result') {
			if (key.return) {
				onExit(true);
				return true;
			}

			// The void's title line is above the result step.
			return resultKey(
				action,
				flow,
				actions,
				Math.max(1, height - 1 - outcomeHeaderLines(flow.print, flow.outcome !== undefined)),
			);
		}

		// While the void commits and prints, no key may start anything else.
		return flow.step === 'printing';
	});

	let step: React.JSX.Element;
	switch (flow.step) {
		case 'refused': {
			step = (
				<>
					<Text bold color="red">
						{text.refused}
					</Text>
					<Notice flow={flow} messages={messages} />
				</>
			);
			break;
		}

		case 'password':
		case 'supervisor-number':
		case 'supervisor-password': {
			step = (
				<>
					{flow.answer.ok && flow.answer.needsSupervisor ? (
						<Text color="yellow" wrap="truncate">
							{text.supervisorNeeded(formatScreen(config.supervisorLimit))}
						</Text>
					) : undefined}
					<CredentialStep flow={flow} actions={actions} messages={messages} operatorNo={operatorNo} />
					<Notice flow={flow} messages={messages} />
				</>
			);
			break;
		}

		case 'reason': {
			const items = config.voidReasons.map((reason, index) => ({
				key: String(index),
				label: freeText(reason),
				value: freeText(reason),
			}));
			step = (
				<>
					{flow.approver ? <Text color="green">{text.approvedBy(flow.approver.operatorNo)}</Text> : undefined}
					<Text>{text.reasonPrompt}</Text>
					{/* Drawn by ink-select-input, driven by the console's one keyboard router (its own input is off). */}
					<SelectInput
						key={flow.reasonIndex}
						isFocused={false}
						items={items}
						initialIndex={flow.reasonIndex}
						itemComponent={MenuItem}
						limit={Math.max(1, height - 3)}
					/>
				</>
			);
			break;
		}

		case 'confirm': {
			// The confirm screen stands alone: its title is the line the clerk answers.
			return <ConfirmStep flow={flow} messages={messages} config={config} />;
		}

		case 'printing':
		case 'result': {
			step = <ResultStep flow={flow} messages={messages} height={height - 1} columns={columns} />;
			break;
		}
	}

	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{text.title(singleLine(transaction.voucherNo), formatScreen(transaction.amount))}
			</Text>
			{step}
		</Box>
	);
}
