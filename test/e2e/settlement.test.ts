// Settlement end to end: the built binary in a pseudo-terminal, a counter database made by the real
// commands, and the real printer emulator process. The supervisor settles from the console, the report
// comes out of the printer, and a void in the settled batch is then refused on screen with its reason.
import test from 'ava';
import {openSqlite} from '../../source/store/sqlite-driver.js';
import {runCli} from '../helpers/cli.js';
import {keys} from '../helpers/pty-terminal.js';
import {
	diskState,
	makeCounter,
	positionsInOrder,
	quit,
	signIn,
	slipLines,
	stars,
	startConsole,
	startPrinter,
	supervisor,
	typeAndEnter,
} from '../helpers/counter-console.js';

type BatchOnDisk = {batch_no: string; settled_at: number | undefined; settled_by: string | undefined};

function batchesOnDisk(db: string): BatchOnDisk[] {
	const connection = openSqlite(db, {readonly: true, fileMustExist: true});
	try {
		return connection
			.prepare('SELECT batch_no, settled_at, settled_by FROM batches ORDER BY batch_no')
			.all() as BatchOnDisk[];
	} finally {
		connection.close();
	}
}

test('the supervisor settles from the console: the report reaches the printer, the status bar shows the next batch, and a later void in the settled batch is refused with its reason', async t => {
	const counter = await makeCounter(t, [12_850, 3000]);
	const [older, newest] = counter.vouchers as [string, string];
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer, {columns: 100, rows: 40});

	const list = await signIn(terminal, supervisor);
	t.regex(list, /│ Batch 0{5}1 │/);

	await terminal.press('s', 'Operator 00, your password again:');
	await typeAndEnter(terminal, supervisor.password, `your password again: ${stars(supervisor.password)}`);
	const review = await terminal.waitFor('Settle batch 000001? y/n');
	t.regex(review, /^Debit +2 +¥158\.50 +0 +¥0\.00 /m);
	t.regex(review, /^Total +2 +¥158\.50 +0 +¥0\.00 /m);
	t.regex(review, /^Net: 2 sales, ¥158\.50/m);
	t.deepEqual(
		batchesOnDisk(counter.db).map(batch => batch.settled_at),
		[null],
		'nothing is settled before y',
	);

	terminal.write('y');
	const result = await terminal.waitFor('Settlement report printed.');
	t.regex(result, /Batch 0{5}1 set{2}led\. Batch 0{5}2 is now open\./);
	t.regex(result, /│ Batch 0{5}2 │/, 'the status bar shows the new batch');
	t.regex(result, /结算总计单 SETTLEMENT/, 'the preview is the report');

	const paper = slipLines(await printer.jobText(1));
	const positions = positionsInOrder(paper, [
		/^ *结算总计单 SETTLEMENT$/,
		/^批次号 BATCH NO +0{5}1$/,
		/^借记卡 DEBIT$/,
		/^ {2}消费 SALES 2 +￥158\.50$/,
	]);
	t.false(
		positions.includes(-1),
		`the report has its key lines, in order: ${positions.join(', ')}\n${paper.join('\n')}`,
	);
	t.like(batchesOnDisk(counter.db), [
		{batch_no: '000001', settled_by: '00'},
		{batch_no: '000002', settled_at: null},
	]);

	await terminal.press(keys.escape, /^Today \d{4}-\d{2}-\d{2}(?:\s+[\d,]+ \/ [\d,]+)?$/m);
	const after = await terminal.waitFor(/│ Batch 0{5}2 │/);
	t.regex(after, new RegExp(`› .*${newest}.*completed`));

	// The detail screen says it before the clerk tries, and v says it again.
	const detail = await terminal.press(keys.enter, 'Cannot be voided: batch settled: refund through the bank');
	t.regex(detail, new RegExp(`^Voucher no +${newest}$`, 'm'));
	const refused = await terminal.press('v', 'Cannot void');
	t.regex(refused, /batch settled: refund through the bank/);
	t.notRegex(refused, /your password again/, 'no password is asked for a void that cannot happen');
	await terminal.press(keys.escape, 'Cannot be voided: batch settled');
	await terminal.press(keys.escape, /^Today \d{4}-\d{2}-\d{2}(?:\s+[\d,]+ \/ [\d,]+)?$/m);
	t.is(await quit(terminal), 0);

	for (const voucher of [older, newest]) {
		t.like(diskState(counter.db, voucher), {status: 'completed', voids: []}, voucher);
	}

	t.is(printer.jobCount(), 1, 'only the report was printed');
	const audit = await runCli(['audit', '--db', counter.db, '--event', 'settlement', '--lang', 'en'], {
		cwd: counter.folder,
	});
	t.regex(audit.stdout, /00 +settlement +ok +batch:000001/);
	const verify = await runCli(['audit', '--verify', '--db', counter.db, '--lang', 'en'], {cwd: counter.folder});
	t.is(verify.code, 0, verify.stdout + verify.stderr);
});
