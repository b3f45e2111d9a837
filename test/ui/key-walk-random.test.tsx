import test from 'ava';
import {runFooterWalk} from '../soak/footer-walk-suite.js';

test("random key walks through the console never break the footer's promise", async t => {
	const figures = await runFooterWalk({runs: 2, steps: 80});
	t.deepEqual(figures.violations, []);
	t.is(figures.hangs, 0, figures.hangDetails.join('\n'));
	t.true(figures.cases > 0);
});
