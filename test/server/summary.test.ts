// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** GET /api/v1/employees/:id/summary: the one-pager, for the manager's own reports and for HR. */
import { describe, expect, it } from 'vitest';
import { actionItem, push, session, type World, world } from './helpers';

/** a1 has two talks with A; the clock is 2 March 2026 (helpers.NOW). */
async function seeded() {
  const w = await world();
  const prev = await w.call('PUT', '/api/v1/cycles/2025H2', {
    token: w.hr,
    json: { name: '2025 H2', startsOn: '2025-07-01', endsOn: '2025-12-31' },
  });
  expect(prev.status).toBe(201);
  const ratings = await w.call('PUT', '/api/v1/ratings', {
    token: w.hr,
    json: [
      { employeeId: 'a1', cycleId: '2026H1', rating: 4 },
      { employeeId: 'a1', cycleId: '2025H2', rating: 2.5 },
      { employeeId: 'b1', cycleId: '2026H1', rating: 3 },
    ],
  });
  expect(ratings.status).toBe(200);
  const coaching = session('a1', {
    status: 'recorded',
    startedAt: '2026-02-10T02:00:00Z',
    endedAt: '2026-02-10T02:45:00Z',
    recordedAt: '2026-02-10T05:00:00Z',
    consensus: 'agreed',
    notes: '- Release slipped a week\n- Wants to lead the next one',
    privateNotes: 'PRIVATE-A: family situation',
  });
  const onlyPrivate = session('a1', {
    kind: 'review',
    status: 'held',
    startedAt: '2026-02-25T02:00:00Z',
    privateNotes: 'PRIVATE-B: might resign',
  });
  const items = [
    actionItem(coaching.id, { dueOn: '2026-02-20', status: 'done', doneAt: '2026-02-20T10:00:00Z' }),
    actionItem(coaching.id, { dueOn: '2026-02-27', status: 'done', doneAt: '2026-02-28T10:00:00Z' }),
    actionItem(coaching.id, { dueOn: '2026-03-01' }),
    actionItem(coaching.id, { dueOn: '2026-02-26', owner: 'manager', title: 'Budget the course' }),
    actionItem(onlyPrivate.id, { dueOn: '2026-03-30', owner: 'manager', title: 'Find a mentor' }),
  ];
  await push(w, w.A.token, [coaching, onlyPrivate], items);
  await push(w, w.B.token, [session('b1', { status: 'held', notes: 'B notes' })]);
  return { ...w, coaching, onlyPrivate, items };
}

const get = (w: World, token: string | undefined, id: string, query = '') =>
  w.call('GET', `/api/v1/employees/${encodeURIComponent(id)}/summary${query}`, token ? { token } : {});

describe('GET /api/v1/employees/:id/summary', () => {
  it('lets a manager read their own reports only; HR reads anyone', async () => {
    const w = await seeded();
    expect((await get(w, undefined, 'a1')).status).toBe(401);
    expect((await get(w, w.A.token, 'a1')).status).toBe(200);
    const bOnA = await get(w, w.B.token, 'a1');
    expect(bOnA.status).toBe(404);
    expect(bOnA.body.error.code).toBe('not_found');
    expect((await get(w, w.A.token, 'b1')).status).toBe(404);
    expect((await get(w, w.A.token, 'nobody')).status).toBe(404);
    expect((await get(w, w.hr, 'a1')).status).toBe(200);
    expect((await get(w, w.hr, 'b1')).status).toBe(200);
    expect((await get(w, w.hr, 'nobody')).status).toBe(404);
  });

  it('lets a manager read people they added themselves', async () => {
    const w = await seeded();
    const added = await w.call('POST', '/api/v1/employees', {
      token: w.B.token,
      json: { id: 'x1', name: 'Contractor', email: 'x1@vendor.example' },
    });
    expect(added.status).toBe(201);
    expect((await get(w, w.B.token, 'x1')).status).toBe(200);
    expect((await get(w, w.A.token, 'x1')).status).toBe(404);
  });

  it('gives ratings, talks with key points, rates and open support commitments', async () => {
    const w = await seeded();
    const r = await get(w, w.A.token, 'a1');
    const s = r.body.summary;
    expect(s.employee).toEqual({
      id: 'a1',
      name: '王小明',
      department: 'R&D',
      status: 'active',
      leftOn: null,
    });
    expect(s.asOf).toBe('2026-03-02');
    expect(s.ratings.map((x: any) => [x.cycleId, x.rating, x.change])).toEqual([
      ['2025H2', 2.5, null],
      ['2026H1', 4, 1.5],
    ]);
    expect(s.talks.map((t: any) => [t.sessionId, t.kind, t.keyPoints, t.keyPointsFrom])).toEqual([
      [w.onlyPrivate.id, 'review', [], null],
      [w.coaching.id, 'coaching', ['Release slipped a week', 'Wants to lead the next one'], 'notes'],
    ]);
    expect(s.talks[1]).toMatchObject({ durationMinutes: 45, consensus: 'agreed' });
    // 4 due by 2 March (all but the mentor); done 2; on time 1 (the second was a day late); overdue 2.
    expect(s.actionItems).toEqual({
      total: 5,
      due: 4,
      done: 2,
      overdue: 2,
      completionRate: 0.5,
      onTimeRate: 0.25,
    });
    expect(s.supportCommitments).toEqual({ due: 1, done: 0, rate: 0 });
    expect(s.openSupport.map((o: any) => [o.title, o.overdue])).toEqual([
      ['Budget the course', true],
      ['Find a mentor', false],
    ]);
  });

  it('never shows private notes, or key points drawn from them, to anyone', async () => {
    const w = await seeded();
    for (const token of [w.A.token, w.hr]) {
      const r = await get(w, token, 'a1');
      expect(r.status).toBe(200);
      expect(r.text).not.toContain('PRIVATE');
      expect(r.body.summary.talks[0].keyPointsFrom).toBeNull();
    }
  });

  it('judges due items as of the given date, and refuses a bad one with its path', async () => {
    const w = await seeded();
    const later = await get(w, w.A.token, 'a1', '?asOf=2026-04-01');
    expect(later.body.summary.actionItems).toMatchObject({ due: 5, overdue: 3 });
    expect(later.body.summary.supportCommitments).toEqual({ due: 2, done: 0, rate: 0 });
    const bad = await get(w, w.A.token, 'a1', '?asOf=tomorrow');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path)).toContain('asOf');
    const unknown = await get(w, w.A.token, 'a1', '?since=2026-01-01');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.map((d: any) => d.path)).toEqual(['since']);
  });

  it('leaves out deleted talks and their items', async () => {
    const w = await seeded();
    const del = await w.call('DELETE', `/api/v1/sessions/${w.onlyPrivate.id}`, { token: w.A.token });
    expect(del.status).toBe(200);
    const s = (await get(w, w.hr, 'a1')).body.summary;
    expect(s.talks.map((t: any) => t.sessionId)).toEqual([w.coaching.id]);
    expect(s.openSupport.map((o: any) => o.title)).toEqual(['Budget the course']);
  });
});
