/**
 * Sync push under load (DESIGN §7): 20 concurrent clients push over loopback to the real app on a
 * store holding 20 000 sessions, each push an edit of the client's own session plus a pull since
 * its cursor. The baseline is a bare Hono JSON echo of the same payloads, served the same way
 * (its own process, same HTTP stack) and measured in the same run.
 *
 * Variants, each on the same seeded data and printed with p50/p99/throughput and the ratio to
 * the echo:
 * - `lowdb`: one instance on the embedded store (the budget of DESIGN §7 is stated for this one);
 * - `postgres`: one instance on PostgreSQL (a fresh schema, dropped afterwards);
 * - `postgres ×2`: two instances on that one schema, clients split across both (as behind a load
 *   balancer; they share the database's write lock, so this measures contention, not scale-out
 *   of writes).
 * PostgreSQL variants are skipped with a message when no server answers (test/pg.ts finds it;
 * `TANDEM_TEST_DATABASE_URL` chooses one).
 *
 * `runSyncBench(options)` returns the figures and BenchEntry rows for `npm run bench`; run this
 * file directly for a printout: `node --import tsx test/bench/sync.bench.ts [lowdb postgres postgres-2]`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openLowdbStore } from '../../server/storage/lowdb';
import { openPostgresStore } from '../../server/storage/postgres';
import { dropSchema, freshSchema, pgAvailable, pgUnavailableReason } from '../pg';
import type { BenchEntry } from './entry';
import { type BenchClient, seed } from './sync-server';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sync-server.ts');

/** The DESIGN §7 budget of the sync push. */
export const SYNC_BUDGET = { p99Ms: 100, throughputRatio: 0.25 } as const;

export type VariantName = 'lowdb' | 'postgres' | 'postgres-2';
export const ALL_VARIANTS: readonly VariantName[] = ['lowdb', 'postgres', 'postgres-2'];

export type SyncBenchOptions = {
  sessions?: number;
  clients?: number;
  /** Seconds of load per measurement. */
  seconds?: number;
  variants?: readonly VariantName[];
  /** PostgreSQL server for the PostgreSQL variants (default: whatever test/pg.ts finds). */
  databaseUrl?: string | null;
  log?: (line: string) => void;
};

export type LoadResult = { requests: number; seconds: number; throughput: number; p50: number; p99: number };

export type VariantResult = {
  variant: VariantName;
  label: string;
  instances: number;
  load: LoadResult;
  /** throughput / echo throughput */
  ratio: number;
  ok: boolean;
  seedSeconds: number;
};

export type SyncBenchResult = {
  sessions: number;
  clients: number;
  echo: LoadResult;
  variants: VariantResult[];
  /** Variants not run, and why. */
  skipped: { variant: VariantName; reason: string }[];
  /** The lowdb figures (what earlier versions of this benchmark returned as `tandem`). */
  tandem: LoadResult | null;
  entries: BenchEntry[];
};

type Child = { port: number; stop: () => Promise<void> };

function startChild(args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server (${args[0]}) exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      resolve({
        port: (JSON.parse(line) as { port: number }).port,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

async function load(
  concurrency: number,
  seconds: number,
  makeRequest: (client: number, n: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const t0 = performance.now();
        await makeRequest(client, n);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: elapsed,
    throughput: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

function sessionPayload(employeeId: string, id: string, baseVersion: number) {
  return {
    id,
    employeeId,
    cycleId: 'bench',
    kind: 'coaching' as const,
    status: 'held' as const,
    mainGoal: 'Check progress on the two quarterly goals',
    notes: 'Progress is steady; agreed to pair on the migration next week. '.repeat(20),
    baseVersion,
  };
}

/** The sync load against `urls` (client i uses urls[i % urls.length]). */
async function syncLoad(urls: string[], clients: BenchClient[], seconds: number): Promise<LoadResult> {
  const state = clients.map((c, i) => ({
    ...c,
    url: urls[i % urls.length]!,
    cursor: null as string | null,
    id: randomUUID(),
    version: 0,
  }));
  // First contact: each client takes its snapshot, as the extension does on connecting.
  for (const s of state) {
    const res = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
      body: JSON.stringify({}),
    });
    if (res.status !== 200) throw new Error(`snapshot answered ${res.status}: ${await res.text()}`);
    s.cursor = ((await res.json()) as { cursor: string }).cursor;
  }
  let failures = 0;
  let firstFailure = '';
  const result = await load(state.length, seconds, async (client) => {
    const s = state[client]!;
    // Each push edits the client's own session (a new one every 50 edits) and pulls since its cursor.
    if (s.version >= 50) {
      s.id = randomUUID();
      s.version = 0;
    }
    const body = JSON.stringify({
      cursor: s.cursor,
      push: { sessions: [sessionPayload(s.employeeId, s.id, s.version)] },
    });
    const res = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
      body,
    });
    const text = await res.text();
    const out =
      res.status === 200
        ? (JSON.parse(text) as { cursor: string; results: { status: string; version: number }[] })
        : null;
    const first = out?.results[0];
    if (!out || first?.status !== 'applied') {
      failures++;
      firstFailure ||= `${res.status} ${text.slice(0, 300)}`;
    } else {
      s.version = first.version;
      s.cursor = out.cursor;
    }
  });
  if (failures > 0) throw new Error(`${failures} pushes were not applied (first: ${firstFailure})`);
  return result;
}

const fmt = (r: LoadResult) =>
  `p50 ${r.p50.toFixed(1)} ms · p99 ${r.p99.toFixed(1)} ms · ${r.throughput.toFixed(0)} req/s (${r.requests} requests)`;

export async function runSyncBench(options: SyncBenchOptions = {}): Promise<SyncBenchResult> {
  const sessions = options.sessions ?? 20_000;
  const clients = options.clients ?? 20;
  const seconds = options.seconds ?? 8;
  const variants = options.variants ?? ALL_VARIANTS;
  const log = options.log ?? ((l: string) => console.log(l));
  const skipped: SyncBenchResult['skipped'] = [];
  const results: VariantResult[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  try {
    const echoServer = await startChild(['echo']);
    const echoUrl = `http://127.0.0.1:${echoServer.port}/echo`;
    const echo = await load(clients, seconds, async (client, n) => {
      const body = JSON.stringify({ push: { sessions: [sessionPayload(`c${client}`, randomUUID(), n)] } });
      const res = await fetch(echoUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
    });
    await echoServer.stop();
    log(`sync bench: echo baseline          ${fmt(echo)}`);

    const wantsPg = variants.some((v) => v !== 'lowdb');
    const pgUrl = wantsPg
      ? options.databaseUrl !== undefined
        ? options.databaseUrl
        : await pgAvailable()
      : null;
    let pgWhy = '';
    if (wantsPg && !pgUrl) {
      pgWhy = options.databaseUrl === null ? 'no database given' : await pgUnavailableReason();
      log(`sync bench: PostgreSQL variants SKIPPED — no PostgreSQL server answers (${pgWhy})`);
    }

    for (const variant of variants) {
      const instances = variant === 'postgres-2' ? 2 : 1;
      const label =
        variant === 'lowdb'
          ? `lowdb, ${sessions} sessions, ${clients} clients`
          : `postgres${instances > 1 ? ' ×2 instances' : ''}, ${sessions} sessions, ${clients} clients`;
      if (variant !== 'lowdb' && !pgUrl) {
        skipped.push({ variant, reason: `PostgreSQL not available (${pgWhy})` });
        continue;
      }
      const t0 = performance.now();
      let args: string[];
      let benchClients: BenchClient[];
      if (variant === 'lowdb') {
        const dir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-'));
        cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
        const store = await openLowdbStore(dir);
        benchClients = await seed(store, sessions, clients);
        await store.close();
        args = ['lowdb', dir];
      } else {
        const schema = freshSchema();
        cleanups.push(() => dropSchema(pgUrl!, schema));
        const store = await openPostgresStore(pgUrl!, { schema });
        benchClients = await seed(store, sessions, clients);
        await store.close();
        args = ['postgres', pgUrl!, schema];
      }
      const seedSeconds = (performance.now() - t0) / 1000;
      const servers = await Promise.all(Array.from({ length: instances }, () => startChild(args)));
      let result: LoadResult;
      try {
        result = await syncLoad(
          servers.map((s) => `http://127.0.0.1:${s.port}/api/v1/sync`),
          benchClients,
          seconds,
        );
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
      const ratio = result.throughput / echo.throughput;
      const ok = result.p99 <= SYNC_BUDGET.p99Ms && ratio >= SYNC_BUDGET.throughputRatio;
      results.push({ variant, label, instances, load: result, ratio, ok, seedSeconds });
      log(
        `sync bench: ${label.padEnd(24).slice(0, 60)} ${fmt(result)} · throughput ${ratio.toFixed(3)} × echo ` +
          `(budget ≥ ${SYNC_BUDGET.throughputRatio}, p99 ≤ ${SYNC_BUDGET.p99Ms} ms: ${ok ? 'ok' : 'OVER'})`,
      );
    }

    const entries: BenchEntry[] = results.flatMap((r) => [
      {
        name: `sync push throughput (${r.label})`,
        value: r.load.throughput,
        unit: 'req/s',
        baseline: echo.throughput,
        ratio: r.ratio,
        budget: SYNC_BUDGET.throughputRatio,
        ok: r.ratio >= SYNC_BUDGET.throughputRatio,
        detail: {
          p50: r.load.p50,
          p99: r.load.p99,
          requests: r.load.requests,
          instances: r.instances,
          seconds,
        },
      },
      {
        name: `sync push p99 (${r.label})`,
        value: r.load.p99,
        unit: 'ms',
        baseline: echo.p99,
        ratio: r.load.p99 / echo.p99,
        budget: SYNC_BUDGET.p99Ms,
        ok: r.load.p99 <= SYNC_BUDGET.p99Ms,
        detail: { budgetOn: 'value', p50: r.load.p50, echoP50: echo.p50, instances: r.instances },
      },
    ]);
    return {
      sessions,
      clients,
      echo,
      variants: results,
      skipped,
      tandem: results.find((r) => r.variant === 'lowdb')?.load ?? null,
      entries,
    };
  } finally {
    for (const c of cleanups) await c().catch(() => {});
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const chosen = process.argv
    .slice(2)
    .filter((a): a is VariantName => (ALL_VARIANTS as string[]).includes(a));
  const r = await runSyncBench(chosen.length ? { variants: chosen } : {});
  console.log(JSON.stringify({ echo: r.echo, variants: r.variants, skipped: r.skipped }, null, 2));
  process.exit(0);
}
