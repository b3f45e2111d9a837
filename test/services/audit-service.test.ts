import test from 'ava';
import {verifyAuditChain, verifyAuditChainInSteps} from '../../source/services/audit-service.js';
import {openFixture} from '../helpers/fixture.js';

function withAuditRows(count: number) {
	const fixture = openFixture();
	fixture.store.immediate(() => {
		for (let index = 0; index < count; index++) {
			fixture.store.audit.append(
				{operatorNo: '01', event: 'sign-in', result: 'ok', detail: `row ${index}`},
				1000 + index,
			);
		}
	});
	return fixture;
}

test('the walk in steps answers as the walk in one go, and lets the event loop run between steps', async t => {
	const fixture = withAuditRows(4500);
	t.teardown(fixture.close);
	let turns = 0;
	const ticker = setInterval(() => {
		turns++;
	}, 0);
	const stepped = await verifyAuditChainInSteps(fixture.context);
	clearInterval(ticker);
	t.deepEqual(stepped, verifyAuditChain(fixture.context));
	t.like(stepped, {ok: true, rows: fixture.store.audit.recent({}, 1)[0]!.id});
	t.true(turns > 0, 'timers ran while the log was checked');
});

test('the walk in steps names an edited row past its first step, and stops when aborted', async t => {
	const fixture = withAuditRows(4500);
	t.teardown(fixture.close);
	fixture.store.db.exec('DROP TRIGGER audit_log_refuses_update');
	fixture.store.db.prepare(`UPDATE audit_log SET detail = 'nothing happened' WHERE id = 3100`).run();
	t.like(await verifyAuditChainInSteps(fixture.context), {ok: false, brokenId: 3100, rows: 3099});

	const walk = new AbortController();
	const aborted = verifyAuditChainInSteps(fixture.context, walk.signal);
	walk.abort();
	t.is(await aborted, undefined);
});
