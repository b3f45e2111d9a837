import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {voidTransaction} from '../../source/services/void-service.js';
import {openStore} from '../../source/store/store.js';
import {runCli} from '../helpers/cli.js';
import {addSale, addTestOperator, openFixture, tempDirectory} from '../helpers/fixture.js';

const osc52 = '\u001B]52;c;cG9zdm9pZA==\u0007';
const clearScreen = '\u001B[2J';

// What must never reach a terminal: C0 but tab and line feed, DEL, C1, bidi controls, zero-width characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

test('the ignored columns line of an import shows header names without escape sequences or card numbers', async t => {
	const {file, close} = openFixture();
	close();
	const folder = tempDirectory();
	const csv = path.join(folder, 'hostile.csv');
	const header =
		'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';
	fs.writeFileSync(
		csv,
		[
			`${header},note${osc52},x${clearScreen},6228 4804 0256 4890 018`,
			'000001,261125000001,123456,000001,10293847,898440358120011,debit,622202*********0456,1.00,CNY,2026-11-25T10:00:00+08:00,01,a,b,c',
		].join('\n'),
	);

	const result = await runCli(['import', csv, '--db', file]);

	t.is(result.code, 0, result.stderr);
	t.notRegex(result.stderr + result.stdout, unsafe, JSON.stringify(result.stderr));
	// Header names are read in lower case.
	t.regex(result.stderr, /ignored columns \(not stored\): note]52;c;cg9zdm9pza==, x\[2j, 622848\*{9}0018\n/);
});

test('an operator number with an escape sequence is refused before it is stored, and the audit shows none', async t => {
	const {file, context, close} = openFixture();
	await addTestOperator(context, '01', 'cashier');
	addSale(context, {voucherNo: '000200'});
	close();

	const refused = await runCli(['void', '000200', '--operator', osc52, '--db', file, '--password-stdin'], {
		input: 'secret12\n',
	});
	t.is(refused.code, 1);
	t.regex(refused.stderr, /--operator ".*" must be 2 to 4 digits, such as 01/);
	t.notRegex(refused.stderr, unsafe, JSON.stringify(refused.stderr));

	const reopened = openStore(file);
	const rows = reopened.audit.recent({}, 50);
	reopened.close();
	t.false(
		rows.some(row => unsafe.test(`${row.operatorNo ?? ''}${row.detail}`)),
		JSON.stringify(rows),
	);

	const audit = await runCli(['audit', '--db', file]);
	t.is(audit.code, 0, audit.stderr);
	t.notRegex(audit.stdout, unsafe);
});

test('print-queue and operator list write what the database holds without control, bidi or zero-width characters', async t => {
	const {file, context, store, close} = openFixture();
	const operator = await addTestOperator(context, '01', 'cashier');
	const id = addSale(context, {voucherNo: '000300'});
	const outcome = voidTransaction(context, {transactionId: id, operator, reason: 'x'});
	const jobId = outcome.ok ? outcome.printJobId : 0;
	t.true(store.printJobs.claim(jobId, 1), JSON.stringify(outcome));
	store.printJobs.markFailed(jobId, `the printer at evil${osc52}${clearScreen} cannot be reached`, 1);
	// A name written by an older posvoid, or into the file directly: the output layer still cleans it.
	store.operators.insert('02', `Wang\u202E\u2066\u200B${osc52}`, 'cashier', 'x', 1);
	close();

	const queue = await runCli(['print-queue', '--db', file]);
	t.is(queue.code, 3, queue.stderr);
	t.regex(queue.stdout, /cannot be reached/);
	t.notRegex(queue.stdout, unsafe, JSON.stringify(queue.stdout));

	const list = await runCli(['operator', 'list', '--db', file]);
	t.is(list.code, 0, list.stderr);
	t.regex(list.stdout, /02 {3}cashier {4}Wang]52;c;/);
	t.notRegex(list.stdout, unsafe, JSON.stringify(list.stdout));
});
