// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** The authorisation matrix of DESIGN §4: every route × role × ownership → status. */
import { describe, expect, it } from 'vitest';
import { actionItem, ROSTER_HEADER, session, world } from './helpers';

type W = Awaited<ReturnType<typeof world>> & { SA: any; IA: any; SB: any; IB: any };
type Role = 'anon' | 'A' | 'B' | 'hr';

async function seeded(): Promise<W> {
  const w = await world();
  const SA = session('a1', { privateNotes: 'A only: worried about burnout', notes: 'shared notes' });
  const SB = session('b1', { privateNotes: 'B only' });
  const IA = actionItem(SA.id);
  const IB = actionItem(SB.id);
  for (const [m, s, i] of [
    [w.A, SA, IA],
    [w.B, SB, IB],
  ] as const) {
    const r = await w.call('POST', '/api/v1/sync', {
      token: m.token,
      json: { push: { sessions: [{ ...s, baseVersion: 0 }], actionItems: [{ ...i, baseVersion: 0 }] } },
    });
    expect(r.body.results.map((x: any) => x.status)).toEqual(['applied', 'applied']);
  }
  return { ...w, SA, SB, IA, IB };
}

const tokenOf = (w: W, role: Role) => (role === 'anon' ? undefined : role === 'hr' ? w.hr : w[role].token);

type Case = {
  name: string;
  method: string;
  path: (w: W) => string;
  body?: (w: W) => { json?: unknown; csv?: string };
  expect: Record<Role, number>;
};

const NEW_ID = '33333333-3333-4333-8333-333333333333';

const cases: Case[] = [
  { name: 'health', method: 'GET', path: () => '/health', expect: { anon: 200, A: 200, B: 200, hr: 200 } },
  {
    name: 'create user',
    method: 'POST',
    path: () => '/api/v1/users',
    body: () => ({ json: { name: 'New', email: 'new@corp.example', role: 'manager' } }),
    expect: { anon: 401, A: 403, B: 403, hr: 201 },
  },
  { name: 'me', method: 'GET', path: () => '/api/v1/me', expect: { anon: 401, A: 200, B: 200, hr: 200 } },
  {
    name: 'import roster',
    method: 'PUT',
    path: () => '/api/v1/employees',
    body: () => ({ csv: `${ROSTER_HEADER}\nz1,Zed,z1@corp.example,,,active,` }),
    expect: { anon: 401, A: 403, B: 403, hr: 200 },
  },
  {
    name: 'list employees',
    method: 'GET',
    path: () => '/api/v1/employees',
    expect: { anon: 401, A: 200, B: 200, hr: 200 },
  },
  {
    name: 'add a person to own team',
    method: 'POST',
    path: () => '/api/v1/employees',
    body: () => ({ json: { name: '新人', email: 'newbie@corp.example' } }),
    expect: { anon: 401, A: 201, B: 201, hr: 403 },
  },
  {
    name: "add another manager's report (A's a1)",
    method: 'POST',
    path: () => '/api/v1/employees',
    body: () => ({ json: { name: 'Copy', email: 'a1@corp.example' } }),
    expect: { anon: 401, A: 409, B: 409, hr: 403 },
  },
  {
    name: 'put cycle',
    method: 'PUT',
    path: () => '/api/v1/cycles/2026H2',
    body: () => ({ json: { name: 'H2', startsOn: '2026-07-01', endsOn: '2026-12-31' } }),
    expect: { anon: 401, A: 403, B: 403, hr: 201 },
  },
  {
    name: 'list cycles',
    method: 'GET',
    path: () => '/api/v1/cycles',
    expect: { anon: 401, A: 200, B: 200, hr: 200 },
  },
  {
    name: 'import ratings',
    method: 'PUT',
    path: () => '/api/v1/ratings',
    body: () => ({ csv: 'employeeId,cycleId,rating\na1,2026H1,3.5' }),
    expect: { anon: 401, A: 403, B: 403, hr: 200 },
  },
  {
    name: "get A's session",
    method: 'GET',
    path: (w) => `/api/v1/sessions/${w.SA.id}`,
    expect: { anon: 401, A: 200, B: 404, hr: 200 },
  },
  {
    name: 'list sessions',
    method: 'GET',
    path: () => '/api/v1/sessions',
    expect: { anon: 401, A: 200, B: 200, hr: 200 },
  },
  {
    name: "edit A's session",
    method: 'PUT',
    path: (w) => `/api/v1/sessions/${w.SA.id}`,
    body: (w) => ({ json: { ...w.SA, notes: 'edited', baseVersion: 1 } }),
    expect: { anon: 401, A: 200, B: 404, hr: 403 },
  },
  {
    name: "new session for A's report a1",
    method: 'PUT',
    path: () => `/api/v1/sessions/${NEW_ID}`,
    body: () => ({ json: session('a1', { id: NEW_ID }) }),
    expect: { anon: 401, A: 201, B: 400, hr: 403 },
  },
  {
    name: "delete A's session",
    method: 'DELETE',
    path: (w) => `/api/v1/sessions/${w.SA.id}`,
    expect: { anon: 401, A: 200, B: 404, hr: 403 },
  },
  {
    name: "get A's action item",
    method: 'GET',
    path: (w) => `/api/v1/action-items/${w.IA.id}`,
    expect: { anon: 401, A: 200, B: 404, hr: 200 },
  },
  {
    name: 'list action items',
    method: 'GET',
    path: () => '/api/v1/action-items',
    expect: { anon: 401, A: 200, B: 200, hr: 200 },
  },
  {
    name: "edit A's action item",
    method: 'PUT',
    path: (w) => `/api/v1/action-items/${w.IA.id}`,
    body: (w) => ({ json: { ...w.IA, status: 'done', baseVersion: 1 } }),
    expect: { anon: 401, A: 200, B: 404, hr: 403 },
  },
  {
    name: "new action item on A's session",
    method: 'PUT',
    path: () => `/api/v1/action-items/${NEW_ID}`,
    body: (w) => ({ json: actionItem(w.SA.id, { id: NEW_ID }) }),
    expect: { anon: 401, A: 201, B: 400, hr: 403 },
  },
  {
    name: "delete A's action item",
    method: 'DELETE',
    path: (w) => `/api/v1/action-items/${w.IA.id}`,
    expect: { anon: 401, A: 200, B: 404, hr: 403 },
  },
  {
    name: 'sync',
    method: 'POST',
    path: () => '/api/v1/sync',
    body: () => ({ json: { push: {} } }),
    expect: { anon: 401, A: 200, B: 200, hr: 403 },
  },
];

/** Every key anywhere in a JSON value. */
function keysOf(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) keysOf(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysOf(x, out);
    }
  }
  return out;
}

describe('authorisation matrix', () => {
  const rows = cases.flatMap((c) => (['anon', 'A', 'B', 'hr'] as Role[]).map((role) => ({ c, role })));
  it.each(rows)('$c.name as $role', async ({ c, role }) => {
    const w = await seeded();
    const before = w.snapshot();
    const r = await w.call(c.method, c.path(w), { token: tokenOf(w, role), ...c.body?.(w) });
    expect(r.status, r.text).toBe(c.expect[role]);
    if (r.status >= 400) {
      expect(r.body.error.code).toEqual(expect.any(String));
      expect(w.snapshot()).toBe(before);
    }
    if (role === 'hr') expect(keysOf(r.body).has('privateNotes')).toBe(false);
    if (role === 'B') expect(r.text).not.toContain('A only');
  });

  it('lists only what each role may see; HR sees everything but private notes', async () => {
    const w = await seeded();
    const ids = (r: { body: any }, key: string) => r.body[key].map((x: any) => x.id).sort();
    expect(ids(await w.call('GET', '/api/v1/sessions', { token: w.A.token }), 'sessions')).toEqual([w.SA.id]);
    expect(ids(await w.call('GET', '/api/v1/sessions', { token: w.B.token }), 'sessions')).toEqual([w.SB.id]);
    const hrSessions = await w.call('GET', '/api/v1/sessions', { token: w.hr });
    expect(ids(hrSessions, 'sessions')).toEqual([w.SA.id, w.SB.id].sort());
    expect(hrSessions.body.sessions.every((s: any) => !('privateNotes' in s))).toBe(true);
    expect(hrSessions.body.sessions.find((s: any) => s.id === w.SA.id).notes).toBe('shared notes');
    expect(ids(await w.call('GET', '/api/v1/employees', { token: w.A.token }), 'employees')).toEqual([
      'a1',
      'a2',
    ]);
    expect(ids(await w.call('GET', '/api/v1/employees', { token: w.B.token }), 'employees')).toEqual(['b1']);
    expect(ids(await w.call('GET', '/api/v1/employees', { token: w.hr }), 'employees')).toEqual([
      'a1',
      'a2',
      'b1',
    ]);
    expect(ids(await w.call('GET', '/api/v1/action-items', { token: w.B.token }), 'actionItems')).toEqual([
      w.IB.id,
    ]);
    const own = await w.call('GET', `/api/v1/sessions/${w.SA.id}`, { token: w.A.token });
    expect(own.body.session.privateNotes).toBe('A only: worried about burnout');
  });

  it('a person a manager added is theirs to hold sessions with', async () => {
    const w = await seeded();
    const add = await w.call('POST', '/api/v1/employees', {
      token: w.B.token,
      json: { id: 'x9', name: '外包', email: 'x9@vendor.example' },
    });
    expect(add.status).toBe(201);
    expect(add.body.employee.managerEmail).toBe('b@corp.example');
    const s = session('x9');
    expect((await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.B.token, json: s })).status).toBe(201);
    expect((await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: s })).status).toBe(404);
    const other = await w.call('POST', '/api/v1/employees', {
      token: w.B.token,
      json: { name: 'X', email: 'x@corp.example', managerEmail: 'a@corp.example' },
    });
    expect(other.status).toBe(400);
  });

  it('malformed or unknown bearer tokens are 401 with a challenge', async () => {
    const w = await seeded();
    for (const header of [
      'Bearer',
      'Basic abc',
      'Bearer a b',
      'Bearer tdm_unknown-token',
      `Bearer ${w.hr}x`,
    ]) {
      const r = await w.call('GET', '/api/v1/me', { headers: { authorization: header } });
      expect(r.status, header).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(r.body.error.code).toBe('invalid_token');
    }
    const me = await w.call('GET', '/api/v1/me', { token: w.A.token });
    expect(me.body.user).toMatchObject({ email: 'a@corp.example', role: 'manager' });
    expect(keysOf(me.body).has('tokenHash')).toBe(false);
  });

  it('HR cannot create a second user with the same email (409) and tokens are shown once', async () => {
    const w = await seeded();
    const r = await w.call('POST', '/api/v1/users', {
      token: w.hr,
      json: { name: 'Dup', email: 'A@corp.example', role: 'hr' },
    });
    expect(r.status).toBe(409);
    const users = [...w.store.state.collections.users.values()];
    expect(users.every((u) => /^[0-9a-f]{64}$/.test(u.tokenHash))).toBe(true);
    expect(JSON.stringify(users)).not.toContain(w.A.token);
    expect(w.A.token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
  });
});
