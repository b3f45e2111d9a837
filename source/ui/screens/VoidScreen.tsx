import {Box} from 'ink';
import SelectInput from 'ink-select-input';
import React, {useEffect, useState} from 'react';
import {saleLabel} from '../../domain/transaction.js';
import type {Config} from '../../config.js';
import {formatScreen} from '../../domain/money.js';
import {freeText, singleLine} from '../../domain/display-text.js';
import {displayWidth, padEndToWidth} from '../../domain/display-width.js';
import {formatDateTime} from '../../domain/time-format.js';
import type {Messages} from '../../i18n/messages.js';
import type {Language} from '../../i18n/language.js';
import {declinedReasonText, unknownReasonTextOf} from '../../i18n/payment-outcome-text.js';
import {voidStateText} from '../../i18n/void-state-text.js';
import {TextField} from '../components/TextField.js';
import {SupervisorCheckStep} from '../components/SupervisorCheckStep.js';
import type {VoidActions} from '../hooks/use-void-flow.js';
import {layer, useKeys, type KeyRegistration} from '../keyboard.js';
import type {KeyAction, KeyPlace} from '../keymap.js';
import {printOutcomeKeys} from '../components/print-outcome-keys.js';
import {refusalText} from '../../i18n/refusal-text.js';
import {
	canCancel,
	canLeaveRunning,
	isOtherReason,
	type FlowNotice,
	type PlatformAnswer,
	type VoidFlow,
} from '../state/void-flow.js';
import {outcomeHeaderLines, PrintOutcome} from '../components/PrintOutcome.js';
import {MenuItem, Text} from '../components/Text.js';

type VoidConfig = Pick<Config, 'voidReasons' | 'supervisorLimit' | 'timeZone'> & {
	payments: Pick<Config['payments'], 'totalTimeoutMs'>;
};

type Props = {
	readonly flow: VoidFlow;
	readonly actions: VoidActions;
	readonly messages: Messages;
	readonly language: Language;
	readonly config: VoidConfig;
	/** The console's clock: how long an online void has waited for its platform. */
	readonly now: () => number;
	readonly height: number;
	readonly columns: number;
	/** The signed-in operator, who enters their password again. */
	readonly operatorNo: string;
	/** What the printer will substitute on the slip (said before the void commits); empty when nothing. */
	readonly slipNote?: string;
	/** Leave the flow: back one screen after a cancel, to the list after a void. */
	readonly onExit: (voided: boolean) => void;
};

function noticeText(messages: Messages, notice: FlowNotice, timeZone: string): string {
	if (notice.kind === 'text') {
		return notice.text;
	}

	const {outside, inDoubt, ...detail} = notice.detail;
	const {message, advice} = refusalText(messages, notice.code, {
		...detail,
		outside: outside && {...outside, timeZone},
		inDoubt: inDoubt && {...inDoubt, timeZone},
	});
	return advice ? `${message}: ${advice}` : message;
}

function Notice({
	flow,
	messages,
	timeZone,
}: {
	readonly flow: VoidFlow;
	readonly messages: Messages;
	readonly timeZone: string;
}): React.JSX.Element | undefined {
	return flow.notice ? (
		<Text color="red" wrap="wrap">
			{noticeText(messages, flow.notice, timeZone)}
		</Text>
	) : undefined;
}

/** The clerk's own password again; the supervisor's approval is SupervisorCheckStep, as on settlement. */
function PasswordStep({
	flow,
	actions,
	messages,
	operatorNo,
}: Pick<Props, 'flow' | 'actions' | 'messages' | 'operatorNo'>): React.JSX.Element {
	if (flow.busy) {
		return <Text dimColor>{messages.signIn.checking}</Text>;
	}

	return (
		<TextField
			key={`password-${flow.attempt}`}
			isMasked
			prompt={messages.voidFlow.passwordPrompt(operatorNo)}
			onSubmit={actions.submitPassword}
		/>
	);
}

function ConfirmStep({
	flow,
	messages,
	config,
	slipNote,
}: Pick<Props, 'flow' | 'messages' | 'config'> & {readonly slipNote: string}): React.JSX.Element {
	const {transaction} = flow;
	const {fields} = messages.detail;
	const rows: Array<[string, string]> = [
		[fields.amount, formatScreen(transaction.amount)],
		[fields.card, singleLine(transaction.cardMasked)],
		[fields.voucher, singleLine(saleLabel(transaction))],
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
			{slipNote === '' ? undefined : (
				<Text color="yellow" wrap="wrap">
					{slipNote}
				</Text>
			)}
			{flow.busy ? (
				<Text color="cyan">{messages.voidFlow.voiding}</Text>
			) : (
				<Text dimColor wrap="wrap">
					{messages.voidFlow.confirmHint}
				</Text>
			)}
			<Notice flow={flow} messages={messages} timeZone={config.timeZone} />
		</Box>
	);
}

/** "sending to WeChat Pay…", and the seconds waited of the most the payments timeouts allow. */
function SendingStep({
	flow,
	language,
	config,
	now,
}: Pick<Props, 'flow' | 'language' | 'config' | 'now'>): React.JSX.Element {
	const words = voidStateText[language];
	const since = flow.sending?.since ?? now();
	const [time, setTime] = useState(now);
	useEffect(() => {
		const timer = setInterval(() => {
			setTime(now());
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [now]);
	const waited = Math.max(0, Math.floor((time - since) / 1000));
	return (
		<>
			<Text color="cyan">{words.sending(flow.sending?.platform ?? flow.transaction.channel)}</Text>
			<Text dimColor wrap="wrap">
				{words.sendingWait(waited, Math.ceil(config.payments.totalTimeoutMs / 1000))}
			</Text>
		</>
	);
}

function platformAnswerText(language: Language, answer: PlatformAnswer): string {
	const words = voidStateText[language];
	if (answer.state === 'declined') {
		return words.declined(answer.platform, declinedReasonText(language, answer.code, answer.detail));
	}

	return words.consoleInDoubt(answer.platform, unknownReasonTextOf(language, answer.why));
}

/** Declined (the sale stays completed) or no answer (in doubt): nothing prints, and the clerk reads what happens next. */
function PlatformAnswerStep({
	flow,
	messages,
	language,
}: Pick<Props, 'flow' | 'messages' | 'language'>): React.JSX.Element | undefined {
	const answer = flow.platformAnswer;
	if (!answer) {
		return undefined;
	}

	return (
		<>
			<Text bold color={answer.state === 'declined' ? 'red' : 'yellow'} wrap="wrap">
				{platformAnswerText(language, answer)}
			</Text>
			<Text dimColor>{messages.voidFlow.backHint}</Text>
		</>
	);
}

const digits = (character: string) => character >= '0' && character <= '9';

/** The card void made on the bank terminal: what to do there, then its void voucher and reference. */
function TerminalStep({
	flow,
	actions,
	messages,
	language,
	config,
}: Pick<Props, 'flow' | 'actions' | 'messages' | 'language' | 'config'>): React.JSX.Element {
	const words = voidStateText[language];
	const {transaction} = flow;
	let field: React.JSX.Element;
	if (flow.busy) {
		field = <Text color="cyan">{messages.voidFlow.voiding}</Text>;
	} else if (flow.terminalVoucher === undefined) {
		field = (
			<TextField
				key={`voucher-${flow.attempt}`}
				prompt={words.terminalVoucherPrompt}
				accept={digits}
				maxLength={6}
				onSubmit={actions.submitTerminalVoucher}
			/>
		);
	} else {
		field = (
			<>
				<Text>
					{words.terminalVoucherPrompt}
					{flow.terminalVoucher}
				</Text>
				<TextField
					key={`reference-${flow.attempt}`}
					prompt={words.terminalReferencePrompt}
					accept={digits}
					maxLength={12}
					onSubmit={actions.submitTerminalReference}
				/>
			</>
		);
	}

	return (
		<>
			<Text color="yellow" wrap="wrap">
				{words.terminalStep(
					singleLine(saleLabel(transaction)),
					formatScreen(transaction.amount),
					transaction.terminalId,
				)}
			</Text>
			{field}
			<Notice flow={flow} messages={messages} timeZone={config.timeZone} />
		</>
	);
}

/** Where an approved void's money went back: the platform and its number, or the terminal's numbers; one line. */
function approvalLine(flow: VoidFlow, language: Language): string | undefined {
	const at = flow.approvedAt;
	if (!at || !flow.outcome) {
		return undefined;
	}

	const words = voidStateText[language];
	return at.platform === 'terminal'
		? words.terminalRecorded(flow.outcome.void.voucherNo, at.refundNo)
		: words.approved(at.platform, at.refundNo);
}

function ResultStep({
	flow,
	messages,
	language,
	height,
	columns,
}: Pick<Props, 'flow' | 'messages' | 'language' | 'height' | 'columns'>): React.JSX.Element {
	const printing = flow.step === 'printing' || !flow.print;
	const approval = approvalLine(flow, language);
	const outcome = (
		<PrintOutcome
			headline={flow.outcome ? messages.voidFlow.voided(flow.outcome.void.voucherNo) : undefined}
			printStep={flow.printStep}
			print={printing ? undefined : flow.print}
			texts={messages.voidFlow}
			failures={messages.printFailure}
			previewTop={flow.previewTop}
			height={approval === undefined ? height : height - 1}
			columns={columns}
		/>
	);
	return approval === undefined ? (
		outcome
	) : (
		<>
			<Text bold color="green" wrap="truncate">
				{approval}
			</Text>
			{outcome}
		</>
	);
}

/** The keys of each step: the reason menu, the confirm, the print and its result, Esc to back out. */
function voidKeys(
	flow: VoidFlow,
	actions: VoidActions,
	reasons: readonly string[],
	onExit: (voided: boolean) => void,
	previewRows: number,
): KeyRegistration {
	const name = 'void';
	if (canLeaveRunning(flow)) {
		// Esc leaves the void running at its platform: its answer is written when it comes.
		return {
			name,
			places: ['anywhere'],
			handles: action => action === 'back',
			swallows: binding => binding.action !== 'help' && binding.action !== 'back',
			onKey(action) {
				if (action === 'back') {
					onExit(true);
					return true;
				}

				return false;
			},
		};
	}

	if (flow.step === 'platform-answer') {
		return {
			name,
			places: ['result', 'anywhere'],
			handles: action => action === 'done' || action === 'back',
			onKey(action) {
				if (action === 'done' || action === 'back') {
					onExit(true);
					return true;
				}

				return false;
			},
		};
	}

	if (flow.step === 'printing') {
		// While the void commits and prints, no key may start anything else.
		return {name, places: [], swallows: () => true, onKey: () => true};
	}

	if (flow.step === 'result') {
		return printOutcomeKeys({
			name,
			print: flow.print,
			previewRows,
			scroll: actions.scroll,
			retryPrint: actions.retryPrint,
			answerSlip: actions.answerSlip,
			onDone() {
				onExit(true);
			},
		});
	}

	const stepPlaces: KeyPlace[] = flow.step === 'reason' ? ['menu'] : flow.step === 'confirm' ? ['confirm'] : [];
	const acts = (action: KeyAction): boolean => {
		if (action === 'back' || action === 'cancel') {
			return canCancel(flow) && (action === 'back' || flow.step === 'confirm');
		}

		if (flow.step === 'reason') {
			return action === 'up' || action === 'down' || action === 'choose' || action === 'pick';
		}

		return flow.step === 'confirm' && action === 'confirm';
	};

	return {
		name,
		places: [...stepPlaces, 'anywhere'],
		handles: acts,
		// While a password is checked, Esc waits rather than leaving the void half-asked.
		swallows: binding => binding.action === 'back' && !canCancel(flow),
		onKey(action, input) {
			// Esc while typing the "Other" reason goes back to the reasons, not out of the void.
			if (action === 'back' && flow.step === 'reason-text') {
				actions.backToReasons();
				return true;
			}

			if (action === 'back' || action === 'cancel') {
				if (canCancel(flow)) {
					onExit(false);
				}

				return action === 'back' || flow.step === 'confirm';
			}

			if (action === undefined || !acts(action)) {
				return false;
			}

			// 1–9 picks that reason at once; a number past the last reason does nothing.
			if (action === 'pick') {
				const digit = Number(input);
				if (digit <= reasons.length) {
					actions.chooseReason(digit - 1, reasons);
				}

				return true;
			}

			if (action === 'confirm') {
				actions.confirm();
			} else if (action === 'choose') {
				actions.chooseHighlightedReason(reasons);
			} else {
				actions.moveReason(action === 'up' ? -1 : 1, reasons.length);
			}

			return true;
		},
	};
}

/** The void, step by step: password, supervisor when over the limit, reason, confirm, commit, print, result. */
export function VoidScreen({
	flow,
	actions,
	messages,
	language,
	config,
	now,
	height,
	columns,
	operatorNo,
	slipNote = '',
	onExit,
}: Props): React.JSX.Element {
	const {transaction} = flow;
	const text = messages.voidFlow;

	// The void's title line is above the result step.
	useKeys(
		layer.screen,
		voidKeys(
			flow,
			actions,
			config.voidReasons,
			onExit,
			Math.max(1, height - 1 - (flow.approvedAt ? 1 : 0) - outcomeHeaderLines(flow.print, flow.outcome !== undefined)),
		),
	);

	let step: React.JSX.Element;
	switch (flow.step) {
		case 'refused': {
			step = (
				<>
					<Text bold color="red">
						{text.refused}
					</Text>
					<Notice flow={flow} messages={messages} timeZone={config.timeZone} />
				</>
			);
			break;
		}

		case 'password': {
			step = (
				<>
					{flow.answer.ok && flow.answer.needsSupervisor ? (
						<Text color="yellow" wrap="wrap">
							{text.supervisorNeeded(formatScreen(config.supervisorLimit))}
						</Text>
					) : undefined}
					<PasswordStep flow={flow} actions={actions} messages={messages} operatorNo={operatorNo} />
					<Notice flow={flow} messages={messages} timeZone={config.timeZone} />
				</>
			);
			break;
		}

		case 'approval': {
			step = flow.check ? (
				<SupervisorCheckStep
					check={flow.check}
					messages={messages}
					intro={text.supervisorNeeded(formatScreen(config.supervisorLimit))}
					onNumber={actions.approval.submitNumber}
					onPassword={actions.approval.submitPassword}
				/>
			) : (
				<Text> </Text>
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

		case 'reason-text': {
			const other = config.voidReasons.find(reason => isOtherReason(reason)) ?? '';
			step = (
				<TextField
					prompt={text.otherReasonPrompt}
					maxLength={40}
					onSubmit={words => {
						actions.submitOtherReason(words, other);
					}}
				/>
			);
			break;
		}

		case 'confirm': {
			// The confirm screen stands alone: its title is the line the clerk answers.
			return <ConfirmStep flow={flow} messages={messages} config={config} slipNote={slipNote} />;
		}

		case 'sending': {
			step = <SendingStep flow={flow} language={language} config={config} now={now} />;
			break;
		}

		case 'platform-answer': {
			step = <PlatformAnswerStep flow={flow} messages={messages} language={language} />;
			break;
		}

		case 'terminal': {
			step = <TerminalStep flow={flow} actions={actions} messages={messages} language={language} config={config} />;
			break;
		}

		case 'printing':
		case 'result': {
			step = <ResultStep flow={flow} messages={messages} language={language} height={height - 1} columns={columns} />;
			break;
		}
	}

	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{text.title(singleLine(saleLabel(transaction)), formatScreen(transaction.amount))}
			</Text>
			{step}
		</Box>
	);
}
