/**
 * The pure decisions of sync: given what is stored (or nothing), what a client pushed and who
 * the caller is, say whether the push is applied, a conflict or rejected, and what row to store.
 * No I/O here; `write.ts` fetches the inputs inside the write transaction and stores the result.
 */
import type { PushedActionItem, PushedDelete, PushedSession } from '../../shared/schemas';
import type { StoredActionItem, StoredSession, SyncMeta } from '../storage/types';

export type Rejection = { code: string; message: string };

/** A row ready to store except for `seq`, which the transaction assigns. */
export type Unsequenced<R> = Omit<R, 'seq'>;

export type Decision<R> =
  /** `row` absent: nothing to write (a retry of what is already stored, or no change). */
  | { status: 'applied'; version: number; row?: Unsequenced<R> }
  /** `server` is the current stored row, or null when it is a tombstone or missing. */
  | { status: 'conflict'; version: number; server: R | null }
  | { status: 'rejected'; version: 0; error: Rejection };

const META = new Set(['version', 'updatedAt', 'seq', 'ownerId', 'deleted', 'baseVersion']);

/** Canonical JSON of a record's content: meta dropped, null and missing treated alike, keys sorted. */
export function contentKey(value: unknown): string {
  const norm = (v: unknown, top: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => norm(x, false));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x === null || x === undefined || (top && META.has(k))) continue;
        out[k] = norm(x, false);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(norm(value, true));
}

export function sameContent(a: object, b: object): boolean {
  return contentKey(a) === contentKey(b);
}

function reject(code: string, message: string): Decision<never> {
  return { status: 'rejected', version: 0, error: { code, message } };
}

type Common<R extends SyncMeta> = {
  current: R | undefined;
  pushed: { baseVersion: number };
  callerId: string;
  now: string;
};

/** Version checks shared by both record types, once authorisation has passed. */
function decideVersion<R extends SyncMeta>(
  { current, pushed, callerId, now }: Common<R>,
  record: Omit<R, keyof SyncMeta>,
): Decision<R> {
  const stored = current?.version ?? 0;
  if (current && !current.deleted && sameContent(current, record)) {
    // A retried push (stored at baseVersion + 1) or an edit that changes nothing.
    if (current.version === pushed.baseVersion + 1 || current.version === pushed.baseVersion) {
      return { status: 'applied', version: current.version };
    }
  }
  if (pushed.baseVersion !== stored) {
    return { status: 'conflict', version: stored, server: current && !current.deleted ? current : null };
  }
  const row = { ...record, version: stored + 1, updatedAt: now, ownerId: callerId } as Unsequenced<R>;
  return { status: 'applied', version: stored + 1, row };
}

function strip<T extends object>(pushed: T): Record<string, unknown> {
  const {
    baseVersion: _b,
    version: _v,
    updatedAt: _u,
    ...record
  } = pushed as T & {
    baseVersion?: unknown;
    version?: unknown;
    updatedAt?: unknown;
  };
  return record;
}

export function decideSession(input: {
  current: StoredSession | undefined;
  pushed: PushedSession;
  callerId: string;
  /** Whether `pushed.employeeId` is one of the caller's reports or people they added. */
  inTeam: boolean;
  now: string;
}): Decision<StoredSession> {
  const { current, pushed, callerId, inTeam } = input;
  if (current && current.ownerId !== callerId) {
    return reject('not_owner', 'This session belongs to another manager.');
  }
  const keepsEmployee = current && !current.deleted && current.employeeId === pushed.employeeId;
  if (!inTeam && !keepsEmployee) {
    return reject('not_your_report', `Employee ${pushed.employeeId} is not one of your reports.`);
  }
  return decideVersion(input, strip(pushed) as Omit<StoredSession, keyof SyncMeta>);
}

export function decideActionItem(input: {
  current: StoredActionItem | undefined;
  pushed: PushedActionItem;
  callerId: string;
  /** The stored session `pushed.sessionId` names, if any. */
  session: StoredSession | undefined;
  now: string;
}): Decision<StoredActionItem> {
  const { current, pushed, callerId, session } = input;
  if (current && current.ownerId !== callerId) {
    return reject('not_owner', 'This action item belongs to another manager.');
  }
  if (!session || session.ownerId !== callerId) {
    return reject('not_your_session', `Session ${pushed.sessionId} is not one of your sessions.`);
  }
  if (session.deleted) return followIntoTombstone(input);
  return decideVersion(input, strip(pushed) as Omit<StoredActionItem, keyof SyncMeta>);
}

/**
 * An item pushed for a session deleted meanwhile (on another device, while this one was offline)
 * follows its session: it is stored as a tombstone with a fresh version, so the next pull removes
 * it from the device that pushed it. Not a conflict, and not bad input.
 */
function followIntoTombstone(input: {
  current: StoredActionItem | undefined;
  pushed: PushedActionItem;
  callerId: string;
  now: string;
}): Decision<StoredActionItem> {
  const { current, pushed, callerId, now } = input;
  const base: StoredActionItem =
    current ??
    ({
      id: pushed.id,
      sessionId: pushed.sessionId,
      version: 0,
      ownerId: callerId,
    } as StoredActionItem);
  const row = tombstone(base, now);
  return { status: 'applied', version: row.version, row };
}

/** Tombstones keep the id, the owner and the keys that place the record; content goes. */
export function tombstone<R extends StoredSession | StoredActionItem>(
  current: R,
  now: string,
): Unsequenced<R> {
  const keys =
    'sessionId' in current
      ? { sessionId: current.sessionId }
      : { employeeId: current.employeeId, cycleId: current.cycleId };
  return {
    id: current.id,
    ...keys,
    version: current.version + 1,
    updatedAt: now,
    ownerId: current.ownerId,
    deleted: true,
  } as unknown as Unsequenced<R>;
}

export function decideDelete<R extends StoredSession | StoredActionItem>(input: {
  current: R | undefined;
  /** `baseVersion` null: delete whatever version is stored (REST DELETE without If-Match). */
  pushed: { baseVersion: PushedDelete['baseVersion'] | null };
  callerId: string;
  now: string;
}): Decision<R> {
  const { current, pushed, callerId, now } = input;
  if (current && current.ownerId !== callerId) {
    return reject('not_owner', 'This record belongs to another manager.');
  }
  // Gone already, or never stored: what the client wants is true, so the delete is applied.
  if (!current) return { status: 'applied', version: 0 };
  if (current.deleted) return { status: 'applied', version: current.version };
  if (pushed.baseVersion !== null && pushed.baseVersion !== current.version) {
    return { status: 'conflict', version: current.version, server: current };
  }
  return { status: 'applied', version: current.version + 1, row: tombstone(current, now) };
}
