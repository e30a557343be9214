// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** Survey issuance (exactly once, in the write that records the session) and the manager's outbox. */
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { SECRET_SETTING, surveyIdFor } from '../../server/surveys/links';
import { session } from './helpers';
import { ENDED, EXPIRES, SEND_AFTER, type SurveyWorld, surveyWorld } from './surveys.fixtures';

const sync = (w: SurveyWorld, token: string, sessions: unknown[]) =>
  w.call('POST', '/api/v1/sync', { token, json: { push: { sessions } } });

describe('survey issuance', () => {
  it('a session that becomes recorded gets one employee and one manager survey, in the same write', async () => {
    const w = await surveyWorld();
    const s = session('a1', { status: 'held', startedAt: '2026-03-02T07:05:00Z', endedAt: ENDED });
    await sync(w, w.A.token, [{ ...s, baseVersion: 0 }]);
    expect(w.surveys()).toHaveLength(0);
    const seq = w.store.state.seq;
    const lsn = w.store.state.lsn;
    await sync(w, w.A.token, [
      { ...s, status: 'recorded', recordedAt: '2026-03-02T10:00:00Z', baseVersion: 1 },
    ]);
    expect(w.store.state.seq).toBe(seq + 1);
    // One write transaction: the session and both surveys (and the secret) land together.
    expect(w.store.state.lsn).toBe(lsn + 1);
    const rows = w.surveys().sort((a, b) => a.kind.localeCompare(b.kind));
    expect(rows.map((r) => r.kind)).toEqual(['employee', 'manager']);
    for (const r of rows) {
      expect(r).toMatchObject({
        sessionId: s.id,
        sendAfter: SEND_AFTER,
        expiresAt: EXPIRES,
        sentAt: null,
        answeredAt: null,
        ownerId: w.A.user.id,
      });
      expect(r.id).toBe(surveyIdFor(s.id, r.kind));
      expect(r.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(rows[0]!.tokenHash).not.toBe(rows[1]!.tokenHash);
    // The raw token is nowhere in the store: only its hash (and the secret it is derived from).
    const { path } = await w.linkOf(w.A.token, s.id);
    const token = path.slice(3);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 192 bits
    expect(JSON.stringify([...w.store.state.collections.surveys.values()])).not.toContain(token);
    expect(rows.some((r) => r.tokenHash === hashToken(token))).toBe(true);
    expect(w.store.state.collections.settings.get(SECRET_SETTING)).toBeDefined();
  });

  it('uses surveyDelayDays and surveyTtlDays from the config, through sync and REST alike', async () => {
    const w = await surveyWorld({ surveyDelayDays: 10, surveyTtlDays: 14 });
    const viaSync = await w.recorded(w.A.token, 'a1');
    const viaRest = session('a2', { status: 'recorded', endedAt: ENDED });
    const put = await w.call('PUT', `/api/v1/sessions/${viaRest.id}`, { token: w.A.token, json: viaRest });
    expect(put.status).toBe(201);
    for (const id of [viaSync.id, viaRest.id]) {
      const rows = w.surveys().filter((r) => r.sessionId === id);
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r.sendAfter).toBe('2026-03-12T08:00:00.000Z');
        expect(r.expiresAt).toBe('2026-03-26T08:00:00.000Z');
      }
    }
  });

  it('without endedAt, sendAfter counts from recordedAt, then from the time of the write', async () => {
    const w = await surveyWorld();
    const a = await w.recorded(w.A.token, 'a1', {
      startedAt: null,
      endedAt: null,
      recordedAt: '2026-03-01T12:00:00Z',
    });
    const b = await w.recorded(w.A.token, 'a2', { startedAt: null, endedAt: null, recordedAt: null });
    expect(w.surveys().find((r) => r.sessionId === a.id)!.sendAfter).toBe('2026-03-08T12:00:00.000Z');
    expect(w.surveys().find((r) => r.sessionId === b.id)!.sendAfter).toBe('2026-03-09T09:00:00.000Z'); // NOW + 7 d
  });

  it('exactly once under 20 concurrent syncs of the same session, with REST PUTs mixed in', async () => {
    const w = await surveyWorld();
    const s = session('a1', { status: 'recorded', endedAt: ENDED });
    const body = { ...s, baseVersion: 0 };
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 4 === 3
        ? w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: s })
        : sync(w, w.A.token, [body]),
    );
    const results = await Promise.all(calls);
    for (const r of results) expect([200, 201]).toContain(r.status);
    expect(w.surveys().filter((r) => r.sessionId === s.id)).toHaveLength(2);
    expect(w.surveys()).toHaveLength(2);
  });

  it('exactly once under 20 concurrent syncs that each move the session on (distinct edits)', async () => {
    const w = await surveyWorld();
    const s = session('a1', { status: 'held', endedAt: ENDED });
    await sync(w, w.A.token, [{ ...s, baseVersion: 0 }]);
    // Twenty devices record the same session from version 1, each with its own notes: one
    // applies, the others conflict; then each retries from the version it is told about.
    const pushes = Array.from({ length: 20 }, (_, i) => ({ ...s, status: 'recorded', notes: `device ${i}` }));
    let pending = pushes.map((p) => ({ ...p, baseVersion: 1 }));
    for (let round = 0; round < 25 && pending.length; round++) {
      const out = await Promise.all(pending.map((p) => sync(w, w.A.token, [p])));
      pending = pending
        .map((p, i) => ({ p, r: out[i]!.body.results[0] }))
        .filter(({ r }) => r.status === 'conflict')
        .map(({ p, r }) => ({ ...p, baseVersion: r.version }));
    }
    expect(pending).toHaveLength(0);
    expect(w.store.state.collections.sessions.get(s.id)!.version).toBe(21);
    expect(w.surveys()).toHaveLength(2);
  });

  it('never twice: recorded → held → recorded, retries, and a revived id keep the first two surveys', async () => {
    const w = await surveyWorld();
    const s = await w.recorded(w.A.token, 'a1');
    const first = JSON.stringify(w.surveys());
    // A retry of the same push.
    await sync(w, w.A.token, [{ ...s, baseVersion: 0 }]);
    await sync(w, w.A.token, [{ ...s, status: 'held', baseVersion: 1 }]);
    await sync(w, w.A.token, [
      { ...s, status: 'recorded', endedAt: '2026-03-05T08:00:00.000Z', baseVersion: 2 },
    ]);
    expect(JSON.stringify(w.surveys())).toBe(first);
    // Deleted, then the same id pushed again as a new recorded session.
    const del = await w.call('DELETE', `/api/v1/sessions/${s.id}`, { token: w.A.token });
    expect(del.status).toBe(200);
    const revived = await sync(w, w.A.token, [{ ...s, baseVersion: del.body.version }]);
    expect(revived.body.results[0].status).toBe('applied');
    expect(w.store.state.collections.sessions.get(s.id)!.deleted).toBeFalsy();
    expect(JSON.stringify(w.surveys())).toBe(first);
  });

  it('nothing for sessions that are not recorded, rejected or in conflict', async () => {
    const w = await surveyWorld();
    for (const status of ['planned', 'scheduled', 'held', 'cancelled']) {
      await sync(w, w.A.token, [{ ...session('a1', { status }), baseVersion: 0 }]);
    }
    // Manager B pushing a session of A's report: refused (400), nothing issued.
    const r = await sync(w, w.B.token, [{ ...session('a1', { status: 'recorded' }), baseVersion: 0 }]);
    expect(r.body.error.code).toBe('invalid_reference');
    // A conflicting push that would have recorded a session.
    const s = session('a2', { status: 'held' });
    await sync(w, w.A.token, [{ ...s, baseVersion: 0 }]);
    await sync(w, w.A.token, [{ ...s, notes: 'x', baseVersion: 1 }]);
    const c = await sync(w, w.A.token, [{ ...s, status: 'recorded', baseVersion: 1 }]);
    expect(c.body.results[0].status).toBe('conflict');
    expect(w.surveys()).toHaveLength(0);
  });
});

describe('survey outbox', () => {
  it('lists due links by asOf: not before sendAfter, not once expired', async () => {
    const w = await surveyWorld();
    const s = await w.recorded(w.A.token, 'a1');
    expect(await w.outbox(w.A.token, '2026-03-09T07:59:59Z')).toEqual([]);
    const due = await w.outbox(w.A.token, SEND_AFTER);
    expect(due.map((i) => i.kind)).toEqual(['employee', 'manager']);
    for (const item of due) {
      expect(Object.keys(item).sort()).toEqual(
        ['expiresAt', 'kind', 'message', 'sendAfter', 'sessionId', 'surveyId', 'url'].sort(),
      );
      expect(item).toMatchObject({ sessionId: s.id, sendAfter: SEND_AFTER, expiresAt: EXPIRES });
      expect(item.url).toMatch(/^https:\/\/tandem\.example\/s\/[A-Za-z0-9_-]{32}$/);
      expect(item.message['zh-CN']).toContain(item.url);
      expect(item.message.en).toContain(item.url);
    }
    expect(due[0].url).not.toBe(due[1].url);
    // A date means the whole of that day (UTC).
    expect(await w.outbox(w.A.token, '2026-03-09')).toHaveLength(2);
    expect(await w.outbox(w.A.token, '2026-03-08')).toHaveLength(0);
    expect(await w.outbox(w.A.token, '2026-04-08T07:59:59Z')).toHaveLength(2);
    expect(await w.outbox(w.A.token, EXPIRES)).toEqual([]);
    // Without asOf: now (the fixed clock is before sendAfter).
    const r = await w.call('GET', '/api/v1/surveys/outbox', { token: w.A.token });
    expect(r.body).toEqual({ items: [] });
    // Links are stable: the same every time the outbox is read.
    expect((await w.outbox(w.A.token, SEND_AFTER))[0].url).toBe(due[0].url);
  });

  it('warm, ready messages: anonymous and 2 minutes for the employee; a note to self for the manager', async () => {
    const w = await surveyWorld();
    await w.recorded(w.A.token, 'a1');
    const [employee, manager] = await w.outbox(w.A.token);
    expect(employee.message['zh-CN']).toMatch(/^王小明，你好！/);
    expect(employee.message['zh-CN']).toContain('匿名');
    expect(employee.message['zh-CN']).toContain('2 分钟');
    expect(employee.message['zh-CN']).toContain('3月2日的绩效辅导面谈');
    expect(employee.message['zh-CN']).toContain('链接4月8日前有效');
    expect(employee.message.en).toMatch(/^Hi 王小明,/);
    expect(employee.message.en).toContain('anonymous');
    expect(employee.message.en).toContain('2 minutes');
    expect(employee.message.en).toContain('coaching check-in on 2 March');
    expect(employee.message.en).toContain('open until 8 April');
    expect(manager.message['zh-CN']).toContain('给自己的提醒');
    expect(manager.message['zh-CN']).toContain('和王小明的绩效辅导面谈');
    expect(manager.message.en).toContain('A note to yourself');
    expect(manager.message.en).not.toContain('anonymous');
  });

  it('drops sent, answered, deleted and other managers’ surveys; HR has no outbox', async () => {
    const w = await surveyWorld();
    const s1 = await w.recorded(w.A.token, 'a1');
    const s2 = await w.recorded(w.A.token, 'a2');
    const sb = await w.recorded(w.B.token, 'b1');
    expect(await w.outbox(w.A.token)).toHaveLength(4);
    expect((await w.outbox(w.B.token)).map((i) => i.sessionId)).toEqual([sb.id, sb.id]);
    const hr = await w.call('GET', '/api/v1/surveys/outbox', { token: w.hr });
    expect(hr.status).toBe(403);
    expect((await w.call('GET', '/api/v1/surveys/outbox')).status).toBe(401);

    // Sent.
    const e1 = (await w.outbox(w.A.token)).find((i) => i.sessionId === s1.id && i.kind === 'employee');
    const sent = await w.call('POST', `/api/v1/surveys/${e1.surveyId}/sent`, { token: w.A.token });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ surveyId: e1.surveyId, sentAt: '2026-03-02T09:00:00.000Z' });
    expect((await w.outbox(w.A.token)).map((i) => i.surveyId)).not.toContain(e1.surveyId);
    // Answered (before being marked sent).
    const { path } = await w.linkOf(w.A.token, s2.id);
    const ans = await w.call('POST', path, { json: { fair: 4, clarity: 4, plan: 4, respected: 4, nps: 9 } });
    expect(ans.status).toBe(201);
    // Deleted session.
    await w.call('DELETE', `/api/v1/sessions/${s1.id}`, { token: w.A.token });
    const left = await w.outbox(w.A.token);
    expect(left.map((i) => [i.sessionId, i.kind])).toEqual([[s2.id, 'manager']]);
  });

  it('marking sent is idempotent, and 404 for another manager’s survey or an unknown id', async () => {
    const w = await surveyWorld();
    await w.recorded(w.A.token, 'a1');
    const [item] = await w.outbox(w.A.token);
    const first = await w.call('POST', `/api/v1/surveys/${item.surveyId}/sent`, { token: w.A.token });
    w.setNow('2026-03-10T12:00:00.000Z');
    const again = await w.call('POST', `/api/v1/surveys/${item.surveyId}/sent`, { token: w.A.token });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const before = JSON.stringify(w.surveys());
    const b = await w.call('POST', `/api/v1/surveys/${item.surveyId}/sent`, { token: w.B.token });
    expect(b.status).toBe(404);
    expect(b.body.error.code).toBe('not_found');
    const none = await w.call('POST', '/api/v1/surveys/00000000-0000-4000-8000-000000000000/sent', {
      token: w.A.token,
    });
    expect(none.status).toBe(404);
    expect((await w.call('POST', `/api/v1/surveys/${item.surveyId}/sent`, { token: w.hr })).status).toBe(403);
    expect(JSON.stringify(w.surveys())).toBe(before);
  });

  it('rejects a bad asOf with 400', async () => {
    const w = await surveyWorld();
    const r = await w.call('GET', '/api/v1/surveys/outbox?asOf=tomorrow', { token: w.A.token });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe('asOf');
  });
});
