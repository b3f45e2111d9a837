import {spawn} from 'node:child_process';
import os from 'node:os';
import test from 'ava';
import {claimerState, currentClaimer} from '../../source/services/process-claim.js';

test('a claim by this process is alive; one by a process that has exited is dead', async t => {
	t.is(claimerState(currentClaimer()), 'alive');
	const child = spawn(process.execPath, ['-e', '']);
	const exited = new Promise(resolve => {
		child.once('exit', resolve);
	});
	await exited;
	const [host, boot] = currentClaimer().split('|');
	t.is(claimerState([host, boot, child.pid, '1'].join('|')), 'dead');
});

test('a reused pid (another start time) or another boot is dead; another PC or an unreadable claim cannot be told', t => {
	const [host, boot, pid, start] = currentClaimer().split('|');
	t.is(claimerState([host, boot, pid, `${start}0`].join('|')), 'dead');
	t.is(claimerState([host, 'another-boot', pid, start].join('|')), boot ? 'dead' : 'alive');
	t.is(claimerState([`${os.hostname()}-elsewhere`, boot, pid, start].join('|')), 'unknown');
	t.is(claimerState(undefined), 'unknown');
	t.is(claimerState('garbage'), 'unknown');
});
