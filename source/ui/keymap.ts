import type {Key} from 'ink';

/** Everything a key can mean in the console. Its words are in key-text.ts. */
export const keyActions = [
	'up',
	'down',
	'pageUp',
	'pageDown',
	'home',
	'end',
	'open',
	'choose',
	'pick',
	'clear',
	'submit',
	'done',
	'search',
	'void',
	'queue',
	'settle',
	'help',
	'back',
	'confirm',
	'cancel',
	'retry',
	'reprint',
	'lock',
	'quit',
	'interrupt',
	'settleNow',
	'shiftReport',
	'audit',
	'printReport',
	'filterOperator',
	'filterEvent',
	'slipCameOut',
	'slipMissing',
] as const;
export type KeyAction = (typeof keyActions)[number];

/**
 * Where a binding applies. A screen registers the places it answers in (useKeys), and the footer
 * and the dispatch both read those registrations.
 */
export const keyPlaces = [
	'list',
	'detail',
	'menu',
	'field',
	'confirm',
	'result',
	'queue',
	'help',
	'settlement',
	'report',
	'audit',
	'signed-in',
	'anywhere',
] as const;
export type KeyPlace = (typeof keyPlaces)[number];

/** `typed` names the characters of a key a text field would take as text. */
type Matcher = ((input: string, key: Key) => boolean) & {readonly typed?: readonly string[]};

export type Binding = {
	action: KeyAction;
	/** How the key is written in the footer and the help screen. */
	label: string;
	places: readonly KeyPlace[];
	/** Shown in the footer of the screens it applies to. */
	footer: boolean;
	matches: Matcher;
};

const lists: KeyPlace[] = ['list', 'queue', 'result', 'help', 'audit'];
/** A short menu (the void reasons) moves with the arrows only. */
const menus: KeyPlace[] = [...lists, 'menu'];

/** A printable key without Ctrl or Meta, so Ctrl+C is never read as `c`. Typed text reaches a field instead. */
function plain(...characters: string[]): Matcher {
	return Object.assign((input: string, key: Key) => !key.ctrl && !key.meta && characters.includes(input), {
		typed: characters,
	});
}

/** The characters of a key that a text field would take as typing; none for Esc, Enter or the arrows. */
export function typedCharacters(binding: Binding): readonly string[] {
	return binding.matches.typed ?? [];
}

/**
 * The one keymap (DESIGN.md, "Interface contract"). Handlers are given the action a key means in
 * their registered places, and the footer and the help screen are drawn from it, so the three cannot
 * disagree.
 */
export const keymap: readonly Binding[] = [
	{
		action: 'interrupt',
		label: 'Ctrl+C',
		places: ['anywhere'],
		footer: false,
		matches: (input, key) => key.ctrl && input === 'c',
	},
	{
		action: 'up',
		label: '↑ k',
		places: menus,
		footer: true,
		matches: (input, key) => key.upArrow || plain('k')(input, key),
	},
	{
		action: 'down',
		label: '↓ j',
		places: menus,
		footer: true,
		matches: (input, key) => key.downArrow || plain('j')(input, key),
	},
	{action: 'pageUp', label: 'PgUp', places: lists, footer: false, matches: (_input, key) => key.pageUp},
	{action: 'pageDown', label: 'PgDn', places: lists, footer: false, matches: (_input, key) => key.pageDown},
	{action: 'home', label: 'Home', places: lists, footer: false, matches: (_input, key) => key.home},
	{action: 'end', label: 'End', places: lists, footer: false, matches: (_input, key) => key.end},
	{action: 'open', label: 'Enter', places: ['list'], footer: true, matches: (_input, key) => key.return},
	{action: 'choose', label: 'Enter', places: ['menu'], footer: true, matches: (_input, key) => key.return},
	{action: 'submit', label: 'Enter', places: ['field'], footer: true, matches: (_input, key) => key.return},
	{
		action: 'pick',
		label: '1–9',
		places: ['menu'],
		footer: true,
		matches: plain('1', '2', '3', '4', '5', '6', '7', '8', '9'),
	},
	{
		action: 'clear',
		label: 'Ctrl+U',
		places: ['field'],
		footer: false,
		matches: (input, key) => key.ctrl && input === 'u',
	},
	{action: 'done', label: 'Enter', places: ['result'], footer: true, matches: (_input, key) => key.return},
	{action: 'search', label: '/', places: ['list'], footer: true, matches: plain('/')},
	{action: 'void', label: 'v', places: ['list', 'detail'], footer: true, matches: plain('v')},
	{action: 'confirm', label: 'y', places: ['confirm'], footer: true, matches: plain('y', 'Y')},
	// After a print the printer cannot confirm: did the slip come out? (the result, the queue)
	{action: 'slipCameOut', label: 'y', places: ['result', 'queue'], footer: true, matches: plain('y', 'Y')},
	{action: 'settleNow', label: 'y', places: ['settlement'], footer: true, matches: plain('y', 'Y')},
	{action: 'cancel', label: 'n', places: ['confirm', 'settlement'], footer: true, matches: plain('n', 'N')},
	{action: 'slipMissing', label: 'n', places: ['result', 'queue'], footer: true, matches: plain('n', 'N')},
	{action: 'retry', label: 'r', places: ['queue', 'result'], footer: true, matches: plain('r')},
	{action: 'reprint', label: 'c', places: ['queue', 'settlement'], footer: true, matches: plain('c')},
	{action: 'filterOperator', label: 'o', places: ['audit'], footer: true, matches: plain('o')},
	{action: 'filterEvent', label: 'e', places: ['audit'], footer: true, matches: plain('e')},
	// On the shift summary `p` prints it; it stands before the print queue's `p`, which it hides there.
	{action: 'printReport', label: 'p', places: ['report'], footer: true, matches: plain('p')},
	{action: 'queue', label: 'p', places: ['signed-in'], footer: true, matches: plain('p')},
	{action: 'settle', label: 's', places: ['signed-in'], footer: true, matches: plain('s')},
	{action: 'shiftReport', label: 'x', places: ['signed-in'], footer: true, matches: plain('x')},
	{action: 'audit', label: 'a', places: ['signed-in'], footer: true, matches: plain('a')},
	{action: 'lock', label: 'l', places: ['signed-in'], footer: true, matches: plain('l')},
	{action: 'help', label: '?', places: ['anywhere'], footer: true, matches: plain('?')},
	{action: 'back', label: 'Esc', places: ['anywhere'], footer: true, matches: (_input, key) => key.escape},
	{action: 'quit', label: 'q', places: ['list'], footer: true, matches: plain('q')},
];

export const moveActions = ['up', 'down', 'pageUp', 'pageDown', 'home', 'end'] as const;
export type MoveAction = (typeof moveActions)[number];

export function isMoveAction(action: KeyAction | undefined): action is MoveAction {
	return (moveActions as readonly string[]).includes(action ?? '');
}

function applies(binding: Binding, places: readonly KeyPlace[]): boolean {
	return binding.places.some(place => places.includes(place));
}

/** The binding a key means in the given places, or undefined. */
export function bindingFor(places: readonly KeyPlace[], input: string, key: Key): Binding | undefined {
	return keymap.find(binding => applies(binding, places) && binding.matches(input, key));
}

/** The action a key means in the given places, or undefined. */
export function actionFor(places: readonly KeyPlace[], input: string, key: Key): KeyAction | undefined {
	return bindingFor(places, input, key)?.action;
}

/**
 * The bindings of these places, in keymap order, one per key as bindingFor reads it: a key that an
 * earlier binding of the same places takes (`p` on the shift summary) does not count twice.
 */
export function bindingsIn(places: readonly KeyPlace[]): Binding[] {
	const seenLabels = new Set<string>();
	return keymap.filter(binding => {
		if (!applies(binding, places) || seenLabels.has(binding.label)) {
			return false;
		}

		seenLabels.add(binding.label);
		return true;
	});
}

/** Every binding, grouped by action with their labels joined: the help screen's lines. */
export function helpEntries(): Array<{action: KeyAction; labels: string; places: readonly KeyPlace[]}> {
	const entries = new Map<KeyAction, {action: KeyAction; labels: string[]; places: readonly KeyPlace[]}>();
	for (const binding of keymap) {
		const entry = entries.get(binding.action);
		if (entry) {
			entry.labels.push(binding.label);
		} else {
			entries.set(binding.action, {action: binding.action, labels: [binding.label], places: binding.places});
		}
	}

	return [...entries.values()].map(entry => ({...entry, labels: entry.labels.join(' ')}));
}
