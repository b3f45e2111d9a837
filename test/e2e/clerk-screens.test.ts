// What a clerk hit on the screens (issue 11), through the built binary in a pseudo-terminal.
import test from 'ava';
import {makeCounter, signIn, startConsole, startPrinter} from './helpers/counter.js';

test('at 60×20 the list shows every amount and status: the least needed columns go first', async t => {
	const counter = await makeCounter(t, [12_850, 3000, 1_234_567]);
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer, {columns: 60, rows: 20});

	const list = await signIn(terminal);
	for (const [voucher, amount] of [
		[counter.vouchers[0]!, '¥128.50'],
		[counter.vouchers[1]!, '¥30.00'],
		[counter.vouchers[2]!, '¥12345.67'],
	] as const) {
		t.regex(list, new RegExp(`${voucher}.* ${amount.replaceAll('.', String.raw`\.`)} +completed`), list);
	}

	t.notRegex(list, /[\d.¥]…/, 'no amount is cut');
});
