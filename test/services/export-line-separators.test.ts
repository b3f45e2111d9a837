import test from 'ava';
import {exportBatch} from '../../source/services/export-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture} from '../helpers/fixture.js';

test('a JSON Lines export has no raw U+2028 or U+2029, so every line splitter sees one record per line', async t => {
	const {context, close} = openFixture();
	t.teardown(close);
	const operator = await addTestOperator(context, '01', 'cashier');
	const id = addSale(context);
	t.true(voidTransaction(context, {transactionId: id, operator, reason: 'line\u2028paragraph\u2029end'}).ok);

	const text = [...exportBatch(context, '000001', 'json')].join('\n');

	t.notRegex(text, /[\u2028\u2029]/);
	// JavaScript's own line splitting treats U+2028 and U+2029 as line ends.
	const lines = text.split(/\r\n|[\n\r\u2028\u2029]/);
	t.is(lines.length, 2);
	for (const line of lines) {
		t.notThrows(() => JSON.parse(line) as unknown);
	}
});
