import type {Substitution} from '../domain/printer-model.js';
import type {Language} from './language.js';

/** One substitution as a person reads it: `示例便利店 → (...)`; dropped words say so. */
function describe(substitution: Substitution, language: Language): string {
	const dropped = language === 'zh-CN' ? '(不打印)' : '(left out)';
	return `${substitution.from} → ${substitution.to === '' ? dropped : substitution.to}`;
}

/**
 * What the clerk and the command line are told before a void commits when the configured printer cannot
 * print some of the slip as it is: which printer, and each substitution it will make. Empty when none.
 */
export function slipSubstitutionText(
	substitutions: readonly Substitution[],
	printer: string,
	language: Language,
): string {
	if (substitutions.length === 0) {
		return '';
	}

	const list = substitutions.map(substitution => describe(substitution, language)).join(', ');
	return language === 'zh-CN'
		? `打印机 ${printer} 无法按原样打印部分字符,凭条将改为:${list}。如需原样打印,请在配置中选用支持中文的打印机型号(printer.profile)。`
		: `the printer ${printer} cannot print some of the slip as it is; it will print: ${list}. To print it as it is, choose a printer profile with a Chinese font (printer.profile).`;
}
