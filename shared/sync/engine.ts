/**
 * The local side of the sync protocol (DESIGN §4 "Sync"), as pure functions over the local
 * entries: which records a push carries, what its results and the pull do to the local copy.
 * The background's sync client does the I/O around these; tests drive them directly.
 *
 * Every local record is an `Entry`: the record as the manager sees it (`data`), the server's
 * version it was edited from (`base`, `baseVersion`), a local edit counter (`rev`) and the counter
 * the server has acknowledged (`syncedRev`). `rev > syncedRev` means "edited since last synced".
 */
import type { ActionItem, Cycle, Employee, PulledDelete, Session, SyncResult } from '../schemas';
import { type FieldConflict, mergeRecords } from './merge';

export type RecordType = 'session' | 'actionItem';
export type RecordOf<T extends RecordType> = T extends 'session' ? Session : ActionItem;
export type AnyRecord = Session | ActionItem;

export interface EntryConflict<T = AnyRecord> {
  /** The server's record when the conflict was found (null: deleted on the server). */
  server: T | null;
  /** The server's version; resolving pushes with it as the base. */
  version: number;
  fields: FieldConflict[];
  at: string;
}

/** Panel-only details of a record that never go to the service. */
export interface LocalMeta {
  /** Planned length of the talk in minutes (the booking check, the stage timer). */
  plannedMinutes?: number;
  /** The manager ticked "self-assessment asked for" in the booking check. */
  selfAssessmentAsked?: boolean;
  /** The step the manager was on in the talk. */
  currentStep?: number;
  /**
   * What the panel filled in from calls seen on meeting pages (`tandem:calls` ids and the
   * `startedAt`/`endedAt` it wrote); a value the manager has changed since is never touched.
   */
  fromCall?: { ids: string[]; startedAt?: string; endedAt?: string };
  /** When the manager made the record here: keeps lists in the order things were added. */
  createdAt?: string;
}

export interface Entry<T = AnyRecord> {
  type: RecordType;
  id: string;
  data: T;
  base: T | null;
  baseVersion: number;
  rev: number;
  syncedRev: number;
  /** Deleted here; the delete is pending. */
  deleted?: boolean;
  conflict?: EntryConflict<T>;
  /**
   * The service refused the record at `rev`: shown to the manager and held out of pushes until
   * they edit it (which retries it) or drop the change.
   */
  rejected?: { code: string; message: string; rev: number };
  local?: LocalMeta;
}

export const entryKey = (type: RecordType, id: string) => `${type}:${id}`;

export function isDirty(e: Entry): boolean {
  return e.rev > e.syncedRev;
}

/** A new local record, never synced. */
export function newEntry<T extends AnyRecord>(type: RecordType, data: T, local?: LocalMeta): Entry<T> {
  return {
    type,
    id: data.id,
    data,
    base: null,
    baseVersion: 0,
    rev: 1,
    syncedRev: 0,
    ...(local ? { local } : {}),
  };
}

/** A record as the server sent it: clean. */
export function serverEntry<T extends AnyRecord>(type: RecordType, data: T): Entry<T> {
  return { type, id: data.id, data, base: data, baseVersion: data.version ?? 0, rev: 0, syncedRev: 0 };
}

/** Strip what the wire contract does not know and drop null/undefined optionals. */
export function wireRecord<T extends AnyRecord>(data: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined || v === null || k === 'version' || k === 'updatedAt') continue;
    out[k] = v;
  }
  return out as T;
}

export interface PushPlan {
  sessions: (Session & { baseVersion: number })[];
  actionItems: (ActionItem & { baseVersion: number })[];
  deletes: { type: RecordType; id: string; baseVersion: number }[];
  /** What was pushed, by entry key: the rev and the record, to apply results against. */
  pushed: Map<string, { rev: number; data: AnyRecord | null }>;
  /** Dirty entries left out of this push, and why. */
  held: Map<string, string>;
}

export interface PlanOptions {
  /** Whether a session may go now (its employee is known to the service). */
  employeeReady?: (employeeId: string) => boolean;
  /** Validate a record for the wire; return a reason to hold it back. */
  validate?: (type: RecordType, record: AnyRecord & { baseVersion: number }) => string | null;
  /** At most this many records per push. */
  limit?: number;
}

/** The push for the dirty entries that can go now. */
export function planPush(entries: Iterable<Entry>, opts: PlanOptions = {}): PushPlan {
  const plan: PushPlan = { sessions: [], actionItems: [], deletes: [], pushed: new Map(), held: new Map() };
  const limit = opts.limit ?? 500;
  const list = [...entries];
  const sessionHeld = new Set<string>();
  const liveSessions = new Set<string>();
  for (const e of list) if (e.type === 'session' && !e.deleted) liveSessions.add(e.id);
  let count = 0;
  // Sessions first: new action items need their session on the server.
  const ordered = [...list].sort((a, b) => (a.type === b.type ? 0 : a.type === 'session' ? -1 : 1));
  for (const e of ordered) {
    const key = entryKey(e.type, e.id);
    if (!isDirty(e)) continue;
    if (e.conflict) {
      plan.held.set(key, 'conflict');
      if (e.type === 'session') sessionHeld.add(e.id);
      continue;
    }
    if (e.rejected && e.rejected.rev >= e.rev) {
      // Refused as it stands: held until the manager edits it (or drops the change), so a push
      // the service refuses is never sent again and again.
      plan.held.set(key, 'refused');
      if (e.type === 'session') sessionHeld.add(e.id);
      continue;
    }
    if (count >= limit) {
      plan.held.set(key, 'later');
      continue;
    }
    if (e.deleted) {
      if (e.baseVersion === 0) continue; // never reached the server: nothing to delete there
      plan.deletes.push({ type: e.type, id: e.id, baseVersion: e.baseVersion });
      plan.pushed.set(key, { rev: e.rev, data: null });
      count++;
      continue;
    }
    const record = { ...wireRecord(e.data), baseVersion: e.baseVersion };
    if (e.type === 'session') {
      const s = record as Session & { baseVersion: number };
      if (opts.employeeReady && !opts.employeeReady(s.employeeId)) {
        plan.held.set(key, 'employee');
        sessionHeld.add(e.id);
        continue;
      }
    } else {
      const a = record as ActionItem & { baseVersion: number };
      if (sessionHeld.has(a.sessionId) || !liveSessions.has(a.sessionId)) {
        plan.held.set(key, 'session');
        continue;
      }
    }
    const invalid = opts.validate?.(e.type, record);
    if (invalid) {
      plan.held.set(key, invalid);
      if (e.type === 'session') sessionHeld.add(e.id);
      continue;
    }
    if (e.type === 'session') plan.sessions.push(record as Session & { baseVersion: number });
    else plan.actionItems.push(record as ActionItem & { baseVersion: number });
    plan.pushed.set(key, { rev: e.rev, data: e.data });
    count++;
  }
  // An action item whose session was held after it was planned must wait too.
  plan.actionItems = plan.actionItems.filter((a) => {
    if (!sessionHeld.has(a.sessionId)) return true;
    const key = entryKey('actionItem', a.id);
    plan.pushed.delete(key);
    plan.held.set(key, 'session');
    return false;
  });
  return plan;
}

/** Merge a newer server record into a local entry that has its own edits. */
function mergeInto(e: Entry, server: AnyRecord, version: number, now: string): void {
  const { merged, conflicts } = mergeRecords(e.base, e.data, server);
  if (conflicts.length === 0) {
    e.data = merged;
    e.base = server;
    e.baseVersion = version;
    delete e.conflict;
    // The merged record differs from the server's when local edits survive: push it.
    e.rev = Math.max(e.rev, e.syncedRev) + 1;
  } else {
    e.data = merged;
    e.conflict = { server, version, fields: conflicts, at: now };
  }
}

export interface ApplyOutcome {
  /** Entries that changed (write them). */
  changed: Set<string>;
  /** Entries to remove. */
  removed: Set<string>;
}

/** Apply a push's results to the entries (re-read after the push: edits made meanwhile survive). */
export function applyResults(
  entries: Map<string, Entry>,
  pushed: PushPlan['pushed'],
  results: readonly SyncResult[],
  now: string,
): ApplyOutcome {
  const out: ApplyOutcome = { changed: new Set(), removed: new Set() };
  for (const r of results) {
    const key = entryKey(r.type, r.id);
    const sent = pushed.get(key);
    const e = entries.get(key);
    if (!sent || !e) continue;
    if (r.status === 'applied') {
      if (sent.data === null) {
        if (e.deleted) {
          entries.delete(key);
          out.removed.add(key);
        }
        continue;
      }
      e.base = { ...sent.data, version: r.version } as AnyRecord;
      e.baseVersion = r.version;
      e.data = { ...e.data, version: r.version } as AnyRecord;
      e.syncedRev = Math.max(e.syncedRev, sent.rev);
      delete e.rejected;
    } else if (r.status === 'conflict') {
      const server = (r.server ?? null) as AnyRecord | null;
      if (sent.data === null) {
        // Deleted here, changed there: the change wins and the record comes back.
        if (server) {
          Object.assign(e, serverEntry(e.type, server));
          delete e.deleted;
        } else {
          entries.delete(key);
          out.removed.add(key);
          continue;
        }
      } else if (!server) {
        e.conflict = { server: null, version: r.version, fields: [], at: now };
      } else {
        mergeInto(e, server, r.version, now);
      }
    } else {
      e.rejected = { code: r.error?.code ?? 'rejected', message: r.error?.message ?? '', rev: sent.rev };
      e.syncedRev = Math.max(e.syncedRev, sent.rev);
    }
    out.changed.add(key);
  }
  return out;
}

/** One problem the service named in a refused push (`push.sessions.0.cycleId`). */
export type PushProblem = { path: string; message: string };

const PUSH_PATH = /^push\.(sessions|actionItems|deletes)\.(\d+)(?:\.(.+))?$/;

/**
 * Which pushed records a refused push (a 400) was about, by entry key, with what to tell the
 * manager. Problems that name no record refuse every record in the push: whatever the service
 * will not take is set aside rather than sent for ever. An action item refused only because its
 * session was refused is left alone: it waits for its session (`planPush`).
 */
export function refusedRecords(
  plan: Pick<PushPlan, 'sessions' | 'actionItems' | 'deletes'>,
  problems: readonly PushProblem[],
  code: string,
  fallback: string,
): Map<string, { code: string; message: string }> {
  const out = new Map<string, { code: string; message: string }>();
  const add = (key: string, message: string) => {
    const before = out.get(key);
    out.set(key, { code, message: before ? `${before.message}; ${message}` : message });
  };
  const keyAt = (kind: string, i: number): string | undefined => {
    if (kind === 'sessions') return plan.sessions[i] && entryKey('session', plan.sessions[i]!.id);
    if (kind === 'actionItems') return plan.actionItems[i] && entryKey('actionItem', plan.actionItems[i]!.id);
    const d = plan.deletes[i];
    return d && entryKey(d.type, d.id);
  };
  for (const p of problems) {
    const m = PUSH_PATH.exec(p.path);
    const key = m ? keyAt(m[1]!, Number(m[2])) : undefined;
    if (key) add(key, m![3] ? `${m![3]}: ${p.message}` : p.message);
  }
  if (out.size === 0) {
    for (const s of plan.sessions) add(entryKey('session', s.id), fallback);
    for (const a of plan.actionItems) add(entryKey('actionItem', a.id), fallback);
    for (const d of plan.deletes) add(entryKey(d.type, d.id), fallback);
  }
  const refusedSessions = new Set([...out.keys()].filter((k) => k.startsWith('session:')));
  for (const a of plan.actionItems) {
    const key = entryKey('actionItem', a.id);
    const only = out.get(key)?.message.startsWith('sessionId:') && !out.get(key)?.message.includes('; ');
    if (only && refusedSessions.has(entryKey('session', a.sessionId))) out.delete(key);
  }
  return out;
}

/** Marks refused records (see `refusedRecords`) at the rev that was pushed. */
export function applyRefusals(
  entries: Map<string, Entry>,
  pushed: PushPlan['pushed'],
  refused: ReadonlyMap<string, { code: string; message: string }>,
): Set<string> {
  const changed = new Set<string>();
  for (const [key, r] of refused) {
    const e = entries.get(key);
    const sent = pushed.get(key);
    if (!e || !sent) continue;
    e.rejected = { code: r.code, message: r.message, rev: sent.rev };
    changed.add(key);
  }
  return changed;
}

export interface Pull {
  sessions: Session[];
  actionItems: ActionItem[];
  deletes: PulledDelete[];
}

/**
 * Apply a pull. `snapshot` (no cursor was sent): records the server no longer has, that were
 * synced before and have no local edits, are removed.
 */
export function applyPull(
  entries: Map<string, Entry>,
  pull: Pull,
  snapshot: boolean,
  now: string,
): ApplyOutcome {
  const out: ApplyOutcome = { changed: new Set(), removed: new Set() };
  const seen = new Set<string>();
  const take = (type: RecordType, r: AnyRecord) => {
    const key = entryKey(type, r.id);
    seen.add(key);
    const version = r.version ?? 0;
    const e = entries.get(key);
    if (!e) {
      entries.set(key, serverEntry(type, r));
      out.changed.add(key);
      return;
    }
    if (version <= e.baseVersion && !(e.conflict && version > e.conflict.version)) return;
    if (e.deleted && isDirty(e)) {
      Object.assign(e, serverEntry(type, r));
      delete e.deleted;
    } else if (!isDirty(e) && !e.conflict) {
      e.data = r;
      e.base = r;
      e.baseVersion = version;
    } else {
      mergeInto(e, r, version, now);
    }
    out.changed.add(key);
  };
  for (const s of pull.sessions) take('session', s);
  for (const a of pull.actionItems) take('actionItem', a);
  for (const d of pull.deletes) {
    const key = entryKey(d.type, d.id);
    const e = entries.get(key);
    if (!e) continue;
    if (isDirty(e) && !e.deleted) {
      e.conflict = { server: null, version: d.version, fields: [], at: now };
      out.changed.add(key);
    } else {
      entries.delete(key);
      out.removed.add(key);
    }
  }
  if (snapshot) {
    for (const [key, e] of entries) {
      if (seen.has(key) || e.baseVersion === 0 || isDirty(e) || e.conflict) continue;
      entries.delete(key);
      out.removed.add(key);
    }
  }
  return out;
}

/** Forget everything the previous service knew (another service URL): every record goes up again. */
export function detach(e: Entry): Entry {
  const { conflict: _c, rejected: _r, ...rest } = e;
  const data = { ...e.data } as AnyRecord & { version?: number };
  delete data.version;
  return { ...rest, data, base: null, baseVersion: 0, rev: Math.max(e.rev, 1), syncedRev: 0 };
}

export interface LocalPerson {
  id: string;
  name: string;
  email: string;
  department?: string | null;
  /** On the service (added there, or found in the roster). */
  uploaded?: boolean;
  /** Why the service would not take it. */
  error?: string;
}

export interface People {
  /** The team as the service knows it (from the last pull). */
  server: Employee[];
  /** People added in this browser. */
  local: LocalPerson[];
}

export interface RosterPerson {
  id: string;
  name: string;
  email: string | null;
  department: string | null;
  left: boolean;
  pending: boolean;
}

/** One list for pickers: the service's team, then people added here that it does not know yet. */
export function roster(people: People): RosterPerson[] {
  const out: RosterPerson[] = people.server.map((e) => ({
    id: e.id,
    name: e.name,
    email: e.email,
    department: e.department ?? null,
    left: e.status === 'left',
    pending: false,
  }));
  for (const p of people.local) {
    if (out.some((x) => x.id === p.id)) continue;
    out.push({
      id: p.id,
      name: p.name,
      email: p.email,
      department: p.department ?? null,
      left: false,
      pending: !p.uploaded,
    });
  }
  return out;
}

/** Point sessions of one person at another id (a person added here turned out to exist on the service). */
export function remapEmployee(entries: Map<string, Entry>, from: string, to: string): Set<string> {
  const changed = new Set<string>();
  for (const [key, e] of entries) {
    if (e.type !== 'session') continue;
    const s = e.data as Session;
    if (s.employeeId !== from) continue;
    e.data = { ...s, employeeId: to };
    e.rev = Math.max(e.rev, e.syncedRev) + 1;
    changed.add(key);
  }
  return changed;
}

export type { Cycle, Employee };
