/** One row of `test/bench/results.json` (DESIGN §7). */
export type BenchEntry = {
  name: string;
  value: number;
  unit: string;
  /** The same measure on a baseline taken in the same run. */
  baseline: number;
  ratio: number;
  /** The budget on the ratio (or on the value, where `detail.budgetOn` says so). */
  budget: number;
  ok: boolean;
  detail?: Record<string, unknown>;
};
