import test from 'ava';
import {consoleFixture, keys, password, press, waitForFrame} from '../helpers/console-ui.js';

test('a one-digit operator number is refused at sign-in with what a number looks like, and nothing names it in the audit', async t => {
	const fixture = await consoleFixture();
	t.teardown(fixture.close);
	const {instance, store} = fixture;
	await waitForFrame(instance, 'Operator number:');
	await press(instance, '1', keys.enter);
	await waitForFrame(instance, 'Password:');
	await press(instance, password, keys.enter);
	const frame = await waitForFrame(instance, 'An operator number is 2 to 4 digits, such as 01');
	t.true(frame.includes('Operator number:'));
	const [row] = store.audit.recent({event: 'sign-in-failed'}, 1);
	t.like(row, {operatorNo: undefined, detail: 'sign-in: not an operator number'});
});
