import type {RefusalCode} from '../domain/void-policy.js';

/** Where a refusal framed for the terminal sends the person: the code, the catalogue's message, its advice. */
export type Refused = (code: RefusalCode, message: string, advice: string) => string;

/** The command line's own text: what `posvoid COMMAND` prints, in the chosen language. */
export type CommandMessages = {
	/** A refusal's advice on the command line: a command to run, never a console key. */
	refusalAdvice: Record<RefusalCode, string>;
	refused: Refused;
	usage: {
		unknownFlag: (flag: string) => string;
		flagNeedsValue: (flag: string) => string;
		flagTakesNoValue: (flag: string) => string;
		unexpectedArgument: (argument: string) => string;
		unknownCommand: (name: string) => string;
		wholeNumber: (flag: string, example: number) => string;
	};
	void: {
		needsVoucher: string;
		needsOperator: string;
		noSuchVoucher: (voucherNo: string, terminalId: string) => string;
		manyBatches: (voucherNo: string, list: string) => string;
		batchLine: (batchNo: string, time: string, amount: string) => string;
		overLimit: (amount: string, limit: string) => string;
		voided: (voucherNo: string, amount: string, card: string, voidVoucherNo: string, referenceNo: string) => string;
		waitsNoPrint: (jobId: number) => string;
		printed: (printer: string) => string;
		notPrinted: (message: string, advice: string) => string;
		waitsInQueue: (jobId: number) => string;
		reasonMenu: string;
		reasonPrompt: (count: number) => string;
		badReasonChoice: (answer: string, count: number) => string;
		reasonNeeded: (reasons: string) => string;
	};
	report: {
		title: (batchNo: string) => string;
		printed: string;
		notPrinted: (message: string, advice: string) => string;
	};
	audit: {
		chainIntact: (rows: number, anchor: string | undefined, head: string | undefined) => string;
		chainBroken: (row: number, why: string, rowsBefore: number) => string;
		booksAgree: (voids: number, settlements: number) => string;
		booksDisagree: (problems: number) => string;
		more: (count: number) => string;
		badEvent: (event: string, kinds: string) => string;
		badLimit: string;
		anchorWithoutVerify: string;
	};
	settle: {
		needsOperator: string;
		batchHeader: (batchNo: string, terminalId: string) => string;
		settled: (batchNos: string, nextBatchNo: string) => string;
		printed: string;
		notPrinted: (message: string, advice: string) => string;
		waitsInQueue: (jobId: number) => string;
		reprinted: (batchNo: string) => string;
		reprintNotPrinted: (message: string, advice: string) => string;
	};
	printQueue: {
		empty: string;
		job: (jobId: number, state: string, title: string, attempts: number, when: string, error: string) => string;
		waiting: (count: number) => string;
		printed: (jobId: number, title: string) => string;
		notPrinted: (jobId: number, message: string, advice: string) => string;
	};
	reprint: {
		needsVoucher: string;
		needsOperator: string;
		badBatch: (batch: string) => string;
		badKind: (kind: string) => string;
		noSuchVoid: (voucherNo: string) => string;
		manyVoids: (voucherNo: string, list: string) => string;
		match: (batchNo: string, voucherNo: string, saleVoucherNo: string, kindFlag: string) => string;
		reprinted: (voucherNo: string, saleVoucherNo: string, batchNo: string) => string;
		notPrinted: (message: string, advice: string) => string;
		waitsInQueue: (jobId: number) => string;
	};
	operator: {
		role: Record<'cashier' | 'supervisor', string>;
		row: (operatorNo: string, role: string, name: string, failures: number, lockedUntil: string | undefined) => string;
		none: string;
		unknownAction: (action: string) => string;
		needsNumber: (action: string) => string;
		badRole: (role: string) => string;
		needsName: string;
		adminOnlyUnlock: string;
		added: (role: string, operatorNo: string) => string;
		passwordChanged: (operatorNo: string) => string;
		unlocked: (operatorNo: string) => string;
		unlockedAsAccount: (operatorNo: string, account: string) => string;
	};
	export: {
		needsBatch: string;
		badFormat: (format: string) => string;
		wrote: (rows: number, file: string) => string;
		exists: (file: string) => string;
	};
	import: {
		needsFile: string;
		isFolder: (file: string) => string;
		badLine: (line: number, problems: string) => string;
		duplicate: (
			line: number,
			terminalId: string,
			batchNo: string,
			voucherNo: string,
			firstLine: number | undefined,
		) => string;
		ignoredColumns: (columns: string) => string;
		nothingImported: (file: string, bad: number, read: number) => string;
		imported: (report: {
			imported: number;
			read: number;
			file: string;
			format: string;
			skipped: number;
			duplicates: number;
			batches: string;
		}) => string;
	};
	init: {
		wroteConfig: (file: string, from: string) => string;
		configHasNoExample: (file: string) => string;
	};
	printer: {
		badFlag: (problem: string) => string;
		cannotListen: (address: string, code: string, advice: string) => string;
		portInUse: string;
		checkHost: string;
	};
	demo: {
		seeding: (file: string) => string;
		reset: (file: string) => string;
		resetNeedsDefault: string;
		finished: (database: string, slips: string) => string;
		finishedOnPrinter: (database: string, printer: string) => string;
		printerFault: (fault: string) => string;
		/** The demo sends these channels' voids to its built-in platform simulator. */
		platformsOnline: (channels: string, url: string, keys: string) => string;
		platformFault: (fault: string) => string;
		printerAndFault: string;
	};
};
