/**
 * Where Tandem keeps its records in the browser: `browser.storage.local`, one key per record so a
 * write touches one record only. The side panel and the background both read-modify-write under
 * one named Web Lock, so neither overwrites what the other just wrote.
 *
 * Nothing secret lives here: the service token is in the background's IndexedDB (secrets.ts).
 */
import { browser } from 'wxt/browser';
import type { Cycle } from '../../shared/schemas/records';
import type { Entry, People } from '../../shared/sync/engine';

export const RECORD_PREFIX = 'tandem:rec:';
export const KEYS = {
  people: 'tandem:people',
  cycles: 'tandem:cycles',
  /** Cursor and client id of the sync protocol. */
  sync: 'tandem:sync',
  /** What the sync loop last did (for the UI). */
  status: 'tandem:status',
  /** The configured service (URL and who we are there; never the token). */
  connection: 'tandem:connection',
  /** Ids of reminders already shown. */
  reminded: 'tandem:reminded',
} as const;

export const recordKey = (entryKey: string) => `${RECORD_PREFIX}${entryKey}`;

export type SyncState =
  | 'solo'
  | 'idle'
  | 'syncing'
  | 'synced'
  | 'offline'
  | 'unauthorized'
  | 'forbidden'
  | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Last successful sync (ISO). */
  lastSyncAt?: string;
  /** Consecutive failures (backoff). */
  failures?: number;
  /** When the next attempt is planned (ISO). */
  nextAt?: string;
  message?: string;
}

export interface SyncMeta {
  cursor: string | null;
  clientId: string;
  /** The service URL the cursor and versions belong to. */
  url: string | null;
}

export interface Connection {
  url: string;
  user: { id: string; name: string; email: string; role: 'manager' | 'hr' } | null;
}

// ---------------------------------------------------------------------------------------------
// Lock

let chain: Promise<unknown> = Promise.resolve();

/** Run `fn` holding the store lock (shared by the panel, options page and background). */
export function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request('tandem-store', { mode: 'exclusive' }, fn) as Promise<T>;
  // No Web Locks (unit tests): one queue per context.
  const run = chain.then(fn, fn);
  chain = run.catch(() => {});
  return run;
}

// ---------------------------------------------------------------------------------------------
// Reads and writes (callers hold the lock for read-modify-write)

export async function readAllEntries(): Promise<Map<string, Entry>> {
  const all = await browser.storage.local.get(null);
  const out = new Map<string, Entry>();
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(RECORD_PREFIX) && v && typeof v === 'object')
      out.set(k.slice(RECORD_PREFIX.length), v as Entry);
  }
  return out;
}

export async function readEntry(key: string): Promise<Entry | undefined> {
  const k = recordKey(key);
  const got = await browser.storage.local.get(k);
  return got[k] as Entry | undefined;
}

export async function writeEntries(
  entries: Map<string, Entry>,
  changed: Iterable<string>,
  removed: Iterable<string> = [],
): Promise<void> {
  const set: Record<string, Entry> = {};
  for (const key of changed) {
    const e = entries.get(key);
    if (e) set[recordKey(key)] = e;
  }
  const gone = [...removed].map(recordKey);
  if (Object.keys(set).length) await browser.storage.local.set(set);
  if (gone.length) await browser.storage.local.remove(gone);
}

export async function readKey<T>(key: string, fallback: T): Promise<T> {
  const got = await browser.storage.local.get(key);
  return (got[key] as T | undefined) ?? fallback;
}

export async function writeKey<T>(key: string, value: T): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

export const EMPTY_PEOPLE: People = { server: [], local: [] };

export const readPeople = () => readKey<People>(KEYS.people, EMPTY_PEOPLE);
export const readCycles = () => readKey<Cycle[]>(KEYS.cycles, []);
export const readStatus = () => readKey<SyncStatus>(KEYS.status, { state: 'solo' });
export const readConnection = () => readKey<Connection | null>(KEYS.connection, null);
