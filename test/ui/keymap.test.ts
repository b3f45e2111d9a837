import test from 'ava';
import type {Key} from 'ink';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {actionFor, footerBindings, helpEntries, keymap} from '../../source/ui/keymap.js';

const none: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

test('the DESIGN.md contract: keys mean their action where they apply', t => {
	t.is(actionFor(['list'], '', {...none, downArrow: true}), 'down');
	t.is(actionFor(['list'], 'j', none), 'down');
	t.is(actionFor(['list'], '', {...none, pageDown: true}), 'pageDown');
	t.is(actionFor(['list'], '', {...none, return: true}), 'open');
	t.is(actionFor(['list'], '/', none), 'search');
	t.is(actionFor(['list'], 'v', none), 'void');
	t.is(actionFor(['detail'], 'v', none), 'void');
	t.is(actionFor(['signed-in'], 'p', none), 'queue');
	t.is(actionFor(['signed-in'], 's', none), 'settle');
	t.is(actionFor(['confirm'], 'y', none), 'confirm');
	t.is(actionFor(['confirm'], 'n', none), 'cancel');
	t.is(actionFor(['list'], 'q', none), 'quit');
	t.is(actionFor([], '?', none), 'help');
	t.is(actionFor([], '', {...none, escape: true}), 'back');
});

test('keys do nothing where they do not apply', t => {
	t.is(actionFor(['detail'], 'q', none), undefined);
	t.is(actionFor(['list'], 'y', none), undefined);
	t.is(actionFor(['anywhere'], 'p', none), undefined);
});

test('Ctrl+C is never read as the letter c', t => {
	t.is(actionFor(['queue'], 'c', {...none, ctrl: true}), 'interrupt');
	t.is(actionFor(['queue'], 'c', none), 'reprint');
});

test('the footer and the help screen come from the same table, and every action has words in both languages', t => {
	const footer = footerBindings(['list', 'signed-in', 'anywhere']).map(binding => binding.label);
	t.deepEqual(footer, ['Enter', '/', 'v', 'p', 's', 'x', '?', 'Esc', 'q']);
	const actions = new Set(keymap.map(binding => binding.action));
	t.is(helpEntries().length, actions.size);
	for (const language of ['en', 'zh-CN'] as const) {
		const messages = messagesFor(language);
		for (const action of actions) {
			t.truthy(messages.keys[action], `${language} ${action}`);
			t.truthy(messages.keysShort[action], `${language} ${action}`);
		}
	}
});
