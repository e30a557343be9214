// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** `Session.listening` (issue 18) through the service: accepted, returned, validated, kept from HR. */
import { describe, expect, it } from 'vitest';
import { session, world } from './helpers';

const LISTENING = {
  managerShare: 0.42,
  otherShare: 0.45,
  silenceShare: 0.13,
  longestMonologueSeconds: 75,
  employeeSpokeFirst: true,
};

describe('session listening balance', () => {
  it('is accepted by PUT and sync, and returned to its manager as sent', async () => {
    const w = await world();
    const s = session('a1', { status: 'held', listening: LISTENING });
    const put = await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: s });
    expect(put.status, put.text).toBeLessThan(300);
    const got = await w.call('GET', `/api/v1/sessions/${s.id}`, { token: w.A.token });
    expect(got.body.session.listening).toEqual(LISTENING);

    const s2 = session('a1', { status: 'held', listening: { ...LISTENING, employeeSpokeFirst: null } });
    const sync = await w.call('POST', '/api/v1/sync', {
      token: w.A.token,
      json: { push: { sessions: [{ ...s2, baseVersion: 0 }] } },
    });
    expect(sync.body.results[0].status).toBe('applied');
    const pulled = await w.call('POST', '/api/v1/sync', { token: w.A.token, json: {} });
    const back = pulled.body.pull.sessions.find((x: any) => x.id === s2.id);
    expect(back.listening).toEqual({ ...LISTENING, employeeSpokeFirst: null });
    // Off: null is a valid value and comes back null.
    const off = session('a1', { listening: null });
    expect(
      (await w.call('PUT', `/api/v1/sessions/${off.id}`, { token: w.A.token, json: off })).status,
    ).toBeLessThan(300);
  });

  it('HR never sees one session’s listening balance', async () => {
    const w = await world();
    const s = session('a1', { status: 'held', listening: LISTENING });
    await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: s });
    const one = await w.call('GET', `/api/v1/sessions/${s.id}`, { token: w.hr });
    expect(one.status).toBe(200);
    expect(one.body.session).not.toHaveProperty('listening');
    const list = await w.call('GET', '/api/v1/sessions', { token: w.hr });
    expect(list.body.sessions.every((x: any) => !('listening' in x))).toBe(true);
  });

  it.each([
    [
      'a share above 1',
      { managerShare: 1.2, otherShare: 0, silenceShare: 0 },
      ['listening.managerShare', 'listening.silenceShare'],
    ],
    ['a negative share', { otherShare: -0.1, silenceShare: 0.68 }, ['listening.otherShare']],
    ['shares not adding up to 1', { silenceShare: 0.5 }, ['listening.silenceShare']],
    ['a missing field', { employeeSpokeFirst: undefined }, ['listening.employeeSpokeFirst']],
    ['an unknown field', { audio: 'base64…' }, ['listening.audio']],
    ['a negative monologue', { longestMonologueSeconds: -3 }, ['listening.longestMonologueSeconds']],
  ])('%s is a clear 400 and stores nothing', async (_name, change, paths) => {
    const w = await world();
    const before = w.snapshot();
    const s = session('a1', { listening: { ...LISTENING, ...change } });
    const r = await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: s });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
    expect(r.body.error.details.map((d: any) => d.path).sort()).toEqual([...paths].sort());
    const sync = await w.call('POST', '/api/v1/sync', {
      token: w.A.token,
      json: { push: { sessions: [{ ...s, baseVersion: 0 }] } },
    });
    expect(sync.status).toBe(400);
    expect(w.snapshot()).toBe(before);
  });
});
