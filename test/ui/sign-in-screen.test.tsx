import test from 'ava';
import {consoleFixture, keys, password, press, signIn, waitForFrame} from '../helpers/console-ui.js';

test('the sign-in screen asks for the operator number, then the password masked', async t => {
	const fixture = await consoleFixture();
	t.teardown(fixture.close);
	const {instance} = fixture;
	await waitForFrame(instance, 'Operator number:');
	await press(instance, '01', keys.enter);
	await waitForFrame(instance, 'Password:');
	await press(instance, 'secr');
	const frame = await waitForFrame(instance, 'Password: ****');
	t.false(frame.includes('secr'));
	t.false(frame.includes('Demo mode'));
	await press(instance, 'et12', keys.enter);
	const list = await waitForFrame(instance, 'Today 2026-11-25');
	t.true(list.includes('Operator 01'));
});

test('a wrong password is refused without saying which of number and password was wrong, and asks again', async t => {
	const fixture = await consoleFixture();
	t.teardown(fixture.close);
	const {instance} = fixture;
	await waitForFrame(instance, 'Operator number:');
	await press(instance, '01', keys.enter);
	await waitForFrame(instance, 'Password:');
	await press(instance, 'wrong-one', keys.enter);
	const frame = await waitForFrame(instance, 'The operator number or the password is wrong');
	t.true(frame.includes('Password:'));
	t.false(frame.includes('*********'));
});

test('an unknown operator number gets the same screen as a wrong password: no one learns which numbers exist', async t => {
	const frames: string[] = [];
	for (const operatorNo of ['77', '01']) {
		const fixture = await consoleFixture();
		t.teardown(fixture.close);
		const {instance} = fixture;
		await waitForFrame(instance, 'Operator number:');
		await press(instance, operatorNo, keys.enter);
		await waitForFrame(instance, 'Password:');
		await press(instance, 'not-the-password', keys.enter);
		const frame = await waitForFrame(instance, 'The operator number or the password is wrong');
		frames.push(frame.replace(`Operator number: ${operatorNo}`, 'Operator number: NN'));
	}

	t.is(frames[0], frames[1]);
	t.false(frames[0]!.includes('77'));
});

test('a locked operator is told to wait or ask a supervisor', async t => {
	const fixture = await consoleFixture();
	t.teardown(fixture.close);
	const {instance} = fixture;
	fixture.store.operators.recordFailure('01', 5, fixture.clock.now + 10 * 60_000);
	await waitForFrame(instance, 'Operator number:');
	await press(instance, '01', keys.enter);
	await waitForFrame(instance, 'Password:');
	await press(instance, password, keys.enter);
	t.truthy(await waitForFrame(instance, 'locked for 10 more minutes'));
});

test('demo mode shows the demo accounts; Chinese labels in zh-CN', async t => {
	const fixture = await consoleFixture({language: 'zh-CN', demoAccounts: 'supervisor 00 / 000000'});
	t.teardown(fixture.close);
	const frame = await waitForFrame(fixture.instance, '操作员号:');
	t.true(frame.includes('演示模式: supervisor 00 / 000000'));
});

test('the console locks after the idle time and only the password unlocks it', async t => {
	const fixture = await consoleFixture({idleLockMs: 50});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance);
	await waitForFrame(instance, 'Console locked');
	await press(instance, 'wrong-one', keys.enter);
	await waitForFrame(instance, 'The operator number or the password is wrong');
	t.true((instance.lastFrame() ?? '').includes('Console locked'));
	await press(instance, password, keys.enter);
	t.truthy(await waitForFrame(instance, 'Today 2026-11-25'));
});

test('Esc on the lock screen signs out', async t => {
	const fixture = await consoleFixture();
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance);
	await press(instance, 'l');
	await waitForFrame(instance, 'Console locked');
	await press(instance, keys.escape);
	t.truthy(await waitForFrame(instance, frame => frame.includes('Operator number:') && !frame.includes('locked')));
});
