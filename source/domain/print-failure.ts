/** Why the printer, or the way to it, did not take a slip. */
export const printerFailureKinds = [
	'unreachable',
	'timeout',
	'paper-out',
	'cover-open',
	'offline',
	'printer-error',
	'reset',
] as const;
export type PrinterFailureKind = (typeof printerFailureKinds)[number];

/** Why a queued job was not sent without the printer being asked: the queue's own state, or the database. */
export const queueFailureKinds = ['already-printed', 'in-progress', 'database-busy'] as const;
export type QueueFailureKind = (typeof queueFailureKinds)[number];

export type PrintFailureKind = PrinterFailureKind | QueueFailureKind;

const printerFailureKindSet: ReadonlySet<string> = new Set(printerFailureKinds);

export function isPrinterFailureKind(kind: string): kind is PrinterFailureKind {
	return printerFailureKindSet.has(kind);
}

/** The kind of a failure kept with a print job as `kind: detail`, when it is one the printer answers with. */
export function storedFailureKind(stored: string): PrinterFailureKind | undefined {
	const kind = stored.split(':', 1)[0] ?? '';
	return isPrinterFailureKind(kind) ? kind : undefined;
}
