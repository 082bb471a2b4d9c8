/** One line of the benchmark table. */
export type BenchRow = { benchmark: string; metric: string; value: string; note?: string };

/** What every benchmark module in bench/ exports as `benchmark`. */
export type Benchmark = { name: string; run: (log: (line: string) => void) => Promise<BenchRow[]> };
