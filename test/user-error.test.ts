import test from 'ava';
import {DatabaseBusyError} from '../source/store/store-errors.js';
import {UserError, userErrorLines} from '../source/user-error.js';

test('a user error carries its message and its advice, and the command line prints both, the advice on its own line', t => {
	const error = new UserError('the printer host is not an address', {advice: 'Pass --printer HOST[:PORT].'});
	t.is(error.message, 'the printer host is not an address');
	t.is(error.advice, 'Pass --printer HOST[:PORT].');
	t.deepEqual(userErrorLines(error), ['posvoid: the printer host is not an address', 'Pass --printer HOST[:PORT].']);
	t.deepEqual(userErrorLines(new UserError('no advice here')), ['posvoid: no advice here']);
});

test('database busy says what is wrong and, apart, what to do', t => {
	const busy = new DatabaseBusyError('/tmp/posvoid.db');
	t.is(busy.message, 'another program is using the database /tmp/posvoid.db');
	t.regex(busy.advice ?? '', /^Wait a moment and try again/v);
});
