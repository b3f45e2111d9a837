import test from 'ava';
import {isOperatorNo} from '../../source/domain/operator-number.js';
import {authenticate} from '../../source/services/auth-service.js';
import {addOperator} from '../../source/services/operator-service.js';
import {openFixture, testScrypt} from '../helpers/fixture.js';

const notNumbers = ['\u001B]52;c;cG9zdm9pZA==\u0007', '1', '12345', '０１', '٠١', '01\u202E', ' 01', '01\n', 'ab'];

test('an operator number is 2 to 4 ASCII digits and nothing else', t => {
	for (const good of ['00', '01', '123', '0007']) {
		t.true(isOperatorNo(good), good);
	}

	for (const bad of notNumbers) {
		t.false(isOperatorNo(bad), JSON.stringify(bad));
	}
});

test('a sign-in with something that is not an operator number is refused, and the audit row does not hold it', async t => {
	const {context, store, close} = openFixture();
	t.teardown(close);
	for (const bad of notNumbers) {
		const result = await authenticate(context, bad, 'secret12');
		t.like(result, {ok: false, reason: 'bad-operator-number'}, JSON.stringify(bad));
	}

	const rows = store.audit.recent({event: 'sign-in-failed'}, 50);
	t.is(rows.length, notNumbers.length);
	for (const row of rows) {
		t.is(row.operatorNo, undefined);
		t.is(row.detail, 'sign-in: not an operator number');
	}
});

test('operator add refuses a number that is not 2 to 4 digits before anything is stored', async t => {
	const {context, store, close} = openFixture();
	t.teardown(close);
	for (const bad of notNumbers) {
		await t.throwsAsync(
			addOperator(context, {operatorNo: bad, name: 'X', role: 'cashier', password: 'secret12'}, testScrypt),
			{message: /must be 2 to 4 digits, such as 01/},
		);
	}

	t.is(store.operators.count(), 0);
	t.is(store.audit.recent({}, 50).length, 0);
});
