/**
 * Durability (DESIGN §7): kill -9 the writing process at random moments, reopen the store, and
 * count acknowledged writes that did not survive (budget: none) and opens that failed.
 * The baseline is the number of acknowledged writes put at risk, so the ratio is the loss rate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLowdbStore } from '../../server/storage/lowdb';
import { crashRound } from '../crash-round';
import type { BenchEntry } from './entry';

export async function runDurabilityBench(rounds = 10): Promise<BenchEntry> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-durability-'));
  const acked: string[] = [];
  let lost = 0;
  let failedOpens = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const r = await crashRound(
        dir,
        10 + Math.floor(Math.random() * 290),
        round % 2 ? 16 * 1024 : 256 * 1024,
      );
      acked.push(...r.acked);
      try {
        const store = await openLowdbStore(dir, { log: () => {} });
        const ids = await store.read(async (tx) => new Set((await tx.find('sessions')).map((s) => s.id)));
        lost = acked.filter((id) => !ids.has(id)).length;
        await store.close();
      } catch {
        failedOpens++;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: 'durability: acknowledged writes lost after kill -9',
    value: lost + failedOpens,
    unit: 'writes',
    baseline: acked.length,
    ratio: acked.length ? (lost + failedOpens) / acked.length : 0,
    budget: 0,
    ok: lost === 0 && failedOpens === 0 && acked.length > 0,
    detail: { rounds, acknowledged: acked.length, lost, failedOpens },
  };
}
