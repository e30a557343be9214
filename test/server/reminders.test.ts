// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** GET /api/v1/reminders: the manager's own to-dos, computed by shared/followup over the service's data. */
import { describe, expect, it } from 'vitest';
import { actionItem, push, session, type World, world } from './helpers';

/** The clock is Monday 2 March 2026, 09:00 UTC (helpers.NOW). */
async function seeded() {
  const w = await world({ publicUrl: 'https://tandem.example' });
  const toPrepare = session('a1', { status: 'scheduled', scheduledAt: '2026-03-04T02:00:00Z' });
  const toRecord = session('a2', { status: 'held', endedAt: '2026-02-28T08:00:00Z' });
  const recorded = session('a1', {
    kind: 'plan',
    status: 'recorded',
    startedAt: '2026-02-20T07:00:00Z',
    endedAt: '2026-02-20T08:00:00Z',
    recordedAt: '2026-02-20T10:00:00Z',
    privateNotes: 'PRIVATE: thinking about a transfer',
  });
  const cancelled = session('a2', { status: 'cancelled', endedAt: '2026-02-28T08:00:00Z' });
  const toDelete = session('a2', { status: 'held', endedAt: '2026-02-28T09:00:00Z' });
  const support = actionItem(recorded.id, {
    owner: 'manager',
    dueOn: '2026-03-03',
    title: 'Book the course',
  });
  const late = actionItem(recorded.id, { dueOn: '2026-02-25', title: 'Draft the plan' });
  const nextWeek = actionItem(recorded.id, { dueOn: '2026-03-10', title: 'Demo' });
  const ofCancelled = actionItem(cancelled.id, { dueOn: '2026-02-25' });
  await push(
    w,
    w.A.token,
    [toPrepare, toRecord, recorded, cancelled, toDelete],
    [support, late, nextWeek, ofCancelled],
  );
  const del = await w.call('DELETE', `/api/v1/sessions/${toDelete.id}`, { token: w.A.token });
  expect(del.status).toBe(200);
  const bTalk = session('b1', { status: 'held', endedAt: '2026-02-28T08:00:00Z' });
  await push(w, w.B.token, [bTalk]);
  return { ...w, toPrepare, toRecord, recorded, cancelled, toDelete, support, late, nextWeek, bTalk };
}

const get = (w: World, token: string | undefined, query = '') =>
  w.call('GET', `/api/v1/reminders${query}`, token ? { token } : {});

describe('GET /api/v1/reminders', () => {
  it('needs a manager: anonymous 401, a bad token 401, HR 403', async () => {
    const w = await world();
    expect((await get(w, undefined)).status).toBe(401);
    expect((await get(w, 'not-a-token')).status).toBe(401);
    const hr = await get(w, w.hr);
    expect(hr.status).toBe(403);
    expect(hr.body.error.code).toBe('forbidden');
    expect((await get(w, w.A.token)).body).toEqual({
      asOf: '2026-03-02T09:00:00.000Z',
      timeZone: 'UTC',
      items: [],
    });
  });

  it('refuses a bad query with the field paths', async () => {
    const w = await world();
    const cases: [string, string][] = [
      ['?asOf=yesterday', 'asOf'],
      ['?asOf=2026-02-30', 'asOf'],
      ['?asOf=2026-03-02T09:00:00', 'asOf'],
      ['?asOf=2026-03-02T24:00:00Z', 'asOf'],
      ['?tz=Mars%2FOlympus', 'tz'],
      ['?tz=', 'tz'],
      ['?cursor=1', 'cursor'],
    ];
    for (const [query, path] of cases) {
      const r = await get(w, w.A.token, query);
      expect(r.status, query).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
      expect(
        r.body.error.details.map((d: any) => d.path),
        query,
      ).toContain(path);
    }
    const tz = await get(w, w.A.token, '?tz=Mars%2FOlympus');
    expect(tz.body.error.details[0].message).toContain('IANA time zone');
  });

  it('lists the caller’s own reminders in priority order, with surveys exactly as the outbox has them', async () => {
    const w = await seeded();
    const r = await get(w, w.A.token);
    expect(r.status).toBe(200);
    expect(r.body.asOf).toBe('2026-03-02T09:00:00.000Z');
    const items = r.body.items as any[];
    expect(items.map((i) => [i.kind, i.subject.id, i.overdue, i.priority])).toEqual([
      ['record', w.toRecord.id, true, 1],
      ['invite', w.toPrepare.id, true, 3],
      ['prepare', w.toPrepare.id, false, 4],
      ['action-due', w.support.id, false, 6],
      ['action-due', w.late.id, true, 7],
      ['survey', expect.any(String), false, 9],
      ['survey', expect.any(String), false, 9],
    ]);
    const outbox = await w.call('GET', '/api/v1/surveys/outbox', { token: w.A.token });
    expect(outbox.body.items).toHaveLength(2);
    expect(new Set(items.filter((i) => i.kind === 'survey').map((i) => i.subject.id))).toEqual(
      new Set(outbox.body.items.map((o: any) => o.surveyId)),
    );
    for (const i of items) {
      expect(i.id).toMatch(/^[a-z-]+:(session|actionItem|survey|employee):/);
      expect(i.message['zh-CN']).toBeTruthy();
      expect(i.message.en).toBeTruthy();
    }
    expect(items.find((i) => i.kind === 'record').message.en).toContain('Alice Two');
    // Nothing of B's, nothing cancelled or deleted, and private notes never in the answer.
    const ids = items.map((i) => i.sessionId);
    for (const id of [w.bTalk.id, w.cancelled.id, w.toDelete.id]) expect(ids).not.toContain(id);
    expect(r.text).not.toContain('PRIVATE');
    const b = await get(w, w.B.token);
    expect(b.body.items.map((i: any) => [i.kind, i.subject.id])).toEqual([['record', w.bTalk.id]]);
  });

  it('gives the same ids on every call', async () => {
    const w = await seeded();
    const first = (await get(w, w.A.token)).body.items.map((i: any) => i.id);
    const again = (await get(w, w.A.token, '?tz=Asia%2FShanghai')).body.items.map((i: any) => i.id);
    expect(new Set(again)).toEqual(new Set(first));
  });

  it('reads this week in the given zone (Shanghai has started a new week, New York has not)', async () => {
    const w = await seeded();
    // 20:00 UTC on Sunday 8 March: Monday 04:00 in Shanghai, Sunday 16:00 in New York.
    const asOf = encodeURIComponent('2026-03-08T20:00:00Z');
    const sh = await get(w, w.A.token, `?asOf=${asOf}&tz=Asia%2FShanghai`);
    const ny = await get(w, w.A.token, `?asOf=${asOf}&tz=America%2FNew_York`);
    expect(sh.body.timeZone).toBe('Asia/Shanghai');
    const due = (res: any) =>
      res.body.items.filter((i: any) => i.kind === 'action-due').map((i: any) => i.subject.id);
    expect(due(sh)).toContain(w.nextWeek.id);
    expect(due(ny)).not.toContain(w.nextWeek.id);
  });

  it('reads a date as the end of that day in the zone', async () => {
    const w = await world();
    expect((await get(w, w.A.token, '?asOf=2026-03-02&tz=Asia%2FShanghai')).body.asOf).toBe(
      '2026-03-02T15:59:59.999Z',
    );
    expect((await get(w, w.A.token, '?asOf=2026-03-02')).body.asOf).toBe('2026-03-02T23:59:59.999Z');
  });

  it('reminds of reports without a talk of the kind due in the cycle', async () => {
    const w = await seeded();
    // 20 April: the coaching window of 2026 H1 (due 18 April). a2 had a coaching talk (held); a1 only a plan talk.
    const r = await get(w, w.A.token, '?asOf=2026-04-20');
    const coverage = r.body.items.filter((i: any) => i.kind === 'coverage');
    expect(coverage.map((i: any) => [i.id, i.overdue])).toEqual([
      ['coverage:employee:a1:2026H1.coaching:2026-04-18', true],
    ]);
  });
});
