import test from 'ava';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import React, {useEffect, useState} from 'react';
import {useIdleLock} from '../../source/ui/hooks/use-idle-lock.js';
import {waitForFrame} from '../helpers/console-ui.js';

function Idle({idleMs}: {readonly idleMs: number}): React.JSX.Element {
	const [idle, setIdle] = useState(false);
	useIdleLock(idleMs, true, () => {
		setIdle(true);
	});
	return <Text>{idle ? 'idle' : 'active'}</Text>;
}

test('the idle lock still comes when the wall clock steps back an hour', async t => {
	const realNow = Date.now;
	const instance = render(<Idle idleMs={60} />);
	t.teardown(() => {
		Date.now = realNow;
		instance.unmount();
	});
	await waitForFrame(instance, 'active');
	// From here on the wall clock reads an hour earlier, and runs on from there.
	Date.now = () => realNow() - 3_600_000;
	t.truthy(await waitForFrame(instance, 'idle', 3000));
});

// Serial: it stands in for setTimeout and the monotonic clock, which the other test must not see.
test.serial(
	'the idle lock comes on time: its timer waits exactly the idle time, then only what is left after a key',
	async t => {
		const realSetTimeout = globalThis.setTimeout;
		const realNow = performance.now.bind(performance);
		let now = 1000;
		const timers: Array<{ms: number; run: () => void}> = [];
		// Record the lock's timers instead of running them; Ink's own timers go to the real setTimeout.
		const fake = ((run: () => void, ms?: number) => {
			if (ms !== undefined && ms >= 60_000) {
				timers.push({ms, run});
				return realSetTimeout(() => undefined, 0);
			}

			return realSetTimeout(run, ms);
		}) as typeof setTimeout;
		globalThis.setTimeout = fake;
		performance.now = () => now;
		const touches: Array<() => void> = [];
		function Touching({onTouch}: {readonly onTouch: (touch: () => void) => void}): React.JSX.Element {
			const [idle, setIdle] = useState(false);
			const touch = useIdleLock(600_000, true, () => {
				setIdle(true);
			});
			useEffect(() => {
				onTouch(touch);
			}, [onTouch, touch]);
			return <Text>{idle ? 'idle' : 'active'}</Text>;
		}

		const instance = render(
			<Touching
				onTouch={touch => {
					touches.push(touch);
				}}
			/>,
		);
		t.teardown(() => {
			globalThis.setTimeout = realSetTimeout;
			performance.now = realNow;
			instance.unmount();
		});
		await waitForFrame(instance, 'active');
		t.deepEqual(
			timers.map(timer => timer.ms),
			[600_000],
			'ten minutes of idle time is one ten-minute timer, not a coarse poll',
		);

		// A key four minutes in; at ten minutes the lock waits for the four minutes left, to the millisecond.
		now += 240_000;
		touches.at(-1)!();
		now += 360_000;
		timers[0]!.run();
		t.deepEqual(
			timers.map(timer => timer.ms),
			[600_000, 240_000],
		);
		t.is(instance.lastFrame(), 'active');
		now += 240_000;
		timers[1]!.run();
		t.truthy(await waitForFrame(instance, 'idle'));
	},
);
