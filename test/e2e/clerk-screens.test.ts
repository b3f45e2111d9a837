// What a clerk hit on the screens (issue 11), through the built binary in a pseudo-terminal.
import test from 'ava';
import {defaultConfig} from '../../source/config.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {openStore} from '../../source/store/store.js';
import {addSale} from '../helpers/fixture.js';
import {keys} from '../helpers/pty-terminal.js';
import {
	cashier,
	makeCounter,
	searchTitle,
	signIn,
	stars,
	startConsole,
	startPrinter,
	typeAndEnter,
} from '../helpers/counter-console.js';

const ctrlU = '\u0015';

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

test('a new search starts empty, and Ctrl+U clears the field', async t => {
	const counter = await makeCounter(t, [12_850, 3000]);
	const [first, second] = counter.vouchers as [string, string];
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer);

	await signIn(terminal);
	await terminal.press('/', '/ Search:');
	await typeAndEnter(terminal, first, `/ Search: ${first}`);
	await terminal.waitFor(searchTitle(first));

	await terminal.press('/', /^\/ Search:\s*$/m);
	await typeAndEnter(terminal, second, `/ Search: ${second}`);
	const found = await terminal.waitFor(searchTitle(second));
	t.regex(found, new RegExp(`› .*${second}`));

	await terminal.press('/', /^\/ Search:\s*$/m);
	await terminal.press('12', /^\/ Search: 12$/m);
	await terminal.press(ctrlU, /^\/ Search:\s*$/m);
	await typeAndEnter(terminal, first, `/ Search: ${first}`);
	await terminal.waitFor(searchTitle(first));

	// The sign-in operator field after a refusal, the same way.
	await terminal.press('l', 'Password:');
	await terminal.press(keys.escape, /^Operator number:\s*$/m);
	await typeAndEnter(terminal, '99', 'Operator number: 99');
	await terminal.waitFor('Password:');
	await typeAndEnter(terminal, 'nobody', `Password: ${stars('nobody')}`);
	await terminal.waitFor(/wrong/);
	await terminal.press(keys.escape, /^Operator number:\s*$/m);
	const typed = await terminal.press('1', /^Operator number: 1/m);
	t.regex(typed, /^Operator number: 1\s*$/m, 'the refused number is gone: 1, not 991');
});

test('sign-out clears the operator: the next person starts at an empty operator field', async t => {
	const counter = await makeCounter(t, [12_850]);
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer);

	await signIn(terminal);
	await terminal.press('l', 'Password:');
	const signedOut = await terminal.press(keys.escape, /^Operator number:\s*$/m);
	t.notRegex(signedOut, /Password:/, 'the cursor is in the operator field, not the password');
	await terminal.press('00', /^Operator number: 00$/m);
});

test('a lockout at the void signs the operator out', async t => {
	const counter = await makeCounter(t, [12_850]);
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer);

	await signIn(terminal);
	await terminal.press('v', 'your password again:');
	for (let attempt = 1; attempt <= 5; attempt++) {
		const wrong = `wrong-${attempt}`;
		await typeAndEnter(terminal, wrong, `your password again: ${stars(wrong)}`);
		if (attempt < 5) {
			await terminal.waitFor(/your password again:\s*$/m);
		}
	}

	const signedOut = await terminal.waitFor(/^Operator number:\s*$/m);
	t.regex(signedOut, /locked/i, 'the sign-in screen says why');
	t.notRegex(signedOut, /Void voucher|Slips waiting/, 'the console is gone');
	await typeAndEnter(terminal, cashier.number, `Operator number: ${cashier.number}`);
	await terminal.waitFor('Password:');
	await typeAndEnter(terminal, cashier.password, `Password: ${stars(cashier.password)}`);
	await terminal.waitFor(/locked/i);
	t.notRegex(terminal.screen(), /^Today /m, 'the locked operator cannot sign back in');
});

test('the list shows its position and reads rows another program wrote while it is open', async t => {
	const counter = await makeCounter(t, [12_850, 3000, 4500]);
	const printer = await startPrinter(t, counter.folder);
	const terminal = startConsole(t, counter, printer);

	const list = await signIn(terminal);
	t.regex(await terminal.waitFor(/ 1 \/ 3$/m), / 1 \/ 3$/m, list);
	await terminal.press(keys.down, / 2 \/ 3$/m);

	// Another program (an import) writes a sale: the highlight stays on its row, which is now third.
	const store = openStore(counter.db);
	try {
		const context = createServiceContext(store, {...defaultConfig(), database: counter.db});
		addSale(context, {amount: 77_700, voucherNo: '000600', createdAt: context.now()});
	} finally {
		store.close();
	}

	const moved = await terminal.waitFor(/ 3 \/ 4$/m, 8000);
	t.regex(moved, new RegExp(`› .*${counter.vouchers[1]!}`), 'the highlight stayed on the same sale');
	const top = await terminal.press(keys.home, / 1 \/ 4$/m);
	t.regex(top, /› .*000600/, 'the new sale is at the top');
});
