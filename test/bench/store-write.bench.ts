/**
 * Cost of one write transaction on the lowdb store (a session put), at 1 000 and at 20 000 stored
 * sessions (~2.5 KB each), with 20 concurrent writers: mean and p99 latency, throughput, and the
 * ratio 20 000 / 1 000 (budget ≤ 1.5: the cost of a write must not grow with the store). Also the
 * time of one compaction at 20 000 sessions, and how long it blocked the event loop.
 *
 * Run: npx tsx test/bench/store-write.bench.ts [--json]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type LowdbStore, openLowdbStore } from '../../server/storage/lowdb';
import type { StoredSession } from '../../server/storage/types';

const WRITERS = 20;
const WRITES_PER_WRITER = 100;
const ROUNDS = 4;
const BUDGET = 1.5;

const words =
  'fact feedback goal plan support skill progress review agree next step clear owner due measure'.split(' ');
function text(n: number, salt: number): string {
  let out = '';
  for (let i = 0; out.length < n; i++) out += `${words[(i * 7 + salt) % words.length]} `;
  return out.slice(0, n);
}

/** A realistic session of about 2.5 KB of JSON. */
function session(id: string, seq: number, version: number, salt: number): StoredSession {
  return {
    id,
    employeeId: `emp-${salt % 500}`,
    cycleId: '2025-h1',
    kind: 'review',
    status: 'recorded',
    scheduledAt: '2025-06-02T09:00:00.000Z',
    invitedAt: '2025-05-28T09:00:00.000Z',
    startedAt: '2025-06-02T09:01:00.000Z',
    endedAt: '2025-06-02T09:52:00.000Z',
    recordedAt: '2025-06-02T15:00:00.000Z',
    mainGoal: text(160, salt),
    employeeType: 'wavering',
    agenda: {
      strengths: text(220, salt + 1),
      gaps: text(220, salt + 2),
      causes: [
        { category: 'skill', text: text(150, salt + 3) },
        { category: 'resources', text: text(150, salt + 4) },
      ],
      nextGoals: text(250, salt + 5),
      questions: [text(80, salt + 6), text(80, salt + 7), text(80, salt + 8)],
    },
    notes: text(350, salt + 9),
    privateNotes: text(120, salt + 10),
    selfAssessment: text(200, salt + 11),
    checklist: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    consensus: 'agreed',
    appealed: false,
    meetingUrl: 'https://meet.google.com/abc-defg-hij',
    version,
    updatedAt: new Date().toISOString(),
    seq,
    ownerId: `mgr-${salt % 40}`,
  } as StoredSession;
}

async function fill(store: LowdbStore, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    await store.write(async (tx) => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        await tx.put('sessions', session(`s${i}`, await tx.nextSeq(), 1, i));
      }
    });
  }
}

function quantile(sorted: number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

type Run = {
  mean: number;
  p50: number;
  p99: number;
  throughput: number;
  fsyncsPerWrite: number;
  cpuUs: number;
};

/** 20 writers, each updating sessions of the store one transaction at a time. */
async function measure(store: LowdbStore, stored: number, writesPerWriter: number): Promise<Run> {
  const latencies: number[] = [];
  const syncs0 = store.stats().journalSyncs;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let n = 0; n < writesPerWriter; n++) {
        const id = `s${(w * 7919 + n * 104_729) % stored}`;
        const start = performance.now();
        await store.write(async (tx) => {
          const old = await tx.get('sessions', id);
          await tx.put('sessions', session(id, await tx.nextSeq(), (old?.version ?? 0) + 1, n));
        });
        latencies.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  return {
    mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    throughput: latencies.length / seconds,
    fsyncsPerWrite: (store.stats().journalSyncs - syncs0) / latencies.length,
    cpuUs: (cpu.user + cpu.system) / latencies.length,
  };
}

type Opened = { store: LowdbStore; dir: string; stored: number };

async function prepare(stored: number): Promise<Opened> {
  const dir = mkdtempSync(path.join(tmpdir(), `tandem-bench-${stored}-`));
  const store = await openLowdbStore(dir, { log: () => {} });
  await fill(store, stored);
  await store.compact(); // both sizes start from a fresh snapshot and a short journal
  // Let the disk write back what filling left dirty, so it does not slow the first rounds' fsyncs.
  if (process.platform !== 'win32') execFileSync('sync');
  await measure(store, stored, 10); // warm-up
  return { store, dir, stored };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return quantile(s, 0.5);
}

/** Median over rounds of each figure; the two sizes alternate so disk noise hits both alike. */
function summarize(runs: Run[]): Run {
  const pick = (k: keyof Run) => median(runs.map((r) => r[k]));
  return {
    mean: pick('mean'),
    p50: pick('p50'),
    p99: pick('p99'),
    throughput: pick('throughput'),
    fsyncsPerWrite: pick('fsyncsPerWrite'),
    cpuUs: pick('cpuUs'),
  };
}

const f = (n: number, d = 2) => n.toFixed(d);

async function main(): Promise<void> {
  // One store at a time (a big heap is part of the cost), small before and after the large one
  // so that drift of the disk's fsync latency falls on both sides.
  const rounds = async (o: Opened, n: number) => {
    const out: Run[] = [];
    for (let i = 0; i < n; i++) out.push(await measure(o.store, o.stored, WRITES_PER_WRITER));
    return out;
  };
  const done = async (o: Opened) => {
    await o.store.close();
    rmSync(o.dir, { recursive: true, force: true });
  };
  const a1 = await prepare(1_000);
  const runsA = await rounds(a1, ROUNDS);
  await done(a1);
  const b = await prepare(20_000);
  const runsB = await rounds(b, 2 * ROUNDS);
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const compaction = await b.store.compact();
  h.disable();
  await done(b);
  const a2 = await prepare(1_000);
  runsA.push(...(await rounds(a2, ROUNDS)));
  await done(a2);
  const small = { run: summarize(runsA) };
  const large = {
    run: summarize(runsB),
    compactMs: compaction.ms,
    compactBytes: compaction.bytes,
    maxLoopMs: h.max / 1e6,
  };
  const ratioMean = large.run.mean / small.run.mean;
  const ratioP99 = large.run.p99 / small.run.p99;
  const rows = [
    ['stored sessions', '1 000', '20 000'],
    ['mean ms / write', f(small.run.mean), f(large.run.mean)],
    ['p50 ms', f(small.run.p50), f(large.run.p50)],
    ['p99 ms', f(small.run.p99), f(large.run.p99)],
    ['writes / s', f(small.run.throughput, 0), f(large.run.throughput, 0)],
    ['fsyncs / write', f(small.run.fsyncsPerWrite), f(large.run.fsyncsPerWrite)],
    ['CPU µs / write', f(small.run.cpuUs, 0), f(large.run.cpuUs, 0)],
  ];
  console.log(
    `lowdb store, one session put per transaction, ${WRITERS} concurrent writers, median of ${2 * ROUNDS} rounds each`,
  );
  for (const r of rows) console.log(`  ${r[0]!.padEnd(18)} ${r[1]!.padStart(10)} ${r[2]!.padStart(10)}`);
  console.log(`  ratio 20k/1k CPU per write: ${f(large.run.cpuUs / small.run.cpuUs)}`);
  console.log(
    `  ratio 20k/1k: mean ${f(ratioMean)}, p99 ${f(ratioP99)} (budget ≤ ${BUDGET}) ${ratioMean <= BUDGET ? 'ok' : 'OVER BUDGET'}`,
  );
  console.log(
    `  compaction at 20 000 sessions: ${f(large.compactMs ?? 0, 0)} ms, ${f((large.compactBytes ?? 0) / 1e6, 1)} MB, ` +
      `longest event-loop stall ${f(large.maxLoopMs ?? 0, 1)} ms`,
  );
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify([
        {
          name: 'store write cost 20k/1k sessions',
          value: large.run.mean,
          unit: 'ms',
          baseline: small.run.mean,
          ratio: ratioMean,
          budget: BUDGET,
          ok: ratioMean <= BUDGET,
        },
      ]),
    );
  }
}

await main();
