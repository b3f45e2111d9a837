import {Box} from 'ink';
import React, {useContext} from 'react';
import {formatDateTime} from '../../domain/time-format.js';
import type {Messages} from '../../i18n/messages.js';
import {BatchFigures} from '../components/BatchFigures.js';
import {PrintOutcome, previewHeight} from '../components/PrintOutcome.js';
import {SupervisorCheckStep} from '../components/SupervisorCheckStep.js';
import type {SettlementActions} from '../hooks/use-settlement-flow.js';
import {layer, useKeys, type KeyRegistration} from '../keyboard.js';
import type {KeyAction} from '../keymap.js';
import {printOutcomeKeys} from '../components/print-outcome-keys.js';
import {canBackOut, type SettlementFlow} from '../state/settlement-flow.js';
import {Text} from '../components/Text.js';
import {voidStateText} from '../../i18n/void-state-text.js';
import {ConsoleContext} from '../console-context.js';

type Props = {
	readonly flow: SettlementFlow;
	readonly actions: SettlementActions;
	readonly messages: Messages;
	readonly timeZone: string;
	readonly height: number;
	readonly columns: number;
	/** Leave the screen: back one screen when nothing changed, to the list after a settlement or reprint. */
	readonly onExit: (committed: boolean) => void;
};

/** The line above the print's state: what was committed before the report went to the printer. */
function headline(flow: SettlementFlow, messages: Messages): string | undefined {
	const {job} = flow;
	if (!job) {
		return undefined;
	}

	return job.kind === 'settlement'
		? messages.settlement.settled(job.batchNo, job.nextBatchNo)
		: messages.settlement.reprintQueued(job.batchNo);
}

/** The keys of each step: the supervisor's check, the figures (y, n, c), the print, and its result. */
function settlementKeys(
	flow: SettlementFlow,
	actions: SettlementActions,
	onExit: (committed: boolean) => void,
	previewRows: number,
): KeyRegistration {
	const name = 'settlement';
	switch (flow.step) {
		case 'printing': {
			// While the batch's report prints, nothing else may start; Ctrl+C still quits.
			return {
				name,
				places: [],
				swallows: binding => binding.action !== 'interrupt',
				onKey: action => action !== 'interrupt',
			};
		}

		case 'result': {
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

		case 'review': {
			const backOut = () => {
				if (canBackOut(flow)) {
					onExit(false);
				}
			};

			const acts = (action: KeyAction) =>
				action === 'settleNow' || action === 'cancel' || action === 'back' || action === 'reprint';
			return {
				name,
				places: ['settlement', 'anywhere'],
				handles: action => acts(action) && (action === 'settleNow' || action === 'reprint' || canBackOut(flow)),
				onKey(action) {
					const run: Partial<Record<KeyAction, () => void>> = {
						settleNow: actions.confirm,
						reprint: actions.reprintLast,
						back: backOut,
						cancel: backOut,
					};
					const effect = action === undefined ? undefined : run[action];
					effect?.();
					return effect !== undefined;
				},
			};
		}

		case 'check':
		case 'refused': {
			// The supervisor's check, or a refusal: Esc (and Enter on a refusal) backs out.
			const leaves = (action: KeyAction | undefined) =>
				action === 'back' || (flow.step === 'refused' && action === 'done');
			return {
				name,
				places: flow.step === 'refused' ? ['result', 'anywhere'] : ['anywhere'],
				handles: action => leaves(action) && canBackOut(flow),
				// While a password is checked, Esc waits rather than leaving the screen under the check.
				swallows: binding => binding.action === 'back' && !canBackOut(flow),
				onKey(action) {
					if (!leaves(action)) {
						return false;
					}

					if (canBackOut(flow)) {
						onExit(false);
					}

					return true;
				},
			};
		}
	}
}

function Review({
	flow,
	messages,
	timeZone,
}: Pick<Props, 'flow' | 'messages' | 'timeZone'>): React.JSX.Element | undefined {
	const language = useContext(ConsoleContext)?.language ?? 'en';
	const {figures} = flow;
	if (!figures) {
		return undefined;
	}

	const text = messages.settlement;
	const {batch, summary, inDoubt} = figures;
	return (
		<>
			<Text bold color="yellow" wrap="truncate">
				{text.confirmTitle(batch.batchNo)}
			</Text>
			<Text wrap="wrap">
				{text.batchLine(batch.batchNo, formatDateTime(batch.openedAt, timeZone), flow.check.approver?.operatorNo ?? '')}
			</Text>
			<BatchFigures summary={summary} messages={messages} />
			{inDoubt > 0 ? (
				<Text color="yellow" wrap="wrap">
					{voidStateText[language].settlementWaits(inDoubt)}
				</Text>
			) : null}
			<Text dimColor wrap="wrap">
				{text.confirmHint}
			</Text>
			<Text dimColor wrap="wrap">
				{text.moreHint}
			</Text>
			{flow.notice ? (
				<Text color="red" wrap="wrap">
					{flow.notice}
				</Text>
			) : null}
		</>
	);
}

/**
 * Settlement (结算), key `s`: a supervisor's password, the open batch's figures, `y` to settle or `n`
 * to back out with nothing changed, then the settlement report printing live and its result. From
 * the figures, `c` prints the last settled batch's report again.
 */
export function SettlementScreen({
	flow,
	actions,
	messages,
	timeZone,
	height,
	columns,
	onExit,
}: Props): React.JSX.Element {
	const text = messages.settlement;
	// The screen's title line is above the print outcome.
	const outcomeHeight = height - 1;

	useKeys(layer.screen, settlementKeys(flow, actions, onExit, previewHeight(flow.print, true, outcomeHeight)));

	let body: React.JSX.Element | undefined;
	switch (flow.step) {
		case 'check': {
			body = (
				<SupervisorCheckStep
					check={flow.check}
					messages={messages}
					intro={flow.check.ownPassword ? text.ownPasswordIntro : text.supervisorNeeded}
					onNumber={actions.submitNumber}
					onPassword={actions.submitPassword}
				/>
			);
			break;
		}

		case 'review': {
			body = <Review flow={flow} messages={messages} timeZone={timeZone} />;
			break;
		}

		case 'printing':
		case 'result': {
			body = (
				<PrintOutcome
					headline={headline(flow, messages)}
					printStep={flow.printStep}
					print={flow.print}
					texts={text.print}
					failures={messages.printFailure}
					previewTop={flow.previewTop}
					height={outcomeHeight}
					columns={columns}
				/>
			);
			break;
		}

		case 'refused': {
			body = (
				<>
					<Text bold color="red" wrap="truncate">
						{text.notSettled}
					</Text>
					<Text color="red" wrap="wrap">
						{flow.notice}
					</Text>
				</>
			);
			break;
		}
	}

	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{text.title}
			</Text>
			{body}
		</Box>
	);
}
