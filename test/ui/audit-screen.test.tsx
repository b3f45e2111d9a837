import test from 'ava';
import {render} from 'ink-testing-library';
import {authenticate} from '../../source/services/auth-service.js';
import {App} from '../../source/ui/App.js';
import {auditFilterKinds, auditViewReducer, initialAuditView} from '../../source/ui/state/audit-view.js';
import {addTestOperator, openFixture} from '../helpers/fixture.js';
import {consoleFixture, keys, password, press, readyPrinter, signIn, waitForFrame} from '../helpers/console-ui.js';

/** Rows in the audit log, counted with SQL, independently of the chain walk. */
function auditRows(fixture: {store: {db: {prepare: (sql: string) => {get: () => unknown}}}}): number {
	return (fixture.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as {n: number}).n;
}

/** The event rows of an audit frame: lines that start with a date. */
function eventLines(frame: string): string[] {
	return frame.split('\n').filter(line => /^\d{4}(?:\/\d{2}){2} /.test(line));
}

test('a supervisor opens the audit log with a: recent events, newest first, and the chain verified intact with its head', async t => {
	const fixture = await consoleFixture();
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance, '00');
	await press(instance, 'a');
	const frame = await waitForFrame(instance, 'Chain intact:');
	t.true(frame.includes(`Chain intact: ${auditRows(fixture)} rows verified. Head ${auditRows(fixture)}:`));
	t.regex(frame, /Head \d+:[\da-f]{16}\./);
	t.regex(frame, /Time +Op +Event +Result +Record +Detail/);
	const rows = eventLines(frame);
	t.true(rows.length > 0);
	// The newest event is the supervisor's own sign-in at 17:30 Shanghai time.
	t.regex(rows[0] ?? '', /^2026\/11\/25 17:30:00 +00 +sign-in +ok +- +sign-in$/);
	t.true(frame.includes('operator: all · event: all'));
	t.regex(frame, /o operator {2}e event kind/, 'the footer lists the filter keys');
});

test('the audit log filters by event kind (e) and by operator (o)', async t => {
	const fixture = await consoleFixture();
	t.teardown(fixture.close);
	const {instance, context} = fixture;
	// One failed sign-in of 01 and one lockout-free wrong supervisor password, for the filters to find.
	await authenticate(context, '01', 'not-it');
	await authenticate(context, '00', 'not-it-either');
	await signIn(instance, '00');
	await press(instance, 'a');
	await waitForFrame(instance, 'Chain intact:');

	await press(instance, 'e');
	const signIns = await waitForFrame(instance, frame => /event: sign-in$/m.test(frame));
	t.true(eventLines(signIns).length > 0);
	t.true(
		eventLines(signIns).every(line => / sign-in +ok /.test(line)),
		signIns,
	);

	await press(instance, 'e');
	const failed = await waitForFrame(instance, 'event: failed sign-in');
	const failedRows = eventLines(failed);
	t.is(failedRows.length, 2, failed);
	t.true(
		failedRows.every(line => / failed sign-in +refused +- +sign-in: wrong password \(1\)$/.test(line)),
		failed,
	);

	await press(instance, 'o');
	await waitForFrame(instance, 'Operator number (Enter applies; empty for all):');
	await press(instance, '01', keys.enter);
	const mine = await waitForFrame(instance, 'operator: 01 · event: failed sign-in');
	t.deepEqual(
		eventLines(mine).map(line => line.split(/ {2,}/)[1]),
		['01'],
	);

	// Back to every kind for operator 01: its sign-ins and its failed one, nobody else's. The failed
	// sign-in is the third entry (after all and sign-in), so the rest of the list brings `all` back.
	for (let index = 0; index < auditFilterKinds.length - 2; index++) {
		await press(instance, 'e');
	}

	const everything = await waitForFrame(instance, 'operator: 01 · event: all');
	const operators = new Set(eventLines(everything).map(line => line.split(/ {2,}/)[1]));
	t.deepEqual([...operators], ['01']);

	// The prompt starts empty (what is typed replaces the filter), and an empty number shows everyone again.
	await press(instance, 'o');
	await waitForFrame(instance, frame => /^Operator number \(Enter applies; empty for all\): *$/m.test(frame));
	await press(instance, keys.enter);
	await waitForFrame(instance, 'operator: all · event: all');
});

test('a cashier needs a supervisor number and password before the audit log opens', async t => {
	const fixture = await consoleFixture();
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance, '01');
	await press(instance, 'a');
	await waitForFrame(instance, "The audit log is for supervisors: enter a supervisor's number and password.");
	t.false((instance.lastFrame() ?? '').includes('Chain'));
	await press(instance, '01', keys.enter);
	await waitForFrame(instance, 'Supervisor 01 password:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Operator 01 is not a supervisor');
	t.false((instance.lastFrame() ?? '').includes('Chain'));
	await press(instance, '00', keys.enter);
	await waitForFrame(instance, 'Supervisor 00 password:');
	await press(instance, password, keys.enter);
	await waitForFrame(instance, 'Chain intact:');

	// Leaving ends the approval: the next visit asks again.
	await press(instance, keys.escape);
	await waitForFrame(instance, 'Today 2026-11-25');
	await press(instance, 'a');
	await waitForFrame(instance, 'Supervisor number:');
});

test('an audit row edited behind the log is named: the chain shows broken at that row', async t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	await addTestOperator(fixture.context, '00', 'supervisor', password);
	for (let index = 0; index < 5; index++) {
		fixture.store.audit.append({event: 'import', result: 'ok', detail: `marker-${index}`}, fixture.clock.now);
	}

	const tampered = (
		fixture.store.db.prepare(`SELECT id FROM audit_log WHERE detail = 'marker-2'`).get() as {id: number}
	).id;
	// As an attacker with write access to the file would: drop the guard, edit, put the guard back.
	fixture.store.db.exec(`
		DROP TRIGGER audit_log_refuses_update;
		UPDATE audit_log SET detail = 'marker-9' WHERE id = ${tampered};
	`);
	const instance = render(<App context={fixture.context} language="en" checkPrinter={readyPrinter} />);
	t.teardown(() => {
		instance.unmount();
	});
	await signIn(instance, '00');
	await press(instance, 'a');
	const frame = await waitForFrame(instance, 'Chain BROKEN');
	t.true(
		frame.includes(
			`Chain BROKEN at row ${tampered}: its content does not match its hash (edited) (${tampered - 1} rows before it verified).`,
		),
		frame,
	);
	t.true(frame.includes('marker-9'), 'the edited row is still listed');
});

test('the audit log is windowed to the terminal: never taller than rows − 1, PgDn and End move through it', async t => {
	const fixture = await consoleFixture({
		seed(fixture) {
			for (let index = 0; index < 120; index++) {
				fixture.store.audit.append(
					{operatorNo: '01', event: 'print', result: 'ok', record: `void:${index}`, detail: `job ${index}`},
					fixture.clock.now,
				);
			}
		},
	});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance, '00');
	await press(instance, 'a');
	const first = await waitForFrame(instance, 'Chain intact:');
	const total = auditRows(fixture);
	// The test terminal is 24 rows: the frame is at most 23 lines.
	t.true(first.split('\n').length <= 23, `${first.split('\n').length} lines`);
	const shown = eventLines(first).length;
	t.true(shown > 5);
	t.true(first.includes(`Rows 1–${shown} of ${total}`), first);

	await press(instance, keys.pageDown);
	const second = await waitForFrame(instance, `Rows ${shown + 1}–${shown * 2} of ${total}`);
	t.true(second.split('\n').length <= 23);

	await press(instance, keys.end);
	const last = await waitForFrame(instance, `–${total} of ${total}`);
	t.regex(eventLines(last).at(-1) ?? '', /operator added|sign-in|init/);
	t.true(last.split('\n').length <= 23);
});

test('control characters from the log never reach the screen', async t => {
	const fixture = await consoleFixture({
		seed(fixture) {
			fixture.store.audit.append(
				{
					operatorNo: '01',
					event: 'void',
					result: 'ok',
					record: 'void:\u001B[2J1',
					detail: 'bad\u001B]0;title\u0007name\nnext',
				},
				fixture.clock.now,
			);
		},
	});
	t.teardown(fixture.close);
	const {instance} = fixture;
	await signIn(instance, '00');
	await press(instance, 'a');
	const frame = await waitForFrame(instance, 'Chain intact:');
	t.true(frame.includes('void:[2J1'));
	t.true(frame.includes('bad]0;titlename next'));
	t.false(frame.includes('\u001B[2J'));
	t.false(frame.includes('\u0007'));
});

test('the audit view reducer: e steps through the kinds and back to all, o applies a number or clears it, scrolling stays in range', t => {
	let view = initialAuditView;
	for (const _kind of auditFilterKinds) {
		view = auditViewReducer(view, {type: 'next-kind'});
	}

	t.is(view.kindIndex, 0);
	view = auditViewReducer(view, {type: 'edit-operator'});
	t.true(view.editing);
	view = auditViewReducer(view, {type: 'operator', operatorNo: '07'});
	t.like(view, {operatorNo: '07', editing: false});
	view = auditViewReducer(view, {type: 'operator', operatorNo: ''});
	t.is(view.operatorNo, undefined);
	view = auditViewReducer(view, {type: 'scroll', by: 100, rows: 30, visible: 10});
	t.is(view.top, 20);
	view = auditViewReducer(view, {type: 'scroll', by: -100, rows: 30, visible: 10});
	t.is(view.top, 0);
});
