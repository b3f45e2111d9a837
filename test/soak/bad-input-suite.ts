import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {ConfigError, defaultConfig, loadConfig, parseConfig, type Config} from '../../source/config.js';
import {parseSearch, type SearchProblem} from '../../source/domain/search-query.js';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {CommandParser, type PrinterEvent} from '../../source/printing/emulator/command-parser.js';
import {startPrinterEmulator} from '../../source/printing/emulator/printer-emulator.js';
import {renderSlipEscPos} from '../../source/printing/render-escpos.js';
import {renderSlipText} from '../../source/printing/render-text.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {ImportFileError, importTransactions} from '../../source/services/import-service.js';
import {addOperator, OperatorError, validateName, validateOperatorNo} from '../../source/services/operator-service.js';
import {printJob} from '../../source/services/print-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {openStore, type Store} from '../../source/store/store.js';
import {testScrypt, tempDirectory} from '../helpers/fixture.js';
import {printerModel, sampleVoid} from '../printing/fixtures.js';
import {optionalColumns, requiredColumns} from '../../source/services/import-row.js';
import {testClock} from '../helpers/test-clock.js';
import {addNote, controlCharacter, emptyFigures, noteViolation, type SuiteFigures} from './figures.js';
import {addSales, fullCardNumbers, serviceContext} from './sales-database.js';
import {textLeakProperties} from './text-leak-properties.js';
import {voucherWrapProperty} from './voucher-wrap.js';

export type BadInputOptions = {
	/** Fast-check runs for the cheap properties; the ones that touch files or the printer run fewer. */
	runs: number;
	seed?: number;
};

// eslint-disable-next-line no-control-regex -- the C0 controls but line feed, DEL and C1, for multi-line messages
const controlButNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** Characters that have hurt counter software: terminal and printer controls, and GB18030's awkward ones. */
const awkwardCharacters = [
	'\u001B', // ESC
	'\u0010', // DLE
	'\u001D', // GS
	'\u001C', // FS
	'\u0004', // EOT (DLE EOT is the status request)
	'\u0000',
	'\u0007',
	'\b',
	'\r',
	'\n',
	'\t',
	'\u007F',
	'\u0085',
	'\u009B', // C1 CSI
	'\u2028',
	'\u202E', // Right-to-left override
	'\uFEFF',
	'\uFFFD',
	'\uD800', // A lone surrogate: not encodable at all
	'\uDFFF',
	'￥',
	'¥', // Four bytes in GB18030
	'·',
	'€',
	'𠀀', // U+20000: four bytes in GB18030
	'𪚥',
	'\u0080', // Four bytes in GB18030
	'中',
	'〇',
	'é',
	'"',
	',',
	"'",
	'\\',
	'%',
	'_',
	'*',
];

const escapeSequences = [
	'\u001B[2J',
	'\u001B]0;owned\u0007',
	'\u001B[31m',
	'\u001B@',
	'\u001Bd\u0005',
	'\u001Dv0\u0000',
	'\u001DV\u0000',
	'\u0010\u0004\u0001',
	'\u0010\u0014\u0001\u0000\u0005', // DLE DC4: real-time pulse to the cash drawer
	'\u001C&',
	'\u001C.',
	'\u001Bt\u0010',
	'\u001D(k\u0003\u00001P0',
];

const awkwardCharacter = fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom(...awkwardCharacters)},
	{weight: 2, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 1})},
	{weight: 2, arbitrary: fc.string({unit: 'grapheme-ascii', minLength: 1, maxLength: 1})},
);

/** Text a careless or hostile person could put anywhere: controls, escapes, very long runs, odd characters. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
	{weight: 4, arbitrary: fc.array(awkwardCharacter, {maxLength: 30}).map(characters => characters.join(''))},
	{weight: 2, arbitrary: fc.string({unit: 'binary', maxLength: 40})},
	{
		weight: 2,
		arbitrary: fc
			.tuple(
				fc.string({unit: 'grapheme-ascii', maxLength: 8}),
				fc.constantFrom(...escapeSequences),
				fc.string({maxLength: 8}),
			)
			.map(parts => parts.join('')),
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.constantFrom('A', '中', '𠀀', '\u001B', '9', ' '), fc.integer({min: 100, max: 5000}))
			.map(([character, count]) => character.repeat(count)),
	},
	{weight: 1, arbitrary: fc.constantFrom(...fullCardNumbers, '6228 4804 0256 4890 018', '4111-1111-1111-1111')},
);

/** Bytes that are not UTF-8: a lone 0xFF, a cut-off sequence, an overlong slash, an encoded surrogate, GBK. */
const invalidUtf8 = fc.constantFrom(
	Buffer.from([0xff]),
	Buffer.from([0xc3]),
	Buffer.from([0xe4, 0xb8]),
	Buffer.from([0xc0, 0xaf]),
	Buffer.from([0xed, 0xa0, 0x80]),
	Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), // 中文 in GBK
	Buffer.from([0x80, 0x80]),
);

function hasPan(text: string, pans: readonly string[]): boolean {
	const compact = text.replaceAll(/[\s-]/g, '');
	return pans.some(pan => compact.includes(pan));
}

/** The part of fast-check's run details the table needs, whatever the property's argument types. */
type CheckSummary = {failed: boolean; numRuns: number; counterexample: unknown; errorInstance: unknown; seed: number};

type Property = {name: string; runs: number; check: () => Promise<CheckSummary> | CheckSummary};

async function runProperty(figures: SuiteFigures, property: Property, seed: number | undefined): Promise<void> {
	const details = await property.check();
	figures.cases += details.numRuns;
	figures.faults += details.numRuns;
	figures.notes[property.name] = details.numRuns;
	if (details.failed) {
		const example = JSON.stringify(details.counterexample)?.slice(0, 300);
		const error =
			details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
		noteViolation(
			figures,
			`${property.name}: ${error.slice(0, 400)} (counterexample ${example}, seed ${details.seed}${seed === undefined ? '' : ''})`,
		);
	}
}

function expect(condition: boolean, message: string): asserts condition {
	if (!condition) {
		throw new Error(message);
	}
}

function expectClean(text: string, what: string, allowNewline = false): void {
	const pattern = allowNewline ? controlButNewline : controlCharacter;
	const found = pattern.exec(text);
	expect(
		found === null,
		`${what} holds the control character U+${found?.[0].codePointAt(0)?.toString(16).padStart(4, '0')}: ${JSON.stringify(text.slice(0, 200))}`,
	);
}

// --- Search queries ---------------------------------------------------------------------------

const problemKinds = new Set<SearchProblem['kind']>(['unknown-term', 'digits', 'bad-amount', 'bad-date', 'repeated']);

function searchProperty(store: Store, runs: number, seed?: number): Property {
	const options = {now: testClock(), timeZone: 'Asia/Shanghai'};
	return {
		name: 'search queries',
		runs,
		check: () =>
			fc.check(
				fc.property(
					fc.oneof(
						hostileText,
						fc
							.array(
								fc.oneof(
									hostileText,
									fc.constantFrom('000101', '128.50', '0018', 'voided', 'today', '2026-02-30', '¥12'),
								),
								{maxLength: 5},
							)
							.map(terms => terms.join(' ')),
					),
					fc.constantFrom('en' as const, 'zh-CN' as const),
					(query, language) => {
						const parsed = parseSearch(query, options);
						if (!parsed.ok) {
							expect(problemKinds.has(parsed.problem.kind), `unknown problem kind ${parsed.problem.kind}`);
							expectClean(messagesFor(language).list.problem(parsed.problem), 'the message shown for a search problem');
							return;
						}

						const {criteria} = parsed;
						expect(
							criteria.voucherNo === undefined || /^\d{6}$/.test(criteria.voucherNo),
							'a voucher that is not 6 digits',
						);
						expect(criteria.referenceNo === undefined || /^\d{12}$/.test(criteria.referenceNo), 'a bad reference');
						expect(criteria.lastFour === undefined || /^\d{4}$/.test(criteria.lastFour), 'a bad last four');
						expect(
							criteria.amount === undefined || Number.isSafeInteger(criteria.amount),
							'an amount that is not whole fen',
						);
						expect(
							criteria.from === undefined || criteria.to === undefined || criteria.from < criteria.to,
							'an empty day',
						);
						for (const row of store.transactions.page(criteria, undefined, 'older', 20)) {
							expect(
								criteria.voucherNo === undefined || row.voucherNo === criteria.voucherNo,
								'a row that does not match',
							);
							expect(criteria.amount === undefined || row.amount === criteria.amount, 'a row that does not match');
						}
					},
				),
				{numRuns: runs, seed},
			),
	};
}

// --- Import rows --------------------------------------------------------------------------------

const importColumns = [...requiredColumns, ...optionalColumns];

type Field = string | Uint8Array;

// Above the 200 sales of the open batch, so a valid row is imported rather than reported as a duplicate.
let nextVoucher = 500_000;

function validRow(): Record<string, Field> {
	const voucher = nextVoucher++;
	return {
		voucher_no: String(voucher % 1_000_000).padStart(6, '0'),
		reference_no: `2511${String(voucher).padStart(8, '0')}`,
		auth_code: 'A1B2C3',
		batch_no: '000001',
		terminal_id: defaultConfig().terminalId,
		merchant_id: '898440358120011',
		channel: 'debit',
		card: fullCardNumbers[voucher % fullCardNumbers.length]!,
		amount: '128.50',
		currency: 'CNY',
		created_at: new Date(testClock() - 3_600_000).toISOString().replace('Z', '+08:00'),
		operator_no: '01',
		fee: '',
	};
}

const rowChange = fc.record({
	column: fc.constantFrom(...importColumns, 'extra'),
	value: fc.oneof({weight: 5, arbitrary: hostileText}, {weight: 1, arbitrary: invalidUtf8}),
});

const importFile = fc.record({
	format: fc.constantFrom('csv' as const, 'jsonl' as const),
	skipBad: fc.boolean(),
	rows: fc.array(fc.array(rowChange, {maxLength: 3}), {minLength: 1, maxLength: 6}),
});

function csvField(value: Field): Uint8Array {
	const bytes = Buffer.from(value);
	// Quoted, with quotes doubled, so commas and line breaks stay inside the field.
	return Buffer.concat([
		Buffer.from('"'),
		Buffer.from(bytes.toString('latin1').replaceAll('"', '""'), 'latin1'),
		Buffer.from('"'),
	]);
}

function jsonField(value: Field): Uint8Array {
	if (typeof value === 'string') {
		return Buffer.from(JSON.stringify(value));
	}

	// Raw bytes inside a JSON string: the file is then not UTF-8.
	return Buffer.concat([Buffer.from('"'), value, Buffer.from('"')]);
}

function writeImportFile(file: string, format: 'csv' | 'jsonl', rows: Array<Record<string, Field>>): void {
	const columns = [...new Set(rows.flatMap(row => Object.keys(row)))];
	const parts: Uint8Array[] = [];
	if (format === 'csv') {
		parts.push(Buffer.from(columns.join(',') + '\n'));
		for (const row of rows) {
			parts.push(
				...columns.flatMap((column, index) => [
					index === 0 ? Buffer.alloc(0) : Buffer.from(','),
					csvField(row[column] ?? ''),
				]),
				Buffer.from('\n'),
			);
		}
	} else {
		for (const row of rows) {
			const fields = Object.entries(row).map(([key, value]) =>
				Buffer.concat([Buffer.from(`${JSON.stringify(key)}:`), jsonField(value)]),
			);
			parts.push(
				Buffer.from('{'),
				...fields.flatMap((field, index) => (index === 0 ? [field] : [Buffer.from(','), field])),
				Buffer.from('}\n'),
			);
		}
	}

	fs.writeFileSync(file, Buffer.concat(parts));
}

function tableCounts(store: Store) {
	const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
	return {
		transactions: count('transactions'),
		batches: count('batches'),
		counters: count('counters'),
		voids: count('voids'),
		operators: count('operators'),
		printJobs: count('print_jobs'),
	};
}

function importProperty(store: Store, folder: string, runs: number, seed?: number): Property {
	const context = serviceContext(store, store.file);
	let runIndex = 0;
	return {
		name: 'import rows (CSV and JSON Lines)',
		runs,
		check: async () =>
			fc.check(
				fc.asyncProperty(importFile, async ({format, skipBad, rows: changes}) => {
					const rows = changes.map(rowChanges => {
						const row = validRow();
						for (const {column, value} of rowChanges) {
							row[column] = value;
						}

						return row;
					});
					const pans = [...fullCardNumbers];
					const target = path.join(folder, `import-${runIndex++}.${format}`);
					writeImportFile(target, format, rows);
					const before = tableCounts(store);
					const lastId = store.db.prepare('SELECT coalesce(max(id), 0) FROM transactions').pluck().get() as number;
					let messages: string[] = [];
					let committed = false;
					let imported = 0;
					try {
						const report = await importTransactions(context, target, {skipBad});
						committed = report.committed;
						imported = report.imported;
						messages = report.bad.flatMap(bad => bad.problems);
						expect(committed === (report.bad.length === 0 || skipBad), 'committed with bad lines and no --skip-bad');
					} catch (error) {
						expect(error instanceof ImportFileError, `the import crashed: ${String(error)}`);
						messages = [error.message];
					} finally {
						fs.rmSync(target, {force: true});
					}

					for (const message of messages) {
						expect(message.trim() !== '', 'an empty message');
						expectClean(message, 'an import message');
						expect(!hasPan(message, pans), `an import message shows a full card number: ${message.slice(0, 200)}`);
					}

					const after = tableCounts(store);
					const expected = committed ? {...before, transactions: before.transactions + imported} : before;
					expect(
						after.transactions === expected.transactions &&
							after.voids === before.voids &&
							after.operators === before.operators &&
							after.printJobs === before.printJobs &&
							(committed || (after.batches === before.batches && after.counters === before.counters)),
						`rows written by a refused import, or more than reported: ${JSON.stringify({before, after, committed, imported})}`,
					);
					const stored = store.db.prepare('SELECT * FROM transactions WHERE id > ?').all(lastId) as Array<
						Record<string, unknown>
					>;
					for (const row of stored) {
						for (const value of Object.values(row)) {
							if (typeof value === 'string') {
								expectClean(value, 'a stored field');
								expect(!hasPan(value, pans), 'a full card number was stored');
							}
						}

						expect(
							/^\d{0,6}\*+[\dA-Za-z]{0,4}$/.test(String(row['card_masked'])),
							`a card stored unmasked: ${String(row['card_masked'])}`,
						);
					}
				}),
				{numRuns: runs, seed},
			),
	};
}

// --- Configuration ------------------------------------------------------------------------------

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
	{weight: 4, arbitrary: hostileText},
	{weight: 1, arbitrary: fc.double()},
	{weight: 1, arbitrary: fc.integer()},
	{weight: 1, arbitrary: fc.boolean()},
	{weight: 1, arbitrary: fc.constant(null)},
	{weight: 1, arbitrary: fc.array(hostileText, {maxLength: 3})},
	{weight: 1, arbitrary: fc.dictionary(hostileText, hostileText, {maxKeys: 3})},
);

const configKeys = [
	'database',
	'merchant',
	'merchant.name',
	'merchant.number',
	'terminalId',
	'currency',
	'language',
	'timeZone',
	'voidWindowHours',
	'supervisorLimit',
	'passwordMinLength',
	'lockout.maxFailures',
	'idleLockMinutes',
	'fees.debit.cap',
	'fees.credit.basisPoints',
	'voidReasons',
	'printer.host',
	'printer.port',
	'printer.columns',
	'printer.encoding',
	'printer.connectTimeoutMs',
];

function setPath(target: Record<string, unknown>, keyPath: string, value: unknown): void {
	const keys = keyPath.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		const next = node[key];
		node[key] = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {};
		node = node[key] as Record<string, unknown>;
	}

	node[keys.at(-1)!] = value;
}

function configProperty(folder: string, runs: number, seed?: number): Property {
	let index = 0;
	return {
		name: 'configuration values',
		runs,
		check: () =>
			fc.check(
				fc.property(
					fc.array(fc.tuple(fc.oneof(fc.constantFrom(...configKeys), hostileText), jsonValue), {maxLength: 4}),
					fc.option(invalidUtf8, {nil: undefined}),
					(entries, badBytes) => {
						const value: Record<string, unknown> = {merchant: {name: '示例便利店', number: '898440358120011'}};
						for (const [key, item] of entries) {
							setPath(value, key, item);
						}

						const outcomes: Array<() => Config> = [() => parseConfig(value)];
						// The same through a file, as a person would save it, sometimes with bytes that are not UTF-8.
						const file = path.join(folder, `config-${index++}.json`);
						const text = Buffer.from(JSON.stringify(value));
						const half = Math.floor(text.length / 2);
						fs.writeFileSync(
							file,
							badBytes ? Buffer.concat([text.subarray(0, half), badBytes, text.subarray(half)]) : text,
						);
						outcomes.push(() => loadConfig(file));
						try {
							for (const outcome of outcomes) {
								try {
									const config = outcome();
									expect(config.merchant.name.length <= 40, 'a merchant name over 40 characters was accepted');
								} catch (error) {
									expect(error instanceof ConfigError, `the configuration crashed: ${String(error)}`);
									expectClean(error.message, 'a configuration message', true);
									expect(/\S/.test(error.message), 'an empty configuration message');
								}
							}
						} finally {
							fs.rmSync(file, {force: true});
						}
					},
				),
				{numRuns: runs, seed},
			),
	};
}

// --- Operator names -----------------------------------------------------------------------------

function operatorProperty(store: Store, file: string, runs: number, seed?: number): Property {
	const context = serviceContext(store, file);
	let next = 10;
	return {
		name: 'operator names and numbers',
		runs,
		check: async () =>
			fc.check(
				fc.asyncProperty(hostileText, hostileText, async (name, operatorNo) => {
					for (const [check, what] of [
						[() => validateName(name), 'name'],
						[
							() => {
								validateOperatorNo(operatorNo);
							},
							'number',
						],
					] as const) {
						try {
							const clean = check();
							if (typeof clean === 'string') {
								expectClean(clean, 'an accepted operator name');
								expect(clean.length > 0 && clean.length <= 20, `an accepted name of ${clean.length} characters`);
							}
						} catch (error) {
							expect(error instanceof OperatorError, `the operator ${what} crashed: ${String(error)}`);
							expectClean(error.message, `a message about an operator ${what}`);
						}
					}

					const before = tableCounts(store).operators;
					const number = String(next++ % 10_000).padStart(4, '0');
					try {
						await addOperator(context, {operatorNo: number, name, role: 'cashier', password: 'clerk-pass'}, testScrypt);
						const stored = store.operators.get(number);
						expect(stored !== undefined, 'an added operator is missing');
						expectClean(stored.name, 'a stored operator name');
					} catch (error) {
						expect(error instanceof OperatorError, `adding the operator crashed: ${String(error)}`);
						expect(tableCounts(store).operators === before, 'a refused operator was written');
					}
				}),
				{numRuns: runs, seed},
			),
	};
}

// --- Merchant names on slips -------------------------------------------------------------------

function commandKinds(events: PrinterEvent[], kind: PrinterEvent['kind']): number {
	return events.filter(event => event.kind === kind).length;
}

/** Parses printer bytes as the emulator does: every command known, none cut off, no status request from text. */
function checkPrinterBytes(bytes: Uint8Array, baseline: PrinterEvent[]): void {
	const parser = new CommandParser();
	const events = parser.push(bytes);
	const unknown = events.find(event => event.kind === 'unknown');
	expect(
		unknown === undefined,
		`the printer bytes hold an unknown sequence: ${unknown?.kind === 'unknown' ? unknown.reason : ''}`,
	);
	expect(parser.leftover.length === 0, 'the printer bytes end in a cut-off command');
	for (const kind of ['status', 'init', 'cut', 'code-page', 'chinese', 'qr'] as const) {
		expect(
			commandKinds(events, kind) === commandKinds(baseline, kind),
			`text added ${kind} commands: ${commandKinds(events, kind)} instead of ${commandKinds(baseline, kind)}`,
		);
	}
}

function slipProperty(runs: number, seed?: number): Property {
	const targets = [
		{columns: 32, encoding: 'gb18030', labels: 'bilingual'},
		{columns: 48, encoding: 'gb18030', labels: 'bilingual'},
		{columns: 48, encoding: 'cp437', labels: 'english'},
		{columns: 32, encoding: 'cp858', labels: 'english'},
	] as const;
	const baselines = targets.map(target => {
		const model = buildVoidSlip(sampleVoid({merchantName: 'SHOP', reason: 'x'}), {
			columns: target.columns,
			reprint: false,
			copies: 2,
			labels: target.labels,
		});
		return new CommandParser().push(renderSlipEscPos(model, printerModel(target)).bytes);
	});
	return {
		name: 'merchant names and reasons on slips',
		runs,
		check: () =>
			fc.check(
				fc.property(
					hostileText,
					hostileText,
					fc.integer({min: 0, max: targets.length - 1}),
					(merchantName, reason, which) => {
						let config: Config;
						try {
							config = parseConfig({merchant: {name: merchantName, number: '898440358120011'}});
						} catch (error) {
							expect(error instanceof ConfigError, `the merchant name crashed the configuration: ${String(error)}`);
							// A name the configuration refuses still must not break a slip built from it.
							config = {...defaultConfig(), merchant: {name: merchantName, number: '898440358120011'}};
						}

						const target = targets[which]!;
						const model = buildVoidSlip(sampleVoid({merchantName: config.merchant.name, reason}), {
							columns: target.columns,
							reprint: false,
							copies: 2,
							labels: target.labels,
						});
						const printer = printerModel(target);
						checkPrinterBytes(renderSlipEscPos(model, printer).bytes, baselines[which]!);
						expectClean(renderSlipText(model, printer), 'the on-screen slip preview', true);
					},
				),
				{numRuns: runs, seed},
			),
	};
}

/** The whole path a few times: a void with a hostile reason and merchant, printed on the real emulator. */
function printedSlipProperty(folder: string, runs: number, seed?: number): Property {
	return {
		name: 'hostile slips printed on the emulator',
		runs,
		async check() {
			const emulator = await startPrinterEmulator({columns: 32});
			try {
				return await fc.check(
					fc.asyncProperty(hostileText, hostileText, async (merchantName, reason) => {
						const file = path.join(folder, `slip-${emulator.jobs.length}-${Math.random().toString(36).slice(2)}.db`);
						const store = openStore(file, {create: true});
						try {
							const base = serviceContext(store, file);
							const context = {
								...base,
								config: {
									...base.config,
									merchant: {name: merchantName, number: '898440358120011'},
									printer: {
										...base.config.printer,
										host: emulator.host,
										port: emulator.port,
										columns: 32 as const,
										connectTimeoutMs: 2000,
										writeTimeoutMs: 2000,
									},
								},
							};
							const [id] = addSales(context, 1);
							const voided = voidTransaction(context, {
								transactionId: id!,
								operator: {operatorNo: '01', name: 'x', role: 'cashier', at: testClock()},
								reason,
							});
							expect(voided.ok, 'the void was refused');
							const jobsBefore = emulator.jobs.length;
							const printed = await printJob(context, voided.printJobId);
							expect(printed.ok, `the slip did not print: ${printed.ok ? '' : printed.failure.kind}`);
							const job = emulator.jobs[jobsBefore];
							expect(job?.unknown.length === 0, `the emulator met unknown sequences: ${JSON.stringify(job?.unknown)}`);
							expectClean(job.text, 'the printed paper', true);
						} finally {
							store.close();
							fs.rmSync(file, {force: true});
							fs.rmSync(`${file}-wal`, {force: true});
							fs.rmSync(`${file}-shm`, {force: true});
						}
					}),
					{numRuns: runs, seed},
				);
			} finally {
				await emulator.close();
			}
		},
	};
}

/**
 * Bad input: property-based runs over what people type or load: search queries, import rows,
 * configuration values, operator names and merchant names, and voucher ranges that wrap. No crash,
 * a clear message, nothing written that should not be, and no control byte reaching the terminal or
 * the printer.
 */
export async function runBadInput(options: BadInputOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('bad input');
	const folder = tempDirectory('posvoid-bad-input-');
	const file = path.join(folder, 'posvoid.db');
	const store = openStore(file, {create: true});
	addSales(serviceContext(store, file), 200);
	const {runs, seed} = options;
	let properties = 0;
	try {
		for (const property of [
			searchProperty(store, runs, seed),
			importProperty(store, folder, Math.max(5, Math.round(runs / 4)), seed),
			configProperty(folder, runs, seed),
			operatorProperty(store, file, Math.max(5, Math.round(runs / 4)), seed),
			slipProperty(runs, seed),
			printedSlipProperty(folder, Math.max(3, Math.round(runs / 20)), seed),
			...textLeakProperties(store, file, folder, {runs, seed}),
			voucherWrapProperty(folder, Math.max(5, Math.round(runs / 6)), seed),
		]) {
			await runProperty(figures, property, seed);
			properties++;
		}

		const integrity = store.integrityCheck();
		if (integrity !== 'ok' || !store.audit.verify().ok) {
			noteViolation(figures, `after the bad input: integrity ${integrity}, audit chain ok ${store.audit.verify().ok}`);
		}
	} finally {
		store.close();
		fs.rmSync(folder, {recursive: true, force: true});
	}

	addNote(figures, 'properties', properties);
	return figures;
}
