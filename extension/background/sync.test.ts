// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * The sync client against the real service app in process (Hono `app.request` as fetch, the
 * in-memory store): solo work uploads when connecting, edits on both sides merge, failures say
 * what they are.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Session } from '../../shared/schemas/records';
import { entryKey, newEntry } from '../../shared/sync/engine';
import { KEYS, readEntry, readPeople, recordKey, writeKey } from '../store/storage';
import { testConnection } from './api';
import { handle } from './messages';
import { memorySecrets } from './secrets';
import { BASE, inProcessService } from './service.fixtures';
import { backoffMs, createSyncLoop, syncOnce, TOKEN } from './sync';

const SID = '11111111-1111-4111-8111-111111111111';
const PID = '33333333-3333-4333-8333-333333333333';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sync client', () => {
  it('uploads solo work on connect, then merges edits made on both sides', async () => {
    const svc = await inProcessService();
    const secrets = memorySecrets();
    // Solo: a person and a session made before any service was configured.
    await writeKey(KEYS.people, {
      server: [],
      local: [{ id: PID, name: 'Alex', email: 'alex@example.com' }],
    });
    const s: Session = {
      id: SID,
      employeeId: PID,
      cycleId: '2026-H1',
      kind: 'review',
      status: 'planned',
      mainGoal: 'Agree',
    };
    await fakeBrowser.storage.local.set({ [recordKey(entryKey('session', SID))]: newEntry('session', s) });
    expect(await syncOnce({ fetch: svc.fetchFn, secrets })).toEqual({ state: 'solo' });

    const loop = createSyncLoop({ fetch: svc.fetchFn, secrets });
    const deps = {
      fetch: svc.fetchFn,
      secrets,
      loop,
      extensionId: 'x',
      extensionOrigin: 'chrome-extension://x/',
    };
    const r = await handle({ kind: 'connect', url: `${BASE}/`, token: svc.manager }, deps);
    expect(r).toMatchObject({ ok: true, user: { email: 'mei@example.com', role: 'manager' } });
    await loop.run();

    const onServer = await svc.call('GET', `/api/v1/sessions/${SID}`, svc.manager);
    expect(onServer.body.session).toMatchObject({ mainGoal: 'Agree', employeeId: PID, version: 1 });
    expect((await readPeople()).server.map((e) => e.id)).toEqual([PID]);
    expect((await readEntry(entryKey('session', SID)))!.baseVersion).toBe(1);
    const status = (await fakeBrowser.storage.local.get(KEYS.status))[KEYS.status];
    expect(status).toMatchObject({ state: 'synced', failures: 0 });

    // Someone changes another field on the service; here the manager edits notes.
    const put = await svc.call('PUT', `/api/v1/sessions/${SID}`, svc.manager, {
      ...onServer.body.session,
      status: 'held',
      baseVersion: 1,
    });
    expect(put.status).toBeLessThan(300);
    const e = (await readEntry(entryKey('session', SID)))!;
    await fakeBrowser.storage.local.set({
      [recordKey(entryKey('session', SID))]: {
        ...e,
        data: { ...e.data, notes: 'Local note' },
        rev: e.rev + 1,
      },
    });
    await loop.run();
    const merged = (await svc.call('GET', `/api/v1/sessions/${SID}`, svc.manager)).body.session;
    expect(merged).toMatchObject({ status: 'held', notes: 'Local note' });
    const local = (await readEntry(entryKey('session', SID)))!;
    expect(local.rev).toBe(local.syncedRev);
    expect(local.data).toMatchObject({ status: 'held', notes: 'Local note', version: merged.version });
  });

  it('keeps edits while the service is down and reports offline with a backoff', async () => {
    const svc = await inProcessService();
    const secrets = memorySecrets();
    await secrets.set(TOKEN, svc.manager);
    await writeKey(KEYS.connection, { url: BASE, user: null });
    svc.setDown(true);
    const st = await syncOnce({ fetch: svc.fetchFn, secrets });
    expect(st).toMatchObject({ state: 'offline', failures: 1 });
    expect(backoffMs(1, () => 0)).toBe(1_000);
    expect(backoffMs(3, () => 1)).toBe(8_000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });

  it('says exactly what is wrong with a connection', async () => {
    const svc = await inProcessService();
    expect(await testConnection(svc.fetchFn, 'not a url', 'x')).toEqual({
      ok: false,
      problem: 'invalid-url',
    });
    expect(await testConnection(svc.fetchFn, BASE, 'wrong-token-wrong-token')).toMatchObject({
      ok: false,
      problem: 'bad-token',
      status: 401,
    });
    expect(await testConnection(svc.fetchFn, BASE, svc.hr)).toMatchObject({
      ok: false,
      problem: 'wrong-role',
    });
    expect(await testConnection(svc.fetchFn, BASE, null)).toEqual({ ok: false, problem: 'no-token' });
    svc.setDown(true);
    expect(await testConnection(svc.fetchFn, BASE, svc.manager)).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });
  });

  it('refuses connection messages from content scripts', async () => {
    const { fromExtensionPage, Message } = await import('./messages');
    const ext = 'chrome-extension://abc/';
    expect(fromExtensionPage({ id: 'abc', url: `${ext}sidepanel.html` }, 'abc', ext)).toBe(true);
    expect(fromExtensionPage({ id: 'abc', url: 'https://meet.google.com/x', tab: {} }, 'abc', ext)).toBe(
      false,
    );
    expect(fromExtensionPage({ id: 'other', url: `${ext}options.html` }, 'abc', ext)).toBe(false);
    expect(Message.safeParse({ kind: 'connect', url: BASE, token: 1 }).success).toBe(false);
    expect(Message.safeParse({ kind: 'sync-now', extra: true }).success).toBe(false);
  });
});

vi.setConfig({ testTimeout: 20_000 });
