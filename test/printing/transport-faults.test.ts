import net, {type AddressInfo} from 'node:net';
import test from 'ava';
import type {PrinterFailureKind} from '../../source/printing/printer-failure.js';
import {startPrinterEmulator, type PrinterFault} from '../../source/printing/emulator/printer-emulator.js';
import {printBytes, queryPrinterStatus} from '../../source/printing/printer-transport.js';
import {renderSlipEscPos} from '../../source/printing/render-escpos.js';
import {renderSlipText} from '../../source/printing/render-text.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {addressOf, profile, sampleVoid} from './fixtures.js';

const printer = profile({columns: 32});
const model = buildVoidSlip(sampleVoid(), {
	columns: 32,
	reprint: false,
	copies: 2,
});
const slip = renderSlipEscPos(model, printer.model);
const preview = renderSlipText(model, printer.model);

// A hang would show as the test's own timeout, far above the 300 ms the transport is given.
const hangGuardMs = 10_000;

const notReady: Array<[PrinterFault, PrinterFailureKind]> = [
	['paper-out', 'paper-out'],
	['cover-open', 'cover-open'],
	['offline', 'offline'],
	['error', 'printer-error'],
];

for (const [fault, kind] of notReady) {
	test(`${fault}: classified as ${kind}, nothing sent, and a retry after the fix prints`, async t => {
		t.timeout(hangGuardMs);
		const emulator = await startPrinterEmulator({columns: 32, fault});
		t.teardown(async () => emulator.close());
		const outcome = await printBytes(slip.bytes, addressOf(emulator));
		t.false(outcome.ok);
		t.is(outcome.ok ? undefined : outcome.failure.kind, kind);
		// The transport waits for the printer to close before it returns, so the emulator has seen everything.
		t.is(emulator.jobs.length, 0);
		t.like(await queryPrinterStatus(addressOf(emulator)), {
			ready: false,
			failure: {kind},
		});

		emulator.setFault(undefined);
		t.like(await printBytes(slip.bytes, addressOf(emulator)), {
			ok: true,
			bytesSent: slip.bytes.length,
		});
		const [job] = await emulator.waitForJobs(1, 2000);
		t.is(job?.text, preview);
	});
}

test.serial('paper near end: prints, and says the roll is nearly out', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator({columns: 32, fault: 'near-end'});
	t.teardown(async () => emulator.close());
	t.deepEqual(await printBytes(slip.bytes, addressOf(emulator)), {
		ok: true,
		confirmed: true,
		bytesSent: slip.bytes.length,
		paperNearEnd: true,
	});
	t.deepEqual(await queryPrinterStatus(addressOf(emulator)), {
		ready: true,
		paperNearEnd: true,
	});
});

test.serial(
	'stall (status answered, data never read): a timeout, not a hang; after the fault clears a retry prints',
	async t => {
		t.timeout(hangGuardMs);
		const emulator = await startPrinterEmulator({columns: 32, fault: 'stall'});
		t.teardown(async () => emulator.close());
		const outcome = await printBytes(slip.bytes, addressOf(emulator));
		t.like(outcome, {ok: false, failure: {kind: 'timeout'}});
		t.is(emulator.jobs.length, 0);

		emulator.setFault(undefined);
		t.like(await printBytes(slip.bytes, addressOf(emulator)), {ok: true});
		const [job] = await emulator.waitForJobs(1, 2000);
		t.is(job?.text, preview);
	},
);

test.serial('a stalled printer with a slip larger than the socket buffers still ends in a timeout', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator({columns: 32, fault: 'stall'});
	t.teardown(async () => emulator.close());
	// 8 MB cannot sit in loopback buffers: the write itself never drains.
	const huge = Buffer.concat([slip.bytes, Buffer.alloc(8 * 1024 * 1024, 0x41)]);
	t.like(await printBytes(huge, addressOf(emulator)), {
		ok: false,
		failure: {kind: 'timeout'},
	});
});

test.serial('slow printer slower than the write timeout: a timeout', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator({
		columns: 32,
		fault: 'slow',
		byteRate: 100,
	});
	t.teardown(async () => emulator.close());
	t.like(await printBytes(slip.bytes, addressOf(emulator)), {
		ok: false,
		failure: {kind: 'timeout'},
	});
});

test.serial('slow printer within the write timeout: prints the whole slip', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator({
		columns: 32,
		fault: 'slow',
		byteRate: 100_000,
	});
	t.teardown(async () => emulator.close());
	t.like(await printBytes(slip.bytes, addressOf(emulator, 5000)), {ok: true});
	const [job] = await emulator.waitForJobs(1, 5000);
	t.is(job?.text, preview);
	t.false(job?.interrupted);
});

test.serial('reset mid-slip: classified as reset, the partial job is marked interrupted, a retry prints', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator({columns: 32, fault: 'reset'});
	t.teardown(async () => emulator.close());
	const outcome = await printBytes(slip.bytes, addressOf(emulator));
	t.like(outcome, {ok: false, failure: {kind: 'reset'}});
	const [partial] = await emulator.waitForJobs(1, 2000);
	t.true(partial?.interrupted);
	t.true((partial?.bytes.length ?? 0) < slip.bytes.length);

	emulator.setFault(undefined);
	t.like(await printBytes(slip.bytes, addressOf(emulator)), {ok: true});
	const jobs = await emulator.waitForJobs(2, 2000);
	t.is(jobs[1]?.text, preview);
	t.false(jobs[1]?.interrupted);
});

test.serial('the fault can change while the emulator runs: paper runs out, then is loaded', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator({columns: 32});
	t.teardown(async () => emulator.close());
	t.like(await printBytes(slip.bytes, addressOf(emulator)), {ok: true});
	emulator.setFault('paper-out');
	t.like(await printBytes(slip.bytes, addressOf(emulator)), {
		ok: false,
		failure: {kind: 'paper-out'},
	});
	emulator.setFault(undefined);
	t.like(await printBytes(slip.bytes, addressOf(emulator)), {ok: true});
	const jobs = await emulator.waitForJobs(2, 2000);
	t.is(jobs.length, 2);
	t.is(emulator.jobs.length, 2, 'the refused attempt left no job');
});

test.serial('refused connection (nothing listening): unreachable', async t => {
	t.timeout(hangGuardMs);
	const emulator = await startPrinterEmulator();
	const address = addressOf(emulator);
	await emulator.close();
	t.like(await printBytes(slip.bytes, address), {
		ok: false,
		failure: {kind: 'unreachable'},
	});
	t.like(await queryPrinterStatus(address), {
		ready: false,
		failure: {kind: 'unreachable'},
	});
});

test.serial(
	'an address nobody answers (TEST-NET-1): unreachable within the connect timeout, whether refused or silent',
	async t => {
		t.timeout(hangGuardMs);
		t.like(
			await printBytes(slip.bytes, {
				host: '192.0.2.1',
				port: 9100,
				connectTimeoutMs: 300,
				writeTimeoutMs: 300,
			}),
			{ok: false, failure: {kind: 'unreachable'}},
		);
	},
);

test.serial(
	'a peer that is not an ESC/POS printer (answers garbage to DLE EOT): printer error, slip not sent',
	async t => {
		t.timeout(hangGuardMs);
		let received = 0;
		const server = net.createServer(socket => {
			socket.on('data', chunk => {
				received += chunk.length;
				socket.write('HTTP/1.1 400 Bad Request\r\n\r\n');
			});
			socket.on('error', () => undefined);
		});
		await new Promise<void>(resolve => {
			server.listen(0, '127.0.0.1', resolve);
		});
		t.teardown(() => {
			server.close();
		});
		const {port} = server.address() as AddressInfo;
		t.like(
			await printBytes(slip.bytes, {
				host: '127.0.0.1',
				port,
				connectTimeoutMs: 300,
				writeTimeoutMs: 300,
			}),
			{ok: false, failure: {kind: 'printer-error'}},
		);
		t.is(received, 3, 'only the first status request went out');
	},
);
