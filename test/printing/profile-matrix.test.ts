// Every built-in profile × every slip kind: the bytes hold no command the profile lacks, every line fits
// its columns, the emulated printer (reading as that profile) prints exactly the preview, nothing is `?`,
// and a raster QR reads back to the reference.
import test from 'ava';
import {summarise} from '../../source/domain/batch-summary.js';
import {CommandParser, type PrinterEvent} from '../../source/printing/emulator/command-parser.js';
import {createPrinterReader} from '../../source/printing/emulator/printer-reader.js';
import {readRasterQr} from '../../source/printing/emulator/raster-qr-reader.js';
import type {PrinterModel} from '../../source/printing/printer-profile.js';
import {builtInProfile, builtInProfileNames, labelsForModel} from '../../source/printing/printer-profiles.js';
import {renderSlipEscPos} from '../../source/printing/render-escpos.js';
import {renderSlipText} from '../../source/printing/render-text.js';
import {buildSettlementReport} from '../../source/printing/settlement-report.js';
import {layoutSlip, layoutTargetFor} from '../../source/printing/slip-layout.js';
import type {SlipModel} from '../../source/printing/slip-model.js';
import {encodingFor, isChineseSet, printerWidth} from '../../source/printing/text-encoding.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {printerModel, sampleVoid} from './fixtures.js';

const summary = summarise([
	{
		channel: 'debit',
		salesCount: 12,
		salesAmount: 1_234_567,
		salesFees: 6172,
		voidsCount: 1,
		voidsAmount: 12_850,
		voidsFees: 64,
	},
	{channel: 'alipay', salesCount: 3, salesAmount: 4560, salesFees: 17, voidsCount: 0, voidsAmount: 0, voidsFees: 0},
]);

function report(kind: 'settlement' | 'shift', printer: PrinterModel): SlipModel {
	return buildSettlementReport(
		{
			kind,
			merchantName: '示例便利店',
			merchantNo: '898440358120011',
			terminalId: '10293847',
			operatorNo: '00',
			batchNo: '000007',
			openedAt: Date.UTC(2026, 10, 25, 0, 0, 0),
			at: Date.UTC(2026, 10, 25, 14, 0, 0),
			timeZone: 'Asia/Shanghai',
			summary,
			auditAnchor: kind === 'settlement' ? {id: 4711, hash: 'ab'.repeat(32)} : undefined,
		},
		{reprint: false, labels: labelsForModel(printer)},
	);
}

function voidSlip(printer: PrinterModel, overrides: Parameters<typeof sampleVoid>[0], reprint: boolean): SlipModel {
	return buildVoidSlip(sampleVoid(overrides), {
		columns: printer.paper.columns.fontA,
		reprint,
		copies: 2,
		labels: labelsForModel(printer),
	});
}

const slipKinds: Record<string, (printer: PrinterModel) => SlipModel> = {
	void: printer => voidSlip(printer, {approverNo: undefined}, false),
	reprint: printer => voidSlip(printer, {approverNo: undefined}, true),
	'supervisor void': printer => voidSlip(printer, {approverNo: '00'}, false),
	'QR void': printer => voidSlip(printer, {channel: 'wechat', cardMasked: '****8842'}, false),
	'settlement report': printer => report('settlement', printer),
	'X report': printer => report('shift', printer),
};

/** A command this printer model does not have, named; undefined when the model has it. */
function lacking(event: PrinterEvent, printer: PrinterModel): string | undefined {
	switch (event.kind) {
		case 'qr': {
			return printer.qr === 'native' ? undefined : 'GS ( k';
		}

		case 'raster': {
			return event.widthBytes * 8 <= printer.paper.dots ? undefined : 'a raster wider than the head';
		}

		case 'cut': {
			return printer.cutter === 'none' ? 'GS V' : undefined;
		}

		case 'chinese': {
			return event.on && printer.doubleByte.set === 'none' ? 'FS &' : undefined;
		}

		case 'code-page': {
			return Object.values(printer.codePages).includes(event.number) ? undefined : `ESC t ${event.number}`;
		}

		case 'unknown': {
			return event.reason;
		}

		case 'init':
		case 'align':
		case 'bold':
		case 'size':
		case 'text':
		case 'line-feed':
		case 'status':
		case 'query': {
			return undefined;
		}
	}
}

for (const name of builtInProfileNames) {
	const printer = builtInProfile(name);
	const columns = printer.paper.columns.fontA;
	for (const [kind, build] of Object.entries(slipKinds)) {
		test(`${name} × ${kind}: only commands the profile has, every line within ${columns} columns, printed as previewed`, t => {
			const model = build(printer);
			const rendered = renderSlipEscPos(model, printer);
			const events = new CommandParser(printer).push(rendered.bytes);
			t.deepEqual(
				events.flatMap(event => lacking(event, printer) ?? []),
				[],
			);
			const encoding = encodingFor(printer);
			const tooWide = layoutSlip(model, layoutTargetFor(printer)).lines.filter(
				line => line.kind === 'line' && printerWidth(line.text, encoding) * line.size > columns,
			);
			t.deepEqual(tooWide, []);

			const {parser, paper} = createPrinterReader(printer);
			for (const event of parser.push(rendered.bytes)) {
				paper.apply(event);
			}

			paper.finish();
			t.deepEqual(paper.unknown, []);
			// The paper is the preview line for line: nothing wrapped by the printer, nothing garbled.
			t.is(paper.text, renderSlipText(model, printer));
			t.false(paper.text.includes('?'), 'no character printed as ?');
			t.false(paper.text.includes('\uFFFD'));
			// Chinese mode prints every character of these slips; a code page substitutes, and says so.
			t.is(rendered.substitutions.length === 0, isChineseSet(encoding));
			const images = events.filter(event => event.kind === 'raster');
			const expected = printer.qr === 'raster' && !kind.includes('report') ? ['331125000101', '331125000101'] : [];
			t.deepEqual(
				images.map(image => Buffer.from(readRasterQr(image) ?? []).toString()),
				expected,
			);
		});
	}
}

test('a QR void on 32 columns: the customer copy (顾客存根) has no signature, the card copy names are not used', t => {
	const printer = builtInProfile('clone-58');
	const slip = renderSlipText(voidSlip(printer, {channel: 'alipay', cardMasked: '****1234'}, false), printer);
	t.true(slip.includes('顾客存根'));
	t.false(slip.includes('持卡人'));
	t.false(slip.includes('SIGNATURE'));
	t.false(slip.includes('授权码 AUTH NO'), "the sale's auth code is not printed as the void's");
	t.true(slip.includes('原参考号 ORIG REF'));
	t.true(slip.includes('原交易日期 ORIG DATE'));
});

test('a card void on 32 columns: the void statement, unbroken, and a feed after each QR symbol', t => {
	const printer = builtInProfile('clone-58');
	const lines = renderSlipText(voidSlip(printer, {}, false), printer).split('\n');
	t.true(lines.includes('本人同意撤销以上交易'));
	t.true(lines.includes('I AGREE TO THE ABOVE VOID'));
	const afterQr = lines.flatMap((line, index) => (line.includes('[QR:') ? [lines[index + 1]] : []));
	t.deepEqual(afterQr, ['', '']);
});

test('no number or amount is ever split across lines, on any profile', t => {
	for (const name of builtInProfileNames) {
		const printer = builtInProfile(name);
		const slip = renderSlipText(voidSlip(printer, {}, false), printer);
		for (const number of ['331125000101', '331125000001', '898440358120011', '10293847', '128.50']) {
			t.true(slip.includes(number), `${name}: ${number}`);
		}
	}
});

test('a printer stuck in Chinese mode told to use a code page gets no byte of 0x80 or above as text', t => {
	const printer = printerModel({profile: 'clone-58', encoding: 'cp858'});
	t.is(encodingFor(printer), 'ascii');
	const model = buildVoidSlip(sampleVoid({merchantName: 'Café Zoë ¥', reason: 'ï v 顾客取消 Cancelled'}), {
		columns: 32,
		reprint: false,
		copies: 2,
		labels: labelsForModel(printer),
	});
	const rendered = renderSlipEscPos(model, printer);
	const text = new CommandParser(printer)
		.push(rendered.bytes)
		.filter(event => event.kind === 'text')
		.flatMap(event => [...event.raw]);
	t.true(text.every(byte => byte < 0x80));
	t.deepEqual(rendered.substitutions, [
		{from: 'é', to: 'e'},
		{from: 'ë', to: 'e'},
		{from: '¥', to: 'RMB'},
		{from: 'ï', to: 'i'},
		{from: '顾客取消', to: ''},
	]);
	const {parser, paper} = createPrinterReader(printer);
	for (const event of parser.push(rendered.bytes)) {
		paper.apply(event);
	}

	paper.finish();
	// The clone stayed in Chinese mode: had a high byte been sent it would have paired into a Chinese character.
	t.deepEqual(paper.unknown, []);
	t.is(paper.text, renderSlipText(model, printer));
	t.true(paper.text.includes('Cafe Zoe RMB'));
});

test('the same bytes on the stuck clone: a byte of 0x80 or above pairs with the next, as the issue saw (ï v → 媣)', t => {
	const printer = builtInProfile('clone-58');
	const {parser, paper} = createPrinterReader(printer);
	// FS . (ignored), ESC t 19 (cp858), then ï (0x8B in cp858) and ' v'.
	for (const event of parser.push(Uint8Array.from([0x1c, 0x2e, 0x1b, 0x74, 19, 0x8b, 0x20, 0x76, 0x0a]))) {
		paper.apply(event);
	}

	t.not(paper.text, 'ï v');
	t.false(paper.text.includes('ï'));
});

test('a printer without GS ( k prints its parameters as text, as the real clone does', t => {
	const native = builtInProfile('epson-tm-china');
	const clone = builtInProfile('clone-58');
	const model = voidSlip(native, {}, false);
	const {parser, paper} = createPrinterReader(clone, native.paper.columns.fontA);
	for (const event of parser.push(renderSlipEscPos(model, native).bytes)) {
		paper.apply(event);
	}

	paper.finish();
	t.true(paper.unknown.some(entry => entry.reason.startsWith('GS ( k')));
	t.false(paper.text.includes('[QR:'));
	t.regex(paper.text, /k1P0331125000101/);
});
