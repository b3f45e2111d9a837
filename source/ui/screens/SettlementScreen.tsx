import {Box} from 'ink';
import React from 'react';
import {formatDateTime} from '../../domain/time-format.js';
import type {Messages} from '../../i18n/messages.js';
import {BatchFigures} from '../components/BatchFigures.js';
import {PrintOutcome, previewHeight, previewLines} from '../components/PrintOutcome.js';
import {SupervisorCheckStep} from '../components/SupervisorCheckStep.js';
import type {SettlementActions} from '../hooks/use-settlement-flow.js';
import {layer, useKeys} from '../keyboard.js';
import {actionFor, type KeyAction, type KeyPlace} from '../keymap.js';
import {canBackOut, type SettlementFlow} from '../state/settlement-flow.js';
import {Text} from '../components/Text.js';

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

/** What a key does on the result: scroll the report preview, retry the print, or leave. */
function resultKey(action: KeyAction | undefined, flow: SettlementFlow, actions: SettlementActions, rows: number) {
	const scrollBy: Partial<Record<KeyAction, number>> = {up: -1, down: 1, pageUp: -rows, pageDown: rows};
	const by = action === undefined ? undefined : scrollBy[action];
	if (by !== undefined) {
		actions.scroll(by, previewLines(flow.print).length, rows);
		return true;
	}

	if (action === 'retry') {
		actions.retryPrint();
		return true;
	}

	return false;
}

function Review({
	flow,
	messages,
	timeZone,
}: Pick<Props, 'flow' | 'messages' | 'timeZone'>): React.JSX.Element | undefined {
	const {figures} = flow;
	if (!figures) {
		return undefined;
	}

	const text = messages.settlement;
	const {batch, summary} = figures;
	return (
		<>
			<Text bold color="yellow" wrap="truncate">
				{text.confirmTitle(batch.batchNo)}
			</Text>
			<Text wrap="truncate">
				{text.batchLine(batch.batchNo, formatDateTime(batch.openedAt, timeZone), flow.check.approver?.operatorNo ?? '')}
			</Text>
			<BatchFigures summary={summary} messages={messages} />
			<Text dimColor wrap="truncate">
				{text.confirmHint}
			</Text>
			<Text dimColor wrap="truncate">
				{text.moreHint}
			</Text>
			{flow.notice ? (
				<Text color="red" wrap="truncate">
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

	useKeys(layer.screen, (input, key) => {
		const places: KeyPlace[] = flow.step === 'review' ? ['settlement'] : flow.step === 'result' ? ['result'] : [];
		const action = actionFor(places, input, key);
		if (flow.step === 'printing') {
			// While the batch's report prints, nothing else may start; Ctrl+C still quits.
			return action !== 'interrupt';
		}

		if (flow.step === 'result') {
			if (action === 'back' || key.return) {
				onExit(true);
				return true;
			}

			return resultKey(action, flow, actions, previewHeight(flow.print, true, outcomeHeight));
		}

		if (action === 'back' || action === 'cancel' || (flow.step === 'refused' && key.return)) {
			if (canBackOut(flow)) {
				onExit(false);
			}

			return true;
		}

		if (flow.step === 'review') {
			if (action === 'settleNow') {
				actions.confirm();
				return true;
			}

			if (action === 'reprint') {
				actions.reprintLast();
				return true;
			}
		}

		return false;
	});

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
					<Text color="red" wrap="truncate">
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
