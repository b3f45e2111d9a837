import type {PrinterFailureKind} from '../domain/print-failure.js';

export {printerFailureKinds, storedFailureKind, type PrinterFailureKind} from '../domain/print-failure.js';

/** Why a slip did not print, classified for the clerk; `detail` is for the log and the engineer. */
export type PrinterFailure = {
	kind: PrinterFailureKind;
	detail: string;
	/** Some or all of the slip had been sent when it failed: it may be on paper, whole or in part. */
	afterSend?: boolean;
};

/** How a failure is kept with its print job: `kind: detail`; storedFailureKind reads the kind back. */
export function storedFailure(failure: PrinterFailure): string {
	return `${failure.kind}: ${failure.detail}`;
}
