import test from 'ava';
import {runAuditTamper, runBooksTamper, runIdleLock, runSecrets} from '../soak/tamper-suite.js';

test('audit_log refuses UPDATE and DELETE, and audit --verify names a row whose bytes were edited in the file', async t => {
	const figures = await runAuditTamper({voids: 6, maxRows: 4});
	t.deepEqual({losses: figures.losses, violations: figures.violations}, {losses: 0, violations: []});
	t.true(figures.cases >= 6);
});

test('money-table edits with the triggers dropped are found by audit --verify whenever an audit row recorded what changed', async t => {
	const figures = await runBooksTamper({runs: 6});
	t.deepEqual({losses: figures.losses, violations: figures.violations}, {losses: 0, violations: []});
	t.is(figures.cases, 6);
});

test('a day through the real binary leaves no full card number or password in any file or output, and owner-only files', async t => {
	const figures = await runSecrets();
	t.deepEqual({losses: figures.losses, violations: figures.violations}, {losses: 0, violations: []});
	t.is(figures.notes['lockout held'], 1);
	t.is(figures.notes['owner-only files'], 6);
});

test('the idle lock lets no key through, and wrong passwords on it lock the operator out', async t => {
	const figures = await runIdleLock({rounds: 1});
	t.deepEqual({losses: figures.losses, violations: figures.violations}, {losses: 0, violations: []});
	t.is(figures.notes['right password refused once locked out'], 1);
});
