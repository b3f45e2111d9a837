import test from 'ava';
import type {Key} from 'ink';
import {keyTextFor} from '../../source/ui/key-text.js';
import {offeredBindings} from '../../source/ui/keyboard.js';
import {actionFor, helpEntries, keyActions, keyPlaces, keymap} from '../../source/ui/keymap.js';

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
	t.is(actionFor(['anywhere'], '?', none), 'help');
	t.is(actionFor(['anywhere'], '', {...none, escape: true}), 'back');
	t.is(actionFor(['menu'], '', {...none, return: true}), 'choose');
	t.is(actionFor(['field'], '', {...none, return: true}), 'submit');
});

test('keys do nothing where they do not apply', t => {
	t.is(actionFor(['detail'], 'q', none), undefined);
	t.is(actionFor(['list'], 'y', none), undefined);
	t.is(actionFor(['anywhere'], 'p', none), undefined);
});

test('Ctrl+C is never read as the letter c', t => {
	t.is(actionFor(['queue', 'anywhere'], 'c', {...none, ctrl: true}), 'interrupt');
	t.is(actionFor(['queue'], 'c', none), 'reprint');
});

test('a key a higher layer acts on or swallows is not offered below it', t => {
	const app = {places: ['signed-in', 'anywhere'] as const, onKey: () => false};
	const report = {places: ['report'] as const, onKey: () => false};
	const labels = (registrations: Parameters<typeof offeredBindings>[0]) =>
		offeredBindings(registrations).map(binding => `${binding.label}:${binding.action}`);
	// On the shift summary p prints it, and the print queue's p is not offered.
	t.true(labels([report, app]).includes('p:printReport'));
	t.false(labels([report, app]).includes('p:queue'));
	// A password field takes p s x as typing: only Esc, Enter, ? (not a password character) stay.
	const field = {
		places: ['field'] as const,
		onKey: () => false,
		swallows: (binding: {label: string}) => binding.label.length === 1,
	};
	t.deepEqual(
		labels([field, app]).filter(label => !label.startsWith('Ctrl')),
		['Enter:submit', 'Esc:back'],
	);
	// A handler that does not act on an action now does not offer it.
	t.false(labels([{...app, handles: (action: string) => action !== 'back'}]).includes('Esc:back'));
});

test('the footer and the help screen come from the same table, and every action and place has words in both languages', t => {
	const actions = new Set(keymap.map(binding => binding.action));
	t.deepEqual([...actions].toSorted(), [...keyActions].toSorted());
	t.is(helpEntries().length, actions.size);
	for (const language of ['en', 'zh-CN'] as const) {
		const text = keyTextFor(language);
		for (const action of keyActions) {
			t.truthy(text.keys[action], `${language} ${action}`);
			t.truthy(text.keysShort[action], `${language} ${action}`);
		}

		for (const place of keyPlaces) {
			t.truthy(text.places[place], `${language} ${place}`);
		}
	}
});
