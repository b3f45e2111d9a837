import test from 'ava';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import React, {useState} from 'react';
import {useIdleLock} from '../../source/ui/hooks/use-idle-lock.js';
import {waitForFrame} from './ui-helpers.js';

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
