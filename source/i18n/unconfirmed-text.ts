import type {Language} from './language.js';

/**
 * The words for a slip sent whole to a printer that cannot confirm it ("sent, unconfirmed"), and for
 * the clerk's answer: on the print's result, in the print queue, in the status bar and on the command line.
 */
export type UnconfirmedText = {
	/** The print's result: what happened and the two keys. */
	prompt: string;
	/** The shift summary on screen: it is not queued, so p prints it again if it did not come out. */
	reportPrompt: string;
	/** The job's state in the queue's column and the command's list. */
	state: string;
	/** The status bar's count of slips waiting for the clerk's answer. */
	count: (count: number) => string;
	queue: {
		/** The line under the queue for a selected unconfirmed job. */
		hint: (jobId: number) => string;
		seen: (jobId: number) => string;
		notSeen: (jobId: number) => string;
		/** The job is no longer waiting for an answer (another window answered, or the database was busy). */
		unchanged: (jobId: number) => string;
	};
	commands: {
		/** The command line's line after a print that went out unconfirmed: exit 3. */
		sentNotConfirmed: (jobId: number) => string;
		/** The shift summary is not queued: only printing it again can help. */
		reportNotConfirmed: string;
		seen: (jobId: number) => string;
		notSeen: (jobId: number) => string;
		noSuchJob: (jobId: string) => string;
		notWaitingForAnswer: (jobId: number, state: string) => string;
		busy: string;
	};
};

const en: UnconfirmedText = {
	prompt: 'Sent to the printer, which cannot confirm it: did the slip come out? y yes / n no, print it again',
	reportPrompt:
		'Sent to the printer, which cannot confirm it: check the slip; p prints it again if it did not come out',
	state: 'to check',
	count: count => `Unconfirmed ${count}`,
	queue: {
		hint: jobId =>
			`Job ${jobId} was sent, but the printer cannot confirm it: did it come out? y yes / n no, print it again`,
		seen: jobId => `Job ${jobId} marked printed: the slip came out.`,
		notSeen: jobId => `Job ${jobId} did not come out: it prints again, marked REPRINT.`,
		unchanged: jobId => `Job ${jobId} is no longer waiting for an answer; nothing changed.`,
	},
	commands: {
		sentNotConfirmed: jobId =>
			`sent, not confirmed: check the slip; if it did not come out run \`posvoid print-queue --not-printed ${jobId}\` (it prints again as REPRINT), if it did run \`posvoid print-queue --confirm ${jobId}\``,
		reportNotConfirmed:
			'sent, not confirmed: check the shift summary; if it did not come out run `posvoid report --print` again',
		seen: jobId => `job ${jobId} marked printed: the slip came out`,
		notSeen: jobId => `job ${jobId} did not come out: queued again, marked REPRINT`,
		noSuchJob: jobId => `there is no print job ${jobId}: posvoid print-queue lists the waiting ones`,
		notWaitingForAnswer: (jobId, state) =>
			`job ${jobId} is not waiting for an answer (it is ${state}); nothing changed`,
		busy: 'the database is busy (another program is writing to it); nothing changed: try again in a moment',
	},
};

const zhCN: UnconfirmedText = {
	prompt: '已发送到打印机,但打印机无法确认:小票打出来了吗?y 是 / n 否,重新打印',
	reportPrompt: '已发送到打印机,但打印机无法确认:请检查小票;如果没有打出,按 p 再打印',
	state: '待确认',
	count: count => `待确认 ${count}`,
	queue: {
		hint: jobId => `任务 ${jobId} 已发送,但打印机无法确认:打出来了吗?y 是 / n 否,重新打印`,
		seen: jobId => `任务 ${jobId} 已记为已打印:小票已打出。`,
		notSeen: jobId => `任务 ${jobId} 没有打出:将重新打印,标注重打印。`,
		unchanged: jobId => `任务 ${jobId} 已不在等待确认;未作更改。`,
	},
	commands: {
		sentNotConfirmed: jobId =>
			`已发送,未确认:请检查小票;如果没有打出,请运行 \`posvoid print-queue --not-printed ${jobId}\`(重新打印,标注重打印);如果已打出,请运行 \`posvoid print-queue --confirm ${jobId}\``,
		reportNotConfirmed: '已发送,未确认:请检查交班汇总;如果没有打出,请再运行 `posvoid report --print`',
		seen: jobId => `任务 ${jobId} 已记为已打印:小票已打出`,
		notSeen: jobId => `任务 ${jobId} 没有打出:已重新加入队列,标注重打印`,
		noSuchJob: jobId => `没有打印任务 ${jobId}:posvoid print-queue 列出等待中的任务`,
		notWaitingForAnswer: (jobId, state) => `任务 ${jobId} 不在等待确认(状态:${state});未作更改`,
		busy: '数据库正忙(另一个程序正在写入);未作更改:请稍后再试',
	},
};

const texts: Record<Language, UnconfirmedText> = {en, 'zh-CN': zhCN};

export function unconfirmedTextFor(language: Language): UnconfirmedText {
	return texts[language];
}

/** A job's state in the clerk's language: the catalogue's words, or this file's for "sent, unconfirmed". */
export function jobStateText<S extends string>(
	states: Record<Exclude<S, 'unconfirmed'>, string>,
	language: Language,
	state: S,
): string {
	return state === 'unconfirmed' ? texts[language].state : states[state as Exclude<S, 'unconfirmed'>];
}
