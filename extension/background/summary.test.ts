// biome-ignore-all lint/suspicious/noExplicitAny: message replies are read as plain JSON here
/**
 * The one-pager message: the background fetches `GET /api/v1/employees/:id/summary` with the token
 * it holds (real service app in process), and says what went wrong instead of throwing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApp } from '../../server/app';
import { bootstrap } from '../../server/auth/bootstrap';
import { defaultAppConfig } from '../../server/config';
import { createMemoryStore } from '../../server/storage/memory';
import type { Fetch } from './api';
import { handle } from './messages';
import { memorySecrets } from './secrets';
import { createSyncLoop } from './sync';

const BASE = 'http://tandem.test';

async function setup() {
  const store = createMemoryStore();
  const app = createApp({
    store,
    clock: () => new Date(),
    config: defaultAppConfig({ rateLimitPerMinute: 0 }),
    log: () => {},
  });
  const hr = (await bootstrap(store, { clock: () => new Date() })).token!;
  let down = false;
  const fetchFn: Fetch = async (input, init) => {
    if (down) throw new TypeError('Failed to fetch');
    const url = new URL(String(input));
    return app.request(url.pathname + url.search, init as RequestInit);
  };
  const call = async (method: string, path: string, json: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${hr}`, 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
  const manager = (await (
    await call('POST', '/api/v1/users', { name: 'Mei', email: 'mei@example.com', role: 'manager' })
  ).json()) as { token: string };
  await call('PUT', '/api/v1/employees', [
    {
      id: 'e-1',
      name: 'Alex Chen',
      email: 'alex@example.com',
      managerEmail: 'mei@example.com',
      status: 'active',
    },
    {
      id: 'e-2',
      name: 'Bo Li',
      email: 'bo@example.com',
      managerEmail: 'other@example.com',
      status: 'active',
    },
  ]);
  await call('PUT', '/api/v1/cycles/2026H1', {
    name: '2026 H1',
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
  });
  await call('PUT', '/api/v1/cycles/2026H2', {
    name: '2026 H2',
    startsOn: '2026-07-01',
    endsOn: '2026-12-31',
  });
  await call('PUT', '/api/v1/ratings', [
    { employeeId: 'e-1', cycleId: '2026H1', rating: 3 },
    { employeeId: 'e-1', cycleId: '2026H2', rating: 4 },
  ]);
  const secrets = memorySecrets();
  const deps = {
    fetch: fetchFn,
    secrets,
    loop: createSyncLoop({ fetch: fetchFn, secrets }),
    extensionId: 'x',
    extensionOrigin: 'chrome-extension://x/',
  };
  return { deps, manager: manager.token, setDown: (v: boolean) => (down = v) };
}

describe('employee-summary message', () => {
  beforeEach(() => fakeBrowser.reset());

  it('fetches the one-pager with ratings for an own report; says solo, not-found and offline', async () => {
    const { deps, manager, setDown } = await setup();
    expect(await handle({ kind: 'employee-summary', employeeId: 'e-1' }, deps)).toEqual({
      ok: false,
      problem: 'solo',
    });
    const connected = await handle({ kind: 'connect', url: BASE, token: manager }, deps);
    expect(connected).toMatchObject({ ok: true });

    const r = (await handle(
      { kind: 'employee-summary', employeeId: 'e-1', asOf: '2026-12-01' },
      deps,
    )) as any;
    expect(r.ok).toBe(true);
    expect(r.summary.employee).toMatchObject({ id: 'e-1', name: 'Alex Chen' });
    expect(r.summary.ratings.map((x: any) => [x.cycleId, x.rating, x.change])).toEqual([
      ['2026H1', 3, null],
      ['2026H2', 4, 1],
    ]);
    expect(r.summary.asOf).toBe('2026-12-01');

    // Another manager's report: as if unknown.
    expect(await handle({ kind: 'employee-summary', employeeId: 'e-2' }, deps)).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
    setDown(true);
    expect(await handle({ kind: 'employee-summary', employeeId: 'e-1' }, deps)).toEqual({
      ok: false,
      problem: 'offline',
    });
  });
});
