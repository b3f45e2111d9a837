import type {BenchRow} from './bench-row.js';

export function percentile(sorted: readonly number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

export function roundMs(ms: number): number {
	return Math.round(ms * 1000) / 1000;
}

/** Runs `action` `warmUp + times` times and returns the last `times` durations in ms, sorted. */
export async function measureAsync(
	times: number,
	warmUp: number,
	action: (index: number) => Promise<void>,
): Promise<number[]> {
	const samples: number[] = [];
	for (let index = 0; index < warmUp + times; index++) {
		const start = performance.now();
		await action(index);
		if (index >= warmUp) {
			samples.push(performance.now() - start);
		}
	}

	return samples.toSorted((a, b) => a - b);
}

/** A result row from two sample sets (any order): p50 and p99 beside the baseline's, and their ratio. */
export function resultOf(
	name: string,
	samples: readonly number[],
	baseline: readonly number[],
	extra: Record<string, number> = {},
): BenchRow {
	const sorted = samples.toSorted((a, b) => a - b);
	const baselineSorted = baseline.toSorted((a, b) => a - b);
	const p50 = percentile(sorted, 0.5);
	const baselineP50 = percentile(baselineSorted, 0.5);
	return {
		name,
		p50_ms: roundMs(p50),
		p99_ms: roundMs(percentile(sorted, 0.99)),
		baseline_p50_ms: roundMs(baselineP50),
		ratio: Math.round((p50 / baselineP50) * 100) / 100,
		extra: {baseline_p99_ms: roundMs(percentile(baselineSorted, 0.99)), runs: samples.length, ...extra},
	};
}
