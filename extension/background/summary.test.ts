// biome-ignore-all lint/suspicious/noExplicitAny: message replies are read as plain JSON here
/**
 * The one-pager message: the background fetches `GET /api/v1/employees/:id/summary` with the token
 * it holds (real service app in process), and says what went wrong instead of throwing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handle } from './messages';
import { memorySecrets } from './secrets';
import { BASE, inProcessService } from './service.fixtures';
import { createSyncLoop } from './sync';

async function setup() {
  const svc = await inProcessService();
  const call = (method: string, path: string, json: unknown) => svc.call(method, path, svc.hr, json);
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
    fetch: svc.fetchFn,
    secrets,
    loop: createSyncLoop({ fetch: svc.fetchFn, secrets }),
    extensionId: 'x',
    extensionOrigin: 'chrome-extension://x/',
  };
  return { deps, manager: svc.manager, setDown: svc.setDown };
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
