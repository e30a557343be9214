/**
 * Sync under load (DESIGN §7), driven like real extensions: 20 managers, each with its own token,
 * each keeping the cursor of its last answer; every request pushes one record (an edit of the
 * client's own session) and pulls what changed since that cursor. Over loopback, against the real
 * app in its own process. The baseline is a bare Hono JSON echo of the same payloads, served the
 * same way and measured in the same run.
 *
 * Measured:
 * - lowdb at 1 000, 20 000 and 100 000 stored sessions (3 action items each): throughput, p50,
 *   p99; the budgets are ≥ 50 % of the echo and p99 ≤ 50 ms at 20 000, and the cost of a sync
 *   (1 / throughput at the same concurrency) at 100 000 ≤ 1.5 × the cost at 1 000;
 * - the embedded store's start-up (open = snapshot load + journal replay + indexes) and resident
 *   memory at 100 000 sessions / 300 000 action items, as the server process reports them;
 * - PostgreSQL at 20 000 stored: one instance (≥ 25 % of the echo) and two instances on one
 *   schema with the clients split over both (≥ 1.3 × one instance). Skipped with a message when
 *   no server answers (test/pg.ts finds it; `TANDEM_TEST_DATABASE_URL` chooses one).
 *
 * `runSyncBench(options)` returns the figures and BenchEntry rows for `npm run bench`; run this
 * file directly for a printout:
 * `node --import tsx test/bench/sync.bench.ts [lowdb postgres postgres-2] [--sizes=1000,20000] [--seconds=8]`.
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

/** The DESIGN §7 budgets of sync. */
export const SYNC_BUDGET = {
  lowdbRatio: 0.5,
  lowdbP99Ms: 50,
  /** at 20 000 stored sessions */
  atSessions: 20_000,
  /** cost per sync at the largest size / at the smallest */
  growth: 1.5,
  pgRatio: 0.25,
  /** two PostgreSQL instances / one */
  pgScale: 1.3,
  /** start-up of the embedded store at the largest size, seconds */
  startSeconds: 5,
} as const;

export type VariantName = 'lowdb' | 'postgres' | 'postgres-2';
export const ALL_VARIANTS: readonly VariantName[] = ['lowdb', 'postgres', 'postgres-2'];

export type SyncBenchOptions = {
  /** Stored sessions for the lowdb runs (default 1 000, 20 000, 100 000). */
  sizes?: readonly number[];
  /** Stored sessions for the PostgreSQL runs (default 20 000). */
  pgSessions?: number;
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
  sessions: number;
  instances: number;
  load: LoadResult;
  /** throughput / echo throughput */
  ratio: number;
  seedSeconds: number;
  /** Opening the store in the server process (ms) and its resident memory then (bytes). */
  openMs: number;
  rss: number;
};

export type SyncBenchResult = {
  clients: number;
  echo: LoadResult;
  variants: VariantResult[];
  /** Variants not run, and why. */
  skipped: { variant: VariantName; reason: string }[];
  entries: BenchEntry[];
};

type Child = { port: number; openMs: number; rss: number; stop: () => Promise<void> };

function startChild(args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server (${args[0]}) exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const ready = JSON.parse(line) as { port: number; openMs?: number; rss?: number };
      resolve({
        port: ready.port,
        openMs: ready.openMs ?? 0,
        rss: ready.rss ?? 0,
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

/** The BenchEntry rows of DESIGN §7 from the measured variants. */
function entriesOf(echo: LoadResult, results: VariantResult[], seconds: number): BenchEntry[] {
  const B = SYNC_BUDGET;
  const entries: BenchEntry[] = [];
  const detail = (r: VariantResult) => ({
    p50: r.load.p50,
    p99: r.load.p99,
    requests: r.load.requests,
    instances: r.instances,
    sessions: r.sessions,
    seconds,
  });
  const lowdb = results.filter((r) => r.variant === 'lowdb').sort((a, b) => a.sessions - b.sessions);
  for (const r of lowdb) {
    const budgeted = r.sessions === B.atSessions;
    entries.push({
      name: `sync throughput (${r.label})`,
      value: r.load.throughput,
      unit: 'req/s',
      baseline: echo.throughput,
      ratio: r.ratio,
      budget: budgeted ? B.lowdbRatio : 0,
      ok: !budgeted || r.ratio >= B.lowdbRatio,
      detail: { ...detail(r), ...(budgeted ? {} : { note: 'no budget at this size; see the growth row' }) },
    });
    entries.push({
      name: `sync p99 (${r.label})`,
      value: r.load.p99,
      unit: 'ms',
      baseline: echo.p99,
      ratio: r.load.p99 / echo.p99,
      budget: budgeted ? B.lowdbP99Ms : Number.POSITIVE_INFINITY,
      ok: !budgeted || r.load.p99 <= B.lowdbP99Ms,
      detail: { budgetOn: 'value', p50: r.load.p50, echoP50: echo.p50, sessions: r.sessions },
    });
  }
  const small = lowdb[0];
  const large = lowdb.at(-1);
  if (small && large && large.sessions > small.sessions) {
    // Cost per sync at a fixed concurrency is 1 / throughput.
    const growth = small.load.throughput / large.load.throughput;
    entries.push({
      name: `sync cost per request at ${large.sessions} / at ${small.sessions} stored sessions (lowdb)`,
      value: 1000 / large.load.throughput,
      unit: 'ms/req',
      baseline: 1000 / small.load.throughput,
      ratio: growth,
      budget: B.growth,
      ok: growth <= B.growth,
      detail: { small: small.load, large: large.load },
    });
    entries.push({
      name: `embedded store start-up at ${large.sessions} sessions / ${large.sessions * 3} action items`,
      value: large.openMs / 1000,
      unit: 's',
      baseline: 0,
      ratio: 0,
      budget: B.startSeconds,
      ok: large.openMs / 1000 <= B.startSeconds,
      detail: { budgetOn: 'value', rssMiB: large.rss / 2 ** 20 },
    });
    entries.push({
      name: `embedded store resident memory at ${large.sessions} sessions / ${large.sessions * 3} action items`,
      value: large.rss / 2 ** 20,
      unit: 'MiB',
      baseline: small.rss / 2 ** 20,
      ratio: large.rss / small.rss,
      budget: Number.POSITIVE_INFINITY,
      ok: true,
      detail: { budgetOn: 'value', note: 'printed, no budget', smallSessions: small.sessions },
    });
  }
  const pg1 = results.find((r) => r.variant === 'postgres');
  const pg2 = results.find((r) => r.variant === 'postgres-2');
  if (pg1) {
    entries.push({
      name: `sync throughput (${pg1.label})`,
      value: pg1.load.throughput,
      unit: 'req/s',
      baseline: echo.throughput,
      ratio: pg1.ratio,
      budget: B.pgRatio,
      ok: pg1.ratio >= B.pgRatio,
      detail: detail(pg1),
    });
  }
  if (pg2) {
    const scale = pg1 ? pg2.load.throughput / pg1.load.throughput : Number.NaN;
    entries.push({
      name: `sync throughput, 2 PostgreSQL instances / 1 (${pg2.label})`,
      value: pg2.load.throughput,
      unit: 'req/s',
      baseline: pg1?.load.throughput ?? Number.NaN,
      ratio: scale,
      budget: B.pgScale,
      ok: scale >= B.pgScale,
      detail: { ...detail(pg2), echoRatio: pg2.ratio },
    });
  }
  return entries;
}

export async function runSyncBench(options: SyncBenchOptions = {}): Promise<SyncBenchResult> {
  const sizes = options.sizes ?? [1_000, 20_000, 100_000];
  const pgSessions = options.pgSessions ?? SYNC_BUDGET.atSessions;
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

    const runs: { variant: VariantName; sessions: number }[] = [];
    for (const variant of variants) {
      if (variant === 'lowdb') for (const n of sizes) runs.push({ variant, sessions: n });
      else runs.push({ variant, sessions: pgSessions });
    }
    for (const { variant, sessions } of runs) {
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
      const { openMs, rss } = servers[0]!;
      results.push({ variant, label, sessions, instances, load: result, ratio, seedSeconds, openMs, rss });
      log(
        `sync bench: ${label.padEnd(40).slice(0, 60)} ${fmt(result)} · ${ratio.toFixed(3)} × echo · ` +
          `store opened in ${(openMs / 1000).toFixed(2)} s, RSS ${(rss / 2 ** 20).toFixed(0)} MiB · seeded in ${seedSeconds.toFixed(0)} s`,
      );
    }
    return { clients, echo, variants: results, skipped, entries: entriesOf(echo, results, seconds) };
  } finally {
    for (const c of cleanups) await c().catch(() => {});
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const chosen = process.argv
    .slice(2)
    .filter((a): a is VariantName => (ALL_VARIANTS as string[]).includes(a));
  const num = (flag: string) => process.argv.find((a) => a.startsWith(`--${flag}=`))?.split('=')[1];
  const sizes = num('sizes')?.split(',').map(Number);
  const seconds = num('seconds') ? Number(num('seconds')) : undefined;
  const r = await runSyncBench({
    ...(chosen.length ? { variants: chosen } : {}),
    ...(sizes ? { sizes, pgSessions: sizes.includes(20_000) ? 20_000 : sizes[0]! } : {}),
    ...(seconds ? { seconds } : {}),
  });
  for (const e of r.entries)
    console.log(
      `${e.ok ? 'ok  ' : 'OVER'} ${e.name}: ${e.value.toFixed(2)} ${e.unit} · ratio ${e.ratio.toFixed(3)}`,
    );
  console.log(JSON.stringify({ echo: r.echo, variants: r.variants, skipped: r.skipped }, null, 2));
  process.exit(0);
}
