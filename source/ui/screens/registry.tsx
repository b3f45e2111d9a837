import React from 'react';
import {useConsole, useSession} from '../console-context.js';
import {useFlows} from '../hooks/use-console-flows.js';
import type {Screen} from '../state/app-state.js';
import {readTransactionDetail} from '../hooks/screen-data.js';
import {Text} from '../components/Text.js';
import {slipSubstitutionText} from '../../i18n/slip-substitution-text.js';
import {AuditScreen} from './AuditScreen.js';
import {DetailScreen} from './DetailScreen.js';
import {HelpScreen} from './HelpScreen.js';
import {ListScreen} from './ListScreen.js';
import {PrintQueueScreen} from './PrintQueueScreen.js';
import {SettlementScreen} from './SettlementScreen.js';
import {ShiftReportScreen} from './ShiftReportScreen.js';
import {VoidScreen} from './VoidScreen.js';

type ScreenOf<N extends Screen['name']> = Extract<Screen, {name: N}>;

/** Each signed-in screen by name: what it reads from the console and its flows, and where it leaves to. */
type Registry = {[N in Screen['name']]: (props: {readonly screen: ScreenOf<N>}) => React.JSX.Element};

const blank = <Text> </Text>;

function ListEntry(): React.JSX.Element {
	const {context, messages, timeZone, columns, dispatch, quit} = useConsole();
	const {list, openVoid} = useFlows();
	const session = useSession();
	return (
		<ListScreen
			list={list}
			messages={messages}
			timeZone={timeZone}
			columns={columns}
			onOpen={transaction => {
				const detail = readTransactionDetail(context, transaction.id, session.role);
				dispatch({type: 'open', screen: {name: 'detail', transactionId: transaction.id, detail}});
			}}
			onVoid={transaction => {
				openVoid(transaction.id);
			}}
			onQuit={quit}
		/>
	);
}

function DetailEntry({screen}: {readonly screen: ScreenOf<'detail'>}): React.JSX.Element {
	const {context, messages, timeZone, language} = useConsole();
	const {openVoid} = useFlows();
	return (
		<DetailScreen
			messages={messages}
			language={language}
			detail={screen.detail}
			timeZone={timeZone}
			supervisorLimit={context.config.supervisorLimit}
			onVoid={() => {
				openVoid(screen.transactionId);
			}}
		/>
	);
}

function VoidEntry(): React.JSX.Element {
	const {context, messages, language, bodyHeight, columns, dispatch, refresh} = useConsole();
	const {voidFlow, list} = useFlows();
	const session = useSession();
	return voidFlow.flow ? (
		<VoidScreen
			flow={voidFlow.flow}
			actions={voidFlow}
			messages={messages}
			language={language}
			config={context.config}
			now={context.now}
			slipNote={slipSubstitutionText(voidFlow.slipSubstitutions, context.config.printer.model.name, language)}
			height={bodyHeight}
			columns={columns}
			operatorNo={session.operatorNo}
			onExit={voided => {
				voidFlow.close();
				dispatch(voided ? {type: 'back-to-list'} : {type: 'back'});
				list.reload();
				refresh();
			}}
		/>
	) : (
		blank
	);
}

function QueueEntry({screen}: {readonly screen: ScreenOf<'queue'>}): React.JSX.Element {
	const {context, messages, printer, bodyHeight, columns, refresh} = useConsole();
	return (
		<PrintQueueScreen
			context={context}
			initialEntries={screen.entries}
			messages={messages}
			session={useSession()}
			printer={printer}
			height={bodyHeight}
			columns={columns}
			onChanged={refresh}
		/>
	);
}

function SettlementEntry(): React.JSX.Element {
	const {messages, timeZone, bodyHeight, columns, dispatch, refresh} = useConsole();
	const {settlement} = useFlows();
	return settlement.flow ? (
		<SettlementScreen
			flow={settlement.flow}
			actions={settlement}
			messages={messages}
			timeZone={timeZone}
			height={bodyHeight}
			columns={columns}
			onExit={committed => {
				settlement.close();
				dispatch(committed ? {type: 'back-to-list'} : {type: 'back'});
				refresh();
			}}
		/>
	) : (
		blank
	);
}

function ReportEntry({screen}: {readonly screen: ScreenOf<'report'>}): React.JSX.Element {
	const {context, messages, printer, refresh} = useConsole();
	return (
		<ShiftReportScreen
			context={context}
			report={screen.report}
			messages={messages}
			session={useSession()}
			printer={printer}
			onChanged={refresh}
		/>
	);
}

function AuditEntry(): React.JSX.Element {
	const {context, messages, bodyHeight, columns} = useConsole();
	const {auditCheck} = useFlows();
	return (
		<AuditScreen context={context} messages={messages} approval={auditCheck} height={bodyHeight} columns={columns} />
	);
}

const registry: Registry = {
	list: ListEntry,
	detail: DetailEntry,
	void: VoidEntry,
	queue: QueueEntry,
	help: HelpScreen,
	settlement: SettlementEntry,
	report: ReportEntry,
	audit: AuditEntry,
};

/** The screen in front, drawn by its registry entry. */
export function FrontScreen({screen}: {readonly screen: Screen}): React.JSX.Element {
	const Entry = registry[screen.name] as (props: {readonly screen: Screen}) => React.JSX.Element;
	return <Entry key={screen.name} screen={screen} />;
}
