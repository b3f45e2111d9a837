import test from 'ava';
import {startPrinterEmulator, type EmulatorQuirk} from '../../source/printing/emulator/printer-emulator.js';
import {printBytes, type PrinterChecks} from '../../source/printing/printer-transport.js';
import {renderSlipEscPos} from '../../source/printing/render-escpos.js';
import {renderSlipText} from '../../source/printing/render-text.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {addressOf, profile, sampleVoid} from './fixtures.js';

const printer = profile({columns: 32});
const model = buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 2});
const slip = renderSlipEscPos(model, printer.model);
const preview = renderSlipText(model, printer.model);
const hangGuardMs = 20_000;

const gsR: PrinterChecks = {status: {kind: 'dle-eot', answers: [1, 2, 4]}, confirmation: 'gs-r'};
const gsH: PrinterChecks = {status: {kind: 'dle-eot', answers: [1, 2, 4]}, confirmation: 'gs-h'};
const noStatusGsR: PrinterChecks = {status: {kind: 'none'}, confirmation: 'gs-r'};

const misleading: EmulatorQuirk[][] = [
	['stale-at-connect'],
	['double-status'],
	['asb'],
	['previous-status'],
	['stale-at-connect', 'double-status', 'asb'],
];

for (const quirks of misleading) {
	for (const [name, checks] of [
		['GS r 1', gsR],
		['GS ( H', gsH],
		['GS r 1 without a status check', noStatusGsR],
	] as const) {
		test.serial(`${quirks.join(' + ')}, ${name}: a ready printer prints and is confirmed`, async t => {
			t.timeout(hangGuardMs);
			const emulator = await startPrinterEmulator({columns: 32, quirks});
			t.teardown(async () => emulator.close());
			t.like(await printBytes(slip.bytes, addressOf(emulator), checks), {ok: true, confirmed: true});
			const [job] = await emulator.waitForJobs(1, 5000);
			t.is(job?.text, preview);
		});

		test.serial(`${quirks.join(' + ')}, ${name}: paper out mid-slip is never "printed"`, async t => {
			t.timeout(hangGuardMs);
			const emulator = await startPrinterEmulator({
				columns: 32,
				quirks,
				fault: 'paper-out-mid',
				paperOutAfterBytes: 300,
			});
			t.teardown(async () => emulator.close());
			const outcome = await printBytes(slip.bytes, addressOf(emulator), checks);
			t.false(outcome.ok);
			t.true(outcome.ok ? false : outcome.failure.afterSend, 'the slip may be partly on paper');
		});
	}
}

test.serial('a printer answering only DLE EOT 1 and 2 prints when asked only those', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator({columns: 32, quirks: ['status-n12']});
	t.teardown(async () => emulator.close());
	const checks: PrinterChecks = {status: {kind: 'dle-eot', answers: [1, 2]}, confirmation: 'gs-r'};
	t.like(await printBytes(slip.bytes, addressOf(emulator), checks), {ok: true, confirmed: true});
	t.like(
		await printBytes(slip.bytes, addressOf(emulator)),
		{ok: false, failure: {kind: 'timeout'}},
		'asked n=4, it never answers',
	);
});

test.serial(
	'a printer that never answers DLE EOT prints without a status check, and is "sent, unconfirmed" without a confirmation',
	async t => {
		t.timeout(hangGuardMs);
		const emulator = await startPrinterEmulator({columns: 32, quirks: ['no-status', 'no-confirmation']});
		t.teardown(async () => emulator.close());
		const checks: PrinterChecks = {status: {kind: 'none'}, confirmation: 'none'};
		t.like(await printBytes(slip.bytes, addressOf(emulator), checks), {ok: true, confirmed: false});
		const [job] = await emulator.waitForJobs(1, 5000);
		t.is(job?.text, preview);
		t.like(await printBytes(slip.bytes, addressOf(emulator)), {ok: false, failure: {kind: 'timeout'}});
	},
);

test.serial('a printer at 64 B/s prints: the write timeout is about progress, not the whole slip', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator({columns: 32, fault: 'slow', byteRate: 64});
	t.teardown(async () => emulator.close());
	const small = Buffer.concat([Buffer.from('\u001B@'), Buffer.from('posvoid slow printer line\n'.repeat(16))]);
	// 418 bytes at 64 B/s take over 6 s: longer than connecting plus three write timeouts, the old bound.
	t.like(await printBytes(small, addressOf(emulator, 1000, 64)), {ok: true, confirmed: true});
	const [job] = await emulator.waitForJobs(1, 5000);
	t.false(job?.interrupted);
});
