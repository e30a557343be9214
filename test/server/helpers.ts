// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** Test fixtures for the service: a real in-memory store, a fixed clock, users of each role. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createApp } from '../../server/app';
import { bootstrap } from '../../server/auth/bootstrap';
import { type AppConfig, defaultAppConfig } from '../../server/config';
import { createMemoryStore } from '../../server/storage/memory';

export const NOW = new Date('2026-03-02T09:00:00.000Z');
export const fixedClock = () => NOW;

export type Res = { status: number; body: any; headers: Headers; text: string };

export type Req = {
  token?: string;
  json?: unknown;
  csv?: string;
  body?: string;
  headers?: Record<string, string>;
  /** The client's address, as the Node server would report it (rate limits, survey pages). */
  address?: string;
};

/**
 * The service on a fresh in-memory store, with HR bootstrapped. `clock` defaults to the fixed
 * `NOW`; the survey tests pass one they can move.
 */
export async function setup(overrides: Partial<AppConfig> = {}, clock: () => Date = fixedClock) {
  const store = createMemoryStore();
  const config = defaultAppConfig({ rateLimitPerMinute: 0, ...overrides });
  const app = createApp({ store, clock, config, log: () => {} });
  const boot = await bootstrap(store, { clock });
  const hr = boot.token!;

  async function call(method: string, path: string, r: Req = {}): Promise<Res> {
    const headers: Record<string, string> = { ...r.headers };
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    let body: string | undefined = r.body;
    if (r.json !== undefined) {
      body = JSON.stringify(r.json);
      headers['content-type'] ??= 'application/json';
    }
    if (r.csv !== undefined) {
      body = r.csv;
      headers['content-type'] ??= 'text/csv';
    }
    const env = r.address ? { incoming: { socket: { remoteAddress: r.address } } } : undefined;
    const res = await app.request(path, { method, headers, body }, env as never);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  async function createUser(name: string, email: string, role: 'manager' | 'hr' = 'manager') {
    const r = await call('POST', '/api/v1/users', { token: hr, json: { name, email, role } });
    if (r.status !== 201) throw new Error(`createUser ${r.status} ${r.text}`);
    return { token: r.body.token as string, user: r.body.user as { id: string; email: string } };
  }

  /** Everything the store holds, to assert that a refused request changed nothing. */
  const snapshot = () =>
    JSON.stringify({
      seq: store.state.seq,
      c: Object.fromEntries(Object.entries(store.state.collections).map(([k, m]) => [k, [...m.entries()]])),
    });

  return { store, app, config, call, hr, createUser, snapshot };
}

export const ROSTER_HEADER = 'id,name,email,department,managerEmail,status,leftOn';

/** Two managers, A (reports a1, a2) and B (report b1), one cycle. */
export async function world(overrides: Partial<AppConfig> = {}, clock: () => Date = fixedClock) {
  const t = await setup(overrides, clock);
  const A = await t.createUser('Manager A', 'a@corp.example');
  const B = await t.createUser('Manager B', 'b@corp.example');
  const csv = [
    ROSTER_HEADER,
    'a1,王小明,a1@corp.example,R&D,a@corp.example,active,',
    'a2,Alice Two,a2@corp.example,R&D,a@corp.example,active,',
    'b1,Bob One,b1@corp.example,Sales,b@corp.example,active,',
  ].join('\n');
  const r = await t.call('PUT', '/api/v1/employees', { token: t.hr, csv });
  if (r.status !== 200) throw new Error(`roster ${r.status} ${r.text}`);
  const c = await t.call('PUT', '/api/v1/cycles/2026H1', {
    token: t.hr,
    json: { name: '2026 H1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
  });
  if (c.status !== 201) throw new Error(`cycle ${c.status} ${c.text}`);
  return { ...t, A, B };
}

export type World = Awaited<ReturnType<typeof world>>;

/** Push new sessions and action items as `token`'s manager by sync; every one must be applied. */
export async function push(w: World, token: string, sessions: any[], actionItems: any[] = []) {
  const r = await w.call('POST', '/api/v1/sync', {
    token,
    json: {
      push: {
        sessions: sessions.map((s) => ({ ...s, baseVersion: 0 })),
        actionItems: actionItems.map((a) => ({ ...a, baseVersion: 0 })),
      },
    },
  });
  expect(r.body.results.map((x: any) => x.status)).toEqual(
    [...sessions, ...actionItems].map(() => 'applied'),
  );
}

export function session(employeeId: string, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    employeeId,
    cycleId: '2026H1',
    kind: 'coaching',
    status: 'planned',
    ...extra,
  };
}

export function actionItem(sessionId: string, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    sessionId,
    title: 'Ship the onboarding guide',
    owner: 'employee',
    status: 'open',
    ...extra,
  };
}
