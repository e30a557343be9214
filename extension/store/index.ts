/**
 * The side panel's view of the local store, as signals. Every edit shows at once, is journalled
 * synchronously (localStorage, so a panel closed mid-keystroke loses nothing: the next panel
 * replays it) and is written to `browser.storage.local` within `WRITE_DELAY_MS`, or at once when
 * the panel is hidden or closed. The background syncs what was written.
 */
import { batch, computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ActionItem, Cycle, Session } from '../../shared/schemas/records';
import {
  type AnyRecord,
  type Entry,
  entryKey,
  isDirty,
  type LocalMeta,
  type LocalPerson,
  type People,
  type RecordType,
  roster,
} from '../../shared/sync/engine';
import { type Choice, chosenValue, getPath, setPath } from '../../shared/sync/merge';
import { sendToBackground } from '../messages';
import { applyPatches, type Patch } from './patch';
import {
  type Connection,
  EMPTY_PEOPLE,
  KEYS,
  RECORD_PREFIX,
  readAllEntries,
  readConnection,
  readCycles,
  readPeople,
  readStatus,
  recordKey,
  type SyncStatus,
  withLock,
  writeKey,
} from './storage';

export const WRITE_DELAY_MS = 250;
const JOURNAL_KEY = 'tandem:journal';

export const entries = signal<ReadonlyMap<string, Entry>>(new Map());
export const people = signal<People>(EMPTY_PEOPLE);
export const cycles = signal<Cycle[]>([]);
export const syncStatus = signal<SyncStatus>({ state: 'solo' });
export const connection = signal<Connection | null>(null);
export const hydrated = signal(false);
/** Patches not yet stored, by entry key. */
const pending = new Map<string, Patch[]>();
/** Patches being written now. */
const inflight = new Map<string, Patch[]>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
/** Number of records with edits not yet stored (the UI shows "saving"). */
export const unsaved = signal(0);

export const sessions = computed(() =>
  [...entries.value.values()]
    .filter((e) => e.type === 'session' && !e.deleted)
    .map((e) => e as Entry<Session>)
    .sort((a, b) => sessionSortKey(b.data).localeCompare(sessionSortKey(a.data))),
);

function sessionSortKey(s: Session): string {
  return s.scheduledAt ?? s.startedAt ?? s.updatedAt ?? '';
}

export const actionItems = computed(() =>
  [...entries.value.values()]
    .filter((e) => e.type === 'actionItem' && !e.deleted)
    .map((e) => e as Entry<ActionItem>),
);

export const team = computed(() => roster(people.value));

export const conflicts = computed(() => [...entries.value.values()].filter((e) => !!e.conflict));
export const rejected = computed(() =>
  [...entries.value.values()].filter((e) => e.rejected && e.rejected.rev >= e.rev),
);
export const dirtyCount = computed(() => [...entries.value.values()].filter(isDirty).length);

export type SyncView =
  | 'local'
  | 'saving'
  | 'saved'
  | 'syncing'
  | 'synced'
  | 'offline'
  | 'conflict'
  | 'signin';

/** The one word the header shows about where the manager's work is. */
export const syncView = computed<SyncView>(() => {
  if (conflicts.value.length) return 'conflict';
  if (unsaved.value > 0) return 'saving';
  const st = syncStatus.value;
  if (!connection.value) return 'local';
  if (st.state === 'unauthorized' || st.state === 'forbidden') return 'signin';
  if (st.state === 'offline' || st.state === 'error') return 'offline';
  if (st.state === 'syncing') return 'syncing';
  if (dirtyCount.value > 0) return 'saved';
  return st.state === 'synced' ? 'synced' : 'saved';
});

// ---------------------------------------------------------------------------------------------
// Reading

function setEntry(key: string, e: Entry | undefined) {
  const next = new Map(entries.value);
  const shown = applyPatches(e, pending.get(key) ?? []);
  // (In-flight patches are in the stored entry as soon as their write lands.)
  if (shown) next.set(key, shown);
  else next.delete(key);
  entries.value = next;
}

let started: Promise<void> | null = null;

/** Load the store and follow changes made elsewhere (the background, another panel). */
export function initStore(): Promise<void> {
  started ??= (async () => {
    await replayJournal();
    const [all, p, c, st, conn] = await Promise.all([
      readAllEntries(),
      readPeople(),
      readCycles(),
      readStatus(),
      readConnection(),
    ]);
    batch(() => {
      entries.value = all;
      people.value = p;
      cycles.value = c;
      syncStatus.value = st;
      connection.value = conn;
      hydrated.value = true;
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      batch(() => {
        for (const [k, ch] of Object.entries(changes)) {
          if (k.startsWith(RECORD_PREFIX))
            setEntry(k.slice(RECORD_PREFIX.length), ch.newValue as Entry | undefined);
          else if (k === KEYS.people) people.value = (ch.newValue as People | undefined) ?? EMPTY_PEOPLE;
          else if (k === KEYS.cycles) cycles.value = (ch.newValue as Cycle[] | undefined) ?? [];
          else if (k === KEYS.status)
            syncStatus.value = (ch.newValue as SyncStatus | undefined) ?? { state: 'solo' };
          else if (k === KEYS.connection) connection.value = (ch.newValue as Connection | undefined) ?? null;
        }
      });
    });
    if (typeof addEventListener === 'function') {
      addEventListener('pagehide', () => void flushAll());
      addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') void flushAll();
      });
    }
  })();
  return started;
}

// ---------------------------------------------------------------------------------------------
// Writing

function journal(): Record<string, Patch[]> {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(JOURNAL_KEY) ?? '{}') as Record<string, Patch[]>;
  } catch {
    return {};
  }
}

function saveJournal() {
  try {
    if (pending.size === 0 && inflight.size === 0) globalThis.localStorage?.removeItem(JOURNAL_KEY);
    else {
      const all: Record<string, Patch[]> = {};
      for (const [k, v] of inflight) all[k] = [...v];
      for (const [k, v] of pending) all[k] = [...(all[k] ?? []), ...v];
      globalThis.localStorage?.setItem(JOURNAL_KEY, JSON.stringify(all));
    }
  } catch {
    // Storage full or unavailable: the debounced write still stores the edit.
  }
}

async function replayJournal() {
  const j = journal();
  const keys = Object.keys(j);
  if (keys.length === 0) return;
  for (const key of keys) pending.set(key, j[key]!);
  await Promise.all(keys.map((k) => flush(k)));
}

function queue(key: string, patch: Patch) {
  const list = pending.get(key) ?? [];
  // Consecutive sets of the same field: only the last one matters.
  const last = list[list.length - 1];
  if (patch.op === 'set' && last?.op === 'set' && last.path === patch.path) list[list.length - 1] = patch;
  else list.push(patch);
  pending.set(key, list);
  saveJournal();
  const current = entries.value.get(key);
  const next = new Map(entries.value);
  const shown = applyPatches(current, [patch]);
  if (shown) next.set(key, shown);
  else next.delete(key);
  batch(() => {
    entries.value = next;
    unsaved.value = pending.size + inflight.size;
  });
  const t = timers.get(key);
  if (t) clearTimeout(t);
  timers.set(
    key,
    setTimeout(() => void flush(key), WRITE_DELAY_MS),
  );
}

/** Store the pending edits of one record. */
export async function flush(key: string): Promise<void> {
  const t = timers.get(key);
  if (t) clearTimeout(t);
  timers.delete(key);
  const patches = pending.get(key);
  if (!patches?.length) return;
  // New edits made while this write runs queue up behind it; these stay journalled until stored.
  pending.delete(key);
  inflight.set(key, [...(inflight.get(key) ?? []), ...patches]);
  try {
    await withLock(async () => {
      const k = recordKey(key);
      const stored = (await browser.storage.local.get(k))[k] as Entry | undefined;
      const next = applyPatches(stored, patches);
      if (next) await browser.storage.local.set({ [k]: next });
      else if (stored) await browser.storage.local.remove(k);
    });
  } catch (err) {
    // Put them back in front of anything newer and try again shortly.
    pending.set(key, [...patches, ...(pending.get(key) ?? [])]);
    timers.set(
      key,
      setTimeout(() => void flush(key), WRITE_DELAY_MS * 4),
    );
    console.error('Tandem: could not save an edit, retrying', err);
  } finally {
    const left = (inflight.get(key) ?? []).slice(patches.length);
    if (left.length) inflight.set(key, left);
    else inflight.delete(key);
    saveJournal();
    unsaved.value = pending.size + inflight.size;
  }
  notifyChanged();
}

/** Store every pending edit now (panel hidden or closing). */
export async function flushAll(): Promise<void> {
  await Promise.all([...pending.keys()].map((k) => flush(k)));
}

let notifyTimer: ReturnType<typeof setTimeout> | null = null;
function notifyChanged() {
  if (notifyTimer) clearTimeout(notifyTimer);
  notifyTimer = setTimeout(() => {
    notifyTimer = null;
    sendToBackground({ kind: 'local-changed' }).catch(() => {});
  }, 400);
}

export function editRecord(type: RecordType, id: string, path: string, value: unknown, title?: string): void {
  queue(entryKey(type, id), { op: 'set', path, value, ...(title ? { title } : {}) });
}

export const editSession = (id: string, path: string, value: unknown, title?: string) =>
  editRecord('session', id, path, value, title);
export const editItem = (id: string, path: string, value: unknown) =>
  editRecord('actionItem', id, path, value);

export function createRecord(type: RecordType, data: AnyRecord, local?: LocalMeta): void {
  const meta: LocalMeta = { createdAt: new Date().toISOString(), ...local };
  queue(entryKey(type, data.id), { op: 'create', type, data, local: meta });
}

export function deleteRecord(type: RecordType, id: string): void {
  queue(entryKey(type, id), { op: 'delete' });
}

export function setLocalMeta(type: RecordType, id: string, value: LocalMeta): void {
  queue(entryKey(type, id), { op: 'local', value });
}

/**
 * Resolve a conflict: each clashing field takes the manager's choice, the result is pushed with
 * the server's version as its base. A record deleted on the server is brought back (`keep`) or
 * let go (`drop`).
 */
export function resolveConflict(
  key: string,
  choices: Record<string, Choice>,
  deleted?: 'keep' | 'drop',
): void {
  const e = entries.value.get(key);
  if (!e?.conflict) return;
  const c = e.conflict;
  if (deleted === 'drop') {
    queue(key, { op: 'resolve', data: e.data, server: null, version: c.version });
    queue(key, { op: 'delete' });
    return;
  }
  let data = e.data;
  for (const f of c.fields) {
    const choice = choices[f.path] ?? { pick: 'local' };
    // "Mine" is what this browser has now (edits made since the conflict included).
    const current = { ...f, local: getPath(data as never, f.path) };
    data = setPath(data, f.path, chosenValue(current, choice));
  }
  queue(key, { op: 'resolve', data, server: c.server, version: c.version });
}

/**
 * Drop a change the service refused. A session never stored there takes its new action items
 * with it (they could never be pushed without it).
 */
export function discardRefused(key: string): void {
  const e = entries.value.get(key);
  if (!e) return;
  if (e.type === 'session' && e.baseVersion === 0) {
    for (const [k, x] of entries.value) {
      if (x.type === 'actionItem' && x.baseVersion === 0 && (x.data as ActionItem).sessionId === e.id) {
        queue(k, { op: 'discard' });
      }
    }
  }
  queue(key, { op: 'discard' });
}

export async function addPerson(person: Omit<LocalPerson, 'uploaded' | 'error'>): Promise<void> {
  await withLock(async () => {
    const p = await readPeople();
    const next: People = { ...p, local: [...p.local.filter((x) => x.id !== person.id), { ...person }] };
    await writeKey(KEYS.people, next);
    people.value = next;
  });
  notifyChanged();
}

export function syncNow(): Promise<unknown> {
  return flushAll().then(() => sendToBackground({ kind: 'sync-now' }));
}

/** For tests: forget the in-memory state. */
export function resetStoreForTests(): void {
  started = null;
  pending.clear();
  inflight.clear();
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  batch(() => {
    entries.value = new Map();
    people.value = EMPTY_PEOPLE;
    cycles.value = [];
    syncStatus.value = { state: 'solo' };
    connection.value = null;
    hydrated.value = false;
    unsaved.value = 0;
  });
}
