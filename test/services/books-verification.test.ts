import test from 'ava';
import {verifyBooks} from '../../source/services/books-verification.js';
import {seedDatabase} from '../../source/services/seed-service.js';
import {settleBatch} from '../../source/services/settlement-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture, type Fixture} from '../helpers/fixture.js';
import {tempDatabase, testNow} from '../helpers/temp-db.js';

/** A settled batch with three sales (one voided), and an open batch with two sales, one voided. */
async function books(fixture: Fixture) {
	const {context} = fixture;
	const cashier = await addTestOperator(context, '01', 'cashier');
	const supervisor = await addTestOperator(context, '00', 'supervisor');
	const settledSales = [1250, 3000, 4500].map(amount => addSale(context, {amount}));
	const settledVoid = voidTransaction(context, {transactionId: settledSales[0]!, operator: cashier, reason: 'x'});
	settleBatch(context, supervisor);
	const openSales = [1250, 8000].map(amount => addSale(context, {amount}));
	const openVoid = voidTransaction(context, {transactionId: openSales[0]!, operator: cashier, reason: 'x'});
	if (!settledVoid.ok || !openVoid.ok) {
		throw new Error('the voids were refused');
	}

	return {settledSales, openSales, settledVoid: settledVoid.void, openVoid: openVoid.void};
}

test('the money tables of a day of voids and a settlement agree with the audit log', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	await books(fixture);
	t.like(verifyBooks(fixture.context), {ok: true, voids: 2, settlements: 1, problemCount: 0});
});

test('a seeded history, written by an older form of the audit rows, agrees too', t => {
	const {context} = tempDatabase(t);
	seedDatabase(context, {rows: 600, days: 3, seed: 7, now: testNow});
	const result = verifyBooks(context);
	t.deepEqual(result.problems, []);
	t.true(result.voids > 0);
	t.is(result.settlements, 2);
});

const edits: Array<[string, (rows: Awaited<ReturnType<typeof books>>) => string, RegExp]> = [
	[
		'a void deleted',
		({openVoid}) =>
			`DELETE FROM print_jobs WHERE void_id = ${openVoid.id}; DELETE FROM voids WHERE id = ${openVoid.id}`,
		/its void \d{6} is gone from voids/,
	],
	[
		"a voided sale's amount changed from 12.50 to 1250.00",
		({openSales}) => `UPDATE transactions SET amount = 125000 WHERE id = ${openSales[0]!}`,
		/the sale's amount is 125000, the audit row says 1250/,
	],
	[
		"a settled batch's sale changed",
		({settledSales}) => `UPDATE transactions SET amount = 300 WHERE id = ${settledSales[1]!}`,
		/batch 000001: its sales amount is 6050, the settlement's audit row says 8750/,
	],
	[
		'a voided sale set back to completed',
		({openSales}) => `UPDATE transactions SET status = 'completed' WHERE id = ${openSales[0]!}`,
		/the sale's status is completed, not voided/,
	],
	[
		'a sale marked voided without a void',
		({openSales}) => `UPDATE transactions SET status = 'voided' WHERE id = ${openSales[1]!}`,
		/is marked voided but has no void/,
	],
	[
		"a settled sale's voucher and card changed",
		({settledSales}) =>
			`UPDATE transactions SET voucher_no = '000888', card_masked = '411111******1111' WHERE id = ${settledSales[2]!}`,
		/batch 000001: its sales or voids are not the rows that were settled/,
	],
	[
		"a void's voucher changed",
		({settledVoid}) => `UPDATE voids SET voucher_no = '000999' WHERE id = ${settledVoid.id}`,
		/the void voucher is 000999, the audit row says \d{6}/,
	],
	[
		'a void added by hand',
		({openSales}) =>
			`UPDATE transactions SET status = 'voided' WHERE id = ${openSales[1]!};
			INSERT INTO voids (transaction_id, terminal_id, batch_id, voucher_no, reference_no, operator_no, reason, created_at)
			SELECT id, terminal_id, batch_id, '000777', '261125000777', '01', 'x', 1 FROM transactions WHERE id = ${openSales[1]!}`,
		/void 000777 \(row \d+\) has no audit row/,
	],
	[
		"a batch's settlement undone",
		() => `UPDATE batches SET settled_at = NULL, settled_by = NULL WHERE batch_no = '000001'`,
		/batch 000001 is not settled at that time/,
	],
];

for (const [what, sql, expected] of edits) {
	test(`${what} is reported`, async t => {
		const fixture = openFixture();
		t.teardown(fixture.close);
		const rows = await books(fixture);
		fixture.store.db.pragma('foreign_keys = OFF');
		fixture.store.db.exec(sql(rows));
		const result = verifyBooks(fixture.context);
		t.false(result.ok);
		t.true(
			result.problems.some(problem => expected.test(problem)),
			result.problems.join('\n'),
		);
	});
}
