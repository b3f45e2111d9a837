import {Box} from 'ink';
import React, {useCallback, useEffect, useRef, useState} from 'react';
import {singleLine} from '../../domain/display-text.js';
import {padEndToWidth, padStartToWidth, truncateToWidth} from '../../domain/display-width.js';
import type {Messages} from '../../i18n/messages.js';
import {printFailureText, storedFailureText} from '../../i18n/print-failure-text.js';
import {printJobTitle} from '../../i18n/print-job-text.js';
import {
	markInterruptedJobs,
	printJob,
	recentJobs,
	reprintVoid,
	waitingJobs,
	type PrintJobView,
} from '../../services/print-service.js';
import type {Authenticated} from '../../services/auth-service.js';
import type {ServiceContext} from '../../services/service-context.js';
import type {PrinterPoll} from '../hooks/use-printer-status.js';
import {layer, useKeys} from '../keyboard.js';
import {actionFor, isMoveAction} from '../keymap.js';
import {Text} from '../components/Text.js';

type Props = {
	readonly context: ServiceContext;
	readonly messages: Messages;
	readonly session: Authenticated;
	readonly printer: PrinterPoll;
	readonly height: number;
	readonly columns: number;
	readonly onChanged: () => void;
};

type Entry = {view: PrintJobView; section: 'waiting' | 'recent'};

function readEntries(context: ServiceContext): Entry[] {
	const waiting = waitingJobs(context).map(view => ({view, section: 'waiting' as const}));
	const recent = recentJobs(context, 8)
		.filter(view => view.job.state === 'printed')
		.slice(0, 5)
		.map(view => ({view, section: 'recent' as const}));
	return [...waiting, ...recent];
}

/** Slips waiting to print with the reason each failed; r retries one, c prints another copy marked REPRINT. */
export function PrintQueueScreen({
	context,
	messages,
	session,
	printer,
	height,
	columns,
	onChanged,
}: Props): React.JSX.Element {
	const [entries, setEntries] = useState<Entry[]>(() => {
		// Opening the queue is when a slip left half-printed by a stopped console becomes visible as failed.
		markInterruptedJobs(context);
		return readEntries(context);
	});
	const [cursor, setCursor] = useState(0);
	const [status, setStatus] = useState<{text: string; tone: 'info' | 'good' | 'bad'} | undefined>();
	const [busy, setBusy] = useState(false);
	const mounted = useRef(true);
	useEffect(
		() => () => {
			mounted.current = false;
		},
		[],
	);

	const refresh = useCallback(() => {
		const next = readEntries(context);
		setEntries(next);
		setCursor(previous => Math.max(0, Math.min(previous, next.length - 1)));
		onChanged();
	}, [context, onChanged]);

	const run = async (jobId: number) => {
		setBusy(true);
		setStatus({text: messages.queue.printing(jobId), tone: 'info'});
		printer.setPrinting(true);
		try {
			const result = await printJob(context, jobId);
			if (!mounted.current) {
				return;
			}

			if (result.ok) {
				setStatus({text: messages.queue.printed(jobId), tone: 'good'});
			} else {
				const failure = printFailureText(messages, result.failure);
				setStatus({text: messages.queue.failed(jobId, failure.message, failure.advice), tone: 'bad'});
			}

			if (result.ok) {
				printer.report({ready: true, paperNearEnd: false});
			}
		} finally {
			printer.setPrinting(false);
			if (mounted.current) {
				setBusy(false);
				refresh();
			} else {
				onChanged();
			}
		}
	};

	const visible = Math.max(1, height - 3);
	useKeys(layer.screen, (input, key) => {
		const action = actionFor(['queue'], input, key);
		const selected = entries[cursor];
		if (isMoveAction(action)) {
			const step = {up: -1, down: 1, pageUp: -visible, pageDown: visible, home: -entries.length, end: entries.length}[
				action
			];
			setCursor(Math.max(0, Math.min(entries.length - 1, cursor + step)));
			return true;
		}

		if (action === 'retry') {
			if (!busy && selected?.section === 'waiting') {
				void run(selected.view.job.id);
			}

			return true;
		}

		if (action === 'reprint') {
			if (busy || !selected) {
				return true;
			}

			if (selected.view.job.voidId === undefined) {
				setStatus({text: messages.queue.cannotReprint, tone: 'bad'});
				return true;
			}

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

		// While a slip prints, only Esc and Ctrl+C leave; nothing else starts.
		return busy && action !== 'back' && action !== 'interrupt';
	});

	const {columns: head, states} = messages.queue;
	const line = ([job, state, tries, slip, reason]: [string, string, string, string, string]) =>
		truncateToWidth(
			`  ${padStartToWidth(job, 5)}  ${padEndToWidth(state, 8)}  ${padStartToWidth(tries, 5)}  ${padEndToWidth(slip, 44)}  ${reason}`,
			columns,
		);
	const top = Math.max(0, Math.min(cursor - visible + 1, entries.length - visible));
	const shown = entries.slice(Math.max(0, top), Math.max(0, top) + visible);

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
					states[job.state],
					String(job.attempts),
					singleLine(printJobTitle(messages, subject)),
					storedFailureText(messages, job.lastError),
				]);
				return (
					<Text
						key={job.id}
						inverse={selected}
						dimColor={entry.section === 'recent'}
						color={job.state === 'failed' ? 'red' : undefined}
						wrap="truncate"
					>
						{selected ? `›${text.slice(1)}` : text}
					</Text>
				);
			})}
			{status ? (
				<Text color={status.tone === 'good' ? 'green' : status.tone === 'bad' ? 'red' : 'cyan'} wrap="truncate">
					{status.text}
				</Text>
			) : null}
		</Box>
	);
}
