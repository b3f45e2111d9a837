import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {CommandParser} from '../../source/printing/emulator/command-parser.js';
import {parseFaultCommand} from '../../source/printing/emulator/fault-command.js';
import {startPrinterEmulator} from '../../source/printing/emulator/printer-emulator.js';
import {printBytes} from '../../source/printing/printer-transport.js';
import {renderSlipEscPos} from '../../source/printing/render-escpos.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {addressOf, profile, sampleVoid} from './fixtures.js';

const slipBytes = renderSlipEscPos(
	buildVoidSlip(sampleVoid(), {columns: 48, reprint: false, copies: 2}),
	profile({columns: 48}).model,
).bytes;

test('the parser gives the same commands whether bytes come whole or one at a time', t => {
	const whole = new CommandParser().push(slipBytes);
	const parser = new CommandParser();
	const split = [...slipBytes].flatMap(byte => parser.push(Uint8Array.from([byte])));
	const summary = (events: typeof whole) =>
		events
			.map(event => (event.kind === 'text' ? 'text' : `${event.kind}:${Buffer.from(event.raw).toString('hex')}`))
			.join(' ');
	t.is(summary(split.filter(event => event.kind !== 'text')), summary(whole.filter(event => event.kind !== 'text')));
	t.is(Buffer.concat(split.map(event => event.raw)).toString('hex'), Buffer.from(slipBytes).toString('hex'));
	t.is(parser.leftover.length, 0);
});

test('byte sequences the encoder never emits are flagged in the job, with their offset', async t => {
	const emulator = await startPrinterEmulator({columns: 32});
	t.teardown(async () => emulator.close());
	const odd = Buffer.from(
		[
			'1b40', // ESC @
			'1b70', // ESC p, a drawer kick the encoder never sends ...
			'0019fa', // ... whose parameters then read as two stray control bytes and a glyph
			'6869', // "hi"
			'07', // BEL
			'1d286b030030410a', // GS ( k for PDF417, not QR
			'0a', // LF
		].join(''),
		'hex',
	);
	t.like(await printBytes(odd, addressOf(emulator)), {ok: true});
	const [job] = await emulator.waitForJobs(1, 2000);
	t.deepEqual(
		job?.unknown.map(sequence => [sequence.offset, sequence.bytes]),
		[
			[2, '1b70'],
			[4, '00'],
			[5, '19'],
			[9, '07'],
			[10, '1d286b030030410a'],
		],
	);
});

test('each job is saved as rendered text and raw bytes in the output folder', async t => {
	const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'posvoid-printer-'));
	t.teardown(async () => fs.rm(outDir, {recursive: true, force: true}));
	const emulator = await startPrinterEmulator({columns: 48, outDir});
	t.like(await printBytes(slipBytes, addressOf(emulator)), {ok: true});
	const [job] = await emulator.waitForJobs(1, 2000);
	// Close waits for pending file writes.
	await emulator.close();
	t.truthy(job?.files);
	t.regex(path.basename(job?.files?.text ?? ''), /^\d{8}T\d{6}-\d{3}-1\.txt$/v);
	t.is(await fs.readFile(job?.files?.text ?? '', 'utf8'), `${job?.text}\n`);
	t.deepEqual(await fs.readFile(job?.files?.bin ?? ''), Buffer.from(slipBytes));
});

test('saved slips are named by the time in the configured zone, the time the slip shows, not UTC', async t => {
	const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'posvoid-printer-'));
	t.teardown(async () => fs.rm(outDir, {recursive: true, force: true}));
	// 23:30:05.042 UTC is 07:30:05 the next morning in Shanghai.
	const at = Date.parse('2026-11-25T23:30:05.042Z');
	const emulator = await startPrinterEmulator({columns: 48, outDir, now: () => at, timeZone: 'Asia/Shanghai'});
	t.like(await printBytes(slipBytes, addressOf(emulator)), {ok: true});
	await emulator.waitForJobs(1, 2000);
	await emulator.close();
	const files = await fs.readdir(outDir);
	t.deepEqual(files.toSorted(), ['20261126T073005-042-1.bin', '20261126T073005-042-1.txt']);
});

test('a status-only connection is not a job', async t => {
	const emulator = await startPrinterEmulator();
	t.teardown(async () => emulator.close());
	t.like(await printBytes(new Uint8Array(0), addressOf(emulator)), {
		ok: true,
		bytesSent: 0,
	});
	t.is(emulator.jobs.length, 0);
});

test('fault lines typed on stdin: names, ok, and slow with a rate', t => {
	t.deepEqual(parseFaultCommand('paper-out'), {ok: true, fault: 'paper-out'});
	t.deepEqual(parseFaultCommand(' OK '), {ok: true, fault: undefined});
	t.deepEqual(parseFaultCommand('none'), {ok: true, fault: undefined});
	t.deepEqual(parseFaultCommand('slow 500'), {
		ok: true,
		fault: 'slow',
		byteRate: 500,
	});
	t.false(parseFaultCommand('slow fast').ok);
	t.false(parseFaultCommand('jammed').ok);
	t.false(parseFaultCommand('stall 5').ok);
});
