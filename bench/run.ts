// `npm run bench`: every benchmark, each beside its raw baseline in the same run, written to
// bench/results.json. Targets are printed next to the figures; a miss is reported, not hidden.
// `npm run bench -- start-up keys` runs only the named suites and leaves results.json alone.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {sqlEngine} from '../source/store/sqlite-driver.js';
import type {BenchRow} from './bench-row.js';
import {runImportBench} from './import-bench.js';
import {runPaymentsBench} from './payments-bench.js';
import {runPrintBench} from './print-bench.js';
import {runStoreBench} from './store-bench.js';
import {runKeyBench, runStartUpBench} from './ui-bench.js';
import {runVoidPrintBench} from './void-print-bench.js';

type Target = {test: (row: BenchRow) => boolean; text: string};

/** The targets from the issues, matched to rows by name. */
const targets: Array<[RegExp, Target]> = [
	[/^search|^page|50-row page/, {test: row => row.p99_ms < 2 && row.ratio <= 1.5, text: 'p99 < 2 ms and ≤ 1.5× raw'}],
	[/^void commit/, {test: row => row.ratio <= 2, text: 'p50 ≤ 2× raw FULL commit'}],
	[/slip printed|^print void slip/, {test: row => row.p99_ms < 20, text: 'p99 < 20 ms'}],
	[/^start-up/, {test: row => row.ratio <= 1.25, text: '≤ 1.25× Ink hello world'}],
	[/quick_check/, {test: () => true, text: 'reported'}],
	[
		/^online void/,
		{
			test: row =>
				(row.extra?.['p99_ratio'] ?? Number.POSITIVE_INFINITY) <= 1.5 &&
				row.extra?.['start_up_chunks_with_payments_code'] === 0,
			text: 'p99 ≤ 1.5× raw; start-up loads no payments code',
		},
	],
	[
		/^import /,
		{
			test: row =>
				(row.extra?.['rows_per_s_ratio'] ?? 0) >= 0.5 &&
				(row.extra?.['peak_rss_mib'] ?? Number.POSITIVE_INFINITY) < 200,
			text: 'rows/s ≥ 0.5× raw, peak RSS < 200 MiB',
		},
	],
	[/^key /, {test: row => (row.extra?.['p95_ms'] ?? Number.POSITIVE_INFINITY) < 50, text: 'p95 < 50 ms'}],
];

function targetOf(row: BenchRow): Target | undefined {
	return targets.find(([pattern]) => pattern.test(row.name))?.[1];
}

const suites: Array<[string, () => Promise<BenchRow[]>]> = [
	['store', runStoreBench],
	['printing', runPrintBench],
	['void to slip', runVoidPrintBench],
	['start-up', runStartUpBench],
	['keys', runKeyBench],
	['payments', runPaymentsBench],
	['import', runImportBench],
];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, run] of suites) {
	if (only.length > 0 && !only.includes(name)) {
		continue;
	}

	console.error(`bench: ${name}…`);
	rows.push(...(await run()));
}

console.table(
	rows.map(row => {
		const target = targetOf(row);
		return {
			name: row.name,
			'p50 ms': row.p50_ms,
			'p99 ms': row.p99_ms,
			'raw p50 ms': row.baseline_p50_ms,
			ratio: row.ratio,
			target: target?.text ?? '',
			met: target ? (target.test(row) ? 'yes' : 'NO') : '',
		};
	}),
);

// Node 20 (better-sqlite3) writes results.json, Node 24 (node:sqlite) results-node24.json: the same rows and targets.
const major = Number(process.versions.node.split('.')[0]);
const file = path.join(import.meta.dirname, major >= 24 ? `results-node${major}.json` : 'results.json');
console.error(`node ${process.versions.node}, SQLite through ${sqlEngine()}`);
if (only.length > 0) {
	console.error(`a partial run (${only.join(', ')}): ${file} is written only when every suite runs`);
} else {
	fs.writeFileSync(file, JSON.stringify(rows, undefined, '\t') + '\n');
	console.error(`wrote ${file}`);
}
