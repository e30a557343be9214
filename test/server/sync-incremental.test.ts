// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * What a pull sends as the store grows: the team and cycles only when they changed since the
 * cursor (always in a snapshot), and idempotency records kept only as long as retries need them.
 */
import { describe, expect, it } from 'vitest';
import { KEEP_DAYS, KEEP_PER_CLIENT } from '../../server/sync/pushes';
import { session, world } from './helpers';

type W = Awaited<ReturnType<typeof world>>;
const sync = (w: W, token: string, body: unknown) => w.call('POST', '/api/v1/sync', { token, json: body });

describe('sync pulls the team and cycles only when they changed', () => {
  it('a snapshot has them; a pull at a cursor has them only after a roster or cycle change', async () => {
    const w = await world();
    const snap = await sync(w, w.A.token, {});
    expect(snap.body.pull.employees.map((e: any) => e.id)).toEqual(['a1', 'a2']);
    expect(snap.body.pull.cycles.map((c: any) => c.id)).toEqual(['2026H1']);
    let cursor = snap.body.cursor;

    const quiet = await sync(w, w.A.token, {
      cursor,
      push: { sessions: [{ ...session('a1'), baseVersion: 0 }] },
    });
    expect(quiet.body.results[0].status).toBe('applied');
    expect(quiet.body.pull.sessions).toHaveLength(1);
    expect(quiet.body.pull.employees).toBeUndefined();
    expect(quiet.body.pull.cycles).toBeUndefined();
    cursor = quiet.body.cursor;

    const cycle = await w.call('PUT', '/api/v1/cycles/2026H2', {
      token: w.hr,
      json: { name: '2026 H2', startsOn: '2026-07-01', endsOn: '2026-12-31' },
    });
    expect(cycle.status).toBe(201);
    const afterCycle = await sync(w, w.A.token, { cursor });
    expect(afterCycle.body.pull.cycles.map((c: any) => c.id)).toEqual(['2026H1', '2026H2']);
    expect(afterCycle.body.pull.employees.map((e: any) => e.id)).toEqual(['a1', 'a2']);
    cursor = afterCycle.body.cursor;
    expect((await sync(w, w.A.token, { cursor })).body.pull.employees).toBeUndefined();

    // A manager adding someone changes their team: the next pull carries it.
    const added = await w.call('POST', '/api/v1/employees', {
      token: w.A.token,
      json: { name: 'New Person', email: 'new@corp.example' },
    });
    expect(added.status).toBe(201);
    const afterAdd = await sync(w, w.A.token, { cursor });
    expect(afterAdd.body.pull.employees.map((e: any) => e.email)).toContain('new@corp.example');

    // HR moving a report to another manager: both see their new team.
    const bCursor = (await sync(w, w.B.token, {})).body.cursor;
    const csv = [
      'id,name,email,department,managerEmail,status,leftOn',
      'a1,王小明,a1@corp.example,R&D,a@corp.example,active,',
      'a2,Alice Two,a2@corp.example,R&D,b@corp.example,active,',
      'b1,Bob One,b1@corp.example,Sales,b@corp.example,active,',
    ].join('\n');
    expect((await w.call('PUT', '/api/v1/employees', { token: w.hr, csv })).status).toBe(200);
    const a = await sync(w, w.A.token, { cursor: afterAdd.body.cursor });
    expect(a.body.pull.employees.map((e: any) => e.id)).not.toContain('a2');
    const b = await sync(w, w.B.token, { cursor: bCursor });
    expect(b.body.pull.employees.map((e: any) => e.id).sort()).toEqual(['a2', 'b1']);
  });
});

describe('idempotency records are pruned', () => {
  it(`keeps the newest ${KEEP_PER_CLIENT} per client and none older than ${KEEP_DAYS} days; an old retry stays harmless`, async () => {
    let now = Date.parse('2026-03-01T09:00:00.000Z');
    const w = await world({}, () => new Date(now));
    const pushesOf = () => [...w.store.state.collections.pushes.values()];
    const s = session('a1');
    const first = { clientId: 'laptop', pushId: 'p0', push: { sessions: [{ ...s, baseVersion: 0 }] } };
    expect((await sync(w, w.A.token, first)).body.results[0]).toMatchObject({
      status: 'applied',
      version: 1,
    });
    for (let i = 1; i <= KEEP_PER_CLIENT + 5; i++) {
      now += 1000;
      const r = await sync(w, w.A.token, {
        clientId: 'laptop',
        pushId: `p${i}`,
        push: { sessions: [{ ...session('a2'), baseVersion: 0 }] },
      });
      expect(r.body.results[0].status).toBe('applied');
    }
    // Another client of the same manager keeps its own records.
    await sync(w, w.A.token, {
      clientId: 'desktop',
      pushId: 'd1',
      push: { sessions: [{ ...session('a2'), baseVersion: 0 }] },
    });
    const laptop = pushesOf().filter((p) => p.id.includes(':laptop:'));
    expect(laptop).toHaveLength(KEEP_PER_CLIENT);
    expect(laptop.map((p) => p.id)).not.toContain(`${w.A.user.id}:laptop:p0`);
    expect(pushesOf().filter((p) => p.id.includes(':desktop:'))).toHaveLength(1);

    // The retry of p0, long after its record went: applied again at the stored version, nothing written.
    const before = w.store.state.seq;
    const retry = await sync(w, w.A.token, first);
    expect(retry.body.results[0]).toMatchObject({ status: 'applied', version: 1 });
    expect(w.store.state.collections.sessions.get(s.id)!.version).toBe(1);
    expect(w.store.state.seq).toBe(before);

    // 31 days later, one push of the laptop drops every record older than 30 days, desktop's too.
    now += (KEEP_DAYS + 1) * 86_400_000;
    await sync(w, w.A.token, {
      clientId: 'laptop',
      pushId: 'late',
      push: { sessions: [{ ...session('a1'), baseVersion: 0 }] },
    });
    expect(pushesOf().map((p) => p.id)).toEqual([`${w.A.user.id}:laptop:late`]);
  });
});
