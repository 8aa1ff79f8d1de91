/** One measured number a bench module reports. */
export interface BenchResult {
  /** What was measured, e.g. "our index: per-keystroke p99". */
  metric: string;
  value: number | string;
  /** "ms", "%", "×", "" … */
  unit: string;
  /** The target, in words, when the issue sets one (e.g. "< 1 ms"). */
  goal?: string;
  /** Whether the target was met; omitted when there is no target. */
  met?: boolean;
}

/**
 * What bench/run.ts expects of a `bench/*.bench.ts` module: `run()`, and
 * optionally a title and notes (Markdown) for its BENCHMARKS.md section.
 */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
  title?: string;
  notes?: string;
}
