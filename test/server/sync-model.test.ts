// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * Model test of sync (fast-check): 2–4 simulated clients — devices of two managers — make random
 * edits, creates and deletes, go offline, lose responses and resend the same push, against the
 * real app and a real in-memory store. Checked on the way: each fresh push gets the results a
 * reference model predicts from the stored state (so every conflict is surfaced to its pusher),
 * and no two acknowledged edits share a version. At the end every client syncs until quiet and
 * must hold exactly the server's live records of its manager, with no acknowledged edit lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameContent } from '../../server/sync/apply';
import { world } from './helpers';

type W = Awaited<ReturnType<typeof world>>;
type Rec = {
  id: string;
  employeeId: string;
  cycleId: string;
  kind: string;
  status: string;
  notes?: string | null;
};
type Local = { data: Rec; version: number; dirty: boolean; edits: number; deleting: boolean };
type Client = {
  name: string;
  manager: 'A' | 'B';
  records: Map<string, Local>;
  cursor?: string;
  offline: boolean;
  inflight?: { body: any; edits: Map<string, number> };
  pushes: number;
};

type Op =
  | { t: 'edit'; c: number; r: number; text: string }
  | { t: 'delete'; c: number; r: number }
  | { t: 'sync'; c: number; lose: boolean }
  | { t: 'offline'; c: number }
  | { t: 'online'; c: number };

/** Fixed ids per manager so that devices of one manager meet on the same records. */
const IDS = {
  A: Array.from({ length: 4 }, (_, i) => `aaaaaaaa-0000-4000-8000-00000000000${i}`),
  B: Array.from({ length: 4 }, (_, i) => `bbbbbbbb-0000-4000-8000-00000000000${i}`),
};
const EMPLOYEE = { A: 'a1', B: 'b1' };

const opArb = (clients: number): fc.Arbitrary<Op> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        t: fc.constant('edit' as const),
        c: fc.nat(clients - 1),
        r: fc.nat(3),
        text: fc.string({ maxLength: 6 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('delete' as const), c: fc.nat(clients - 1), r: fc.nat(3) }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ t: fc.constant('sync' as const), c: fc.nat(clients - 1), lose: fc.boolean() }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), c: fc.nat(clients - 1) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('online' as const), c: fc.nat(clients - 1) }) },
  );

/** What the server should answer to one pushed record, from the stored state just before. */
function predict(w: W, ownerId: string, type: 'put' | 'delete', id: string, base: number, rec?: Rec) {
  const stored = w.store.state.collections.sessions.get(id);
  if (stored && stored.ownerId !== ownerId) return { status: 'rejected' };
  const v = stored?.version ?? 0;
  if (type === 'delete') {
    if (!stored) return { status: 'applied', version: 0 };
    if (stored.deleted) return { status: 'applied', version: v };
    return base === v ? { status: 'applied', version: v + 1 } : { status: 'conflict', version: v };
  }
  if (stored && !stored.deleted && sameContent(stored, rec!) && (v === base + 1 || v === base)) {
    return { status: 'applied', version: v };
  }
  return base === v ? { status: 'applied', version: v + 1 } : { status: 'conflict', version: v };
}

async function run(nClients: number, ops: Op[]) {
  const w = await world();
  const users = { A: w.A, B: w.B };
  const clients: Client[] = Array.from({ length: nClients }, (_, i) => ({
    name: `device${i}`,
    manager: i % 2 === 0 ? 'A' : 'B',
    records: new Map(),
    offline: false,
    pushes: 0,
  }));
  /** (id, version) → content of every acknowledged (applied) write. */
  const acked = new Map<string, string>();
  const conflictsSeen = new Map<string, number>();

  function buildPush(cl: Client) {
    const sessions: any[] = [];
    const deletes: any[] = [];
    const edits = new Map<string, number>();
    for (const [id, l] of cl.records) {
      if (l.deleting) deletes.push({ type: 'session', id, baseVersion: l.version });
      else if (l.dirty) sessions.push({ ...l.data, baseVersion: l.version });
      else continue;
      edits.set(id, l.edits);
    }
    if (!sessions.length && !deletes.length) return undefined;
    cl.pushes++;
    return { body: { clientId: cl.name, pushId: String(cl.pushes), push: { sessions, deletes } }, edits };
  }

  async function sync(cl: Client, lose: boolean): Promise<boolean> {
    if (cl.offline) return false;
    const fresh = !cl.inflight;
    cl.inflight ??= buildPush(cl);
    const body = { ...(cl.inflight?.body ?? {}), ...(cl.cursor ? { cursor: cl.cursor } : {}) };
    const me = users[cl.manager];
    const predicted =
      fresh && cl.inflight
        ? [
            ...body.push.sessions.map((s: any) => {
              const { baseVersion, ...rec } = s;
              return predict(w, me.user.id, 'put', s.id, baseVersion, rec);
            }),
            ...body.push.deletes.map((d: any) => predict(w, me.user.id, 'delete', d.id, d.baseVersion)),
          ]
        : undefined;
    const r = await w.call('POST', '/api/v1/sync', { token: me.token, json: body });
    expect(r.status, r.text).toBe(200);
    const results: any[] = r.body.results;
    if (predicted) expect(results.map((x) => ({ status: x.status, version: x.version }))).toEqual(predicted);
    // Record acknowledged writes: two different contents acknowledged at one version = a lost edit.
    for (const x of results) {
      if (x.status !== 'applied' || x.version === 0) continue;
      const row = w.store.state.collections.sessions.get(x.id)!;
      if (row.version !== x.version) continue; // overwritten since; its content was checked then
      const key = `${x.id}@${x.version}`;
      const content = row.deleted ? 'deleted' : JSON.stringify({ notes: row.notes ?? null });
      if (acked.has(key)) expect(acked.get(key)).toBe(content);
      acked.set(key, content);
    }
    if (lose) return true; // the response never arrives: the same push is resent next time
    const sent = cl.inflight;
    cl.inflight = undefined;
    for (const x of results) {
      const l = cl.records.get(x.id);
      if (!l) continue;
      const unchanged = sent?.edits.get(x.id) === l.edits;
      if (x.status === 'applied') {
        if (l.deleting) cl.records.delete(x.id);
        else {
          l.version = x.version;
          if (unchanged) l.dirty = false;
        }
      } else if (x.status === 'conflict') {
        conflictsSeen.set(cl.name, (conflictsSeen.get(cl.name) ?? 0) + 1);
        if (x.server === null)
          cl.records.delete(x.id); // deleted elsewhere: the delete wins
        else {
          // Keep our text on top of the server's version (the extension would merge fields).
          l.version = x.version;
          if (l.deleting) {
            l.deleting = false;
            l.data = { ...x.server };
            l.dirty = false;
          } else l.dirty = true;
        }
      } else throw new Error(`unexpected ${x.status}: ${JSON.stringify(x)}`);
    }
    let changed = results.length > 0;
    const pull = r.body.pull;
    if (!cl.cursor) {
      for (const [id, l] of cl.records)
        if (!l.dirty && !l.deleting && !pull.sessions.some((s: any) => s.id === id)) cl.records.delete(id);
    }
    for (const s of pull.sessions) {
      const l = cl.records.get(s.id);
      if (l && l.version >= s.version) continue;
      changed = true;
      const { version, updatedAt: _u, privateNotes: _p, ...data } = s;
      if (l && (l.dirty || l.deleting)) continue; // the next push will meet it as a conflict
      cl.records.set(s.id, { data, version, dirty: false, edits: 0, deleting: false });
    }
    for (const d of pull.deletes) {
      if (cl.records.delete(d.id)) changed = true;
    }
    cl.cursor = r.body.cursor;
    return changed;
  }

  for (const op of ops) {
    const cl = clients[op.c]!;
    if (op.t === 'offline') cl.offline = true;
    else if (op.t === 'online') cl.offline = false;
    else if (op.t === 'sync') await sync(cl, op.lose);
    else {
      const id = IDS[cl.manager][op.r]!;
      const l = cl.records.get(id);
      if (op.t === 'delete') {
        if (l && !l.deleting) {
          if (l.version === 0) cl.records.delete(id);
          else {
            l.deleting = true;
            l.edits++;
          }
        }
      } else if (!l) {
        const data: Rec = {
          id,
          employeeId: EMPLOYEE[cl.manager],
          cycleId: '2026H1',
          kind: 'coaching',
          status: 'planned',
          notes: op.text,
        };
        cl.records.set(id, { data, version: 0, dirty: true, edits: 1, deleting: false });
      } else if (!l.deleting) {
        l.data = { ...l.data, notes: op.text };
        l.dirty = true;
        l.edits++;
      }
    }
  }

  // Everyone back online; sync until a whole round changes nothing.
  for (const cl of clients) cl.offline = false;
  let rounds = 0;
  for (;;) {
    let any = false;
    for (const cl of clients) if (await sync(cl, false)) any = true;
    if (!any) break;
    if (++rounds > 30) throw new Error('sync did not settle');
  }

  for (const cl of clients) {
    const me = users[cl.manager];
    const server = [...w.store.state.collections.sessions.values()]
      .filter((s) => !s.deleted && s.ownerId === me.user.id)
      .map((s) => ({ id: s.id, version: s.version, notes: s.notes ?? null }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const local = [...cl.records.values()]
      .map((l) => ({ id: l.data.id, version: l.version, notes: l.data.notes ?? null }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(local, cl.name).toEqual(server);
    expect([...cl.records.values()].every((l) => !l.dirty && !l.deleting)).toBe(true);
  }
  // The final state of every record is an acknowledged write (nothing appeared unacknowledged).
  for (const s of w.store.state.collections.sessions.values()) {
    expect(acked.has(`${s.id}@${s.version}`)).toBe(true);
  }
  return { conflicts: [...conflictsSeen.values()].reduce((a, b) => a + b, 0) };
}

describe('sync model', () => {
  it('random clients converge to the server state without losing acknowledged edits', async () => {
    let conflicts = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 2, max: 4 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(opArb(n), { minLength: 5, maxLength: 60 }))),
        async ([n, ops]) => {
          conflicts += (await run(n, ops)).conflicts;
        },
      ),
      { numRuns: 50, seed: 20260302 },
    );
    // The runs must actually exercise conflicts, not only the happy path.
    expect(conflicts).toBeGreaterThan(0);
  });
});
