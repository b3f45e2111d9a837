import test from 'ava';
import type {PrinterSettings} from '../../source/config.js';
import {startPrinterEmulator, type Emulator} from '../../source/printing/emulator/printer-emulator.js';
import {printBytes} from '../../source/printing/printer-transport.js';
import {renderSlipEscPos} from '../../source/printing/render-escpos.js';
import {renderSlipText} from '../../source/printing/render-text.js';
import {labelsForModel} from '../../source/printing/printer-profiles.js';
import {buildVoidSlip, type VoidSlipInput} from '../../source/printing/void-slip.js';
import {addressOf, profile, sampleVoid} from './fixtures.js';

// One emulated printer per paper width, as a counter has one printer.
const printers = new Map<number, Emulator>();

test.before(async () => {
	for (const columns of [32, 48]) {
		printers.set(columns, await startPrinterEmulator({columns}));
	}
});

test.after.always(async () => {
	for (const printer of printers.values()) {
		await printer.close();
	}
});

type Variant = {
	input: VoidSlipInput;
	printer: PrinterSettings;
	reprint: boolean;
};

async function printAndDecode(variant: Variant) {
	const columns = variant.printer.model.paper.columns.fontA;
	const emulator = printers.get(columns)!;
	const model = buildVoidSlip(variant.input, {
		columns,
		reprint: variant.reprint,
		copies: variant.printer.copies,
		labels: labelsForModel(variant.printer.model),
	});
	const rendered = renderSlipEscPos(model, variant.printer.model);
	const before = emulator.jobs.length;
	const outcome = await printBytes(rendered.bytes, addressOf(emulator, 2000));
	const jobs = await emulator.waitForJobs(before + 1, 2000);
	return {model, rendered, outcome, job: jobs.at(-1)!};
}

const encodings = ['gb18030', 'cp858', 'cp437'] as const;

for (const columns of [32, 48] as const) {
	for (const encoding of encodings) {
		for (const reprint of [false, true]) {
			for (const approverNo of ['00', undefined]) {
				const name = `${columns} columns, ${encoding}, ${reprint ? 'reprint' : 'first print'}, ${approverNo ? 'with' : 'without'} approver`;
				test.serial(`round trip: ${name} decodes to its preview`, async t => {
					const printer = profile({columns, encoding});
					const {model, rendered, outcome, job} = await printAndDecode({
						input: sampleVoid({approverNo}),
						printer,
						reprint,
					});
					t.deepEqual(outcome, {
						ok: true,
						confirmed: true,
						bytesSent: rendered.bytes.length,
						paperNearEnd: false,
					});
					t.deepEqual(job.unknown, []);
					t.false(job.interrupted);
					t.deepEqual([...job.bytes], [...rendered.bytes]);
					t.is(job.text, renderSlipText(model, printer.model));
					// In GB18030 nothing needed substituting, so the paper is the on-screen preview itself.
					t.is(job.text === renderSlipText(model, columns), encoding === 'gb18030');
				});
			}
		}
	}
}

test.serial(
	'round trip: characters a terminal draws narrow but GB18030 prints wide (·, é) keep the layout aligned',
	async t => {
		const printer = profile({columns: 32});
		const {model, job} = await printAndDecode({
			input: sampleVoid({
				merchantName: '张记·Café 便利店',
				reason: '顾客取消·退货 Returned',
			}),
			printer,
			reprint: false,
		});
		t.is(job.text, renderSlipText(model, printer.model));
		t.deepEqual(job.unknown, []);
	},
);

test.serial('round trip: QR payment, raster QR, no cutter, three copies', async t => {
	const printer = profile({
		columns: 48,
		nativeQr: false,
		cut: false,
		copies: 3,
	});
	const {model, job} = await printAndDecode({
		input: sampleVoid({channel: 'alipay', cardMasked: '****1234'}),
		printer,
		reprint: true,
	});
	t.is(job.text, renderSlipText(model, printer.model));
	// The emulator read each raster symbol back to the reference.
	t.is(job.text.split('[QR: 331125000101]').length, 4);
	t.false(job.text.includes('[CUT]'));
	t.deepEqual(job.unknown, []);
});

test.serial('round trip: what cp858 cannot print is substituted and reported, never printed as ?', async t => {
	const printer = profile({columns: 32, encoding: 'cp858'});
	const {model, rendered, job} = await printAndDecode({
		input: sampleVoid({merchantName: 'Zoë’s 示例 Shop €'}),
		printer,
		reprint: false,
	});
	t.deepEqual(rendered.unencodable, ['’', '示', '例', '顾', '客', '取', '消']);
	t.deepEqual(rendered.substitutions, [
		{from: '’', to: "'"},
		{from: '示例', to: ''},
		{from: '顾客取消', to: ''},
	]);
	t.true(job.text.includes("  Zoë's Shop €"));
	t.false(job.text.includes('?'));
	t.is(job.text, renderSlipText(model, printer.model));
});

test.serial('the emulator sees bold where the slip asks for it: title and amount', async t => {
	const {job} = await printAndDecode({
		input: sampleVoid(),
		printer: profile({columns: 32}),
		reprint: false,
	});
	const bold = new Set(job.lines.filter(line => line.bold).map(line => line.text.trim()));
	t.true(bold.has('POS签购单 VOID SLIP'));
	t.true(bold.has('金额 AMOUNT        RMB -￥128.50'));
	t.false(bold.has('商户名称 MERCHANT NAME'));
});
