import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Session } from '../../shared/schemas/records';
import { type Entry, entryKey } from '../../shared/sync/engine';
import {
  createRecord,
  editSession,
  entries,
  flushAll,
  initStore,
  resetStoreForTests,
  resolveConflict,
  syncView,
  unsaved,
  WRITE_DELAY_MS,
} from './index';
import { applyPatch } from './patch';
import { readEntry, recordKey, withLock } from './storage';

const ID = '11111111-1111-4111-8111-111111111111';
const KEY = entryKey('session', ID);
const session: Session = { id: ID, employeeId: 'e1', cycleId: 'c1', kind: 'review', status: 'planned' };

const memory = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => memory.set(k, v),
  removeItem: (k: string) => memory.delete(k),
});

beforeEach(async () => {
  fakeBrowser.reset();
  memory.clear();
  resetStoreForTests();
  // The panel tells the background about stored edits; nobody listens in these tests.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true });
  await initStore();
});

describe('local store', () => {
  it('shows an edit at once and stores it within the debounce', async () => {
    vi.useFakeTimers();
    try {
      createRecord('session', session);
      editSession(ID, 'mainGoal', 'Agree the plan');
      expect((entries.value.get(KEY)!.data as Session).mainGoal).toBe('Agree the plan');
      expect(unsaved.value).toBe(1);
      expect(syncView.value).toBe('saving');
      expect(await readEntry(KEY)).toBeUndefined();
      await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS + 10);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(async () =>
      expect((await readEntry(KEY))?.data).toMatchObject({ mainGoal: 'Agree the plan' }),
    );
    expect(unsaved.value).toBe(0);
    expect(syncView.value).toBe('local');
  });

  it('journals edits synchronously and replays them in the next panel', async () => {
    createRecord('session', session);
    editSession(ID, 'notes#facts', 'Three launches', 'Facts');
    expect(memory.get('tandem:journal')).toContain('Three launches');
    // The panel is gone before its write: a new one replays the journal.
    resetStoreForTests();
    await initStore();
    const stored = await readEntry(KEY);
    expect((stored!.data as Session).notes).toBe('## Facts {#facts}\nThree launches');
    expect(memory.has('tandem:journal')).toBe(false);
  });

  it('stores against the freshest entry, so a sync that landed meanwhile is kept', async () => {
    createRecord('session', session);
    await flushAll();
    // The background stores a sync result: the server has version 4 of it now.
    await withLock(async () => {
      const e = (await readEntry(KEY))!;
      await fakeBrowser.storage.local.set({
        [recordKey(KEY)]: {
          ...e,
          baseVersion: 4,
          syncedRev: e.rev,
          data: { ...e.data, status: 'held', version: 4 },
        },
      });
    });
    editSession(ID, 'mainGoal', 'After the sync');
    await flushAll();
    const e = (await readEntry(KEY))!;
    expect(e.baseVersion).toBe(4);
    expect(e.data).toMatchObject({ status: 'held', mainGoal: 'After the sync', version: 4 });
    expect(e.rev).toBeGreaterThan(e.syncedRev);
    // The panel sees the background's change too.
    await vi.waitFor(() => expect((entries.value.get(KEY)!.data as Session).status).toBe('held'));
  });

  it('resolves a conflict with the server version as the new base', async () => {
    const base = { ...session, mainGoal: 'A', version: 1 };
    const e: Entry = {
      type: 'session',
      id: ID,
      data: { ...base, mainGoal: 'Mine' },
      base,
      baseVersion: 1,
      rev: 2,
      syncedRev: 1,
      conflict: {
        server: { ...base, mainGoal: 'Theirs', version: 3 },
        version: 3,
        fields: [{ path: 'mainGoal', base: 'A', local: 'Mine', server: 'Theirs' }],
        at: '2026-03-02T09:00:00Z',
      },
    };
    await fakeBrowser.storage.local.set({ [recordKey(KEY)]: e });
    await vi.waitFor(() => expect(syncView.value).toBe('conflict'));
    resolveConflict(KEY, { mainGoal: { pick: 'both' } });
    await flushAll();
    const after = (await readEntry(KEY))!;
    expect(after.conflict).toBeUndefined();
    expect(after.baseVersion).toBe(3);
    expect((after.data as Session).mainGoal).toBe('Mine\n\nTheirs');
    expect(after.rev).toBeGreaterThan(after.syncedRev);
  });

  it('forgets a record deleted before it ever reached the service', () => {
    const e = applyPatch(undefined, { op: 'create', type: 'session', data: session });
    expect(applyPatch(e, { op: 'delete' })).toBeUndefined();
    const synced = { ...e!, baseVersion: 2, syncedRev: 1 };
    expect(applyPatch(synced, { op: 'delete' })).toMatchObject({ deleted: true });
  });
});
