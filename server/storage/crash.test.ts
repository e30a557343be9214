/**
 * The crash test (DESIGN §7 durability): a child process writes from several clients and prints
 * each id only after its write was acknowledged; it is killed with SIGKILL at a random moment;
 * the store must then open and hold every acknowledged id, and every transaction must be whole.
 * The same directory goes through every round, so later rounds start from a crashed (or
 * compacted) store, and a small compaction threshold makes crashes land mid-compaction too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashRound } from '../../test/crash-round';
import { openLowdbStore } from './lowdb';

const ROUNDS = 24;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('lowdb store under kill -9', () => {
  it(`keeps every acknowledged write and loads, over ${ROUNDS} random crashes`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-crash-'));
    dirs.push(dir);
    const allAcked: string[] = [];
    let compactions = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const delay = 10 + Math.floor(Math.random() * 290);
      // Every third round compacts very often, so kills land inside compactions.
      const compactAt = round % 3 === 2 ? 16 * 1024 : 256 * 1024;
      const r = await crashRound(dir, delay, compactAt);
      expect(r.ready, `worker did not start: ${r.stderr}`).toBe(true);
      expect(r.signal).toBe('SIGKILL');
      expect(r.stderr).not.toMatch(/Error/);
      allAcked.push(...r.acked);

      const logs: string[] = [];
      const store = await openLowdbStore(dir, { log: (m) => logs.push(m) });
      const { sessions, items } = await store.read(async (tx) => ({
        sessions: new Set((await tx.find('sessions')).map((s) => s.id)),
        items: new Set((await tx.find('actionItems')).map((a) => a.sessionId)),
      }));
      const missing = allAcked.filter((id) => !sessions.has(id));
      expect(missing, `round ${round} (killed after ${delay} ms) lost acknowledged writes`).toEqual([]);
      // All-or-nothing: a session and its action item were written in one transaction.
      expect([...sessions].filter((id) => !items.has(id))).toEqual([]);
      expect([...items].filter((id) => !sessions.has(id))).toEqual([]);
      for (const m of logs) expect(m).toMatch(/took over the stale lock|torn by a crash/);
      if (store.stats().sealedJournals > 0) compactions++;
      // Alternate: leave the store as the crash left it, or close it (which compacts).
      if (round % 2 === 0) await store.abandon();
      else await store.close();
    }
    expect(allAcked.length).toBeGreaterThan(ROUNDS);
    expect(compactions).toBeGreaterThan(0);
  }, 90_000);
});
