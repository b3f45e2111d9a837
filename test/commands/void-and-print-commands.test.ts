import test from 'ava';
import {openStore} from '../../source/store/store.js';
import {runCli} from '../helpers/cli.js';
import {startEmulatorProcess} from '../helpers/emulator-process.js';
import {counterDatabase} from '../helpers/counter-database.js';

async function counter(amounts: number[]) {
	return counterDatabase(amounts, 500);
}

test('posvoid void voids, prints both copies on the printer and exits 0; a second try is refused with 2', async t => {
	const printer = await startEmulatorProcess(['--columns', '32']);
	t.teardown(printer.stop);
	const {db, vouchers} = await counter([12_850]);
	const args = [
		'void',
		vouchers[0]!,
		'--operator',
		'01',
		'--reason',
		'顾客取消',
		'--db',
		db,
		'--printer',
		`127.0.0.1:${printer.port}`,
		'--password-stdin',
	];

	const first = await runCli(args, {input: 'clerk-pass\n'});
	t.is(first.code, 0, first.stderr);
	t.regex(first.stdout, /voided 0{3}50{2} \(¥128\.50, 62{2}848\*{6}0{2}18\)/);
	t.regex(first.stdout, /slip printed/);
	await printer.waitFor(/CARDHOLDER COPY/);

	const second = await runCli(args, {input: 'clerk-pass\n'});
	t.is(second.code, 2);
	t.regex(second.stderr, /already-voided/);
});

test('with the printer out of paper the void stands, exits 3 and the slip waits; after paper is loaded the retry prints it', async t => {
	const printer = await startEmulatorProcess(['--columns', '32', '--fault', 'paper-out']);
	t.teardown(printer.stop);
	const {db, vouchers} = await counter([4200]);
	const printerFlag = `127.0.0.1:${printer.port}`;

	const voided = await runCli(
		[
			'void',
			vouchers[0]!,
			'--operator',
			'01',
			'--reason',
			'x',
			'--db',
			db,
			'--printer',
			printerFlag,
			'--password-stdin',
		],
		{input: 'clerk-pass\n'},
	);
	t.is(voided.code, 3, voided.stderr);
	t.regex(voided.stderr, /out of paper.*Load paper/s);

	const queue = await runCli(['print-queue', '--db', db, '--printer', printerFlag]);
	t.is(queue.code, 3);
	t.regex(queue.stdout, /failed\s+VOID \d{6} \(orig 000500\) ¥42\.00.*paper-out/);

	await printer.setFault('ok');
	const retry = await runCli(['print-queue', '--retry', '--db', db, '--printer', printerFlag]);
	t.is(retry.code, 0, retry.stderr);
	await printer.waitFor(/CARDHOLDER COPY/);
	const after = await runCli(['print-queue', '--db', db]);
	t.regex(after.stdout, /no slips waiting/);
});

test('an over-limit void needs the supervisor; with one it is voided and the approver is on the slip', async t => {
	const printer = await startEmulatorProcess(['--columns', '32']);
	t.teardown(printer.stop);
	const {db, vouchers} = await counter([88_800]);
	const base = [
		'void',
		vouchers[0]!,
		'--operator',
		'01',
		'--reason',
		'x',
		'--db',
		db,
		'--printer',
		`127.0.0.1:${printer.port}`,
		'--password-stdin',
	];

	const without = await runCli(base, {input: 'clerk-pass\n'});
	t.is(without.code, 2);
	t.regex(without.stderr, /over the supervisor limit of ¥500\.00: pass --supervisor/);

	const withSupervisor = await runCli([...base, '--supervisor', '00'], {input: 'clerk-pass\nboss-pass\n'});
	t.is(withSupervisor.code, 0, withSupervisor.stderr);
	await printer.waitFor(/授权主管 APPROVED BY\s+00/);
});

test('settle prints the report, opens the next batch, and a later void in the settled batch is refused', async t => {
	const printer = await startEmulatorProcess(['--columns', '32']);
	t.teardown(printer.stop);
	const {db, vouchers} = await counter([1000, 2000]);
	const printerFlag = `127.0.0.1:${printer.port}`;
	const settle = await runCli(
		['settle', '--operator', '00', '--db', db, '--printer', printerFlag, '--password-stdin'],
		{input: 'boss-pass\n'},
	);
	t.is(settle.code, 0, settle.stderr);
	t.regex(settle.stdout, /set{2}led batch 0{5}1; batch 0{5}2 is now open/);
	t.regex(settle.stdout, /Total\s+2\s+¥30\.00/);
	await printer.waitFor(/结算总计单 SETTLEMENT/);

	const voided = await runCli(
		['void', vouchers[0]!, '--operator', '01', '--db', db, '--printer', printerFlag, '--password-stdin'],
		{input: 'clerk-pass\n'},
	);
	t.is(voided.code, 2);
	t.regex(voided.stderr, /refused \(batch-settled\): batch settled\. .*bank/);
});

test('reprint prints another copy marked REPRINT', async t => {
	const printer = await startEmulatorProcess(['--columns', '48']);
	t.teardown(printer.stop);
	const {db, vouchers} = await counter([3000]);
	const printerFlag = `127.0.0.1:${printer.port}`;
	await runCli(
		[
			'void',
			vouchers[0]!,
			'--operator',
			'01',
			'--reason',
			'x',
			'--db',
			db,
			'--printer',
			printerFlag,
			'--password-stdin',
			'--no-print',
		],
		{input: 'clerk-pass\n'},
	);
	const reprint = await runCli(
		['reprint', vouchers[0]!, '--operator', '01', '--db', db, '--printer', printerFlag, '--password-stdin'],
		{input: 'clerk-pass\n'},
	);
	t.is(reprint.code, 0, reprint.stderr);
	await printer.waitFor(/重打印 REPRINT/);
	const audit = await runCli(['audit', '--db', db, '--event', 'reprint']);
	t.regex(audit.stdout, /01\s+reprint\s+ok/);
});

test('the settlement report prints its audit anchor; audit --verify --anchor then finds rows cut from the end of the log', async t => {
	const printer = await startEmulatorProcess(['--columns', '32']);
	t.teardown(printer.stop);
	const {db} = await counter([1000]);
	const settle = await runCli(
		['settle', '--operator', '00', '--db', db, '--printer', `127.0.0.1:${printer.port}`, '--password-stdin'],
		{input: 'boss-pass\n'},
	);
	t.is(settle.code, 0, settle.stderr);
	await printer.waitFor(/审计锚点 AUDIT ANCHOR\s+\d+:[\da-f]{16}/);
	const anchor = /审计锚点 AUDIT ANCHOR\s+(?<anchor>\d+:[\da-f]{16})/.exec(printer.output())!.groups!['anchor']!;

	const intact = await runCli(['audit', '--db', db, '--verify', '--anchor', anchor]);
	t.is(intact.code, 0, intact.stderr);
	t.regex(
		intact.stdout,
		new RegExp(String.raw`audit chain intact: \d+ rows verified, anchor ${anchor} found; head \d+:[\da-f]{16}`),
	);

	// Someone with the file drops the trigger and cuts the log back to before the settlement.
	const store = openStore(db);
	store.db.exec('DROP TRIGGER audit_log_refuses_delete');
	store.db.prepare('DELETE FROM audit_log WHERE id >= ?').run(Number(anchor.split(':')[0]));
	store.close();

	// The links alone cannot show rows cut from the end, but the settled batch left without its row can.
	const linksOnly = await runCli(['audit', '--db', db, '--verify']);
	t.regex(linksOnly.stdout, /audit chain intact/);
	t.is(linksOnly.code, 4);
	t.regex(linksOnly.stderr, /batch 0{5}1 of terminal 10293847 is settled but has no settlement audit row/);
	const anchored = await runCli(['audit', '--db', db, '--verify', '--anchor', anchor]);
	t.is(anchored.code, 4);
	t.regex(anchored.stderr, /audit chain BROKEN at row \d+: the anchored row is gone: the log ends at row \d+/);

	const badAnchor = await runCli(['audit', '--db', db, '--verify', '--anchor', 'yesterday']);
	t.is(badAnchor.code, 1);
	t.regex(badAnchor.stderr, /--anchor "yesterday" is not an audit anchor: write it as the settlement report prints it/);
});
