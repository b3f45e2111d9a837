import {Box} from 'ink';
import React, {useReducer} from 'react';
import {formatAnchor} from '../../domain/audit-chain.js';
import {singleLine} from '../../domain/display-text.js';
import {displayWidth, padEndToWidth, truncateToWidth} from '../../domain/display-width.js';
import {formatDateTime} from '../../domain/time-format.js';
import {auditDetailText, auditRecordText} from '../../i18n/audit-text.js';
import type {Messages} from '../../i18n/messages.js';
import {isAuditEvent, type AuditEntry, type ChainVerification} from '../../services/audit-service.js';
import {useAuditLog} from '../hooks/use-audit-log.js';
import type {ServiceContext} from '../../services/service-context.js';
import {SupervisorCheckStep} from '../components/SupervisorCheckStep.js';
import {TextField, digitsOnly} from '../components/TextField.js';
import type {SupervisorCheckActions} from '../hooks/use-supervisor-check.js';
import {layer, useKeys} from '../keyboard.js';
import {isMoveAction} from '../keymap.js';
import {auditKind, auditViewReducer, initialAuditView} from '../state/audit-view.js';
import {Text} from '../components/Text.js';
import {clampTop, moveStep} from '../state/scroll.js';
import {cutAtWord} from '../fit-text.js';

type Props = {
	readonly context: ServiceContext;
	readonly messages: Messages;
	/** The supervisor check, held by the app so the footer knows whether the view is open. */
	readonly approval: SupervisorCheckActions;
	readonly height: number;
	readonly columns: number;
};

/** The newest events read for one filter; the view scrolls through these. */
export const auditRowLimit = 500;

/** Lines that are not event rows: the title, the chain's verification, the column header, the position line. */
const chromeLines = 4;

function eventLabel(messages: Messages, event: string): string {
	return isAuditEvent(event) ? messages.audit.events[event] : singleLine(event);
}

function resultLabel(messages: Messages, result: string): string {
	return messages.audit.results[result as keyof Messages['audit']['results']] ?? singleLine(result);
}

/** The rows as aligned text lines, every field from the database through singleLine. */
export function auditLines(
	rows: readonly AuditEntry[],
	messages: Messages,
	timeZone: string,
	columns: number,
): string[] {
	const head = messages.audit.columns;
	const cells = rows.map(row => [
		formatDateTime(row.at, timeZone),
		singleLine(row.operatorNo ?? '-'),
		eventLabel(messages, row.event),
		resultLabel(messages, row.result),
		auditRecordText(messages, row),
		auditDetailText(messages, row),
	]);
	const header = [head.time, head.operator, head.event, head.result, head.record, head.detail];
	// Records are short (`void:12`, `batch:000003`); a longer one is cut so the detail keeps its room.
	const limits = [19, 8, 16, 8, 20];
	const widths = limits.map((limit, index) =>
		Math.min(limit, Math.max(displayWidth(header[index] ?? ''), ...cells.map(row => displayWidth(row[index] ?? '')))),
	);
	// The detail is last and is cut at a word, never in the middle of one or of a number.
	const line = (row: string[]) => {
		const cells = widths.map((width, index) => padEndToWidth(row[index] ?? '', width)).join('  ');
		return truncateToWidth(
			`${cells}  ${cutAtWord(row.at(-1) ?? '', columns - displayWidth(cells) - 2)}`.trimEnd(),
			columns,
		);
	};

	return [line(header), ...cells.map(row => line(row))];
}

function chainText(messages: Messages, chain: ChainVerification | undefined): {text: string; color: string} {
	if (!chain) {
		return {text: messages.audit.verifying, color: 'cyan'};
	}

	return chain.ok
		? {text: messages.audit.intact(chain.rows, chain.head && formatAnchor(chain.head)), color: 'green'}
		: {text: messages.audit.broken(chain.brokenId, chain.rows, singleLine(chain.why)), color: 'red'};
}

/**
 * The audit view (key `a`, supervisors): recent audit events newest first, filtered by operator (`o`)
 * and event kind (`e`), with the hash chain's verification. Windowed to the height it is given.
 */
export function AuditScreen({context, messages, approval, height, columns}: Props): React.JSX.Element {
	const [view, dispatch] = useReducer(auditViewReducer, initialAuditView);
	const {check} = approval;
	const approved = check?.step === 'approved';
	const kind = auditKind(view);
	const {rows, chain} = useAuditLog(context, approved, {operatorNo: view.operatorNo, event: kind}, auditRowLimit);

	const visible = Math.max(1, height - chromeLines);
	useKeys(
		layer.screen,
		{
			name: 'audit',
			places: view.editing ? ['anywhere'] : ['audit'],
			handles: action =>
				view.editing ? action === 'back' : isMoveAction(action) ? rows.length > 1 : action !== 'back',
			// The operator field has the keys it takes; the others must not start anything behind it.
			swallows: binding => view.editing && binding.action !== 'interrupt' && binding.action !== 'back',
			onKey(action) {
				if (view.editing) {
					if (action === 'back') {
						dispatch({type: 'cancel-edit'});
						return true;
					}

					// The operator field has the keys it takes; the others must not start anything behind it.
					return action !== 'interrupt';
				}

				if (isMoveAction(action)) {
					if (rows.length <= 1) {
						return false;
					}

					dispatch({type: 'scroll', by: moveStep(action, visible, rows.length), rows: rows.length, visible});
					return true;
				}

				if (action === 'filterEvent') {
					dispatch({type: 'next-kind'});
					return true;
				}

				if (action === 'filterOperator') {
					dispatch({type: 'edit-operator'});
					return true;
				}

				return false;
			},
		},
		approved,
	);

	const text = messages.audit;
	if (!approved) {
		return (
			<Box flexDirection="column">
				<Text bold>{text.title}</Text>
				{check ? (
					<SupervisorCheckStep
						check={check}
						messages={messages}
						intro={text.supervisorNeeded}
						onNumber={approval.submitNumber}
						onPassword={approval.submitPassword}
					/>
				) : null}
			</Box>
		);
	}

	const [header = '', ...lines] = auditLines(rows, messages, context.config.timeZone, columns);
	const top = clampTop(view.top, rows.length, visible);
	const shown = lines.slice(top, top + visible);
	const verification = chainText(messages, chain);
	const filters = text.filters(view.operatorNo ?? text.all, kind === undefined ? text.all : eventLabel(messages, kind));
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{text.title} · {filters}
			</Text>
			<Text color={verification.color} wrap="wrap">
				{verification.text}
			</Text>
			<Text underline wrap="truncate">
				{header}
			</Text>
			{rows.length === 0 ? <Text dimColor>{text.empty}</Text> : null}
			{shown.map((line, index) => (
				<Text key={rows[top + index]?.id ?? index} wrap="truncate">
					{line}
				</Text>
			))}
			{view.editing ? (
				<TextField
					prompt={text.operatorPrompt}
					accept={digitsOnly}
					maxLength={4}
					onSubmit={operatorNo => {
						dispatch({type: 'operator', operatorNo});
					}}
				/>
			) : (
				<Text dimColor wrap="truncate">
					{text.position(
						rows.length === 0 ? 0 : top + 1,
						top + shown.length,
						rows.length,
						rows.length >= auditRowLimit,
					)}
				</Text>
			)}
		</Box>
	);
}
