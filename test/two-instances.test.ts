// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in this test
/**
 * Two instances, one database (DESIGN §4, issue 10): two real service processes share one
 * PostgreSQL schema, as they would behind a load balancer. HR sets up managers, roster and a cycle
 * through both; then several clients (two devices per manager) sync through either instance at
 * random, switching instance between calls: new sessions, edits, edits from stale versions
 * (conflicts), deletes, action items, incremental pulls with cursors, retried pushes, and sessions
 * marked `recorded` by both devices at the same moment through different instances.
 *
 * At the end:
 * - every client, after one more incremental pull, holds exactly what a direct read of the
 *   database says it should (convergence), and so does a fresh snapshot from either instance;
 * - every write answered `applied` is in the database (nothing acknowledged is lost): each
 *   session's stored version is the highest version acknowledged for it, with the content of that
 *   push;
 * - every session that ever became `recorded` has exactly one employee and one manager survey.
 *
 * Needs PostgreSQL (test/pg.ts): skipped loudly without it, failing under TANDEM_REQUIRE_PG=1.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../server/storage/postgres';
import type { StoredActionItem, StoredSession } from '../server/storage/types';
import { dropSchema, freshSchema, PG_REQUIRED, pgAvailable, warnPgMissing } from './pg';
import { call, type ServiceProcess, startService, stopAll } from './service-process';

const MANAGERS = 3;
const DEVICES = 2; // per manager: two clients that edit the same records
const TEAM = 4;
const STEPS = 40; // sync calls per client
const CYCLE = '2026-h1';

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with TANDEM_TEST_SEED. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

/** JSON with sorted keys: equal values, whatever order a store gives their keys back in. */
function canon(v: unknown): string {
  const norm = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(norm)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, norm((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(norm(v));
}

type Local = { version: number; status: string; notes: string; employeeId: string };
type LocalItem = { version: number; title: string; sessionId: string };
type Ack = { id: string; version: number; deleted: boolean; status?: string; notes?: string };

const pgUrl = await pgAvailable();
const schemas: string[] = [];

afterAll(async () => {
  stopAll();
  if (pgUrl) for (const s of schemas) await dropSchema(pgUrl, s).catch(() => {});
});

if (!pgUrl) {
  if (!PG_REQUIRED) await warnPgMissing('the two-instances test is NOT being run');
  describe('two instances, one database', () => {
    if (PG_REQUIRED) {
      it('needs a PostgreSQL server (TANDEM_REQUIRE_PG=1)', async () => {
        await warnPgMissing('the two-instances test cannot run');
      });
    } else it.skip('PostgreSQL is not available', () => {});
  });
} else {
  describe('two instances, one database', () => {
    it('converge, lose no acknowledged write, and issue each survey once', async () => {
      const seed = Number(process.env.TANDEM_TEST_SEED ?? Date.now() % 1_000_000);
      const r = rng(seed);
      const why = `seed ${seed} (replay with TANDEM_TEST_SEED=${seed})`;
      const schema = freshSchema();
      schemas.push(schema);
      const hrToken = randomBytes(24).toString('base64url');

      // A bootstraps the HR user; B starts on the same (now non-empty) schema.
      const a = await startService({
        DATABASE_URL: pgUrl,
        TANDEM_PG_SCHEMA: schema,
        TANDEM_BOOTSTRAP_TOKEN: hrToken,
      });
      const b = await startService({ DATABASE_URL: pgUrl, TANDEM_PG_SCHEMA: schema });
      const instances: ServiceProcess[] = [a, b];
      expect(a.output()).toMatch(
        /Storage: postgres at postgres:\/\/[^\s]*127\.0\.0\.1:5432\/\w+ \(schema tandem_test_/,
      );
      expect(b.output()).not.toMatch(/First start/);
      for (const s of instances) {
        const health = await fetch(`${s.base}/health`).then((res) => res.json());
        expect(health).toMatchObject({ ok: true, storage: 'postgres' });
      }
      const any = () => r.pick(instances).base;

      // HR: managers (through both instances), roster, cycle.
      const managers: { id: string; email: string; token: string; team: string[] }[] = [];
      for (let m = 0; m < MANAGERS; m++) {
        const email = `m${m}@two.example`;
        const res = await call(instances[m % 2]!.base, hrToken, 'POST', '/api/v1/users', {
          name: `Manager ${m}`,
          email,
          role: 'manager',
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        managers.push({
          id: res.body.user.id,
          email,
          token: res.body.token,
          team: Array.from({ length: TEAM }, (_, e) => `m${m}e${e}`),
        });
      }
      const roster = managers.flatMap((m) =>
        m.team.map((id) => ({
          id,
          name: `Employee ${id}`,
          email: `${id}@two.example`,
          department: 'R&D',
          managerEmail: m.email,
          status: 'active',
        })),
      );
      const put = await call(b.base, hrToken, 'PUT', '/api/v1/employees', roster);
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const cycle = await call(a.base, hrToken, 'PUT', `/api/v1/cycles/${CYCLE}`, {
        name: 'H1',
        startsOn: '2026-01-01',
        endsOn: '2026-06-30',
      });
      expect([200, 201]).toContain(cycle.status);

      const acks: Ack[] = [];
      const itemAcks: Ack[] = [];
      const everRecorded = new Set<string>();
      const problems: string[] = [];

      type Client = {
        name: string;
        manager: (typeof managers)[number];
        clientId: string;
        cursor: string | null;
        sessions: Map<string, Local>;
        items: Map<string, LocalItem>;
        pushes: number;
      };

      function applyPull(c: Client, body: any): void {
        for (const s of body.pull.sessions) {
          c.sessions.set(s.id, {
            version: s.version,
            status: s.status,
            notes: s.notes ?? '',
            employeeId: s.employeeId,
          });
        }
        for (const it of body.pull.actionItems) {
          c.items.set(it.id, { version: it.version, title: it.title, sessionId: it.sessionId });
        }
        for (const d of body.pull.deletes) {
          if (d.type === 'session') c.sessions.delete(d.id);
          else c.items.delete(d.id);
        }
        c.cursor = body.cursor;
      }

      async function sync(c: Client, base: string, push: any, retry = false): Promise<any> {
        const pushId = `p${++c.pushes}`;
        const req = { cursor: c.cursor, clientId: c.clientId, pushId, push };
        const res = await call(base, c.manager.token, 'POST', '/api/v1/sync', req);
        if (res.status !== 200) {
          problems.push(`${c.name}: sync answered ${res.status} ${JSON.stringify(res.body)}`);
          return null;
        }
        if (retry) {
          // The same push again, through the other instance: the same results, nothing applied twice.
          const other = instances.find((s) => s.base !== base)!.base;
          const again = await call(other, c.manager.token, 'POST', '/api/v1/sync', req);
          if (again.status !== 200 || canon(again.body.results) !== canon(res.body.results)) {
            problems.push(
              `${c.name}: a retried push answered ${canon(again.body.results ?? again.body)}, first ${canon(res.body.results)}`,
            );
          }
        }
        return res.body;
      }

      /** Records what a push's results acknowledged, and adopts the server's text on conflicts. */
      function settle(c: Client, body: any, sent: Map<string, Ack>): void {
        for (const res of body.results) {
          const mine = sent.get(res.id)!;
          if (res.status === 'applied') {
            const ack = { ...mine, version: res.version };
            (res.type === 'session' ? acks : itemAcks).push(ack);
            if (ack.status === 'recorded') everRecorded.add(res.id);
          } else if (res.status === 'conflict') {
            // Resolution: take the server's record (the pull below carries it too).
            if (res.type === 'session') {
              if (res.server) {
                c.sessions.set(res.id, {
                  version: res.server.version,
                  status: res.server.status,
                  notes: res.server.notes ?? '',
                  employeeId: res.server.employeeId,
                });
              } else c.sessions.delete(res.id);
            } else if (res.server) {
              c.items.set(res.id, {
                version: res.server.version,
                title: res.server.title,
                sessionId: res.server.sessionId,
              });
            } else c.items.delete(res.id);
          } else if (res.type === 'actionItem' && res.error?.code === 'not_your_session') {
            // The other device deleted the session meanwhile: the item is refused, as it should be.
            c.items.delete(res.id);
          } else problems.push(`${c.name}: ${res.type} ${res.id} rejected: ${JSON.stringify(res.error)}`);
        }
        applyPull(c, body);
      }

      const session = (id: string, employeeId: string, status: string, notes: string, base: number) => ({
        id,
        employeeId,
        cycleId: CYCLE,
        kind: 'coaching',
        status,
        ...(status === 'recorded'
          ? {
              startedAt: '2026-03-02T10:00:00.000Z',
              endedAt: '2026-03-02T10:45:00.000Z',
              recordedAt: '2026-03-02T11:00:00.000Z',
            }
          : {}),
        notes,
        baseVersion: base,
      });

      async function step(c: Client, n: number): Promise<void> {
        const base = any();
        const live = [...c.sessions.entries()];
        const choice = r.next();
        const sent = new Map<string, Ack>();
        const push: { sessions: any[]; actionItems: any[]; deletes: any[] } = {
          sessions: [],
          actionItems: [],
          deletes: [],
        };
        if (choice < 0.3 || live.length === 0) {
          const id = randomUUID();
          const notes = `${c.name} new ${n}`;
          push.sessions.push(session(id, r.pick(c.manager.team), 'planned', notes, 0));
          sent.set(id, { id, version: 0, deleted: false, status: 'planned', notes });
        } else if (choice < 0.6) {
          const [id, s] = r.pick(live);
          const status = r.pick(['held', 'recorded', 'planned', 'recorded']);
          const notes = `${c.name} edit ${n}`;
          push.sessions.push(session(id, s.employeeId, status, notes, s.version));
          sent.set(id, { id, version: 0, deleted: false, status, notes });
        } else if (choice < 0.7) {
          const [id, s] = r.pick(live);
          push.deletes.push({ type: 'session', id, baseVersion: s.version });
          sent.set(id, { id, version: 0, deleted: true });
        } else if (choice < 0.85) {
          const [sessionId] = r.pick(live);
          const items = [...c.items.entries()].filter(([, it]) => it.sessionId === sessionId);
          const title = `${c.name} item ${n}`;
          if (items.length > 0 && r.next() < 0.5) {
            const [id, it] = r.pick(items);
            push.actionItems.push({
              id,
              sessionId,
              title,
              owner: 'employee',
              status: 'open',
              baseVersion: it.version,
            });
            sent.set(id, { id, version: 0, deleted: false, notes: title });
          } else {
            const id = randomUUID();
            push.actionItems.push({ id, sessionId, title, owner: 'manager', status: 'open', baseVersion: 0 });
            sent.set(id, { id, version: 0, deleted: false, notes: title });
          }
        }
        // else: a pull only.
        const hasPush = sent.size > 0;
        const body = await sync(c, base, hasPush ? push : {}, hasPush && r.next() < 0.15);
        if (body) settle(c, body, sent);
      }

      const clients: Client[] = managers.flatMap((m, mi) =>
        Array.from({ length: DEVICES }, (_, d) => ({
          name: `m${mi}d${d}`,
          manager: m,
          clientId: randomUUID(),
          cursor: null,
          sessions: new Map<string, Local>(),
          items: new Map<string, LocalItem>(),
          pushes: 0,
        })),
      );

      // Each client starts from a snapshot, then syncs at random through either instance.
      for (const c of clients) {
        const body = await sync(c, any(), {});
        if (body) applyPull(c, body);
      }
      await Promise.all(
        clients.map(async (c) => {
          for (let n = 0; n < STEPS; n++) await step(c, n);
        }),
      );

      // Both devices of each manager mark the same fresh session `recorded` at the same moment,
      // one through each instance: one is applied, the other is a conflict; surveys once.
      for (const m of managers) {
        const [d0, d1] = clients.filter((c) => c.manager === m) as [Client, Client];
        for (let k = 0; k < 3; k++) {
          const id = randomUUID();
          const employeeId = r.pick(m.team);
          const created = await sync(d0, a.base, {
            sessions: [session(id, employeeId, 'held', 'race', 0)],
          });
          settle(
            d0,
            created,
            new Map([[id, { id, version: 0, deleted: false, status: 'held', notes: 'race' }]]),
          );
          const pulled = await sync(d1, b.base, {});
          applyPull(d1, pulled);
          const v = d0.sessions.get(id)!.version;
          expect(d1.sessions.get(id)?.version, why).toBe(v);
          const [r0, r1] = await Promise.all(
            [
              [d0, a.base, 'race d0'],
              [d1, b.base, 'race d1'],
            ].map(async ([c, base, notes]) => {
              const cl = c as Client;
              const body = await sync(cl, base as string, {
                sessions: [session(id, employeeId, 'recorded', notes as string, v)],
              });
              settle(
                cl,
                body,
                new Map([
                  [id, { id, version: 0, deleted: false, status: 'recorded', notes: notes as string }],
                ]),
              );
              return body.results[0].status as string;
            }),
          );
          expect([r0, r1].sort(), why).toEqual(['applied', 'conflict']);
        }
      }

      expect(problems, why).toEqual([]);

      // Convergence: one more incremental pull per client, then compare with a direct read.
      for (const c of clients) applyPull(c, await sync(c, any(), {}));
      const direct = await openPostgresStore(pgUrl, { schema, max: 2 });
      try {
        const { sessions, items, surveys } = await direct.read(async (tx) => ({
          sessions: await tx.find('sessions'),
          items: await tx.find('actionItems'),
          surveys: await tx.find('surveys'),
        }));
        const byId = new Map<string, StoredSession>(sessions.map((s) => [s.id, s]));
        const itemsById = new Map<string, StoredActionItem>(items.map((s) => [s.id, s]));

        for (const c of clients) {
          const expected = new Map(
            sessions
              .filter((s) => s.ownerId === c.manager.id && !s.deleted)
              .map((s) => [
                s.id,
                { version: s.version, status: s.status, notes: s.notes ?? '', employeeId: s.employeeId },
              ]),
          );
          expect(new Map([...c.sessions].sort()), `${c.name} sessions, ${why}`).toEqual(
            new Map([...expected].sort()),
          );
          const expectedItems = new Map(
            items
              .filter((s) => s.ownerId === c.manager.id && !s.deleted)
              .map((s) => [s.id, { version: s.version, title: s.title, sessionId: s.sessionId }]),
          );
          expect(new Map([...c.items].sort()), `${c.name} action items, ${why}`).toEqual(
            new Map([...expectedItems].sort()),
          );
          // A fresh snapshot through either instance says the same.
          for (const s of instances) {
            const snap = await call(s.base, c.manager.token, 'POST', '/api/v1/sync', {});
            const ids = (snap.body.pull.sessions as { id: string; version: number }[])
              .map((x) => `${x.id}@${x.version}`)
              .sort();
            expect(ids, `${c.name} snapshot via ${s.base}`).toEqual(
              [...expected].map(([id, x]) => `${id}@${x.version}`).sort(),
            );
          }
        }

        // No acknowledged write is lost: the stored version of each record is the highest
        // acknowledged one, with that push's content.
        const last = new Map<string, Ack>();
        for (const ack of acks) if ((last.get(ack.id)?.version ?? -1) < ack.version) last.set(ack.id, ack);
        expect(acks.length).toBeGreaterThan(MANAGERS * DEVICES * 5);
        for (const [id, ack] of last) {
          const row = byId.get(id);
          expect(row, `acknowledged session ${id} is missing`).toBeDefined();
          expect({ version: row!.version, deleted: !!row!.deleted }, `session ${id}`).toEqual({
            version: ack.version,
            deleted: ack.deleted,
          });
          if (!ack.deleted)
            expect({ status: row!.status, notes: row!.notes }).toEqual({
              status: ack.status,
              notes: ack.notes,
            });
        }
        expect(byId.size, 'sessions the clients never had acknowledged').toBe(last.size);
        const lastItem = new Map<string, Ack>();
        for (const ack of itemAcks)
          if ((lastItem.get(ack.id)?.version ?? -1) < ack.version) lastItem.set(ack.id, ack);
        for (const [id, ack] of lastItem) {
          const row = itemsById.get(id);
          expect(row, `acknowledged action item ${id} is missing`).toBeDefined();
          if (row!.deleted) {
            // A tombstone can only come from deleting its session: either later, or before this
            // push arrived (the item then follows its session into a tombstone, server/sync/apply.ts).
            expect(row!.version, `action item ${id}`).toBeGreaterThanOrEqual(ack.version);
            expect(byId.get(row!.sessionId)?.deleted, `session of action item ${id}`).toBe(true);
          } else {
            expect(row!.version).toBe(ack.version);
            expect(row!.title).toBe(ack.notes);
          }
        }

        // Surveys: exactly one employee and one manager survey per session ever recorded.
        const kinds = new Map<string, string[]>();
        for (const s of surveys) kinds.set(s.sessionId, [...(kinds.get(s.sessionId) ?? []), s.kind]);
        expect(everRecorded.size).toBeGreaterThanOrEqual(MANAGERS * 3);
        for (const id of everRecorded)
          expect(kinds.get(id)?.sort(), `surveys of ${id}`).toEqual(['employee', 'manager']);
        expect(new Set(kinds.keys())).toEqual(everRecorded);
      } finally {
        await direct.close();
      }

      for (const s of instances) expect(await s.stop()).toBe(0);
    }, 120_000);
  });
}
