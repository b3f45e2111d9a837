import test from 'ava';
import {render} from 'ink-testing-library';
import React from 'react';
import {TextField, digitsOnly} from '../../source/ui/components/TextField.js';
import {KeyboardRouter} from '../../source/ui/keyboard.js';
import {press, waitForFrame} from '../helpers/console-ui.js';

function field(props: Partial<React.ComponentProps<typeof TextField>> = {}) {
	const submitted: string[] = [];
	const instance = render(
		<KeyboardRouter>
			<TextField
				prompt="> "
				onSubmit={value => {
					submitted.push(value);
				}}
				{...props}
			/>
		</KeyboardRouter>,
	);
	return {instance, submitted};
}

test('Ctrl+U clears the field', async t => {
	const {instance, submitted} = field();
	t.teardown(instance.unmount);
	await press(instance, '000116');
	await waitForFrame(instance, '> 000116');
	await press(instance, '\u0015');
	await waitForFrame(instance, frame => frame.trim() === '>');
	await press(instance, '201', '\r');
	t.deepEqual(submitted, ['201']);
});

test('full-width digits and ． typed with a Chinese IME are taken as 0–9 and .', async t => {
	const {instance, submitted} = field();
	t.teardown(instance.unmount);
	await press(instance, '１２８．５０', '\r');
	await waitForFrame(instance, '> 128.50');
	t.deepEqual(submitted, ['128.50']);
});

test('a digits-only field takes full-width digits one key at a time', async t => {
	const {instance, submitted} = field({accept: digitsOnly, maxLength: 4});
	t.teardown(instance.unmount);
	await press(instance, '０', '１', '\r');
	t.deepEqual(submitted, ['01']);
});

test('a password field takes what was typed as it was: a full-width digit is not a 1', async t => {
	const {instance, submitted} = field({isMasked: true});
	t.teardown(instance.unmount);
	await press(instance, 'ab１', '\r');
	t.deepEqual(submitted, ['ab１']);
});
