/**
 * `npm run bench`: measures every budget of DESIGN §7 against a baseline taken in the same run,
 * prints the ratios, and writes them to test/bench/results.json so runs can be compared.
 * Budgets are reported, not asserted: the exit code is 1 only when a measurement itself failed.
 *
 * Select parts with arguments: `npm run bench -- sync metrics` (parts: ui, sync, store, metrics,
 * durability).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDurabilityBench } from './durability.bench';
import type { BenchEntry } from './entry';
import { runMetricsBench } from './metrics.bench';
import { runSyncBench } from './sync.bench';
import { runUiBench } from './ui.bench';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

async function storeWrite(): Promise<BenchEntry[]> {
  // Its own process: it fills stores of 20 000 sessions and measures fsync-bound writes.
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(HERE, 'store-write.bench.ts'), '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const last = out.trim().split('\n').at(-1) ?? '[]';
  return JSON.parse(last) as BenchEntry[];
}

async function metrics(): Promise<BenchEntry[]> {
  const r = await runMetricsBench();
  return [
    {
      name: 'metrics: 100k sessions / 300k action items / 150k responses',
      value: r.value,
      unit: 'ms',
      baseline: r.baseline,
      ratio: r.ratio,
      budget: r.budget,
      ok: r.ok,
      detail: { budgetMs: r.budgetMs, records: r.records },
    },
  ];
}

const parts: Record<string, () => Promise<BenchEntry[]>> = {
  ui: () => runUiBench(),
  sync: async () => (await runSyncBench()).entries,
  store: storeWrite,
  metrics,
  durability: async () => [await runDurabilityBench()],
};

const chosen = process.argv.slice(2).filter((a) => a in parts);
const results: BenchEntry[] = [];
let failed = false;
for (const name of chosen.length ? chosen : Object.keys(parts)) {
  process.stdout.write(`\n== ${name}\n`);
  try {
    const entries = await parts[name]!();
    results.push(...entries);
    for (const e of entries) {
      const budget = e.detail?.budgetOn === 'value' ? `value ≤ ${e.budget}` : `ratio budget ${e.budget}`;
      console.log(
        `${e.ok ? 'ok  ' : 'OVER'} ${e.name}: ${e.value.toFixed(2)} ${e.unit} · baseline ${e.baseline.toFixed(2)} · ratio ${e.ratio.toFixed(3)} (${budget})`,
      );
    }
  } catch (err) {
    failed = true;
    console.error(`bench part ${name} failed:`, err);
  }
}

const file = path.join(HERE, 'results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\n${results.filter((r) => r.ok).length}/${results.length} within budget · written to ${path.relative(ROOT, file)}`,
);
process.exit(failed ? 1 : 0);
