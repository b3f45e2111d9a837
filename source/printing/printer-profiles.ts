import type {Config} from '../config.js';
import type {PrinterModel} from './printer-profile.js';
import {labelsFor, type SlipLabels} from './slip-labels.js';
import {encodingFor, isChineseSet, type Substitution} from './text-encoding.js';

export {
	builtInProfile,
	builtInProfileNames,
	builtInProfiles,
	defaultProfileName,
	isBuiltInProfileName,
	type BuiltInProfileName,
} from '../domain/printer-profiles.js';

/** The printer model slips are laid out for and the transport talks to: the named profile with the `printer.*` overrides applied. */
export function resolvePrinterModel(config: Pick<Config, 'printer'>): PrinterModel {
	return config.printer.model;
}

/** The slip labels a printer model prints: both languages in Chinese mode, English alone on a code page. */
export function labelsForModel(model: PrinterModel): SlipLabels {
	return labelsFor(isChineseSet(encodingFor(model)));
}

/** How a substitution reads in a message or the audit log: `示例便利店 → (...)`, `顾客取消 → (dropped)`. */
export function describeSubstitution(substitution: Substitution): string {
	return `${substitution.from} → ${substitution.to === '' ? '(dropped)' : substitution.to}`;
}
