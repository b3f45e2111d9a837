import type {MoveAction} from '../keymap.js';

/** The one set of rules for scrolling and moving a cursor, shared by every list, preview and menu. */

/** `value` held to `min`…`max`; `min` when the range is empty. */
export function clamp(value: number, min: number, max: number): number {
	return Math.max(min, Math.min(max, value));
}

/** A cursor held to the rows there are: 0…count − 1, and 0 with none. */
export function clampIndex(index: number, count: number): number {
	return clamp(index, 0, count - 1);
}

/** The first line shown when `lines` scroll in a window of `visible`: never past the last full window. */
export function clampTop(top: number, lines: number, visible: number): number {
	return clamp(top, 0, lines - visible);
}

/** The first row of a window of `visible` rows that keeps the cursor on screen, the cursor at the bottom. */
export function windowStart(cursor: number, count: number, visible: number): number {
	return clampTop(cursor - visible + 1, count, visible);
}

/** How far a move key goes in a list of `count` rows with `visible` on screen. */
export function moveStep(action: MoveAction, visible: number, count: number): number {
	const steps: Record<MoveAction, number> = {
		up: -1,
		down: 1,
		pageUp: -visible,
		pageDown: visible,
		home: -count,
		end: count,
	};
	return steps[action];
}
