import type {Language} from '../i18n/language.js';
import {singleLine} from '../domain/display-text.js';

export type PrinterFailureKind =
	'unreachable' | 'timeout' | 'paper-out' | 'cover-open' | 'offline' | 'printer-error' | 'reset';

/** Why a slip did not print, classified for the clerk; `detail` is for the log and the engineer. */
export type PrinterFailure = {
	kind: PrinterFailureKind;
	detail: string;
	/** Some or all of the slip had been sent when it failed: it may be on paper, whole or in part. */
	afterSend?: boolean;
};

export type FailureDescription = {message: string; advice: string};

const descriptions: Record<PrinterFailureKind, Record<Language, FailureDescription>> = {
	unreachable: {
		'zh-CN': {
			message: '无法连接打印机',
			advice: '请检查打印机电源和网线,然后重试打印。',
		},
		en: {
			message: 'The printer cannot be reached',
			advice: "Check the printer's power and network cable, then retry the print.",
		},
	},
	timeout: {
		'zh-CN': {
			message: '打印机无响应(超时)',
			advice: '请检查打印机是否卡纸或正忙,然后重试打印;如已打出部分小票,请重打印。',
		},
		en: {
			message: 'The printer stopped responding (timed out)',
			advice: 'Check the printer for a jam or a busy light, then retry; if part of a slip came out, reprint it.',
		},
	},
	'paper-out': {
		'zh-CN': {message: '打印机缺纸', advice: '请装入打印纸,然后重试打印。'},
		en: {
			message: 'The printer is out of paper',
			advice: 'Load paper, then retry the print.',
		},
	},
	'cover-open': {
		'zh-CN': {
			message: '打印机纸仓盖未关',
			advice: '请关好纸仓盖,然后重试打印。',
		},
		en: {
			message: "The printer's cover is open",
			advice: 'Close the cover, then retry the print.',
		},
	},
	offline: {
		'zh-CN': {
			message: '打印机处于离线状态',
			advice: '请检查打印机指示灯,按进纸键或重新开机后重试打印。',
		},
		en: {
			message: 'The printer is offline',
			advice: 'Check the printer lights; press feed or power it off and on, then retry.',
		},
	},
	'printer-error': {
		'zh-CN': {
			message: '打印机报告故障',
			advice: '请检查切刀和打印头,关机再开机后重试;仍失败请联系维护人员。',
		},
		en: {
			message: 'The printer reports an error',
			advice:
				'Check the cutter and print head, power the printer off and on, then retry; if it persists call maintenance.',
		},
	},
	reset: {
		'zh-CN': {message: '打印中连接中断', advice: '小票可能不完整,请重打印。'},
		en: {
			message: 'The connection dropped while printing',
			advice: 'The slip may be incomplete: reprint it.',
		},
	},
};

/** What to tell the clerk about a failure, and what to do about it. */
export function describeFailure(failure: PrinterFailure, language: Language): FailureDescription {
	return descriptions[failure.kind][language];
}

/** How a failure is kept with its print job: `kind: detail`. */
export function storedFailure(failure: PrinterFailure): string {
	return `${failure.kind}: ${failure.detail}`;
}

/** A failure kept with a print job, told in the clerk's language when its kind is known; otherwise as kept, on one line. */
export function describeStoredFailure(stored: string | undefined, language: Language): string {
	if (stored === undefined) {
		return '';
	}

	const kind = stored.split(':', 1)[0] ?? '';
	return Object.hasOwn(descriptions, kind)
		? descriptions[kind as PrinterFailureKind][language].message
		: singleLine(stored);
}
