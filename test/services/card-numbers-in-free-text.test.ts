import test from 'ava';
import {parseConfig} from '../../source/config.js';
import {renderSlipText} from '../../source/printing/render-text.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {exportBatch} from '../../source/services/export-service.js';
import {addOperator, listOperators} from '../../source/services/operator-service.js';
import {slipPreview} from '../../source/services/print-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture, testScrypt} from '../helpers/fixture.js';
import {sampleVoid} from '../printing/fixtures.js';

// The same card, written the ways a clerk or a file writes it.
const writings = [
	'6228480402564890018',
	'6228.4804.0256.4890.018',
	'6228--4804--0256--4890--018',
	'6228\u00A04804\u00A00256\u00A04890\u00A0018',
	'6228/4804/0256/4890/018',
	'６２２８４８０４０２５６４８９００１８',
];

// The digits a masked card never shows (between its first 6 and last 4), with anything but letters and digits between them.
const hiddenDigits = new RegExp([...'040256489'].join(String.raw`[^\p{L}\p{N}]*`), 'u');

function leaksCard(text: string): boolean {
	return hiddenDigits.test(text.normalize('NFKC'));
}

test('a card number typed into a void reason is masked before it is stored, printed or exported', async t => {
	const {context, store, close} = openFixture();
	t.teardown(close);
	const operator = await addTestOperator(context, '01', 'cashier');
	for (const [index, card] of writings.entries()) {
		const id = addSale(context, {voucherNo: String(100 + index).padStart(6, '0')});
		const outcome = voidTransaction(context, {transactionId: id, operator, reason: `refund to ${card}`});
		t.true(outcome.ok, card);
		if (!outcome.ok) {
			continue;
		}

		const stored = store.voids.forTransaction(id)!.reason;
		t.is(stored, 'refund to 622848*********0018', card);
		t.false(leaksCard(slipPreview(context, outcome.printJobId)), card);
	}

	for (const format of ['csv', 'json'] as const) {
		const exported = [...exportBatch(context, '000001', format)].join('\n');
		t.false(leaksCard(exported), format);
	}
});

test('the slip masks a card number in the reason and the merchant name even when the database holds one', t => {
	const slip = renderSlipText(
		buildVoidSlip(sampleVoid({reason: 'card 6228 4804 0256 4890 018', merchantName: '店 6228480402564890018'}), {
			columns: 32,
			reprint: false,
			copies: 2,
		}),
		32,
	);
	t.false(leaksCard(slip), slip);
	t.true(slip.includes('622848*********0018'), slip);
});

test('an operator name is stored without card numbers or invisible characters', async t => {
	const {context, close} = openFixture();
	t.teardown(close);
	await addOperator(
		context,
		{operatorNo: '07', name: 'Li\u202E\u200B 4222.2222.2222.2', role: 'cashier', password: 'secret12'},
		testScrypt,
	);
	t.is(listOperators(context).find(operator => operator.operatorNo === '07')?.name, 'Li 422222***2222');
});

test('the merchant name and void reasons from the configuration are read with card numbers masked', t => {
	const config = parseConfig({
		merchant: {name: 'Shop ６２２８４８０４０２５６４８９００１８', number: '898440358120011'},
		voidReasons: ['pay back 6228/4804/0256/4890/018'],
	});
	t.is(config.merchant.name, 'Shop 622848*********0018');
	t.deepEqual(config.voidReasons, ['pay back 622848*********0018']);
	// The merchant number is not free text: its 15 digits are kept.
	t.is(config.merchant.number, '898440358120011');
});
