/**
 * The storage contract: every behaviour of the `Store` interface (types.ts) that routes and sync
 * rely on, as one vitest suite that each adapter runs (storage.contract.test.ts). An adapter is
 * correct when this suite passes against it; when a new behaviour is relied on, add it here.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  COLLECTIONS,
  type CollectionName,
  type Collections,
  type Store,
  type StoredActionItem,
  type StoredSession,
  type WriteTx,
} from './types';

export type OpenedStore = {
  store: Store;
  /** Removes everything the store left behind (files, schema); runs after the store is closed. */
  cleanup: () => Promise<void>;
  /** Persistent adapters: opens the same storage again (after `store.close()`). */
  reopen?: () => Promise<Store>;
};

// ---------------------------------------------------------------------------------------------
// Sample rows

const T0 = '2026-11-25T09:30:00Z';
const id = () => randomUUID();

export function sampleSession(over: Partial<StoredSession> = {}): StoredSession {
  return {
    id: id(),
    employeeId: 'E100',
    cycleId: '2026-h2',
    kind: 'review',
    status: 'recorded',
    scheduledAt: '2026-11-20T02:00:00Z',
    startedAt: '2026-11-20T02:01:00Z',
    endedAt: '2026-11-20T02:52:30.5Z',
    mainGoal: '对齐下半年目标 / agree the H2 goals',
    employeeType: 'wavering',
    agenda: {
      strengths: 'Shipped the billing migration early',
      gaps: null,
      causes: [{ category: 'skill', text: 'SQL 调优经验不足' }],
      nextGoals: 'Own the Q1 reliability work',
      questions: ['What helped most?', '哪里需要支持？'],
    },
    notes: 'Line one\nline two\t"quoted" \\ backslash 🚀',
    privateNotes: null,
    checklist: [1, 2, 3, 12],
    consensus: 'partial',
    appealed: false,
    meetingUrl: 'https://meet.google.com/abc-defg-hij',
    version: 1,
    updatedAt: T0,
    seq: 0,
    ownerId: 'manager-1',
    ...over,
  };
}

export function sampleActionItem(over: Partial<StoredActionItem> = {}): StoredActionItem {
  return {
    id: id(),
    sessionId: id(),
    title: 'Pair on two slow queries a week',
    owner: 'employee',
    dueOn: '2026-12-31',
    measure: 'p95 of the report query < 300 ms',
    status: 'open',
    doneAt: null,
    checkIns: [{ at: T0, note: 'first pairing done' }],
    version: 3,
    updatedAt: T0,
    seq: 0,
    ownerId: 'manager-1',
    ...over,
  };
}

/** A tombstone: id and sync meta only. */
function tombstone<C extends 'sessions' | 'actionItems'>(row: Collections[C], seq: number): Collections[C] {
  return {
    id: row.id,
    ownerId: row.ownerId,
    version: (row.version ?? 0) + 1,
    updatedAt: T0,
    seq,
    deleted: true,
  } as unknown as Collections[C];
}

/** Two distinct, realistic rows for every collection. */
export function sampleRows<C extends CollectionName>(c: C): [Collections[C], Collections[C]] {
  const make = (n: number): Collections[CollectionName] => {
    switch (c) {
      case 'users':
        return {
          id: id(),
          name: n ? 'Li Lei' : '韩梅梅',
          email: `user${n}@example.com`,
          role: n ? 'hr' : 'manager',
          department: n ? null : 'Engineering',
          createdAt: T0,
          tokenHash: `hash-${id()}`,
        };
      case 'employees':
        return {
          id: `E${100 + n}`,
          name: n ? 'Zhang Wei' : '王芳',
          email: `e${n}@example.com`,
          department: 'Sales',
          managerEmail: n ? null : 'boss@example.com',
          status: n ? 'left' : 'active',
          leftOn: n ? '2026-10-01' : null,
          addedBy: null,
        };
      case 'cycles':
        return { id: `2026-h${n + 1}`, name: `2026 H${n + 1}`, startsOn: '2026-01-01', endsOn: '2026-06-30' };
      case 'ratings':
        return { id: `E100:c${n}`, employeeId: 'E100', cycleId: `c${n}`, rating: n ? 3.5 : 5 };
      case 'sessions':
        return sampleSession({ seq: n + 1 });
      case 'actionItems':
        return sampleActionItem({ seq: n + 1 });
      case 'surveys':
        return {
          id: id(),
          sessionId: id(),
          kind: n ? 'manager' : 'employee',
          sendAfter: T0,
          expiresAt: '2026-12-25T09:30:00Z',
          sentAt: null,
          answeredAt: n ? T0 : null,
          createdAt: T0,
          tokenHash: `survey-hash-${id()}`,
          ownerId: 'manager-1',
        };
      case 'surveyResponses':
        return n
          ? {
              id: id(),
              surveyId: id(),
              sessionId: id(),
              kind: 'manager',
              answers: { consensus: 4, plan: 3, prepared: 5 },
            }
          : {
              id: id(),
              surveyId: id(),
              sessionId: id(),
              kind: 'employee',
              answers: { fair: 4, clarity: 5, plan: 4, respected: 5, nps: 9, comment: '谢谢 — thanks' },
            };
      case 'pushes':
        return {
          id: `client-1:push-${n}`,
          userId: 'manager-1',
          results: [{ type: 'session', id: id(), status: n ? 'conflict' : 'applied', version: 2 }],
          at: T0,
        };
      case 'settings':
        return { id: n ? 'guide' : 'thresholds', value: n ? { pack: ['a', 1, null, { x: true }] } : 0.15 };
      default:
        throw new Error(`no sample for ${c}`);
    }
  };
  return [make(0), make(1)] as [Collections[C], Collections[C]];
}

// ---------------------------------------------------------------------------------------------

const byId = <R extends { id: string }>(rows: readonly R[]): R[] =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

function isDeepFrozen(value: unknown): boolean {
  if (!value || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

const put = <C extends CollectionName>(tx: WriteTx, c: C, row: Collections[C]) => tx.put(c, row);

class Boom extends Error {}

export function runStorageContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`storage contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    /** Extra stores a test opened; closed (before cleanup) after each test. */
    let others: Store[] = [];
    let extraCleanups: (() => Promise<void>)[] = [];

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
      others = [];
      extraCleanups = [];
    });

    afterEach(async () => {
      for (const s of [store, ...others]) await s.close();
      await opened.cleanup();
      for (const c of extraCleanups) await c();
    });

    const write = <T>(fn: (tx: WriteTx) => Promise<T>) => store.write(fn);
    const all = <C extends CollectionName>(c: C, s: Store = store) =>
      s.read(async (tx) => byId(await tx.find(c)));

    // -- identity ---------------------------------------------------------------------------

    it('describes itself: kind, location and a storeId', async () => {
      expect(['lowdb', 'postgres']).toContain(store.kind);
      expect(typeof store.location).toBe('string');
      expect(store.location.length).toBeGreaterThan(0);
      expect(typeof store.storeId).toBe('string');
      expect(store.storeId.length).toBeGreaterThanOrEqual(16);
    });

    it('gives every new store its own storeId', async () => {
      const second = await open();
      others.push(second.store);
      extraCleanups.push(second.cleanup);
      expect(second.store.storeId).not.toBe(store.storeId);
    });

    it('starts empty, at sequence 0', async () => {
      await store.read(async (tx) => {
        for (const c of COLLECTIONS) expect(await tx.find(c)).toEqual([]);
        expect(await tx.currentSeq()).toBe(0);
        expect(await tx.changes('sessions', 0)).toEqual([]);
      });
    });

    // -- CRUD -------------------------------------------------------------------------------

    describe('CRUD', () => {
      it.each(COLLECTIONS.map((c) => [c]))('%s: put, get, find, replace, remove', async (c) => {
        const [a, b] = sampleRows(c);
        await write(async (tx) => {
          await put(tx, c, a);
          await put(tx, c, b);
        });
        await store.read(async (tx) => {
          expect(await tx.get(c, a.id)).toStrictEqual(a);
          expect(await tx.get(c, b.id)).toStrictEqual(b);
          expect(await tx.get(c, 'no-such-id')).toBeUndefined();
          expect(byId(await tx.find(c))).toStrictEqual(byId([a, b]));
        });

        // A put replaces the whole row: fields missing from the new row are gone.
        const { ...a2 } = a as Record<string, unknown>;
        const dropped = Object.keys(a2).find((k) => k !== 'id')!;
        delete a2[dropped];
        a2.extra = 'replaced';
        await write((tx) => put(tx, c, a2 as Collections[typeof c]));
        const got = await store.read((tx) => tx.get(c, a.id));
        expect(got).toStrictEqual(a2);
        expect(got).not.toHaveProperty(dropped);

        await write((tx) => tx.remove(c, a.id));
        await store.read(async (tx) => {
          expect(await tx.get(c, a.id)).toBeUndefined();
          expect(await tx.find(c)).toStrictEqual([b]);
        });
        // Removing what is not there is not an error.
        await write((tx) => tx.remove(c, a.id));
        await write((tx) => tx.remove(c, 'never-existed'));
        expect(await all(c)).toStrictEqual([b]);
      });

      it('keeps JSON exactly: nulls, numbers, nesting, unicode and awkward characters', async () => {
        const awkward = {
          id: 'fidelity',
          value: {
            nulls: { a: null, nested: [null, { b: null }] },
            numbers: [0, 1, -1, 3.5, 0.1, 0.30000000000000004, 1e-7, 1e21, 2 ** 53 - 1, -(2 ** 31), 4.000001],
            booleans: [true, false],
            empty: { string: '', array: [], object: {} },
            text: {
              zh: '绩效面谈：先听员工自评，再给反馈。',
              emoji: '🙂👍🏽 family: 👨‍👩‍👧',
              controls: 'tab\tnewline\ncr\rbell\u0007',
              nul: 'before\u0000after',
              onlyNul: '\u0000',
              privateUse: '\uE000 \uE0000 \uE000\uE000',
              loneHigh: 'x\uD800y',
              loneLow: '\uDC00',
              reversed: '\uDC00\uD800',
              pair: '\uD83D\uDE00',
              backslashes: '\\u0000 \\uD800 \\\\',
              quotes: `"'\``,
              sqlish: "'; drop table sessions; --",
            },
            'key with space': 1,
            'dotted.key': 2,
            'nul\u0000key': 3,
            键: '值',
          },
        };
        await write(async (tx) => {
          await tx.put('settings', awkward);
          expect(await tx.get('settings', 'fidelity')).toStrictEqual(awkward);
        });
        expect(await store.read((tx) => tx.get('settings', 'fidelity'))).toStrictEqual(awkward);
        expect(await store.read((tx) => tx.find('settings', { id: 'fidelity' }))).toStrictEqual([awkward]);

        // Ids are strings of any content too.
        const odd = { id: 'odd id / 💥 \u0000 \uD800', value: 1 };
        await write((tx) => tx.put('settings', odd));
        expect(await store.read((tx) => tx.get('settings', odd.id))).toStrictEqual(odd);
        await write((tx) => tx.remove('settings', odd.id));
        expect(await store.read((tx) => tx.get('settings', odd.id))).toBeUndefined();
      });

      it('keeps null fields as null and leaves missing fields missing', async () => {
        const s = sampleSession({ notes: null, consensus: null });
        delete (s as Partial<StoredSession>).appealed;
        await write((tx) => tx.put('sessions', s));
        const got = await store.read((tx) => tx.get('sessions', s.id));
        expect(got).toHaveProperty('notes', null);
        expect(got).toHaveProperty('consensus', null);
        expect(got).not.toHaveProperty('appealed');
        expect(got).toStrictEqual(s);
      });
    });

    // -- immutability -----------------------------------------------------------------------

    it('returned rows are frozen (or copies): changing them never changes the store', async () => {
      const s = sampleSession();
      await write((tx) => tx.put('sessions', s));
      const original = structuredClone(s);

      const tryMutate = (row: StoredSession | undefined) => {
        try {
          (row as { status: string }).status = 'cancelled';
        } catch {}
        try {
          (row!.agenda!.questions as string[]).push('mutated');
        } catch {}
        try {
          (row!.checklist as number[])[0] = 99;
        } catch {}
      };
      tryMutate(await store.read((tx) => tx.get('sessions', s.id)));
      const [found] = await store.read((tx) => tx.find('sessions', { id: s.id }));
      tryMutate(found);
      const [changed] = await store.read((tx) => tx.changes('sessions', -1));
      tryMutate(changed);
      await write(async (tx) => tryMutate(await tx.get('sessions', s.id)));

      const again = await store.read((tx) => tx.get('sessions', s.id));
      expect(again).toStrictEqual(original);
      // Frozen rows are what the embedded store hands out; any adapter that freezes must freeze deeply.
      if (Object.isFrozen(again)) expect(isDeepFrozen(again)).toBe(true);
    });

    it('a put copies the row: changing the object afterwards changes nothing', async () => {
      const s = sampleSession();
      const original = structuredClone(s);
      await write(async (tx) => {
        await tx.put('sessions', s);
        s.status = 'cancelled';
        s.agenda!.questions!.push('after put');
        expect(await tx.get('sessions', s.id)).toStrictEqual(original);
      });
      s.mainGoal = 'after commit';
      expect(await store.read((tx) => tx.get('sessions', s.id))).toStrictEqual(original);
    });

    // -- find -------------------------------------------------------------------------------

    describe('find', () => {
      const people = [
        {
          id: 'a',
          name: 'A',
          email: 'a@x.com',
          department: 'Sales',
          managerEmail: 'boss@x.com',
          status: 'active',
        },
        {
          id: 'b',
          name: 'B',
          email: 'b@x.com',
          department: 'Sales',
          managerEmail: 'boss@x.com',
          status: 'left',
          leftOn: '2026-03-01',
        },
        {
          id: 'c',
          name: 'C',
          email: 'c@x.com',
          department: 'Ops',
          managerEmail: 'other@x.com',
          status: 'active',
        },
        { id: 'd', name: 'D', email: 'd@x.com', department: null, managerEmail: null, status: 'active' },
        { id: 'e', name: 'E', email: 'e@x.com', status: 'active' },
      ] as Collections['employees'][];

      beforeEach(async () => {
        await write(async (tx) => {
          for (const p of people) await tx.put('employees', p);
        });
      });

      it('matches equality on every given field', async () => {
        await store.read(async (tx) => {
          expect(ids(await tx.find('employees', { managerEmail: 'boss@x.com' }))).toEqual(['a', 'b']);
          expect(ids(await tx.find('employees', { email: 'c@x.com' }))).toEqual(['c']);
          expect(ids(await tx.find('employees', { department: 'Sales', status: 'active' }))).toEqual(['a']);
          expect(ids(await tx.find('employees', { managerEmail: 'boss@x.com', status: 'left' }))).toEqual([
            'b',
          ]);
          expect(ids(await tx.find('employees', { id: 'd' }))).toEqual(['d']);
          expect(await tx.find('employees', { email: 'A@X.COM' })).toEqual([]);
          expect(await tx.find('employees', { managerEmail: 'nobody@x.com' })).toEqual([]);
          expect(await tx.find('employees', { department: 'Sales', status: 'nope' as 'active' })).toEqual([]);
        });
      });

      it('null matches null or missing, on indexed and other fields alike', async () => {
        await store.read(async (tx) => {
          expect(ids(await tx.find('employees', { managerEmail: null }))).toEqual(['d', 'e']);
          expect(ids(await tx.find('employees', { department: null }))).toEqual(['d', 'e']);
          expect(ids(await tx.find('employees', { leftOn: null }))).toEqual(['a', 'c', 'd', 'e']);
          expect(ids(await tx.find('employees', { leftOn: null, department: 'Sales' }))).toEqual(['a']);
          // A field no row has: null matches all, a value matches none.
          const where = { nowhere: null } as unknown as { id: null };
          expect(ids(await tx.find('employees', where))).toEqual(['a', 'b', 'c', 'd', 'e']);
          expect(await tx.find('employees', { nowhere: 'x' } as unknown as { id: string })).toEqual([]);
        });
      });

      it('no filter, an empty filter and undefined values match everything', async () => {
        await store.read(async (tx) => {
          expect(ids(await tx.find('employees'))).toEqual(['a', 'b', 'c', 'd', 'e']);
          expect(ids(await tx.find('employees', {}))).toEqual(['a', 'b', 'c', 'd', 'e']);
          expect(ids(await tx.find('employees', { managerEmail: undefined }))).toEqual([
            'a',
            'b',
            'c',
            'd',
            'e',
          ]);
          expect(ids(await tx.find('employees', { managerEmail: undefined, status: 'left' }))).toEqual(['b']);
        });
      });

      it('compares numbers and booleans by value and type', async () => {
        const [r1, r2] = sampleRows('ratings');
        const s1 = sampleSession({ seq: 7, appealed: true, version: 2 });
        const s2 = sampleSession({ seq: 8, appealed: false, ownerId: 'manager-2' });
        const s3 = sampleSession({ seq: 9, deleted: true });
        delete (s3 as Partial<StoredSession>).appealed;
        await write(async (tx) => {
          await tx.put('ratings', r1);
          await tx.put('ratings', r2);
          for (const s of [s1, s2, s3]) await tx.put('sessions', s);
        });
        await store.read(async (tx) => {
          expect(ids(await tx.find('ratings', { rating: 3.5 }))).toEqual([r2.id]);
          expect(ids(await tx.find('ratings', { rating: 5 }))).toEqual([r1.id]);
          expect(await tx.find('ratings', { rating: '3.5' as unknown as number })).toEqual([]);
          expect(ids(await tx.find('sessions', { appealed: true }))).toEqual([s1.id]);
          expect(ids(await tx.find('sessions', { appealed: false }))).toEqual([s2.id]);
          expect(ids(await tx.find('sessions', { appealed: null }))).toEqual([s3.id]);
          expect(ids(await tx.find('sessions', { seq: 8 }))).toEqual([s2.id]);
          expect(await tx.find('sessions', { seq: '8' as unknown as number })).toEqual([]);
          expect(ids(await tx.find('sessions', { version: 2 }))).toEqual([s1.id]);
          expect(ids(await tx.find('sessions', { deleted: true }))).toEqual([s3.id]);
          expect(ids(await tx.find('sessions', { deleted: null }))).toEqual([s1.id, s2.id].sort());
          expect(ids(await tx.find('sessions', { ownerId: 'manager-1', deleted: null }))).toEqual([s1.id]);
          expect(ids(await tx.find('sessions', { ownerId: 'manager-2' }))).toEqual([s2.id]);
          expect(ids(await tx.find('sessions', { kind: 'review', status: 'recorded', seq: 9 }))).toEqual([
            s3.id,
          ]);
        });
      });

      it('finds by the fields routes look rows up by', async () => {
        const [u1, u2] = sampleRows('users');
        const [sv1, sv2] = sampleRows('surveys');
        const [p1, p2] = sampleRows('pushes');
        const [a1, a2] = [sampleActionItem({ seq: 1 }), sampleActionItem({ seq: 2, ownerId: 'manager-2' })];
        await write(async (tx) => {
          for (const u of [u1, u2]) await tx.put('users', u);
          for (const s of [sv1, sv2]) await tx.put('surveys', s);
          for (const p of [p1, p2]) await tx.put('pushes', p);
          for (const a of [a1, a2]) await tx.put('actionItems', a);
        });
        await store.read(async (tx) => {
          expect(await tx.find('users', { tokenHash: u2.tokenHash })).toStrictEqual([u2]);
          expect(await tx.find('users', { tokenHash: 'nope' })).toEqual([]);
          expect(await tx.find('users', { email: u1.email })).toStrictEqual([u1]);
          expect(await tx.find('surveys', { tokenHash: sv1.tokenHash })).toStrictEqual([sv1]);
          expect(await tx.find('surveys', { sessionId: sv2.sessionId })).toStrictEqual([sv2]);
          expect(ids(await tx.find('pushes', { userId: 'manager-1' }))).toEqual(ids([p1, p2]));
          expect(await tx.find('actionItems', { sessionId: a2.sessionId })).toStrictEqual([a2]);
          expect(await tx.find('actionItems', { ownerId: 'manager-1' })).toStrictEqual([a1]);
        });
      });
    });

    // -- transactions -----------------------------------------------------------------------

    describe('transactions', () => {
      it('returns what the callback returns', async () => {
        const s = sampleSession();
        expect(await write(async () => 42)).toBe(42);
        expect(await write(async (tx) => [await tx.put('sessions', s), 'x'])).toEqual([undefined, 'x']);
        expect(await store.read(async (tx) => tx.find('sessions'))).toStrictEqual([s]);
        expect(await store.read(async () => ({ ok: true }))).toEqual({ ok: true });
      });

      it('reads its own writes inside a write transaction', async () => {
        const kept = sampleSession({ seq: 1 });
        await write(async (tx) => {
          await tx.nextSeq();
          await tx.put('sessions', kept);
        });
        const replaced = { ...kept, status: 'cancelled' as const };
        const fresh = await write(async (tx) => {
          const seq = await tx.nextSeq();
          expect(await tx.currentSeq()).toBe(seq);
          const fresh = sampleSession({ seq, ownerId: 'manager-2' });
          await tx.put('sessions', fresh);
          expect(await tx.get('sessions', fresh.id)).toStrictEqual(fresh);
          expect(ids(await tx.find('sessions'))).toEqual(ids([kept, fresh]));
          expect(await tx.find('sessions', { ownerId: 'manager-2' })).toStrictEqual([fresh]);
          expect(await tx.changes('sessions', seq - 1)).toStrictEqual([fresh]);
          expect(await tx.changes('sessions', 0, 'manager-2')).toStrictEqual([fresh]);

          await tx.put('sessions', replaced);
          expect(await tx.get('sessions', kept.id)).toStrictEqual(replaced);
          expect(await tx.find('sessions', { status: 'cancelled' })).toStrictEqual([replaced]);
          expect(await tx.find('sessions', { status: 'recorded', ownerId: 'manager-1' })).toEqual([]);

          await tx.remove('sessions', fresh.id);
          expect(await tx.get('sessions', fresh.id)).toBeUndefined();
          expect(await tx.find('sessions')).toStrictEqual([replaced]);
          expect(await tx.changes('sessions', 0, 'manager-2')).toEqual([]);

          await tx.put('sessions', fresh);
          expect(await tx.get('sessions', fresh.id)).toStrictEqual(fresh);
          return fresh;
        });
        expect(await all('sessions')).toStrictEqual(byId([replaced, fresh]));
      });

      it('is all-or-nothing: a transaction that throws leaves nothing behind', async () => {
        const keep = sampleSession({ seq: 1 });
        const [u] = sampleRows('users');
        await write(async (tx) => {
          await tx.nextSeq();
          await tx.put('sessions', keep);
          await tx.put('users', u);
        });
        const before = {
          sessions: await all('sessions'),
          users: await all('users'),
          seq: await store.read((tx) => tx.currentSeq()),
        };

        const boom = new Boom('boom');
        await expect(
          write(async (tx) => {
            const seq = await tx.nextSeq();
            await tx.put('sessions', sampleSession({ seq }));
            await tx.put('sessions', { ...keep, status: 'cancelled', seq });
            await tx.put('actionItems', sampleActionItem({ seq: await tx.nextSeq() }));
            await tx.remove('users', u.id);
            const [e] = sampleRows('employees');
            await tx.put('employees', e);
            throw boom;
          }),
        ).rejects.toBe(boom);

        expect(await all('sessions')).toStrictEqual(before.sessions);
        expect(await all('users')).toStrictEqual(before.users);
        expect(await all('actionItems')).toEqual([]);
        expect(await all('employees')).toEqual([]);
        expect(await store.read((tx) => tx.currentSeq())).toBe(before.seq);
        // The store still works, and sequences keep increasing.
        const next = await write((tx) => tx.nextSeq());
        expect(next).toBeGreaterThan(before.seq);
      });

      it('never shows uncommitted writes to a concurrent reader', async () => {
        const s = sampleSession();
        let putDone!: () => void;
        const afterPut = new Promise<void>((r) => {
          putDone = r;
        });
        const writing = write(async (tx) => {
          await tx.nextSeq();
          await tx.put('sessions', s);
          putDone();
          await sleep(50);
          throw new Boom('abort');
        });
        await afterPut;
        const seen = await store.read(async (tx) => ({
          row: await tx.get('sessions', s.id),
          all: await tx.find('sessions'),
          changes: await tx.changes('sessions', 0),
          seq: await tx.currentSeq(),
        }));
        await expect(writing).rejects.toBeInstanceOf(Boom);
        expect(seen).toEqual({ row: undefined, all: [], changes: [], seq: 0 });
        expect(await all('sessions')).toEqual([]);
      });

      it('serializes concurrent writers: read-modify-write never loses an update', async () => {
        const N = 20;
        await write((tx) => tx.put('settings', { id: 'counter', value: 0 }));
        const seqs = await Promise.all(
          Array.from({ length: N }, (_, i) =>
            write(async (tx) => {
              const row = await tx.get('settings', 'counter');
              await sleep(i % 3);
              const seq = await tx.nextSeq();
              await tx.put('settings', { id: 'counter', value: (row!.value as number) + 1 });
              return seq;
            }),
          ),
        );
        expect((await store.read((tx) => tx.get('settings', 'counter')))?.value).toBe(N);
        expect(new Set(seqs).size).toBe(N);
        expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      });

      it('gives each read one consistent snapshot, even while a writer commits', async () => {
        await write(async (tx) => tx.put('sessions', sampleSession({ seq: await tx.nextSeq() })));
        let writing: Promise<unknown> | undefined;
        const seen = await store.read(async (tx) => {
          const before = { seq: await tx.currentSeq(), rows: await tx.find('sessions') };
          writing = write(async (w) => w.put('sessions', sampleSession({ seq: await w.nextSeq() })));
          // Adapters whose reads exclude writes make the writer wait; others let it commit now.
          await Promise.race([writing, sleep(300)]);
          const after = {
            seq: await tx.currentSeq(),
            rows: await tx.find('sessions'),
            changes: await tx.changes('sessions', 0),
          };
          return { before, after };
        });
        await writing;
        expect(seen.after.seq).toBe(seen.before.seq);
        expect(ids(seen.after.rows)).toEqual(ids(seen.before.rows));
        expect(seen.after.changes.every((r) => r.seq <= seen.after.seq)).toBe(true);
        expect(await store.read((tx) => tx.currentSeq())).toBe(seen.before.seq + 1);
      });
    });

    // -- sequences and changes --------------------------------------------------------------

    describe('sequence', () => {
      it('nextSeq strictly increases within and across transactions; currentSeq follows', async () => {
        const [a, b] = await write(async (tx) => [await tx.nextSeq(), await tx.nextSeq()]);
        expect(a).toBeGreaterThan(0);
        expect(b).toBeGreaterThan(a!);
        expect(Number.isSafeInteger(b)).toBe(true);
        expect(await store.read((tx) => tx.currentSeq())).toBe(b);

        // A write that takes no number leaves the sequence alone.
        await write((tx) => tx.put('settings', { id: 'x', value: 1 }));
        expect(await store.read((tx) => tx.currentSeq())).toBe(b);

        // An aborted transaction's numbers are not visible, and later numbers are still larger.
        await expect(
          write(async (tx) => {
            await tx.nextSeq();
            throw new Boom();
          }),
        ).rejects.toBeInstanceOf(Boom);
        expect(await store.read((tx) => tx.currentSeq())).toBe(b);

        let last = b!;
        for (let i = 0; i < 5; i++) {
          const n = await write(async (tx) => {
            const s = await tx.nextSeq();
            expect(await tx.currentSeq()).toBe(s);
            return s;
          });
          expect(n).toBeGreaterThan(last);
          last = n;
          expect(await store.read((tx) => tx.currentSeq())).toBe(n);
        }
      });

      it('changes(): after a seq, ordered by seq, by owner, tombstones included, per collection', async () => {
        const putWithSeq = <C extends 'sessions' | 'actionItems'>(c: C, row: Collections[C]) =>
          write(async (tx) => {
            const full = { ...row, seq: await tx.nextSeq() };
            await tx.put(c, full);
            return full;
          });
        const s1 = await putWithSeq('sessions', sampleSession({ ownerId: 'm1' }));
        const s2 = await putWithSeq('sessions', sampleSession({ ownerId: 'm2' }));
        const a1 = await putWithSeq('actionItems', sampleActionItem({ ownerId: 'm1' }));
        const s3 = await putWithSeq('sessions', sampleSession({ ownerId: 'm1' }));
        // An update moves the row to its new seq; it appears once.
        const s1b = await putWithSeq('sessions', { ...s1, status: 'cancelled', version: 2 });
        // A delete is a tombstone put.
        const s3x = await write(async (tx) => {
          const t = tombstone<'sessions'>(s3, await tx.nextSeq());
          await tx.put('sessions', t);
          return t;
        });

        await store.read(async (tx) => {
          expect(await tx.changes('sessions', 0)).toStrictEqual([s2, s1b, s3x]);
          expect(await tx.changes('sessions', 0, 'm1')).toStrictEqual([s1b, s3x]);
          expect(await tx.changes('sessions', 0, 'm2')).toStrictEqual([s2]);
          expect(await tx.changes('sessions', 0, 'nobody')).toEqual([]);
          expect(await tx.changes('sessions', s2.seq)).toStrictEqual([s1b, s3x]);
          expect(await tx.changes('sessions', s1b.seq)).toStrictEqual([s3x]);
          expect(await tx.changes('sessions', s3x.seq)).toEqual([]);
          expect(await tx.changes('actionItems', 0)).toStrictEqual([a1]);
          expect(await tx.changes('actionItems', 0, 'm2')).toEqual([]);
          expect(await tx.changes('actionItems', a1.seq)).toEqual([]);
          expect(await tx.currentSeq()).toBe(s3x.seq);
          const tomb = (await tx.get('sessions', s3.id))!;
          expect(tomb.deleted).toBe(true);
          expect(tomb).toStrictEqual(s3x);
        });
        const seqs = [s1.seq, s2.seq, a1.seq, s3.seq, s1b.seq, s3x.seq];
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      });

      it('a polling reader never skips a change while many writers commit concurrently', async () => {
        const result = await hammer([store], [store]);
        expect(result.pulls).toBeGreaterThan(1);
      });
    });

    // -- persistence ------------------------------------------------------------------------

    describe('persistence', () => {
      it('close() ends the store: later reads and writes fail, closing twice is fine', async () => {
        await write((tx) => tx.put('settings', { id: 'x', value: 1 }));
        await store.close();
        await expect(store.read((tx) => tx.get('settings', 'x'))).rejects.toThrow();
        await expect(write((tx) => tx.put('settings', { id: 'y', value: 1 }))).rejects.toThrow();
        await store.close();
      });

      it('close() waits for writes in flight', async () => {
        const writing = write(async (tx) => {
          await sleep(30);
          await tx.put('settings', { id: 'late', value: 1 });
          return tx.nextSeq();
        });
        await sleep(5);
        await store.close();
        expect(await writing).toBe(1);
        if (!opened.reopen) return;
        store = await opened.reopen();
        expect(await store.read((tx) => tx.get('settings', 'late'))).toEqual({ id: 'late', value: 1 });
      });

      it('keeps data, the sequence and the storeId across close and reopen', async (ctx) => {
        if (!opened.reopen) ctx.skip();
        const rows = Object.fromEntries(COLLECTIONS.map((c) => [c, sampleRows(c)])) as {
          [C in CollectionName]: [Collections[C], Collections[C]];
        };
        const last = await write(async (tx) => {
          for (const c of COLLECTIONS) for (const r of rows[c]) await put(tx, c, r);
          await tx.remove('cycles', rows.cycles[1].id);
          await tx.nextSeq();
          return tx.nextSeq();
        });
        const storeId = store.storeId;
        await store.close();

        store = await opened.reopen!();
        expect(store.storeId).toBe(storeId);
        for (const c of COLLECTIONS) {
          const expected: { id: string }[] = c === 'cycles' ? [rows.cycles[0]] : [...rows[c]];
          expect(await all(c)).toStrictEqual(byId(expected));
        }
        expect(await store.read((tx) => tx.currentSeq())).toBe(last);
        expect(await write((tx) => tx.nextSeq())).toBeGreaterThan(last);

        // And once more, after writing on the reopened store.
        await store.close();
        store = await opened.reopen!();
        expect(store.storeId).toBe(storeId);
        expect(await store.read((tx) => tx.currentSeq())).toBeGreaterThan(last);
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------

export type HammerOptions = { writers?: number; txPerWriter?: number; owners?: number };

/**
 * Concurrent writers (spread over `writeStores`) commit creates, updates and tombstones of
 * sessions and action items, each with its own `nextSeq`, while polling readers (one per store in
 * `readStores`, plus a per-owner one on the first) pull `changes()` after their cursor and move the
 * cursor to `currentSeq()` from the same read. Checks every pull (ordered, inside its window) and
 * that replaying each reader's pulls gives exactly the final state: no reader skipped a change.
 */
export async function hammer(
  writeStores: Store[],
  readStores: Store[],
  { writers = 6, txPerWriter = 12, owners = 3 }: HammerOptions = {},
): Promise<{ pulls: number; seqs: number[] }> {
  const first = writeStores[0]!;
  const committed: { c: 'sessions' | 'actionItems'; id: string; ownerId: string }[] = [];
  const seqs: number[] = [];
  let writing = true;

  const writer = async (w: number) => {
    const s = writeStores[w % writeStores.length]!;
    for (let i = 0; i < txPerWriter; i++) {
      const roll = (w * 31 + i * 17) % 10;
      const target = committed.length ? committed[(w * 7 + i * 13) % committed.length] : undefined;
      const made = await s.write(async (tx) => {
        const seq = await tx.nextSeq();
        seqs.push(seq);
        await sleep((w + i) % 3);
        if (target && roll >= 6) {
          const current = (await tx.get(target.c, target.id)) as StoredSession | StoredActionItem | undefined;
          if (current && !current.deleted) {
            const next =
              roll >= 9
                ? tombstone(current as StoredSession, seq)
                : {
                    ...current,
                    seq,
                    version: current.version + 1,
                    updatedAt: `2026-11-25T10:${String(i).padStart(2, '0')}:00Z`,
                  };
            await tx.put(target.c, next as StoredSession);
            return undefined;
          }
        }
        const ownerId = `owner-${(w + i) % owners}`;
        if (roll % 2) {
          const row = sampleActionItem({ seq, ownerId, title: `w${w} t${i}` });
          await tx.put('actionItems', row);
          return { c: 'actionItems' as const, id: row.id, ownerId };
        }
        const row = sampleSession({ seq, ownerId, mainGoal: `w${w} t${i}` });
        await tx.put('sessions', row);
        return { c: 'sessions' as const, id: row.id, ownerId };
      });
      if (made) committed.push(made);
      await sleep(i % 2);
    }
  };

  type Replica = { sessions: Map<string, StoredSession>; actionItems: Map<string, StoredActionItem> };
  let pulls = 0;
  const reader = async (s: Store, ownerId?: string) => {
    const replica: Replica = { sessions: new Map(), actionItems: new Map() };
    let cursor = 0;
    const pull = async () => {
      const got = await s.read(async (tx) => ({
        sessions: await tx.changes('sessions', cursor, ownerId),
        actionItems: await tx.changes('actionItems', cursor, ownerId),
        seq: await tx.currentSeq(),
      }));
      pulls++;
      expect(got.seq).toBeGreaterThanOrEqual(cursor);
      for (const c of ['sessions', 'actionItems'] as const) {
        const rows = got[c];
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          expect(r.seq).toBeGreaterThan(cursor);
          expect(r.seq).toBeLessThanOrEqual(got.seq);
          if (i > 0) expect(r.seq).toBeGreaterThan(rows[i - 1]!.seq);
          if (ownerId !== undefined) expect(r.ownerId).toBe(ownerId);
          (replica[c] as Map<string, unknown>).set(r.id, r);
        }
      }
      cursor = got.seq;
    };
    while (writing) {
      await pull();
      await sleep(1);
    }
    await pull();
    return replica;
  };

  const readers = [...readStores.map((s) => reader(s)), reader(readStores[0]!, 'owner-0')];
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  writing = false;
  const replicas = await Promise.all(readers);

  const final = await first.read(async (tx) => ({
    sessions: await tx.find('sessions'),
    actionItems: await tx.find('actionItems'),
  }));
  let r = 0;
  for (const ownerId of [...readStores.map(() => undefined), 'owner-0']) {
    const replica = replicas[r++]!;
    for (const c of ['sessions', 'actionItems'] as const) {
      const expected = byId(
        (final[c] as { id: string; ownerId: string }[]).filter(
          (x) => ownerId === undefined || x.ownerId === ownerId,
        ),
      );
      expect(byId([...replica[c].values()])).toStrictEqual(expected);
    }
  }
  return { pulls, seqs };
}
