import {voidStateText} from './void-state-text.js';
import {outsideResolutionText} from './outside-resolution-text.js';
import type {CommandMessages} from './command-messages.js';

export const enCommands = {
	refusalAdvice: {
		'already-voided': 'nothing to do; for another copy of its slip: posvoid reprint VOUCHER --operator NO',
		'other-terminal': 'void it on that terminal',
		'batch-settled': 'refund through the bank',
		'window-expired': 'refund it instead',
		'supervisor-required': 'pass --supervisor NO and the supervisor password',
		'not-found': 'check the voucher number: posvoid void VOUCHER --batch N',
		'not-supervisor': 'pass --supervisor NO with the number of a supervisor',
		'stale-credentials': 'run posvoid void again',
		'vouchers-exhausted': 'a supervisor settles it (posvoid settle --operator NO); then refund through the bank',
		busy: 'wait a moment and run posvoid void again; if it persists, close the other posvoid window',
		'resolved-outside': outsideResolutionText.en.commandAdvice,
		'in-doubt': voidStateText.en.inDoubtCommandAdvice,
	},
	refused: (code, message, advice) => `refused (${code}): ${message}. ${advice}`,
	usage: {
		unknownFlag: flag => `there is no flag ${flag}: see \`posvoid COMMAND --help\``,
		flagNeedsValue: flag => `${flag} needs a value: see \`posvoid COMMAND --help\``,
		flagTakesNoValue: flag => `${flag} takes no value: see \`posvoid COMMAND --help\``,
		unexpectedArgument: argument => `this command takes no argument "${argument}": see \`posvoid COMMAND --help\``,
		unknownCommand: name => `unknown command "${name}". Run \`posvoid --help\` for the list`,
		wholeNumber: (flag, example) => `--${flag} takes a whole number of 0 or more, such as --${flag} ${example}`,
	},
	void: {
		needsVoucher: 'void needs the voucher number (凭证号) of the sale, such as 000101',
		needsOperator: 'void needs --operator NO: the operator who voids',
		noSuchVoucher: (voucherNo, terminalId) =>
			`no transaction with voucher ${voucherNo} on terminal ${terminalId}: check the number on the sale slip`,
		manyBatches: (voucherNo, list) => `voucher ${voucherNo} is in more than one batch; pass --batch N:\n${list}`,
		batchLine: (batchNo, time, amount) => `  batch ${batchNo}  ${time}  ${amount}`,
		overLimit: (amount, limit) =>
			`${amount} is over the supervisor limit of ${limit}: pass --supervisor NO and the supervisor's password`,
		voided: (voucherNo, amount, card, voidVoucherNo, referenceNo) =>
			`voided ${voucherNo} (${amount}, ${card}): void voucher ${voidVoucherNo}, reference ${referenceNo}`,
		waitsNoPrint: jobId => `the slip waits in the print queue (job ${jobId}): posvoid print-queue --retry`,
		printed: printer => `slip printed on ${printer}`,
		notPrinted: (message, advice) => `the void stands, but the slip did not print: ${message}. ${advice}`,
		waitsInQueue: jobId => `it waits in the print queue (job ${jobId}): posvoid print-queue --retry`,
		reasonMenu: 'Reason for the void:',
		reasonPrompt: count => `Reason number (1-${count}): `,
		badReasonChoice: (answer, count) =>
			`"${answer}" is not a reason number: nothing was voided; run again and type 1 to ${count}, or pass --reason TEXT`,
		reasonNeeded: reasons =>
			`void needs --reason TEXT when there is no terminal to ask on, such as --reason "${reasons}"`,
	},
	report: {
		title: batchNo => `shift summary (X report), batch ${batchNo}, not settled:`,
		printed: 'shift summary printed',
		notPrinted: (message, advice) => `the shift summary did not print: ${message}. ${advice}`,
	},
	audit: {
		chainIntact: (rows, anchor, head) =>
			`audit chain intact: ${rows} rows verified${anchor ? `, anchor ${anchor} found` : ''}${head ? `; head ${head}` : ''}`,
		chainBroken: (row, why, rowsBefore) =>
			`audit chain BROKEN at row ${row}: ${why} (${rowsBefore} rows before it verified)`,
		booksAgree: (voids, settlements) =>
			`money tables agree with the audit log: ${voids} voids and ${settlements} settlements checked`,
		booksDisagree: problems =>
			`money tables DISAGREE with the audit log (${problems} problem${problems === 1 ? '' : 's'}):`,
		more: count => `  … and ${count} more`,
		badEvent: (event, kinds) => `--event ${event} is not an event kind: use one of ${kinds}`,
		badLimit: '--limit takes a whole number from 1 to 100000',
		anchorWithoutVerify: '--anchor goes with --verify',
	},
	settle: {
		needsOperator: 'settle needs --operator NO: the supervisor who settles',
		batchHeader: (batchNo, terminalId) => `batch ${batchNo} of terminal ${terminalId}:`,
		settled: (batchNos, nextBatchNo) => `settled batch ${batchNos}; batch ${nextBatchNo} is now open`,
		printed: 'settlement report printed',
		notPrinted: (message, advice) => `the batch is settled, but the report did not print: ${message}. ${advice}`,
		waitsInQueue: jobId => `it waits in the print queue (job ${jobId}): posvoid print-queue --retry`,
		reprinted: batchNo => `reprinted the settlement report of batch ${batchNo}`,
		reprintNotPrinted: (message, advice) =>
			`the reprint did not print: ${message}. ${advice} It waits in the print queue.`,
	},
	printQueue: {
		empty: 'no slips waiting',
		job: (jobId, state, title, attempts, when, error) =>
			`job ${jobId}  ${state.padEnd(8)} ${title}  attempts ${attempts}  ${when}  ${error}`.trimEnd(),
		waiting: count => `${count} slip${count === 1 ? '' : 's'} waiting: posvoid print-queue --retry`,
		printed: (jobId, title) => `printed job ${jobId}: ${title}`,
		notPrinted: (jobId, message, advice) => `job ${jobId} did not print: ${message}. ${advice}`,
	},
	reprint: {
		needsVoucher: 'reprint needs a voucher number, such as 000124',
		needsOperator: 'reprint needs --operator NO: the operator who reprints, recorded in the audit log',
		badBatch: batch => `--batch ${batch} is not a batch number, such as 000001`,
		badKind: kind => `--kind ${kind} is not void or sale`,
		noSuchVoid: voucherNo =>
			`no void with voucher ${voucherNo}: check the number on the slip, or see \`posvoid audit --event void\``,
		manyVoids: (voucherNo, list) =>
			`voucher ${voucherNo} names more than one void; nothing was printed. Pass --batch N or --kind void|sale:\n${list}`,
		match: (batchNo, voucherNo, saleVoucherNo, kindFlag) =>
			`  batch ${batchNo}  void ${voucherNo} of sale ${saleVoucherNo}  (${kindFlag})`,
		reprinted: (voucherNo, saleVoucherNo, batchNo) =>
			`reprinted void ${voucherNo} (of sale ${saleVoucherNo}, batch ${batchNo})`,
		notPrinted: (message, advice) => `the reprint did not print: ${message}. ${advice}`,
		waitsInQueue: jobId => `it waits in the print queue (job ${jobId}): posvoid print-queue --retry`,
	},
	operator: {
		role: {cashier: 'cashier', supervisor: 'supervisor'},
		row: (operatorNo, role, name, failures, lockedUntil) =>
			`${operatorNo.padEnd(4)} ${role.padEnd(10)} ${name}${failures > 0 ? `  ${failures} failed attempts` : ''}${lockedUntil === undefined ? '' : `  LOCKED until ${lockedUntil}`}`,
		none: 'no operators yet: run `posvoid init`',
		unknownAction: action => `unknown operator action "${action}": use add, passwd, unlock or list`,
		needsNumber: action => `operator ${action} needs the operator number, such as 01`,
		badRole: role => `--role ${role} is not a role: use cashier or supervisor`,
		needsName: 'operator add needs --name NAME',
		adminOnlyUnlock: '--admin is for `posvoid operator unlock NO` only: the other actions need a supervisor',
		added: (role, operatorNo) => `added ${role} ${operatorNo}`,
		passwordChanged: operatorNo => `changed the password of operator ${operatorNo}`,
		unlocked: operatorNo => `unlocked operator ${operatorNo}`,
		unlockedAsAccount: (operatorNo, account) => `unlocked operator ${operatorNo} as PC account ${account}`,
	},
	export: {
		needsBatch: 'export needs --batch N, such as --batch 7',
		badFormat: format => `--format ${format} is not a format: use csv or json`,
		wrote: (rows, file) => `wrote ${rows} rows to ${file}`,
		exists: file => `${file} already exists: choose another --out or remove it first`,
	},
	import: {
		needsFile: 'import takes one FILE, such as `posvoid import data/sample-transactions.csv`',
		isFolder: file =>
			`${file} is a folder, not a file: pass the CSV or JSON Lines file inside it, such as posvoid import ${file}/sales.csv`,
		badLine: (line, problems) => `line ${line}: ${problems}`,
		duplicate: (line, terminalId, batchNo, voucherNo, firstLine) =>
			`line ${line}: duplicate of terminal ${terminalId} batch ${batchNo} voucher ${voucherNo} (${firstLine === undefined ? 'already in the database' : `repeats line ${firstLine}`}); not imported again`,
		ignoredColumns: columns => `ignored columns (not stored): ${columns}`,
		nothingImported: (file, bad, read) =>
			`nothing imported from ${file}: ${bad} of ${read} lines are bad. Fix them and import again, or pass --skip-bad to import the good lines only`,
		imported: report =>
			`imported ${report.imported} of ${report.read} lines from ${report.file} (${report.format})${report.skipped > 0 ? `, ${report.skipped} bad lines skipped` : ''}, ${report.duplicates} duplicates${report.batches === '' ? '' : `; new batches ${report.batches}`}`,
	},
	init: {
		wroteConfig: (file, from) => `wrote ${file} from ${from}: edit the merchant, terminal and printer there`,
		configHasNoExample: file =>
			`there is no configuration at ${file}, and no data/config.example.json here to start it from: run posvoid init in the posvoid folder, or copy the example to ${file}`,
	},
	printer: {
		badFlag: problem => `${problem}. See \`posvoid printer --help\``,
		cannotListen: (address, code, advice) => `cannot listen on ${address} (${code}): ${advice}`,
		portInUse: 'another program (or printer emulator) uses that port: stop it or pass --port',
		checkHost: 'check --host names an address of this machine',
	},
	demo: {
		seeding: file => `seeding ${file} …`,
		reset: file => `starting the demo again: removed ${file} and its history`,
		resetNeedsDefault: '--reset rebuilds the demo database only: drop --db, or delete that file yourself',
		finished: (database, slips) =>
			`database ${database}; printed slips in ${slips}. After a settlement, \`posvoid demo --reset\` starts the demo again`,
		finishedOnPrinter: (database, printer) =>
			`database ${database}; slips went to the printer at ${printer}. After a settlement, \`posvoid demo --reset\` starts the demo again`,
		printerFault: fault => `the demo printer starts with the fault "${fault}"`,
		platformsOnline: (channels, url, keys) =>
			`${channels} voids go online to the built-in platform simulator at ${url} (demo keys in ${keys}, owner-only)`,
		platformFault: fault => `the demo platform simulator starts with the fault "${fault}"`,
		printerAndFault:
			'--printer-fault sets the built-in emulator, and --printer prints elsewhere: pass one of them (run `posvoid printer --fault MODE` for a faulty printer elsewhere)',
	},
} satisfies CommandMessages;
