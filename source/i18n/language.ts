import {UserError} from '../user-error.js';

/** The languages posvoid speaks, the first its default where nothing else says. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** The language from `--lang`, else the configuration, else the locale of the environment (LC_ALL, LC_MESSAGES, LANG). */
export function pickLanguage(
	flag: string | undefined,
	configured: Language | undefined,
	environment: NodeJS.ProcessEnv,
): Language {
	if (flag !== undefined) {
		return parseLanguageFlag(flag);
	}

	if (configured) {
		return configured;
	}

	const locale = environment['LC_ALL'] ?? environment['LC_MESSAGES'] ?? environment['LANG'] ?? '';
	return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

export class LanguageError extends UserError {
	override name = 'LanguageError';
}

export function parseLanguageFlag(flag: string): Language {
	if (flag === 'zh-CN' || flag === 'zh' || flag === 'zh_CN') {
		return 'zh-CN';
	}

	if (flag === 'en' || flag.startsWith('en-') || flag.startsWith('en_')) {
		return 'en';
	}

	// Said in both languages: the one asked for is the one not understood.
	throw new LanguageError(
		`--lang ${flag} is not a language posvoid speaks: use zh-CN or en / --lang ${flag} 不是 posvoid 支持的语言:请用 zh-CN 或 en`,
	);
}
