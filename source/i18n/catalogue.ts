import {en} from './en.js';
import type {Language} from './language.js';
import type {Messages} from './messages.js';
import {zhCN} from './zh-CN.js';

const catalogue: Record<Language, Messages> = {en, 'zh-CN': zhCN};

/** The console's and the commands' text in one language. */
export function messagesFor(language: Language): Messages {
	return catalogue[language];
}
