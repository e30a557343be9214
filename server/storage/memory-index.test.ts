/**
 * The embedded store's indexes against a plain scan: random writes (new rows, edits that move a
 * row to another owner, employee or seq, tombstones, removals) committed while reads that started
 * earlier are still running, with a `persist` that finishes in random order. Every `find` and
 * `changes` answer — in write transactions (overlay + pending layer) and in reads (undo layers) —
 * must equal the scan of the same snapshot. A store reopened on the final state (as after journal
 * replay) must give the same answers too.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type MemoryState, type Op } from './memory';
import { ChangeOrder } from './memory-index';
import type { ReadTx, StoredSession } from './types';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const OWNERS = ['m1', 'm2', 'm3'];
const EMPLOYEES = ['e1', 'e2', 'e3', 'e4'];

type Plain = Map<string, StoredSession>;

/** What find/changes must answer, by scanning `rows`. */
function expected(rows: Plain, owner: string, employee: string, after: number) {
  const all = [...rows.values()];
  const bySeq = (a: StoredSession, b: StoredSession) => a.seq - b.seq || (a.id < b.id ? -1 : 1);
  const ids = (xs: StoredSession[]) => xs.map((x) => x.id).sort();
  return {
    byOwner: ids(all.filter((r) => r.ownerId === owner)),
    byBoth: ids(all.filter((r) => r.ownerId === owner && r.employeeId === employee)),
    changes: all.filter((r) => r.seq > after).sort(bySeq),
    changesOf: all.filter((r) => r.seq > after && r.ownerId === owner).sort(bySeq),
  };
}

async function answers(tx: ReadTx, owner: string, employee: string, after: number) {
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
  return {
    byOwner: ids(await tx.find('sessions', { ownerId: owner })),
    byBoth: ids(await tx.find('sessions', { ownerId: owner, employeeId: employee })),
    changes: await tx.changes('sessions', after),
    changesOf: await tx.changes('sessions', after, owner),
  };
}

async function snapshot(tx: ReadTx): Promise<Plain> {
  return new Map((await tx.find('sessions')).map((r) => [r.id, r]));
}

describe('embedded store indexes', () => {
  it('ChangeOrder keeps (seq, id) sorted and finds what follows a seq', () => {
    const o = ChangeOrder.of([
      [5, 'b'],
      [2, 'a'],
      [5, 'a'],
    ]);
    o.add(3, 'c');
    o.add(9, 'd');
    o.delete(5, 'b');
    o.delete(7, 'nothing');
    expect(o.idsAfter(0)).toEqual(['a', 'c', 'a', 'd']);
    expect(o.idsAfter(3)).toEqual(['a', 'd']);
    expect(o.idsAfter(9)).toEqual([]);
    expect(o.size).toBe(4);
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`answers like a scan under concurrent writes and snapshot reads (seed ${seed})`, async () => {
      const random = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      const held: (() => void)[] = [];
      const store = createMemoryStore({
        persist: () =>
          new Promise<void>((resolve) => {
            held.push(resolve);
          }),
      });
      // Durability in random order (the store still applies in commit order).
      const release = () => {
        while (held.length > 0 && random() < 0.7) held.splice(Math.floor(random() * held.length), 1)[0]!();
      };
      const ids = Array.from({ length: 40 }, (_, i) => `s${i}`);
      const problems: string[] = [];
      const writes: Promise<unknown>[] = [];
      const reads: Promise<unknown>[] = [];
      for (let step = 0; step < 150; step++) {
        writes.push(
          store.write(async (tx) => {
            for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
              const id = pick(ids);
              const current = await tx.get('sessions', id);
              if (current && random() < 0.15) await tx.remove('sessions', id);
              else {
                await tx.put('sessions', {
                  id,
                  employeeId: pick(EMPLOYEES),
                  cycleId: 'c',
                  kind: 'plan',
                  status: 'planned',
                  version: (current?.version ?? 0) + 1,
                  updatedAt: '2026-01-01T00:00:00.000Z',
                  seq: await tx.nextSeq(),
                  ownerId: pick(OWNERS),
                  ...(random() < 0.2 ? { deleted: true } : {}),
                } as StoredSession);
              }
            }
            // Inside the write: overlay + pending layer over the indexed durable state.
            const [o, e] = [pick(OWNERS), pick(EMPLOYEES)];
            const after = Math.floor(random() * (await tx.currentSeq()));
            const want = expected(await snapshot(tx), o, e, after);
            const got = await answers(tx, o, e, after);
            if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`write ${step}`);
          }),
        );
        if (random() < 0.4) {
          reads.push(
            store.read(async (tx) => {
              const before = await snapshot(tx);
              // Let later transactions become durable while this read is open (undo layers).
              for (let i = 0; i < 3; i++) {
                release();
                await new Promise((r) => setImmediate(r));
              }
              const [o, e] = [pick(OWNERS), pick(EMPLOYEES)];
              const after = Math.floor(random() * ((await tx.currentSeq()) + 1));
              const want = expected(before, o, e, after);
              const got = await answers(tx, o, e, after);
              if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`read at ${step}`);
              if (
                JSON.stringify([...(await snapshot(tx)).keys()].sort()) !==
                JSON.stringify([...before.keys()].sort())
              )
                problems.push(`read at ${step}: its snapshot moved`);
            }),
          );
        }
        release();
        await new Promise((r) => setImmediate(r));
      }
      let done = false;
      const all = Promise.all([...writes, ...reads]).then(() => {
        done = true;
      });
      while (!done) {
        for (const h of held.splice(0)) h();
        await new Promise((r) => setImmediate(r));
      }
      await all;
      expect(problems).toEqual([]);

      // Reopened on the same state (as after journal replay): indexes built at start agree.
      const state = store.state as MemoryState;
      const reopened = createMemoryStore({ state: { ...state, collections: { ...state.collections } } });
      for (const o of OWNERS) {
        for (const after of [0, 5, 50, 200]) {
          const want = expected(await store.read(snapshot), o, 'e1', after);
          expect(await reopened.read((tx) => answers(tx, o, 'e1', after))).toEqual(want);
        }
      }
    });
  }

  it('find with an indexed field and no match, or an unindexed field, still answers exactly', async () => {
    const ops: Op[] = [];
    const store = createMemoryStore({ persist: async (o) => void ops.push(...o) });
    await store.write(async (tx) => {
      await tx.put('employees', { id: 'a', name: 'A', email: 'a@x', managerEmail: 'm@x', status: 'active' });
      await tx.put('employees', { id: 'b', name: 'B', email: 'b@x', status: 'left' });
    });
    await store.read(async (tx) => {
      expect((await tx.find('employees', { managerEmail: 'nobody@x' })).map((e) => e.id)).toEqual([]);
      expect((await tx.find('employees', { status: 'left' })).map((e) => e.id)).toEqual(['b']);
      expect((await tx.find('employees', { managerEmail: null })).map((e) => e.id)).toEqual(['b']);
      expect((await tx.find('employees', { managerEmail: 'm@x', status: 'left' })).map((e) => e.id)).toEqual(
        [],
      );
    });
    expect(ops).toHaveLength(2);
  });
});
