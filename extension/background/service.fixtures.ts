// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * For the background's tests: the real service app in process over the in-memory store, reached
 * through a `fetch` that hands requests to Hono's `app.request` (and fails like a dropped network
 * while `setDown(true)`). HR is bootstrapped, two cycles and one manager, Mei, are created.
 */
import { createApp } from '../../server/app';
import { bootstrap } from '../../server/auth/bootstrap';
import { defaultAppConfig } from '../../server/config';
import { createMemoryStore } from '../../server/storage/memory';
import type { Fetch } from './api';

/** The service's URL as the extension is configured with it; only its path reaches the app. */
export const BASE = 'http://tandem.test';

export async function inProcessService(clock: () => Date = () => new Date()) {
  const store = createMemoryStore();
  const app = createApp({ store, clock, config: defaultAppConfig({ rateLimitPerMinute: 0 }), log: () => {} });
  const hr = (await bootstrap(store, { clock })).token!;
  let down = false;
  const fetchFn: Fetch = async (input, init) => {
    if (down) throw new TypeError('Failed to fetch');
    const url = new URL(String(input));
    return app.request(url.pathname + url.search, init as RequestInit);
  };
  /** A JSON request with a bearer token, straight to the app (not through `fetchFn`). */
  const call = async (method: string, path: string, token: string, json?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  // The cycles the background's tests name (HR defines cycles; a session must name one).
  for (const [id, startsOn, endsOn] of [
    ['2026H1', '2026-01-01', '2026-06-30'],
    ['2026-H1', '2026-01-01', '2026-06-30'],
  ]) {
    await call('PUT', `/api/v1/cycles/${id}`, hr, { name: id, startsOn, endsOn });
  }
  const manager = (
    await call('POST', '/api/v1/users', hr, { name: 'Mei', email: 'mei@example.com', role: 'manager' })
  ).body.token as string;
  return {
    fetchFn,
    call,
    hr,
    manager,
    setDown: (v: boolean) => {
      down = v;
    },
  };
}
