// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * A push the service refuses (issue 15: a session naming a cycle the service does not know, an
 * item whose session it never got) is set aside, never sent again as it stands, shown to the
 * manager with the reason, and sent again once fixed — or dropped. Against the real service app.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ActionItem, Session } from '../../shared/schemas/records';
import { entryKey, newEntry } from '../../shared/sync/engine';
import { applyPatch } from '../store/patch';
import { KEYS, readEntry, recordKey, writeKey } from '../store/storage';
import { memorySecrets } from './secrets';
import { BASE, inProcessService } from './service.fixtures';
import { syncOnce, TOKEN } from './sync';

const SID = '11111111-1111-4111-8111-111111111111';
const OK = '22222222-2222-4222-8222-222222222222';
const IID = '44444444-4444-4444-8444-444444444444';

beforeEach(() => fakeBrowser.reset());

async function connected() {
  const svc = await inProcessService();
  const secrets = memorySecrets();
  await secrets.set(TOKEN, svc.manager);
  await writeKey(KEYS.connection, { url: BASE, user: null });
  const emp = await svc.call('POST', '/api/v1/employees', svc.manager, {
    id: 'e1',
    name: 'Alex',
    email: 'alex@example.com',
  });
  expect(emp.status).toBe(201);
  let pushes = 0;
  const fetchFn: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/api/v1/sync')) pushes++;
    return svc.fetchFn(input, init);
  };
  return { svc, secrets, fetchFn, pushes: () => pushes };
}

const session = (id: string, cycleId: string): Session => ({
  id,
  employeeId: 'e1',
  cycleId,
  kind: 'review',
  status: 'planned',
});
const item: ActionItem = {
  id: IID,
  sessionId: SID,
  title: 'Book the course',
  owner: 'employee',
  status: 'open',
};

async function put(type: 'session' | 'actionItem', data: Session | ActionItem) {
  await fakeBrowser.storage.local.set({ [recordKey(entryKey(type, data.id))]: newEntry(type, data) });
}

describe('a push the service refuses', () => {
  it('is set aside with the reason, the rest still syncs, and it is not sent again until fixed', async () => {
    const t = await connected();
    await put('session', session(SID, 'no-such-cycle'));
    await put('actionItem', item);
    await put('session', session(OK, '2026H1'));
    const st = await syncOnce({ fetch: t.fetchFn, secrets: t.secrets });
    expect(st.state).toBe('synced');
    // The good session went; the refused one is held with what the service said.
    expect((await t.svc.call('GET', `/api/v1/sessions/${OK}`, t.svc.manager)).status).toBe(200);
    expect((await t.svc.call('GET', `/api/v1/sessions/${SID}`, t.svc.manager)).status).toBe(404);
    const refused = (await readEntry(entryKey('session', SID)))!;
    expect(refused.rejected).toMatchObject({ code: 'invalid_reference', rev: refused.rev });
    expect(refused.rejected!.message).toMatch(/cycleId: no cycle "no-such-cycle"/);
    // Its action item waits for it, without a refusal of its own.
    expect((await readEntry(entryKey('actionItem', IID)))!.rejected).toBeUndefined();

    // Syncing again sends nothing of it: no push is refused twice as it stands.
    const before = t.pushes();
    await syncOnce({ fetch: t.fetchFn, secrets: t.secrets });
    expect(t.pushes()).toBe(before + 1); // one pull-only round trip
    expect((await t.svc.call('GET', `/api/v1/sessions/${SID}`, t.svc.manager)).status).toBe(404);

    // Fixed (moved to a cycle the service knows): it goes, and its item with it.
    const k = recordKey(entryKey('session', SID));
    const fixed = applyPatch(refused, { op: 'set', path: 'cycleId', value: '2026H1' })!;
    await fakeBrowser.storage.local.set({ [k]: fixed });
    expect((await syncOnce({ fetch: t.fetchFn, secrets: t.secrets })).state).toBe('synced');
    const stored = await t.svc.call('GET', `/api/v1/sessions/${SID}`, t.svc.manager);
    expect(stored.body.session.cycleId).toBe('2026H1');
    expect((await t.svc.call('GET', `/api/v1/action-items/${IID}`, t.svc.manager)).status).toBe(200);
    expect((await readEntry(entryKey('session', SID)))!.rejected).toBeUndefined();
  });

  it('can be dropped: a new record goes, a changed one goes back to the service copy', async () => {
    const t = await connected();
    await put('session', session(SID, 'no-such-cycle'));
    await syncOnce({ fetch: t.fetchFn, secrets: t.secrets });
    const e = (await readEntry(entryKey('session', SID)))!;
    expect(e.rejected).toBeDefined();
    expect(applyPatch(e, { op: 'discard' })).toBeUndefined();

    await put('session', session(OK, '2026H1'));
    await syncOnce({ fetch: t.fetchFn, secrets: t.secrets });
    const synced = (await readEntry(entryKey('session', OK)))!;
    const edited = applyPatch(synced, { op: 'set', path: 'cycleId', value: 'gone' })!;
    await fakeBrowser.storage.local.set({ [recordKey(entryKey('session', OK))]: edited });
    await syncOnce({ fetch: t.fetchFn, secrets: t.secrets });
    const held = (await readEntry(entryKey('session', OK)))!;
    expect(held.rejected?.message).toMatch(/cycleId/);
    const back = applyPatch(held, { op: 'discard' })!;
    expect((back.data as Session).cycleId).toBe('2026H1');
    expect(back.rev).toBe(back.syncedRev);
    expect(back.rejected).toBeUndefined();
  });
});
