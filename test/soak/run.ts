// `npm run soak`: every reliability suite with its full counts, a table of figures, and
// bench/soak.json. Exits non-zero when anything was lost, doubled or hung, or a promise broke.
// `npm run soak -- --quick` runs the same suites with the small counts of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {repoRoot} from '../helpers/child-process.js';
// Sets the test clock (POSVOID_CLOCK) that every suite and process it starts shares.
import {testClockStart} from '../helpers/test-clock.js';
import {runBadInput} from './bad-input-suite.js';
import {runContest, runLockHolder} from './concurrency-suite.js';
import {runImportCrash, runMigrationCrash, runVoidCrash} from './crash-suite.js';
import {isClean, type SuiteFigures} from './figures.js';
import {runFooterWalk} from './footer-walk-suite.js';
import {runAuthBadInput, runClaimClockSteps, runIdleClockSteps, runLockoutSequences} from './lockout-suite.js';
import {runOnlineVoidCrash} from './online-void-suite.js';
import {runPrinterFaults} from './printer-fault-suite.js';
import {runStatusReplies} from './status-reply-suite.js';
import {runAuditTamper, runBooksTamper, runIdleLock, runSecrets} from './tamper-suite.js';

const quick = process.argv.includes('--quick');
// `--only crash,concurrency` runs the suites whose names start with those words.
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex === -1 ? undefined : (process.argv[onlyIndex + 1] ?? '').split(',').filter(Boolean);

/** Each suite with its soak count and its quick count. */
const suites: Array<[string, () => Promise<SuiteFigures>]> = [
	['crash: voids', async () => runVoidCrash({rounds: quick ? 12 : 1000, lanes: 2})],
	['crash: migration', async () => runMigrationCrash({rounds: quick ? 6 : 300})],
	['crash: import', async () => runImportCrash({rounds: quick ? 3 : 30, rows: quick ? 3000 : 20_000})],
	['concurrency: contested voids', async () => runContest({sales: quick ? 300 : 10_000, perRound: quick ? 150 : 500})],
	['concurrency: lock held', async () => runLockHolder({rounds: quick ? 1 : 10})],
	['printer faults', async () => runPrinterFaults({repeats: quick ? 1 : 15})],
	['printer faults: stale, doubled and unsolicited status', async () => runStatusReplies({runs: quick ? 12 : 400})],
	['bad input', async () => runBadInput({runs: quick ? 60 : 1000})],
	['tamper: audit log', async () => runAuditTamper({voids: quick ? 6 : 40, maxRows: quick ? 4 : undefined})],
	['tamper: money tables', async () => runBooksTamper({runs: quick ? 6 : 120})],
	['secrets and permissions', async () => runSecrets()],
	['lockout and idle lock', async () => runIdleLock({rounds: quick ? 1 : 10})],
	['lockout: guesses across lock ends', async () => runLockoutSequences({runs: quick ? 12 : 200})],
	['clock steps: print-job claims', async () => runClaimClockSteps({runs: quick ? 40 : 2000})],
	['clock steps: idle lock', async () => runIdleClockSteps({runs: quick ? 4 : 30})],
	['bad input: stdin, passwords, repeated keys', async () => runAuthBadInput({runs: quick ? 30 : 1000})],
	['footer promise: random key walks', async () => runFooterWalk({runs: quick ? 2 : 60, steps: quick ? 80 : 200})],
	['online voids: kills around the request', async () => runOnlineVoidCrash({rounds: quick ? 40 : 400})],
];

type Row = SuiteFigures & {seconds: number};

const rows: Row[] = [];
const started = performance.now();
process.stdout.write(`test clock starts at ${new Date(testClockStart).toISOString()} (POSVOID_CLOCK)\n`);
for (const [name, run] of suites) {
	if (only && !only.some(prefix => name.startsWith(prefix))) {
		continue;
	}

	process.stdout.write(`running ${name}…\n`);
	const began = performance.now();
	let figures: SuiteFigures;
	try {
		figures = await run();
	} catch (error) {
		figures = {
			suite: name,
			cases: 0,
			faults: 0,
			losses: 0,
			duplicates: 0,
			hangs: 0,
			violations: [`the suite itself failed: ${(error as Error).stack ?? String(error)}`],
			hangDetails: [],
			notes: {},
		};
	}

	const row = {...figures, seconds: Math.round((performance.now() - began) / 100) / 10};
	rows.push(row);
	process.stdout.write(`  ${isClean(row) ? 'clean' : 'NOT CLEAN'} in ${row.seconds} s\n`);
}

const columns = ['suite', 'cases', 'faults', 'losses', 'duplicates', 'hangs', 'violations', 'seconds'] as const;
const cell = (row: Row, column: (typeof columns)[number]) =>
	column === 'violations' ? String(row.violations.length) : String(row[column]);
const widths = columns.map(column => Math.max(column.length, ...rows.map(row => cell(row, column).length)));
const line = (values: string[]) =>
	values
		.map((value, index) => (index === 0 ? value.padEnd(widths[index]!) : value.padStart(widths[index]!)))
		.join('  ');
const table = [
	line([...columns]),
	line(widths.map(width => '-'.repeat(width))),
	...rows.map(row => line(columns.map(column => cell(row, column)))),
].join('\n');

process.stdout.write(`\n${table}\n\n`);
for (const row of rows) {
	const notes = Object.entries(row.notes)
		.map(([key, value]) => `${key} ${value}`)
		.join('; ');
	process.stdout.write(`${row.suite}: ${notes}\n`);
	for (const text of [...row.violations, ...row.hangDetails]) {
		process.stdout.write(`  ! ${text}\n`);
	}
}

const clean = rows.every(row => isClean(row));
const totalSeconds = Math.round((performance.now() - started) / 1000);
process.stdout.write(`\n${clean ? 'all suites clean' : 'SOME SUITES ARE NOT CLEAN'} in ${totalSeconds} s\n`);

if (!quick) {
	// Node 20 writes bench/soak.json, Node 24 bench/soak-node24.json. A run of some suites (--only)
	// replaces those suites' rows in the file and keeps the others, each row saying when it ran.
	const major = Number(process.versions.node.split('.')[0]);
	const name = `bench/soak${major >= 24 ? `-node${major}` : ''}.json`;
	const file = path.join(repoRoot, name);
	const ranAt = new Date().toISOString();
	const ran = rows.map(row => ({...row, ranAt, node: process.version}));
	let suites: Array<(typeof ran)[number] | SuiteFigures> = ran;
	if (only && fs.existsSync(file)) {
		const earlier = (JSON.parse(fs.readFileSync(file, 'utf8')) as {suites: SuiteFigures[]}).suites;
		suites = [...earlier.filter(row => !rows.some(now => now.suite === row.suite)), ...ran];
	}

	const report = {
		generatedAt: ranAt,
		node: process.version,
		machine: {platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length},
		totalSeconds,
		clean: suites.every(row => isClean(row)),
		suites,
		...(only && {lastRunOnly: only}),
	};
	fs.writeFileSync(file, JSON.stringify(report, null, '\t') + '\n');
	process.stdout.write(`wrote ${name}${only ? ` (the suites run replace theirs: ${only.join(', ')})` : ''}\n`);
}
