import test from 'ava';
import {storedFailure, storedFailureKind} from '../../source/printing/printer-failure.js';

test('a failure is kept with its job as kind and detail, and its kind is read back; anything else has no kind', t => {
	const kept = storedFailure({kind: 'paper-out', detail: 'DLE EOT 4 said 0x60'});
	t.is(kept, 'paper-out: DLE EOT 4 said 0x60');
	t.is(storedFailureKind(kept), 'paper-out');
	t.is(storedFailureKind('disk: full'), undefined);
	t.is(storedFailureKind('toString: inherited names are not kinds'), undefined);
});
