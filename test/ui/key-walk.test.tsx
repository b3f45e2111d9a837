import test, {type ExecutionContext} from 'ava';
import type {KeyReport} from '../../source/ui/keyboard.js';
import {keymap} from '../../source/ui/keymap.js';
import {addSale, type Fixture} from '../helpers/fixture.js';
import {
	consoleFixtureWithPrinter,
	keys,
	password,
	press,
	signIn,
	waitForFrame,
	type Rendered,
} from '../helpers/console-ui.js';

/** What a terminal sends for each key the keymap names (Ctrl+C is left out: it ends the console). */
const sequences: Record<string, string> = {
	'↑ k': keys.up,
	'↓ j': keys.down,
	PgUp: keys.pageUp,
	PgDn: keys.pageDown,
	Home: keys.home,
	End: keys.end,
	Enter: keys.enter,
	Esc: keys.escape,
	'1–9': '9',
	'Ctrl+U': '\u0015',
};
const everyKey = [...new Set(keymap.map(binding => binding.label))]
	.filter(label => label !== 'Ctrl+C')
	.map(label => ({label, sequence: sequences[label] ?? label}));

type Walk = {t: ExecutionContext; instance: Rendered; reports: KeyReport[]; visited: string[]};

/**
 * Presses a key and waits until the router has heard it: Ink holds a lone Esc back for a moment, and
 * a key typed before it is let go would be read with it as Meta+key.
 */
async function pressHeard(walk: Walk, sequence: string): Promise<void> {
	const before = walk.reports.length;
	await press(walk.instance, sequence);
	const deadline = performance.now() + 5000;
	while (walk.reports.length === before) {
		if (performance.now() > deadline) {
			throw new Error(`the console never heard ${JSON.stringify(sequence)}`);
		}

		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
}

/**
 * At one screen and step: asks which keys are offered (Tab, which no binding names, carries the
 * offer in its report), then presses every other key and checks that none of them acted there (a
 * text field may take a character as typing). The tour itself presses the offered keys, and the
 * router's report says whether each one acted.
 */
async function probe(walk: Walk, where: string): Promise<readonly string[]> {
	const {reports} = walk;
	await pressHeard(walk, keys.tab);
	const offered = reports.at(-1)?.offeredLabels ?? [];
	for (const {label, sequence} of everyKey) {
		if (!offered.includes(label)) {
			await pressHeard(walk, sequence);
		}
	}

	// A text field took some of those keys as typing: Ctrl+U, which it offers, clears them again.
	if (offered.includes('Ctrl+U')) {
		await pressHeard(walk, '\u0015');
	}

	walk.visited.push(where);
	const violations = reports.filter(report => report.violation).map(report => report.violation);
	walk.t.deepEqual(violations, [], `${where}: ${violations.join('; ')}`);
	reports.length = 0;
	return offered;
}

/** Probes one screen and step, and answers whether `label` is offered there. */
async function offers(walk: Walk, where: string, label: string): Promise<boolean> {
	const offered = await probe(walk, where);
	return offered.includes(label);
}

test('on every screen and step, each key the footer offers acts, and each key that acts is offered', async t => {
	const reports: KeyReport[] = [];
	const {fixture} = await consoleFixtureWithPrinter(t, {
		seed(seeded: Fixture) {
			addSale(seeded.context, {voucherNo: '000102', amount: 2000, createdAt: seeded.clock.now - 120_000});
			addSale(seeded.context, {voucherNo: '000101', amount: 12_850});
		},
		onKeyReport(report) {
			reports.push(report);
		},
	});
	const {instance} = fixture;
	const walk: Walk = {t, instance, reports, visited: []};
	/** Presses a key and waits for a frame that shows `frame` and no longer shows `gone`. */
	const step = async (sequence: string, frame: string, gone?: string) => {
		await press(instance, sequence);
		return waitForFrame(instance, shown => shown.includes(frame) && (gone === undefined || !shown.includes(gone)));
	};

	const backToList = async (from: string) => step(keys.escape, 'Today ', from);

	await waitForFrame(instance, 'Operator number:');
	await probe(walk, 'sign-in: operator number');
	await press(instance, '01', keys.enter);
	await waitForFrame(instance, 'Password:');
	await probe(walk, 'sign-in: password');
	await step(keys.escape, 'Operator number:', 'Password:');
	await signIn(instance);
	t.false(await offers(walk, "today's list", 'Esc'), 'Esc is not offered on today’s list');

	await step('/', '/ Search:');
	await probe(walk, 'search field');
	await backToList('/ Search:');
	await step(keys.enter, 'Transaction');
	t.true(await offers(walk, 'detail of a completed sale', 'v'));
	await backToList('Transaction');

	await step('v', 'your password again:');
	t.false(await offers(walk, 'void: password', 'p'), 'p is typed into the password, not offered');
	await backToList('your password again:');
	await step('v', 'your password again:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await probe(walk, 'void: reason menu');
	await step('4', 'Reason, in a few words');
	await probe(walk, 'void: the Other reason typed');
	await step(keys.escape, 'Reason for the void', 'Reason, in a few words');
	await step(keys.enter, 'Confirm void? y/n');
	await probe(walk, 'void: confirm');
	await step('y', 'Slip printed.');
	t.false(await offers(walk, 'void: printed', 'r'), 'r is not offered after a print that worked');
	await step(keys.enter, 'Today ', 'Slip printed.');

	await step(keys.enter, 'Transaction');
	t.false(await offers(walk, 'detail of a voided sale', 'v'), 'v is not offered on a voided sale');
	await backToList('Transaction');

	await step('p', 'Print queue');
	await probe(walk, 'print queue');
	await backToList('Print queue');

	// A printer that cannot confirm a slip: the result asks y/n, and so does the queue.
	fixture.context.config.printer.model = {...fixture.context.config.printer.model, confirmation: 'none'};
	const question = 'did the slip come out?';
	await step('j', '› ');
	await step('v', 'your password again:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Reason for the void');
	await step(keys.enter, 'Confirm void? y/n');
	await step('y', question);
	t.true(await offers(walk, 'void: sent, unconfirmed', 'n'));
	await step(keys.enter, 'Today ', question);
	await step('p', 'Print queue');
	t.true(await offers(walk, 'print queue: an unconfirmed slip', 'y'));
	await step('y', 'marked printed');
	await backToList('Print queue');
	await step('x', 'Shift summary');
	await probe(walk, 'shift summary');
	await step('p', 'Shift summary', 'Printing');
	await backToList('Shift summary');
	await step('s', 'Settlement needs a supervisor');
	await probe(walk, 'settlement: supervisor number');
	await backToList('Settlement needs a supervisor');
	await step('a', 'Audit log');
	await probe(walk, 'audit: supervisor number');
	await backToList('Audit log');
	await step('?', 'Keys');
	await probe(walk, 'help');
	await backToList('Keys');
	await step('l', 'Password:');
	await probe(walk, 'locked');
	t.is(walk.visited.length, 19);
});
