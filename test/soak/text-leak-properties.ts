import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import React from 'react';
import {ConfigError, parseConfig} from '../../source/config.js';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {renderSlipText} from '../../source/printing/render-text.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {exportBatch} from '../../source/services/export-service.js';
import {optionalColumns, requiredColumns} from '../../source/services/import-row.js';
import {ImportFileError, importTransactions} from '../../source/services/import-service.js';
import {addOperator, OperatorError} from '../../source/services/operator-service.js';
import {slipPreview} from '../../source/services/print-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {openStore, type Store} from '../../source/store/store.js';
import {StatusBar} from '../../source/ui/components/StatusBar.js';
import {MenuItem, Text} from '../../source/ui/components/Text.js';
import {testScrypt} from '../helpers/fixture.js';
import {sampleVoid} from '../printing/fixtures.js';
import {testClock} from '../helpers/test-clock.js';
import {runPosvoid} from './binary.js';
import {addSales, serviceContext} from './sales-database.js';

// Generators for issue 10's classes: card numbers written with every separator and in every
// script's digits, in every free-text field; and escape, bidi and zero-width sequences in every
// field that reaches a terminal. The properties run inside the bad-input suite.

/** The part of fast-check's run details the suite's table needs. */
type CheckSummary = {failed: boolean; numRuns: number; counterexample: unknown; errorInstance: unknown; seed: number};

export type TextProperty = {name: string; runs: number; check: () => Promise<CheckSummary> | CheckSummary};

function expect(condition: boolean, message: string): asserts condition {
	if (!condition) {
		throw new Error(message);
	}
}

// --- Card numbers ----------------------------------------------------------------------------------

/** What people and spreadsheets put between a card's digits; never a letter. */
const separators = [
	' ',
	'.',
	'-',
	'--',
	'/',
	',',
	'_',
	'·',
	' - ',
	'\t',
	'\u00A0', // NBSP
	'\u2009', // Thin space
	'\u202F', // Narrow NBSP
	'\u3000', // Ideographic space
	'\u200B', // Zero-width space
	'\u2060', // Word joiner
	'\uFEFF',
	'\u2028',
	'\uFF0D', // Full-width hyphen
	'\u30FB', // Katakana middle dot
];

/** The zero of each script's decimal digits: ASCII, full-width, Arabic-Indic, Persian, Devanagari, Bengali, Thai, mathematical bold. */
const digitZeros = [0x30, 0xff_10, 0x6_60, 0x6_f0, 0x9_66, 0x9_e6, 0xe_50, 0x1_d7_ce];

export type WrittenCard = {pan: string; written: string};

/** A 13 to 19 digit card number as someone could write it: any separators between any digits, in any script's digits. */
export const writtenCard: fc.Arbitrary<WrittenCard> = fc
	.record({
		digits: fc.array(fc.integer({min: 0, max: 9}), {minLength: 13, maxLength: 19}),
		gaps: fc.array(
			fc.oneof({weight: 3, arbitrary: fc.constant('')}, {weight: 2, arbitrary: fc.constantFrom(...separators)}),
			{
				minLength: 18,
				maxLength: 18,
			},
		),
		zeros: fc.array(fc.constantFrom(...digitZeros), {minLength: 19, maxLength: 19}),
		oneScript: fc.boolean(),
	})
	.map(({digits, gaps, zeros, oneScript}) => ({
		pan: digits.join(''),
		written: digits
			.map((digit, index) => {
				const zero = oneScript ? zeros[0]! : zeros[index]!;
				return String.fromCodePoint(zero + digit) + (index < digits.length - 1 ? gaps[index]! : '');
			})
			.join(''),
	}));

/** The ASCII digit a character stands for, read independently of the code under test. */
function asciiDigit(character: string): string | undefined {
	const folded = character.normalize('NFKC');
	if (/^\d$/.test(folded)) {
		return folded;
	}

	const codePoint = character.codePointAt(0) ?? 0;
	const zero = digitZeros.find(start => codePoint >= start && codePoint < start + 10);
	return zero === undefined ? undefined : String(codePoint - zero);
}

/** Whether `text` shows more of `pan` than its first 6 and last 4: the digits after the first 6, in a row. */
export function leaksPan(text: string, pan: string): boolean {
	const compact = [...text]
		.map(character => asciiDigit(character) ?? character)
		.filter(character => /[\p{L}\d*]/u.test(character))
		.join('');
	return compact.includes(pan.slice(6));
}

const words = fc.constantFrom('', 'refund ', 'card ', '卡号 ', 'pay back to ', 'Li ');

function cardsInFreeTextProperty(store: Store, file: string, runs: number, seed?: number): TextProperty {
	const context = serviceContext(store, file);
	let next = 1000;
	return {
		name: 'card numbers with any separator in reasons and names',
		runs,
		check: async () =>
			fc.check(
				fc.asyncProperty(writtenCard, words, words, async ({pan, written}, before, after) => {
					const text = `${before}${written} ${after}`.trim();
					const leak = (where: string, value: string) => {
						expect(!leaksPan(value, pan), `${where} shows the card ${pan}: ${JSON.stringify(value.slice(0, 200))}`);
					};

					// A void reason: stored, printed and exported masked.
					const [id] = addSales(context, 1);
					const voided = voidTransaction(context, {
						transactionId: id!,
						operator: {operatorNo: '01', name: 'x', role: 'cashier', at: testClock()},
						reason: text,
					});
					expect(voided.ok, `the void was refused: ${JSON.stringify(voided)}`);
					leak('the stored reason', store.voids.forTransaction(id!)?.reason ?? '');
					leak('the slip', slipPreview(context, voided.printJobId));
					const {batchNo} = store.transactions.get(id!)!;
					const exported = [...exportBatch(context, batchNo, 'json')].find(line =>
						line.includes(`"original_voucher_no":"${store.transactions.get(id!)!.voucherNo}"`),
					);
					leak('the export', exported ?? '');

					// An operator's name: stored masked, or refused with a message that does not quote the card.
					const operatorNo = String(next++ % 10_000).padStart(4, '0');
					try {
						await addOperator(context, {operatorNo, name: text, role: 'cashier', password: 'clerk-pass'}, testScrypt);
						leak('a stored operator name', store.operators.get(operatorNo)?.name ?? '');
					} catch (error) {
						expect(error instanceof OperatorError, `adding the operator crashed: ${String(error)}`);
						leak('an operator message', error.message);
					}

					// The merchant's name and a void reason in the configuration.
					try {
						const config = parseConfig({
							merchant: {name: text, number: '898440358120011'},
							voidReasons: [text],
						});
						leak('the configured merchant name', config.merchant.name);
						leak('a configured void reason', config.voidReasons.join('\n'));
					} catch (error) {
						expect(error instanceof ConfigError, `the configuration crashed: ${String(error)}`);
						leak('a configuration message', error.message);
					}

					// A slip built from a database that holds the number (written before masking existed).
					const slip = renderSlipText(
						buildVoidSlip(sampleVoid({merchantName: text, reason: text}), {columns: 32, reprint: false, copies: 2}),
						32,
					);
					leak('a slip built from unmasked text', slip);
				}),
				{numRuns: runs, seed},
			),
	};
}

const importColumns = [...requiredColumns, ...optionalColumns];

const cardPlacement = fc.record({
	card: writtenCard,
	where: fc.constantFrom(...importColumns, 'extra value', 'header'),
	format: fc.constantFrom('csv' as const, 'jsonl' as const),
	asJsonNumber: fc.boolean(),
});

let nextImportVoucher = 500_000;

function importRecord(): Record<string, string> {
	const voucher = nextImportVoucher++;
	return {
		voucher_no: String(voucher % 1_000_000).padStart(6, '0'),
		reference_no: `2612${String(voucher).padStart(8, '0')}`,
		auth_code: 'A1B2C3',
		batch_no: '000019',
		terminal_id: '10293847',
		merchant_id: '898440358120011',
		channel: 'credit',
		card: '622848******0018',
		amount: '12.50',
		currency: 'CNY',
		created_at: new Date(testClock() - 3_600_000).toISOString().replace('Z', '+00:00'),
		operator_no: '01',
		fee: '',
	};
}

function cardsInImportProperty(store: Store, folder: string, runs: number, seed?: number): TextProperty {
	const context = serviceContext(store, store.file);
	let index = 0;
	return {
		name: 'card numbers with any separator in import fields, headers and keys',
		runs,
		check: async () =>
			fc.check(
				fc.asyncProperty(cardPlacement, async ({card: {pan, written}, where, format, asJsonNumber}) => {
					const row = importRecord();
					const extraName = where === 'header' ? written : 'note';
					const placedAsNumber = asJsonNumber && format === 'jsonl' && where === 'card';
					if (where === 'extra value' || where === 'header') {
						row[extraName] = 'x';
						if (where === 'extra value') {
							row[extraName] = written;
						}
					} else {
						row[where] = written;
					}

					const target = path.join(folder, `cards-${index++}.${format}`);
					const columns = Object.keys(row);
					const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
					const text =
						format === 'csv'
							? `${columns.map(name => quoted(name)).join(',')}\n${columns.map(name => quoted(row[name]!)).join(',')}\n`
							: // A JSON number is written as digits: JavaScript itself could not write one this long exactly.
								`${JSON.stringify(row).replace(JSON.stringify(written), placedAsNumber ? pan : JSON.stringify(written))}\n`;
					fs.writeFileSync(target, text);
					const lastId = store.db.prepare('SELECT coalesce(max(id), 0) FROM transactions').pluck().get() as number;
					let shown: string[];
					try {
						const report = await importTransactions(context, target, {skipBad: true});
						shown = [...report.bad.flatMap(bad => bad.problems), ...report.ignoredColumns];
						if (placedAsNumber) {
							expect(report.imported === 0 && report.bad.length === 1, 'a card given as a JSON number was not refused');
						}
					} catch (error) {
						expect(error instanceof ImportFileError, `the import crashed: ${String(error)}`);
						shown = [error.message];
					} finally {
						fs.rmSync(target, {force: true});
					}

					for (const message of shown) {
						expect(!leaksPan(message, pan), `an import message shows the card ${pan}: ${JSON.stringify(message)}`);
					}

					const stored = store.db.prepare('SELECT * FROM transactions WHERE id > ?').all(lastId);
					expect(!leaksPan(JSON.stringify(stored), pan), `an imported row holds the card ${pan}`);
				}),
				{numRuns: runs, seed},
			),
	};
}

// --- The terminal ----------------------------------------------------------------------------------

/** Sequences that drive a terminal or reorder what it shows. */
const terminalSequences = [
	'\u001B]52;c;cG9zdm9pZA==\u0007', // OSC 52: write the clipboard
	'\u001B]52;c;cG9zdm9pZA==\u001B\\',
	'\u001B]0;title\u0007',
	'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007',
	'\u001B[2J',
	'\u001B[H',
	'\u001B[31m',
	'\u001B[?1049h',
	'\u001BP+q544e\u001B\\', // DCS
	'\u009B2J', // C1 CSI
	'\u009D0;x\u009C', // C1 OSC … ST
	'\u0085',
	'\u0007',
	'\b',
	'\r',
	'\u007F',
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069',
	'\u061C',
	'\u200B',
	'\u200C',
	'\u200D',
	'\u200E',
	'\u200F',
	'\u2060',
	'\uFEFF',
];

/** Text with escape, bidi and zero-width sequences between ordinary characters. */
export const terminalHostileText: fc.Arbitrary<string> = fc
	.array(
		fc.oneof(
			{weight: 2, arbitrary: fc.constantFrom(...terminalSequences)},
			{weight: 1, arbitrary: fc.string({unit: 'grapheme-ascii', minLength: 1, maxLength: 4})},
			{weight: 1, arbitrary: fc.constantFrom('中', 'é', '𠀀', ' ')},
		),
		{minLength: 1, maxLength: 8},
	)
	.map(parts => parts.join(''))
	.filter(text => /\S/.test(text));

// eslint-disable-next-line no-control-regex -- what must never reach a terminal: C0 but tab and line feed, DEL, C1, bidi, zero-width
const terminalUnsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;
// eslint-disable-next-line no-control-regex -- the colour sequences Ink writes itself, removed before a frame is checked
const inkColours = /\u001B\[[\d;]*m/g;

function expectTerminalSafe(text: string, what: string): void {
	const found = terminalUnsafe.exec(text);
	expect(
		found === null,
		`${what} holds U+${found?.[0].codePointAt(0)?.toString(16).padStart(4, '0')}: ${JSON.stringify(text.slice(0, 300))}`,
	);
}

function frame(element: React.ReactElement): string {
	const instance = render(element);
	const text = (instance.lastFrame() ?? '').replaceAll(inkColours, '');
	instance.unmount();
	return text;
}

function screenProperty(runs: number, seed?: number): TextProperty {
	const messages = messagesFor('en');
	return {
		name: 'escape and bidi sequences on the screen',
		runs,
		check: () =>
			fc.check(
				fc.property(terminalHostileText, terminalHostileText, (name, text) => {
					expectTerminalSafe(
						frame(
							React.createElement(StatusBar, {
								messages,
								columns: 100,
								operator: {operatorNo: '01', name, role: 'cashier', at: 0},
								batchNo: '000001',
								printer: {state: 'ready', paperNearEnd: false},
								waiting: 0,
								time: Date.UTC(2026, 10, 25, 9, 30),
								timeZone: 'Asia/Shanghai',
								isDemo: false,
							}),
						),
						'the status bar',
					);
					expectTerminalSafe(
						frame(React.createElement(Text, null, text, React.createElement(Text, null, name))),
						'a Text',
					);
					expectTerminalSafe(frame(React.createElement(MenuItem, {label: text, isSelected: true})), 'a menu item');
				}),
				{numRuns: runs, seed},
			),
	};
}

const commandFields = fc.record({
	header: terminalHostileText,
	channel: terminalHostileText,
	name: terminalHostileText,
	lastError: terminalHostileText,
	operatorFlag: terminalHostileText,
	reason: terminalHostileText,
});

/** The real binary: what import, operator list, print-queue, audit and void write when every field they echo is hostile. */
function commandsProperty(folder: string, runs: number, seed?: number): TextProperty {
	let round = 0;
	return {
		name: 'escape and bidi sequences in command output',
		runs,
		check: async () =>
			fc.check(
				fc.asyncProperty(commandFields, async fields => {
					const file = path.join(folder, `terminal-${round++}.db`);
					const store = openStore(file, {create: true});
					let voucherNo: string;
					try {
						const context = serviceContext(store, file);
						await addOperator(
							context,
							{operatorNo: '01', name: 'Li', role: 'cashier', password: 'clerk-pass'},
							testScrypt,
						);
						const [voided, open] = addSales(context, 2);
						voucherNo = store.transactions.get(open!)!.voucherNo;
						const outcome = voidTransaction(context, {
							transactionId: voided!,
							operator: {operatorNo: '01', name: 'Li', role: 'cashier', at: testClock()},
							reason: fields.reason,
						});
						expect(outcome.ok, 'the void was refused');
						store.printJobs.claim(outcome.printJobId, testClock());
						store.printJobs.markFailed(outcome.printJobId, fields.lastError, testClock());
						// Written around the services, as an older posvoid or an edit of the file could have.
						store.operators.insert('02', fields.name, 'cashier', 'x', testClock());
					} finally {
						store.close();
					}

					const csv = path.join(folder, `terminal-${round}.csv`);
					const row = importRecord();
					const columns = [...Object.keys(row), fields.header];
					const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
					fs.writeFileSync(
						csv,
						[
							columns.map(name => quoted(name)).join(','),
							[...Object.values(row), 'x'].map(value => quoted(value)).join(','),
							[...Object.values({...importRecord(), channel: fields.channel}), 'y']
								.map(value => quoted(value))
								.join(','),
						].join('\n'),
					);
					for (const argv of [
						['import', csv, '--skip-bad'],
						['operator', 'list'],
						['print-queue'],
						['audit'],
						['void', voucherNo, '--operator', fields.operatorFlag, '--reason', 'soak', '--password-stdin'],
					]) {
						const result = await runPosvoid([...argv, '--db', file], {input: 'clerk-pass\n'});
						expectTerminalSafe(result.stdout, `posvoid ${argv[0]}'s output`);
						expectTerminalSafe(result.stderr, `posvoid ${argv[0]}'s errors`);
					}

					for (const name of [file, `${file}-wal`, `${file}-shm`, csv]) {
						fs.rmSync(name, {force: true});
					}
				}),
				{numRuns: runs, seed},
			),
	};
}

/** Issue 10's card-number and terminal classes, for the bad-input suite to run. */
export function textLeakProperties(
	store: Store,
	file: string,
	folder: string,
	{runs, seed}: {runs: number; seed?: number},
): TextProperty[] {
	return [
		cardsInFreeTextProperty(store, file, Math.max(5, Math.round(runs / 2)), seed),
		cardsInImportProperty(store, folder, Math.max(5, Math.round(runs / 4)), seed),
		screenProperty(runs, seed),
		commandsProperty(folder, Math.max(2, Math.round(runs / 30)), seed),
	];
}
