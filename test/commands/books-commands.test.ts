import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {tempDirectory} from '../helpers/fixture.js';

const header =
	'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';

/** A CSV of this terminal's sales, each `[voucher, batch, amount]`, made a minute ago. */
function salesFile(directory: string, rows: Array<[string, string, string]>): string {
	const at = new Date(Date.now() - 60_000).toISOString().replace('Z', '+00:00');
	const file = path.join(directory, `sales-${rows.length}.csv`);
	const lines = rows.map(
		([voucher, batch, amount]) =>
			`${voucher},2611${voucher}00,A1B2C3,${batch},10293847,898440358120011,debit,6228480402564890018,${amount},CNY,${at},01`,
	);
	fs.writeFileSync(file, [header, ...lines].join('\n') + '\n');
	return file;
}

/** A counter made by the real commands: supervisor 00 (boss-pass) and cashier 01 (clerk-pass). */
async function counter() {
	const directory = tempDirectory();
	const db = path.join(directory, 'counter.db');
	await runCli(['init', '--db', db, '--password-stdin'], {input: 'boss-pass\n'});
	await runCli(['operator', 'add', '01', '--name', 'Li', '--db', db, '--password-stdin'], {
		input: 'boss-pass\nclerk-pass\n',
	});
	return {directory, db};
}

test('rows of another batch are refused at import, settlement closes the open batch, and its sale can no longer be voided', async t => {
	const {directory, db} = await counter();
	const file = salesFile(directory, [
		['000011', '000001', '12.50'],
		['000012', '000001', '30.00'],
		['000013', '000007', '99.00'],
	]);
	const imported = await runCli(['import', file, '--skip-bad', '--db', db]);
	t.is(imported.code, 0, imported.stderr);
	t.regex(imported.stderr, /line 4: batch 0{5}7 is not the open batch 0{5}1/);
	t.regex(imported.stdout, /imported 2 of 3 lines/);

	const settled = await runCli(
		['settle', '--operator', '00', '--db', db, '--printer', '127.0.0.1:1', '--password-stdin'],
		{
			input: 'boss-pass\n',
		},
	);
	t.regex(settled.stdout, /set{2}led batch 0{5}1; batch 0{5}2 is now open/);
	t.regex(settled.stdout, /42\.50/);

	const voided = await runCli(['void', '000011', '--operator', '01', '--db', db, '--no-print', '--password-stdin'], {
		input: 'clerk-pass\n',
	});
	t.is(voided.code, 2, voided.stdout);
	t.regex(voided.stderr, /batch-settled/);
});
