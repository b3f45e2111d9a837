import test from 'ava';
import {clampIndex, clampTop, moveStep, windowStart} from '../../source/ui/state/scroll.js';

test('a cursor stays on the rows there are, and on the first with none', t => {
	t.is(clampIndex(5, 3), 2);
	t.is(clampIndex(-1, 3), 0);
	t.is(clampIndex(4, 0), 0);
});

test('a scrolled window never goes past its last full page, nor above the top', t => {
	t.is(clampTop(50, 30, 10), 20);
	t.is(clampTop(-3, 30, 10), 0);
	t.is(clampTop(4, 5, 10), 0, 'fewer lines than the window: nothing to scroll');
});

test('the window follows the cursor down, keeping it on the bottom line', t => {
	t.is(windowStart(0, 30, 10), 0);
	t.is(windowStart(12, 30, 10), 3);
	t.is(windowStart(29, 30, 10), 20);
});

test('the move keys go a line, a page, or to either end', t => {
	t.is(moveStep('down', 10, 30), 1);
	t.is(moveStep('pageUp', 10, 30), -10);
	t.is(clampIndex(7 + moveStep('home', 10, 30), 30), 0);
	t.is(clampIndex(7 + moveStep('end', 10, 30), 30), 29);
});
