// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * Issue 15's table, row by row, against the service: what real clients and real exports send
 * (Python's microseconds, offsets, "" for "none"), and answers that agree with DESIGN §4 and §6.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { actionItem, push, ROSTER_HEADER, session, world } from './helpers';

async function sync(w: Awaited<ReturnType<typeof world>>, token: string, push: unknown) {
  return w.call('POST', '/api/v1/sync', { token, json: { push } });
}

describe('issue 15: input from real clients and exports', () => {
  it('an instant with microseconds (Python isoformat) is stored to the millisecond, UTC', async () => {
    const w = await world();
    const s = session('a1', { status: 'held', startedAt: '2026-11-25T09:30:00.123456Z' });
    const r = await sync(w, w.A.token, { sessions: [{ ...s, baseVersion: 0 }] });
    expect(r.status, r.text).toBe(200);
    expect(r.body.results[0].status).toBe('applied');
    const got = await w.call('GET', `/api/v1/sessions/${s.id}`, { token: w.A.token });
    expect(got.body.session.startedAt).toBe('2026-11-25T09:30:00.123Z');
  });

  it('an instant with a +08:00 offset is stored as the same moment in UTC (REST PUT too)', async () => {
    const w = await world();
    const s = session('a1', { status: 'held', startedAt: '2026-11-25T17:30:00+08:00' });
    const put = await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: s });
    expect(put.status, put.text).toBe(201);
    expect(put.body.session.startedAt).toBe('2026-11-25T09:30:00.000Z');
    const stored = w.store.state.collections.sessions.get(s.id)!;
    expect((stored as any).data?.startedAt ?? (stored as any).startedAt).toBe('2026-11-25T09:30:00.000Z');
  });

  it('no time zone, an impossible date or 24:00 is a 400 naming the field; nothing stored', async () => {
    const w = await world();
    const before = w.snapshot();
    for (const bad of ['2026-11-25T09:30:00', '2026-02-30T09:30:00Z', '2026-11-25T24:00:00Z']) {
      const s = session('a1', { status: 'held', startedAt: bad });
      const r = await sync(w, w.A.token, { sessions: [{ ...s, baseVersion: 0 }] });
      expect(r.status).toBe(400);
      expect(r.body.error.details.map((d: any) => d.path)).toContain('push.sessions.0.startedAt');
    }
    expect(w.snapshot()).toBe(before);
  });

  it('a roster saved as JSON with "leftOn": "" imports like the empty CSV cell: not left', async () => {
    const csvWorld = await world();
    const jsonWorld = await world();
    const row = { id: 'j1', name: 'Jay', email: 'j1@corp.example', department: 'R&D' };
    const csv = `${ROSTER_HEADER}\nj1,Jay,j1@corp.example,R&D,a@corp.example,active,\n`;
    const a = await csvWorld.call('PUT', '/api/v1/employees', { token: csvWorld.hr, csv });
    const b = await jsonWorld.call('PUT', '/api/v1/employees', {
      token: jsonWorld.hr,
      json: [{ ...row, managerEmail: 'a@corp.example', status: 'active', leftOn: '' }],
    });
    expect([a.status, b.status], b.text).toEqual([200, 200]);
    const list = async (x: typeof csvWorld) =>
      (await x.call('GET', '/api/v1/employees', { token: x.hr })).body.employees.find(
        (e: any) => e.id === 'j1',
      );
    const fromCsv = await list(csvWorld);
    const fromJson = await list(jsonWorld);
    expect(fromJson.leftOn ?? null).toBeNull();
    expect({ ...fromJson, managerId: undefined, version: undefined }).toEqual({
      ...fromCsv,
      managerId: undefined,
      version: undefined,
    });
    // null means the same; so does "" in a ratings or cycles import's optional field.
    const n = await jsonWorld.call('PUT', '/api/v1/employees', {
      token: jsonWorld.hr,
      json: [
        {
          ...row,
          id: 'j2',
          email: 'j2@corp.example',
          managerEmail: null,
          department: '',
          status: 'active',
          leftOn: null,
        },
      ],
    });
    expect(n.status, n.text).toBe(200);
  });

  it('DELETE (and GET, PUT) of another manager’s session or item is 404, as GET answers', async () => {
    const w = await world();
    const s = session('a1');
    const item = actionItem(s.id);
    await push(w, w.A.token, [s], [item]);
    const before = w.snapshot();
    for (const [method, path, json] of [
      ['DELETE', `/api/v1/sessions/${s.id}`, undefined],
      ['GET', `/api/v1/sessions/${s.id}`, undefined],
      ['PUT', `/api/v1/sessions/${s.id}`, { ...s, employeeId: 'b1' }],
      ['DELETE', `/api/v1/action-items/${item.id}`, undefined],
      ['GET', `/api/v1/action-items/${item.id}`, undefined],
    ] as const) {
      const r = await w.call(method, path, { token: w.B.token, json, headers: { 'if-match': '1' } });
      expect([method, path, r.status]).toEqual([method, path, 404]);
      expect(r.body.error.code).toBe('not_found');
    }
    expect(w.snapshot()).toBe(before);
  });

  it('a session whose cycleId names no cycle is a 400 naming the record and field; nothing stored', async () => {
    const w = await world();
    const before = w.snapshot();
    const good = session('a1');
    const bad = session('a2', { cycleId: '1999Q9' });
    const r = await sync(w, w.A.token, {
      sessions: [
        { ...good, baseVersion: 0 },
        { ...bad, baseVersion: 0 },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_reference');
    expect(r.body.error.details).toEqual([
      expect.objectContaining({
        path: 'push.sessions.1.cycleId',
        record: expect.objectContaining({ id: bad.id }),
      }),
    ]);
    expect(w.snapshot()).toBe(before);
  });

  it('highPerformerKept: among pairs starting at ≥ 4, the share not lower next cycle (JSON, CSV, dashboard)', async () => {
    const w = await world();
    const next = await w.call('PUT', '/api/v1/cycles/2026H2', {
      token: w.hr,
      json: { name: '2026 H2', startsOn: '2026-07-01', endsOn: '2026-12-31' },
    });
    expect(next.status).toBe(201);
    // a1 5 → 4 (dropped), a2 4 → 4 (kept), b1 2 → 3 (not a high performer): 1 of 2.
    const ratings = await w.call('PUT', '/api/v1/ratings', {
      token: w.hr,
      csv: 'employeeId,cycleId,rating\na1,2026H1,5\na1,2026H2,4\na2,2026H1,4\na2,2026H2,4\nb1,2026H1,2\nb1,2026H2,3\n',
    });
    expect(ratings.status, ratings.text).toBe(200);
    const q = '/api/v1/metrics?cycleId=2026H1&groupBy=none&asOf=2026-03-02';
    const json = await w.call('GET', q, { token: w.hr });
    expect(json.status, json.text).toBe(200);
    expect(json.body.overall.performance).toMatchObject({ pairs: 3, highPerformerKept: 0.5 });
    const csv = await w.call('GET', `${q}&format=csv`, { token: w.hr });
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.at(-1)!['performance.highPerformerKept']).toBe('0.5');
    const signIn = await w.call('POST', '/dashboard/session', {
      body: new URLSearchParams({ token: w.hr, lang: 'en' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    const cookie = /tandem_dashboard=[^;]*/.exec(signIn.headers.get('set-cookie') ?? '')![0];
    const page = await w.call('GET', '/dashboard?cycleId=2026H1&groupBy=none&lang=en', {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    const measure =
      /<div class="measure" data-measure="highPerformerKept">.*?<div class="m-note">([^<]*)</s.exec(
        page.text,
      );
    expect(measure?.[0]).toContain('50%');
    expect(measure?.[1]).toBe('Of those rated 4 or 5 this cycle, the share rated no lower in the next');
    // Nobody at 4 or above: null, an empty cell.
    await w.call('PUT', '/api/v1/ratings', {
      token: w.hr,
      json: [
        { employeeId: 'a1', cycleId: '2026H1', rating: 3 },
        { employeeId: 'a2', cycleId: '2026H1', rating: 3 },
      ],
    });
    expect((await w.call('GET', q, { token: w.hr })).body.overall.performance.highPerformerKept).toBeNull();
    const empty = await w.call('GET', `${q}&format=csv`, { token: w.hr });
    const last = (parse(empty.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]).at(
      -1,
    )!;
    expect(last['performance.highPerformerKept']).toBe('');
  });
});
