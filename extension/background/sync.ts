/**
 * The sync client (DESIGN §4 "Sync", §5): runs in the background, the only context that holds the
 * token and talks to the service. One round: upload people added here, push the dirty records
 * with their base versions, pull what changed since the cursor, merge, store. A loop drives
 * rounds: on local edits (debounced), on an alarm, on demand, and after failures with exponential
 * backoff and jitter.
 */
import { browser } from 'wxt/browser';
import { Cycle, Employee } from '../../shared/schemas/records';
import { PushedActionItem, PushedSession, SyncResponse } from '../../shared/schemas/sync';
import {
  applyPull,
  applyRefusals,
  applyResults,
  detach,
  type Entry,
  type People,
  type PushProblem,
  planPush,
  type RecordType,
  refusedRecords,
  remapEmployee,
} from '../../shared/sync/engine';
import {
  KEYS,
  readAllEntries,
  readConnection,
  readKey,
  readPeople,
  readStatus,
  type SyncMeta,
  type SyncStatus,
  withLock,
  writeEntries,
  writeKey,
} from '../store/storage';
import { ApiFailure, apiCall, type Fetch } from './api';
import type { SecretStore } from './secrets';

export const TOKEN = 'serviceToken';

export interface SyncDeps {
  fetch: Fetch;
  secrets: SecretStore;
  now?: () => Date;
  random?: () => number;
}

const uuid = () => crypto.randomUUID();

async function readMeta(): Promise<SyncMeta> {
  const m = await readKey<SyncMeta | null>(KEYS.sync, null);
  return m ?? { cursor: null, clientId: uuid(), url: null };
}

function validate(type: RecordType, record: unknown): string | null {
  const r = (type === 'session' ? PushedSession : PushedActionItem).safeParse(record);
  if (r.success) return null;
  return r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}

/** The service now belongs to another URL: every record goes up again, the cursor starts over. */
async function attachTo(url: string, meta: SyncMeta): Promise<SyncMeta> {
  return withLock(async () => {
    const entries = await readAllEntries();
    for (const [k, e] of entries) entries.set(k, detach(e));
    await writeEntries(entries, entries.keys());
    const people = await readPeople();
    await writeKey<People>(KEYS.people, {
      server: [],
      local: people.local.map((p) => ({ ...p, uploaded: false, error: undefined })),
    });
    const next: SyncMeta = { cursor: null, clientId: meta.clientId, url };
    await writeKey(KEYS.sync, next);
    return next;
  });
}

/** Send people added in this browser to the service (POST /api/v1/employees). */
async function uploadPeople(deps: SyncDeps, base: string, token: string): Promise<void> {
  const people = await readPeople();
  const todo = people.local.filter((p) => !p.uploaded && !p.error);
  for (const p of todo) {
    let outcome: { uploaded?: boolean; error?: string; remapTo?: string } = {};
    try {
      await apiCall(deps.fetch, base, '/api/v1/employees', {
        method: 'POST',
        token,
        json: {
          id: p.id,
          name: p.name,
          email: p.email,
          ...(p.department ? { department: p.department } : {}),
        },
      });
      outcome = { uploaded: true };
    } catch (e) {
      if (
        !(e instanceof ApiFailure) ||
        e.kind === 'network' ||
        e.status >= 500 ||
        e.status === 401 ||
        e.status === 429
      )
        throw e;
      if (e.status === 409) {
        const list = await apiCall<{ employees: unknown[] }>(deps.fetch, base, '/api/v1/employees', {
          token,
        });
        const team = list.employees.map((x) => Employee.parse(x));
        const same = team.find((x) => x.id === p.id) ?? team.find((x) => x.email === p.email.toLowerCase());
        outcome = same
          ? { uploaded: true, remapTo: same.id !== p.id ? same.id : undefined }
          : { error: e.message };
      } else {
        outcome = { error: e.message };
      }
    }
    await withLock(async () => {
      const now = await readPeople();
      const local = now.local
        .map((x) => (x.id === p.id ? { ...x, ...outcome, remapTo: undefined } : x))
        .filter((x) => !(outcome.remapTo && x.id === p.id));
      await writeKey<People>(KEYS.people, { ...now, local });
      if (outcome.remapTo) {
        const entries = await readAllEntries();
        const changed = remapEmployee(entries, p.id, outcome.remapTo);
        await writeEntries(entries, changed);
      }
    });
  }
}

/** One sync round trip. Throws ApiFailure on network or HTTP failure. Returns whether more is to do. */
async function round(
  deps: SyncDeps,
  base: string,
  token: string,
  meta: SyncMeta,
): Promise<{ more: boolean; meta: SyncMeta }> {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const people = await readPeople();
  const waiting = new Set(people.local.filter((p) => !p.uploaded).map((p) => p.id));
  const plan = await withLock(async () =>
    planPush((await readAllEntries()).values(), {
      employeeReady: (id) => !waiting.has(id),
      validate,
    }),
  );
  const pushId = uuid();
  const body = {
    ...(meta.cursor ? { cursor: meta.cursor } : {}),
    clientId: meta.clientId,
    pushId,
    push: {
      ...(plan.sessions.length ? { sessions: plan.sessions } : {}),
      ...(plan.actionItems.length ? { actionItems: plan.actionItems } : {}),
      ...(plan.deletes.length ? { deletes: plan.deletes } : {}),
    },
  };
  let raw: unknown;
  try {
    raw = await apiCall(deps.fetch, base, '/api/v1/sync', { method: 'POST', token, json: body });
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 400 && e.code === 'invalid_cursor' && meta.cursor) {
      // The service does not know our cursor (restored, or another store): start from a snapshot.
      const next = { ...meta, cursor: null };
      await writeKey(KEYS.sync, next);
      return { more: true, meta: next };
    }
    if (e instanceof ApiFailure && e.status === 400 && plan.pushed.size > 0) {
      // The service refused this push as it stands (bad input or references) and stored none of
      // it. The records it names are set aside for the manager to fix or drop; the rest go again.
      const problems = Array.isArray(e.details)
        ? e.details.filter(
            (d): d is PushProblem => typeof d?.path === 'string' && typeof d?.message === 'string',
          )
        : [];
      const refused = refusedRecords(plan, problems, e.code, e.message);
      await withLock(async () => {
        const entries = await readAllEntries();
        await writeEntries(entries, applyRefusals(entries, plan.pushed, refused));
      });
      return { more: true, meta };
    }
    throw e;
  }
  const res = SyncResponse.parse(raw);
  const snapshot = !meta.cursor;
  const next: SyncMeta = { ...meta, cursor: res.cursor };
  let more = false;
  await withLock(async () => {
    const entries = await readAllEntries();
    const a = applyResults(entries, plan.pushed, res.results, now());
    const b = applyPull(entries, res.pull, snapshot, now());
    const changed = new Set([...a.changed, ...b.changed]);
    const removed = new Set([...a.removed, ...b.removed]);
    for (const k of removed) changed.delete(k);
    await writeEntries(entries, changed, removed);
    // Team and cycles come only when they changed since our cursor; otherwise ours are current.
    if (res.pull.employees) {
      const p = await readPeople();
      const serverIds = new Set(res.pull.employees.map((e) => e.id));
      await writeKey<People>(KEYS.people, {
        server: res.pull.employees,
        // People the service now lists come from there; the local copy is no longer needed.
        local: p.local.filter((x) => !(x.uploaded && serverIds.has(x.id))),
      });
    }
    if (res.pull.cycles) {
      await writeKey(
        KEYS.cycles,
        res.pull.cycles.map((c) => Cycle.parse(c)),
      );
    }
    await writeKey(KEYS.sync, next);
    // Anything still dirty that the last plan did not hold back (auto-merges, edits made meanwhile).
    const again = planPush(entries.values(), { employeeReady: (id) => !waiting.has(id), validate });
    more = again.pushed.size > 0;
  });
  return { more, meta: next };
}

/** Run rounds until nothing is left to push (at most a few), and say how it went. */
export async function syncOnce(deps: SyncDeps): Promise<SyncStatus> {
  const conn = await readConnection();
  const token = await deps.secrets.get(TOKEN);
  const previous = await readStatus();
  if (!conn || !token) return { state: 'solo' };
  let meta = await readMeta();
  if (meta.url !== conn.url) meta = await attachTo(conn.url, meta);
  try {
    await uploadPeople(deps, conn.url, token);
    for (let i = 0; i < 4; i++) {
      const r = await round(deps, conn.url, token, meta);
      meta = r.meta;
      if (!r.more) break;
    }
    return { state: 'synced', lastSyncAt: (deps.now?.() ?? new Date()).toISOString(), failures: 0 };
  } catch (e) {
    const failures = (previous.failures ?? 0) + 1;
    const keep = previous.lastSyncAt ? { lastSyncAt: previous.lastSyncAt } : {};
    if (e instanceof ApiFailure) {
      if (e.kind === 'network') return { state: 'offline', failures, message: e.message, ...keep };
      if (e.status === 401) return { state: 'unauthorized', failures, message: e.message, ...keep };
      if (e.status === 403) return { state: 'forbidden', failures, message: e.message, ...keep };
      return {
        state: e.status === 429 || e.status >= 500 ? 'offline' : 'error',
        failures,
        message: e.message,
        ...keep,
      };
    }
    return { state: 'error', failures, message: e instanceof Error ? e.message : String(e), ...keep };
  }
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … up to 5 min, each between half and all of it. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const cap = 5 * 60_000;
  const exp = Math.min(cap, 2_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.5 + random() * 0.5));
}

export const ALARM_SYNC = 'tandem-sync';
export const ALARM_RETRY = 'tandem-sync-retry';

/** The loop: one round at a time; a request during a round runs another right after. */
export function createSyncLoop(deps: SyncDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let editTimer: ReturnType<typeof setTimeout> | null = null;

  const setStatus = (s: SyncStatus) => writeKey(KEYS.status, s);

  async function runOnce(): Promise<void> {
    const before = await readStatus();
    const conn = await readConnection();
    if (conn) await setStatus({ ...before, state: 'syncing' });
    const status = await syncOnce(deps);
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    await browser.alarms?.clear(ALARM_RETRY).catch(() => false);
    const retryable = status.state === 'offline' || status.state === 'error';
    if (retryable) {
      const wait = backoffMs(status.failures ?? 1, deps.random);
      status.nextAt = new Date(Date.now() + wait).toISOString();
      // Short waits in this worker; long ones by alarm, which survives the worker going to sleep.
      if (wait <= 25_000) retryTimer = setTimeout(() => void run(), wait);
      else browser.alarms?.create(ALARM_RETRY, { when: Date.now() + wait });
    }
    await setStatus(status);
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again);
      } catch (e) {
        console.error('Tandem: sync failed', e);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    run,
    /** A local edit was stored: sync soon (debounced so typing is one round, not many). */
    changed(delayMs = 1_000) {
      if (editTimer) clearTimeout(editTimer);
      editTimer = setTimeout(() => {
        editTimer = null;
        void run();
      }, delayMs);
    },
    /** The periodic alarm: skip while a backoff wait is pending. */
    async tick() {
      const st = await readStatus();
      if (st.nextAt && Date.parse(st.nextAt) > Date.now()) return;
      await run();
    },
  };
}

export type SyncLoop = ReturnType<typeof createSyncLoop>;
export type { Entry };
