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
	t.deepEqual(store.audit.verify(), {ok: true, rows: 3, head: {id: 3, hash: rows[2]!.hash}});
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
	t.like(store.audit.verify(), {ok: true, rows: 2});
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

test('rows cut from the end of the log are found back to an anchor, and a rewritten log by its hash', t => {
	const {store, close} = openFixture();
	t.teardown(close);
	appendEvents(store, 6);
	const anchored = store.audit.recent({}, 10).find(row => row.id === 4)!;
	const anchor = {id: 4, hash: anchored.hash.slice(0, 16)};
	t.like(store.audit.verify(anchor), {ok: true, rows: 6});

	// An attacker who can drop the triggers deletes the newest rows: the links alone still hold.
	store.db.exec('DROP TRIGGER audit_log_refuses_delete');
	store.db.prepare('DELETE FROM audit_log WHERE id >= 4').run();
	t.like(store.audit.verify(), {ok: true, rows: 3});
	const truncated = store.audit.verify(anchor);
	t.like(truncated, {ok: false, rows: 3, brokenId: 4});
	t.regex(truncated.ok ? '' : truncated.why, /rows were removed from its end/);

	// Rows written again in their place chain correctly but cannot carry the anchored hash.
	appendEvents(store, 3);
	t.like(store.audit.verify(), {ok: true, rows: 6});
	const rewritten = store.audit.verify(anchor);
	t.like(rewritten, {ok: false, brokenId: 4});
	t.regex(rewritten.ok ? '' : rewritten.why, /not the anchored one/);
});

test('a settlement is found by its batch as the anchor its report prints', t => {
	const {store, close} = openFixture();
	t.teardown(close);
	appendEvents(store, 2);
	const id = store.audit.append({operatorNo: '00', event: 'settlement', result: 'ok', record: 'batch:000001'}, 5000);
	appendEvents(store, 1);
	const anchor = store.audit.settlementAnchor('000001', 5000);
	t.is(anchor?.id, id);
	t.like(store.audit.verify(anchor), {ok: true});
	t.is(store.audit.settlementAnchor('000002', 5000), undefined);
	t.is(store.audit.settlementAnchor('000001', 6000), undefined, 'a batch of the same number settled at another time');
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
