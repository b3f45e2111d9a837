import test from 'ava';
import {runStatusReplies} from '../soak/status-reply-suite.js';

test.serial(
	'stale, doubled and unsolicited status replies at random steps never make a cut-off slip printed',
	async t => {
		t.timeout(120_000);
		const figures = await runStatusReplies({runs: 12});
		t.deepEqual(figures.violations, []);
		t.is(figures.losses, 0);
		t.is(figures.hangs, 0, figures.hangDetails.join('\n'));
	},
);
