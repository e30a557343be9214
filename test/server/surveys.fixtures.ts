// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * Fixtures for the survey tests: the world of helpers.ts (managers A and B, reports a1, a2, b1,
 * one cycle) with a clock the test can move, and shortcuts to record a session and find its links.
 */
import type { AppConfig } from '../../server/config';
import { NOW, session, world } from './helpers';

export const ENDED = '2026-03-02T08:00:00.000Z';
/** ENDED + 7 days, + 30 days. */
export const SEND_AFTER = '2026-03-09T08:00:00.000Z';
export const EXPIRES = '2026-04-08T08:00:00.000Z';

export async function surveyWorld(overrides: Partial<AppConfig> = {}) {
  let now = NOW;
  const w = await world({ publicUrl: 'https://tandem.example', ...overrides }, () => now);
  const { store, call } = w;

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
    ...w,
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
