/** One line of bench/results.json: an operation beside its raw baseline measured in the same run. */
export type BenchRow = {
	name: string;
	p50_ms: number;
	p99_ms: number;
	baseline_p50_ms: number;
	/** P50 / baseline_p50. */
	ratio: number;
	extra?: Record<string, number>;
};
