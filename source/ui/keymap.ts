import type {Key} from 'ink';
import type {KeyActionName, KeyPlace} from '../i18n/messages.js';

export type KeyAction = KeyActionName;

export type Binding = {
	action: KeyAction;
	/** How the key is written in the footer and the help screen. */
	label: string;
	places: KeyPlace[];
	/** Shown in the footer of the screens it applies to. */
	footer: boolean;
	matches: (input: string, key: Key) => boolean;
};

const lists: KeyPlace[] = ['list', 'queue', 'result', 'help', 'audit'];
/** A short menu (the void reasons) moves with the arrows only. */
const menus: KeyPlace[] = [...lists, 'menu'];

/** A printable key without Ctrl or Meta, so Ctrl+C is never read as `c`. */
function plain(...characters: string[]): (input: string, key: Key) => boolean {
	return (input, key) => !key.ctrl && !key.meta && characters.includes(input);
}

/**
 * The one keymap (DESIGN.md, "Interface contract"). Handlers ask it which action a key means, and the
 * footer and the help screen are drawn from it, so the three cannot disagree.
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
		footer: false,
		matches: (input, key) => key.upArrow || plain('k')(input, key),
	},
	{
		action: 'down',
		label: '↓ j',
		places: menus,
		footer: false,
		matches: (input, key) => key.downArrow || plain('j')(input, key),
	},
	{action: 'pageUp', label: 'PgUp', places: lists, footer: false, matches: (_input, key) => key.pageUp},
	{action: 'pageDown', label: 'PgDn', places: lists, footer: false, matches: (_input, key) => key.pageDown},
	{action: 'home', label: 'Home', places: lists, footer: false, matches: (_input, key) => key.home},
	{action: 'end', label: 'End', places: lists, footer: false, matches: (_input, key) => key.end},
	{action: 'open', label: 'Enter', places: ['list', 'menu'], footer: true, matches: (_input, key) => key.return},
	{action: 'search', label: '/', places: ['list'], footer: true, matches: plain('/')},
	{action: 'void', label: 'v', places: ['list', 'detail'], footer: true, matches: plain('v')},
	{action: 'confirm', label: 'y', places: ['confirm'], footer: true, matches: plain('y', 'Y')},
	{action: 'settleNow', label: 'y', places: ['settlement'], footer: true, matches: plain('y', 'Y')},
	{action: 'cancel', label: 'n', places: ['confirm', 'settlement'], footer: true, matches: plain('n', 'N')},
	{action: 'retry', label: 'r', places: ['queue', 'result'], footer: true, matches: plain('r')},
	{action: 'reprint', label: 'c', places: ['queue', 'settlement'], footer: true, matches: plain('c')},
	{action: 'filterOperator', label: 'o', places: ['audit'], footer: true, matches: plain('o')},
	{action: 'filterEvent', label: 'e', places: ['audit'], footer: true, matches: plain('e')},
	// On the shift summary `p` prints it; it stands before the print queue's `p`, which it hides there.
	{action: 'printReport', label: 'p', places: ['report'], footer: true, matches: plain('p')},
	{action: 'queue', label: 'p', places: ['signed-in'], footer: true, matches: plain('p')},
	{action: 'settle', label: 's', places: ['signed-in'], footer: true, matches: plain('s')},
	{action: 'shiftReport', label: 'x', places: ['signed-in'], footer: true, matches: plain('x')},
	// A supervisor's tool: in help and on the settlement screen, not in every clerk's footer.
	{action: 'audit', label: 'a', places: ['signed-in'], footer: false, matches: plain('a')},
	{action: 'lock', label: 'l', places: ['signed-in'], footer: false, matches: plain('l')},
	{action: 'help', label: '?', places: ['anywhere'], footer: true, matches: plain('?')},
	{action: 'back', label: 'Esc', places: ['anywhere'], footer: true, matches: (_input, key) => key.escape},
	{action: 'quit', label: 'q', places: ['list'], footer: true, matches: plain('q')},
];

export const moveActions = ['up', 'down', 'pageUp', 'pageDown', 'home', 'end'] as const;
export type MoveAction = (typeof moveActions)[number];

export function isMoveAction(action: KeyAction | undefined): action is MoveAction {
	return (moveActions as readonly string[]).includes(action ?? '');
}

/** The action a key means in the given places (the 'anywhere' keys always count), or undefined. */
export function actionFor(places: readonly KeyPlace[], input: string, key: Key): KeyAction | undefined {
	for (const binding of keymap) {
		if (binding.places.some(place => place === 'anywhere' || places.includes(place)) && binding.matches(input, key)) {
			return binding.action;
		}
	}

	return undefined;
}

/** The bindings the footer shows for these places, in keymap order, one per action and one per key (the first, as actionFor reads it). */
export function footerBindings(places: readonly KeyPlace[]): Binding[] {
	const seen = new Set<KeyAction>();
	const seenLabels = new Set<string>();
	return keymap.filter(binding => {
		if (
			!binding.footer ||
			seen.has(binding.action) ||
			seenLabels.has(binding.label) ||
			!binding.places.some(place => places.includes(place))
		) {
			return false;
		}

		seen.add(binding.action);
		seenLabels.add(binding.label);
		return true;
	});
}

/** Every binding, grouped by action with their labels joined: the help screen's lines. */
export function helpEntries(): Array<{action: KeyAction; labels: string; places: KeyPlace[]}> {
	const entries = new Map<KeyAction, {action: KeyAction; labels: string[]; places: KeyPlace[]}>();
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

export {type KeyPlace} from '../i18n/messages.js';
