// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * Fixtures for the survey tests: the world of helpers.ts (managers A and B, reports a1, a2, b1,
 * one cycle) with a clock the test can move, and shortcuts to record a session and find its links.
 */
import { createApp } from '../../server/app';
import { bootstrap } from '../../server/auth/bootstrap';
import { type AppConfig, defaultAppConfig } from '../../server/config';
import { createMemoryStore } from '../../server/storage/memory';
import { NOW, type Req, type Res, ROSTER_HEADER, session } from './helpers';

export const ENDED = '2026-03-02T08:00:00.000Z';
/** ENDED + 7 days, + 30 days. */
export const SEND_AFTER = '2026-03-09T08:00:00.000Z';
export const EXPIRES = '2026-04-08T08:00:00.000Z';

export async function surveyWorld(overrides: Partial<AppConfig> = {}) {
  let now = NOW;
  const clock = () => now;
  const store = createMemoryStore();
  const config = defaultAppConfig({
    rateLimitPerMinute: 0,
    publicUrl: 'https://tandem.example',
    ...overrides,
  });
  const app = createApp({ store, clock, config, log: () => {} });
  const hr = (await bootstrap(store, { clock })).token!;

  async function call(method: string, path: string, r: Req & { address?: string } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...r.headers };
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    let body: string | undefined = r.body;
    if (r.json !== undefined) {
      body = JSON.stringify(r.json);
      headers['content-type'] ??= 'application/json';
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

  const A = await createUser('Manager A', 'a@corp.example');
  const B = await createUser('Manager B', 'b@corp.example');
  const csv = [
    ROSTER_HEADER,
    'a1,王小明,a1@corp.example,R&D,a@corp.example,active,',
    'a2,Alice Two,a2@corp.example,R&D,a@corp.example,active,',
    'b1,Bob One,b1@corp.example,Sales,b@corp.example,active,',
  ].join('\n');
  const roster = await call('PUT', '/api/v1/employees', {
    token: hr,
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });
  if (roster.status !== 200) throw new Error(`roster ${roster.status} ${roster.text}`);
  const cycle = await call('PUT', '/api/v1/cycles/2026H1', {
    token: hr,
    json: { name: '2026 H1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
  });
  if (cycle.status !== 201) throw new Error(`cycle ${cycle.status} ${cycle.text}`);

  /** A recorded session of `employeeId` by the manager with `token`, pushed by sync. */
  async function recorded(token: string, employeeId: string, extra: Record<string, unknown> = {}) {
    const s = session(employeeId, {
      status: 'recorded',
      startedAt: '2026-03-02T07:05:00.000Z',
      endedAt: ENDED,
      recordedAt: '2026-03-02T10:00:00.000Z',
      ...extra,
    });
    const r = await call('POST', '/api/v1/sync', {
      token,
      json: { push: { sessions: [{ ...s, baseVersion: 0 }] } },
    });
    if (r.body.results?.[0]?.status !== 'applied') throw new Error(`sync ${r.status} ${r.text}`);
    return s;
  }

  async function outbox(token: string, asOf = '2026-03-10T00:00:00Z'): Promise<any[]> {
    const r = await call('GET', `/api/v1/surveys/outbox?asOf=${encodeURIComponent(asOf)}`, { token });
    if (r.status !== 200) throw new Error(`outbox ${r.status} ${r.text}`);
    return r.body.items;
  }

  /** The link path (`/s/<token>`) of a session's survey of a kind, from the outbox. */
  async function linkOf(token: string, sessionId: string, kind: 'employee' | 'manager' = 'employee') {
    const item = (await outbox(token)).find((i) => i.sessionId === sessionId && i.kind === kind);
    if (!item) throw new Error(`no ${kind} survey for ${sessionId} in the outbox`);
    return { path: new URL(item.url).pathname, token: new URL(item.url).pathname.slice(3), item };
  }

  const surveys = () => [...store.state.collections.surveys.values()];
  const responses = () => [...store.state.collections.surveyResponses.values()];

  return {
    store,
    app,
    config,
    call,
    hr,
    A,
    B,
    createUser,
    recorded,
    outbox,
    linkOf,
    surveys,
    responses,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

export type SurveyWorld = Awaited<ReturnType<typeof surveyWorld>>;

/** A form body as a browser sends it. */
export function formBody(fields: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
}

/** The hidden CSRF field of a rendered form. */
export function csrfOf(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no csrf field in the page');
  return m[1]!;
}
