import fs from 'node:fs';
import test from 'ava';
import {openStore} from '../../source/store/store.js';
import {openFixture} from '../helpers/fixture.js';

function appendEvents(store: ReturnType<typeof openStore>, count: number) {
	for (let index = 0; index < count; index++) {
		store.audit.append(
			{operatorNo: '01', event: 'sign-in', result: 'ok', detail: `attempt ${index} marker-${index}`},
			1000 + index,
		);
	}
}

test('each audit row carries the hash of the previous row and of its own content', t => {
	const {store, close} = openFixture();
	t.teardown(close);
	appendEvents(store, 3);
	const rows = store.audit.recent({}, 10).toReversed();
	t.is(rows[0]!.prevHash, '0'.repeat(64));
	t.is(rows[1]!.prevHash, rows[0]!.hash);
	t.is(rows[2]!.prevHash, rows[1]!.hash);
	t.deepEqual(store.audit.verify(), {ok: true, rows: 3});
});

test('the audit log refuses UPDATE and DELETE', t => {
	const {store, close} = openFixture();
	t.teardown(close);
	appendEvents(store, 2);
	t.throws(() => store.db.prepare(`UPDATE audit_log SET result = 'refused' WHERE id = 1`).run(), {
		any: true,
		message: /append-only/,
	});
	t.throws(() => store.db.prepare('DELETE FROM audit_log WHERE id = 1').run(), {any: true, message: /append-only/});
	t.deepEqual(store.audit.verify(), {ok: true, rows: 2});
});

test('bytes of an audit row edited in the file are detected and the row is named', t => {
	const {store, file, close} = openFixture();
	appendEvents(store, 5);
	store.db.pragma('wal_checkpoint(TRUNCATE)');
	close();

	// Edit the file as an attacker with a hex editor would: same length, different text.
	const bytes = fs.readFileSync(file);
	const at = bytes.indexOf('marker-3');
	t.true(at > 0);
	bytes.write('marker-9', at);
	fs.writeFileSync(file, bytes);

	const reopened = openStore(file, {create: false});
	t.teardown(() => {
		reopened.close();
	});
	t.like(reopened.audit.verify(), {ok: false, brokenId: 4, rows: 3});
});

test('filters by operator and by event kind', t => {
	const {store, close} = openFixture();
	t.teardown(close);
	store.audit.append({operatorNo: '01', event: 'sign-in', result: 'ok'}, 1);
	store.audit.append({operatorNo: '02', event: 'void', result: 'ok'}, 2);
	store.audit.append({operatorNo: '01', event: 'void', result: 'ok'}, 3);
	t.deepEqual(
		store.audit.recent({operatorNo: '01'}, 10).map(row => row.id),
		[3, 1],
	);
	t.deepEqual(
		store.audit.recent({event: 'void'}, 10).map(row => row.id),
		[3, 2],
	);
	t.deepEqual(
		store.audit.recent({operatorNo: '01', event: 'void'}, 10).map(row => row.id),
		[3],
	);
});
