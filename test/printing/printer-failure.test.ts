import test from 'ava';
import {describeStoredFailure, storedFailure} from '../../source/printing/printer-failure.js';

test('a failure kept with its job is told back in the clerk language; anything else as kept, on one line', t => {
	const kept = storedFailure({kind: 'paper-out', detail: 'DLE EOT 4 said 0x60'});
	t.is(kept, 'paper-out: DLE EOT 4 said 0x60');
	t.is(describeStoredFailure(kept, 'en'), 'The printer is out of paper');
	t.not(describeStoredFailure(kept, 'zh-CN'), describeStoredFailure(kept, 'en'));
	t.is(describeStoredFailure('disk: full\u001B[2J\nagain', 'en'), 'disk: full[2J again');
	t.is(
		describeStoredFailure('toString: inherited names are not kinds', 'en'),
		'toString: inherited names are not kinds',
	);
	t.is(describeStoredFailure(undefined, 'en'), '');
});
