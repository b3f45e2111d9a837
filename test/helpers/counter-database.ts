import path from 'node:path';
import {openStore} from '../../source/store/store.js';
import {runCli} from './cli.js';
import {addSale, openFixture, tempDirectory} from './fixture.js';
import {testClock} from './test-clock.js';

/**
 * A counter database made by the real commands: supervisor 00 (boss-pass), cashier 01 (clerk-pass),
 * and one sale a minute old per amount, vouchers numbered from `firstVoucher`.
 */
export async function counterDatabase(
	amounts: number[],
	firstVoucher = 500,
): Promise<{directory: string; db: string; vouchers: string[]}> {
	const directory = tempDirectory();
	const db = path.join(directory, 'counter.db');
	await runCli(['init', '--db', db, '--password-stdin'], {input: 'boss-pass\n'});
	await runCli(['operator', 'add', '01', '--name', 'Li', '--db', db, '--password-stdin'], {
		input: 'boss-pass\nclerk-pass\n',
	});
	const store = openStore(db);
	const fixture = openFixture();
	fixture.close();
	const context = {...fixture.context, store, now: testClock};
	const vouchers = amounts.map((amount, index) => {
		const voucherNo = String(firstVoucher + index).padStart(6, '0');
		addSale(context, {amount, voucherNo, createdAt: testClock() - 60_000});
		return voucherNo;
	});
	store.close();
	return {directory, db, vouchers};
}
