import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {checkPcAdministrator} from '../../source/services/pc-account.js';
import {tempDirectory} from '../helpers/fixture.js';

test('only the PC account that owns the database file, or root, is its administrator', t => {
	const file = path.join(tempDirectory(), 'posvoid.db');
	fs.writeFileSync(file, '', {mode: 0o600});
	const owner = fs.statSync(file).uid;
	t.like(checkPcAdministrator(file, {uid: owner, account: 'counter'}), {ok: true, administrator: {account: 'counter'}});
	t.like(checkPcAdministrator(file, {uid: 0, account: 'root'}), {ok: true});
	const stranger = checkPcAdministrator(file, {uid: owner + 4242, account: 'clerk'});
	t.false(stranger.ok);
	t.regex(stranger.ok ? '' : stranger.message, /needs the PC account that owns .* \(uid \d+\) or root; this is clerk/);
	t.like(checkPcAdministrator(file, undefined), {ok: false});
});
