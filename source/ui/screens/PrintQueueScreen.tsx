import {Box} from 'ink';
import React, {useCallback, useContext, useState} from 'react';
import {singleLine} from '../../domain/display-text.js';
import {padEndToWidth, padStartToWidth, truncateToWidth} from '../../domain/display-width.js';
import {printFailureText, storedFailureText} from '../../i18n/print-failure-text.js';
import {printJobTitle} from '../../i18n/print-job-text.js';
import type {Messages} from '../../i18n/messages.js';
import {jobStateText, unconfirmedTextFor} from '../../i18n/unconfirmed-text.js';
import {ConsoleContext} from '../console-context.js';
import {answerUnconfirmed, printJob, reprintVoid} from '../../services/print-service.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import type {PrinterPoll} from '../hooks/use-printer-status.js';
import {readQueueEntries, type QueueEntry} from '../hooks/screen-data.js';
import {useMounted, usePrintTracking} from '../hooks/use-print-tracking.js';
import {layer, useKeys} from '../keyboard.js';
import {isMoveAction, type KeyAction} from '../keymap.js';
import {Text} from '../components/Text.js';
import {clampIndex, moveStep, windowStart} from '../state/scroll.js';

type Props = {
	readonly context: ServiceContext;
	/** Read as the queue opened (hooks/screen-data.ts). */
	readonly initialEntries: QueueEntry[];
	readonly messages: Messages;
	readonly session: Authenticated;
	readonly printer: PrinterPoll;
	readonly height: number;
	readonly columns: number;
	readonly onChanged: () => void;
};

/**
 * Slips waiting to print with the reason each failed; r retries one, c prints another copy marked
 * REPRINT; y or n answers whether a slip sent to a printer that cannot confirm it came out.
 */
export function PrintQueueScreen({
	context,
	initialEntries,
	messages,
	session,
	printer,
	height,
	columns,
	onChanged,
}: Props): React.JSX.Element {
	const [entries, setEntries] = useState<QueueEntry[]>(initialEntries);
	const [cursor, setCursor] = useState(0);
	const [status, setStatus] = useState<{text: string; tone: 'info' | 'good' | 'bad'} | undefined>();
	const [busy, setBusy] = useState(false);
	const mounted = useMounted();
	const language = useContext(ConsoleContext)?.language ?? 'en';
	const unconfirmedText = unconfirmedTextFor(language);
	const track = usePrintTracking(printer, onChanged);

	const refresh = useCallback(() => {
		const next = readQueueEntries(context);
		setEntries(next);
		setCursor(previous => clampIndex(previous, next.length));
		onChanged();
	}, [context, onChanged]);

	const run = async (jobId: number) => {
		setBusy(true);
		setStatus({text: messages.queue.printing(jobId), tone: 'info'});
		try {
			const result = await track(async () => printJob(context, jobId));
			if (mounted()) {
				if (result.ok && !result.confirmed) {
					setStatus({text: unconfirmedText.queue.hint(jobId), tone: 'info'});
				} else if (result.ok) {
					setStatus({text: messages.queue.printed(jobId), tone: 'good'});
				} else {
					const failure = printFailureText(messages, result.failure);
					setStatus({text: messages.queue.failed(jobId, failure.message, failure.advice), tone: 'bad'});
				}
			}
		} finally {
			if (mounted()) {
				setBusy(false);
				refresh();
			}
		}
	};

	const visible = Math.max(1, height - 3);
	const selectedEntry = entries[cursor];
	const acts = (action: KeyAction): boolean => {
		if (busy) {
			return false;
		}

		if (isMoveAction(action)) {
			return entries.length > 1;
		}

		const unconfirmed = selectedEntry?.view.job.state === 'unconfirmed';
		if (action === 'slipCameOut' || action === 'slipMissing') {
			return unconfirmed;
		}

		return action === 'retry'
			? selectedEntry?.section === 'waiting' && !unconfirmed
			: action === 'reprint' && selectedEntry?.view.job.voidId !== undefined;
	};

	useKeys(layer.screen, {
		name: 'queue',
		places: ['queue'],
		handles: acts,
		// While a slip prints, only Esc and Ctrl+C leave; nothing else starts.
		swallows: binding => busy && binding.action !== 'back' && binding.action !== 'interrupt',
		onKey(action) {
			const selected = selectedEntry;
			if (isMoveAction(action)) {
				if (!acts(action)) {
					return false;
				}

				setCursor(clampIndex(cursor + moveStep(action, visible, entries.length), entries.length));
				return true;
			}

			if (action === 'retry' && selected && acts(action)) {
				void run(selected.view.job.id);
				return true;
			}

			if ((action === 'slipCameOut' || action === 'slipMissing') && selected && acts(action)) {
				const jobId = selected.view.job.id;
				const cameOut = action === 'slipCameOut';
				const answer = answerUnconfirmed(context, jobId, cameOut, session);
				if (!answer.ok) {
					setStatus({
						text: answer.reason === 'busy' ? messages.signIn.busy : unconfirmedText.queue.unchanged(jobId),
						tone: 'bad',
					});
					refresh();
					return true;
				}

				if (cameOut) {
					setStatus({text: unconfirmedText.queue.seen(jobId), tone: 'good'});
					refresh();
				} else {
					setStatus({text: unconfirmedText.queue.notSeen(jobId), tone: 'info'});
					void run(jobId);
				}

				return true;
			}

			if (action === 'reprint' && selected?.view.job.voidId !== undefined && acts(action)) {
				const reprint = reprintVoid(context, selected.view.job.voidId, session);
				if (!reprint.ok) {
					// Nothing was queued: the database was busy (the clerk can press c again), or the void is gone.
					setStatus({text: reprint.reason === 'busy' ? messages.signIn.busy : messages.queue.noVoid, tone: 'bad'});
					return true;
				}

				const {jobId} = reprint;
				setStatus({text: messages.queue.reprinted(jobId), tone: 'info'});
				void run(jobId);
				return true;
			}

			return busy && action !== 'back' && action !== 'interrupt';
		},
	});

	const {columns: head, states} = messages.queue;
	const line = ([job, state, tries, slip, reason]: [string, string, string, string, string]) =>
		truncateToWidth(
			`  ${padStartToWidth(job, 5)}  ${padEndToWidth(state, 8)}  ${padStartToWidth(tries, 5)}  ${padEndToWidth(slip, 44)}  ${reason}`,
			columns,
		);
	const top = windowStart(cursor, entries.length, visible);
	const shown = entries.slice(top, top + visible);

	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{messages.queue.title}
				{entries.some(entry => entry.section === 'recent') ? `  ·  ${messages.queue.recent}` : ''}
			</Text>
			<Text underline wrap="truncate">
				{line([head.job, head.state, head.attempts, head.slip, head.reason])}
			</Text>
			{entries.every(entry => entry.section !== 'waiting') ? <Text color="green">{messages.queue.empty}</Text> : null}
			{shown.map(entry => {
				const {job, subject} = entry.view;
				const selected = entries.indexOf(entry) === cursor;
				const text = line([
					`#${job.id}`,
					jobStateText(states, language, job.state),
					String(job.attempts),
					singleLine(printJobTitle(messages, subject)),
					storedFailureText(messages, job.lastError),
				]);
				return (
					<Text
						key={job.id}
						inverse={selected}
						dimColor={entry.section === 'recent'}
						color={job.state === 'failed' ? 'red' : job.state === 'unconfirmed' ? 'yellow' : undefined}
						wrap="truncate"
					>
						{selected ? `›${text.slice(1)}` : text}
					</Text>
				);
			})}
			{!status && selectedEntry?.view.job.state === 'unconfirmed' ? (
				<Text color="yellow" wrap="truncate">
					{unconfirmedText.queue.hint(selectedEntry.view.job.id)}
				</Text>
			) : null}
			{status ? (
				<Text color={status.tone === 'good' ? 'green' : status.tone === 'bad' ? 'red' : 'cyan'} wrap="truncate">
					{status.text}
				</Text>
			) : null}
		</Box>
	);
}
