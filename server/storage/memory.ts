/**
 * The in-memory core of the embedded store: collections of frozen rows, serialized write
 * transactions and a change sequence. The lowdb adapter wraps it with a journal and snapshots;
 * on its own (no `persist`) it keeps nothing across restarts and is meant for tests of pure
 * route logic only.
 *
 * Three layers of data:
 * - the durable state (`state`): what reads see; changed only when a transaction is durable;
 * - the pending layer: transactions committed (their ops handed to `persist`) but not yet durable.
 *   Only write transactions see it, so that each write builds on the one before it while that
 *   one is still being made durable (this is what lets the journal share one fsync between
 *   several writers: group commit);
 * - a write transaction's own overlay, discarded if its function throws.
 *
 * Guarantees:
 * - a write is acknowledged (its promise resolves) only after it and every transaction committed
 *   before it are durable, in commit order; a write that changed nothing still waits for the
 *   transactions it could have seen, so nothing it returns can be lost;
 * - `read()` sees only durable data, as one consistent snapshot for its whole duration (a
 *   transaction made durable while a read runs stays invisible to that read: an undo layer keeps
 *   the rows as they were), so a sync pull can never skip a change nor see one that could be lost;
 * - a failed `persist` is fatal: every waiting write fails and the store refuses further writes
 *   (reads still see the durable state), never a silent divergence between memory and disk.
 */
import { randomUUID } from 'node:crypto';
import { StateIndex } from './memory-index';
import {
  COLLECTIONS,
  type CollectionName,
  type Collections,
  type ReadTx,
  type Store,
  type WriteTx,
} from './types';

/** One change inside a committed transaction; what a journal line holds. */
export type Op =
  | { op: 'put'; c: CollectionName; row: { id: string } }
  | { op: 'remove'; c: CollectionName; id: string };

export type MemoryState = {
  storeId: string;
  /** The highest change sequence applied. */
  seq: number;
  /** How many write transactions that changed something were applied: the journal's line number. */
  lsn: number;
  collections: { [C in CollectionName]: Map<string, Collections[C]> };
};

export function emptyState(storeId: string = randomUUID()): MemoryState {
  const collections = Object.fromEntries(
    COLLECTIONS.map((c) => [c, new Map()]),
  ) as MemoryState['collections'];
  return { storeId, seq: 0, lsn: 0, collections };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Applies committed ops to the state; also used to replay a journal at start (without `index`:
 * the store builds its indexes from the replayed state when it opens).
 */
export function applyOps(
  state: MemoryState,
  ops: readonly Op[],
  seq?: number,
  lsn?: number,
  index?: StateIndex,
): void {
  for (const o of ops) {
    const map = state.collections[o.c] as Map<string, unknown>;
    const id = o.op === 'put' ? o.row.id : o.id;
    const row = o.op === 'put' ? deepFreeze(o.row) : undefined;
    index?.replace(o.c, map.get(id), row);
    if (row) map.set(id, row);
    else map.delete(id);
  }
  if (seq !== undefined && seq > state.seq) state.seq = seq;
  if (lsn !== undefined && lsn > state.lsn) state.lsn = lsn;
}

function matches(row: Record<string, unknown>, where: Record<string, unknown> | undefined): boolean {
  if (!where) return true;
  for (const [k, v] of Object.entries(where)) {
    if (v === undefined) continue;
    const actual = row[k] ?? null;
    if (actual !== v) return false;
  }
  return true;
}

const REMOVED = Symbol('removed');

/** Rows that differ from the layer below: id → row, or REMOVED. */
type Fix = Map<string, unknown>;

function lookupIn(base: Map<string, unknown>, fixes: readonly (Fix | undefined)[], id: string): unknown {
  for (const f of fixes) {
    if (f?.has(id)) {
      const v = f.get(id);
      return v === REMOVED ? undefined : v;
    }
  }
  return base.get(id);
}

/**
 * The rows of `ids` (durable candidates from an index) and of every id the fixes hold, as the
 * fixes show them: the rows an index lookup must consider for a read that sees other versions.
 */
function rowsOf(
  base: Map<string, unknown>,
  fixes: readonly (Fix | undefined)[],
  ids: Iterable<string>,
): Record<string, unknown>[] {
  const seen = new Set<string>(ids);
  for (const f of fixes) if (f) for (const id of f.keys()) seen.add(id);
  const out: Record<string, unknown>[] = [];
  for (const id of seen) {
    const row = lookupIn(base, fixes, id);
    if (row !== undefined) out.push(row as Record<string, unknown>);
  }
  return out;
}

/** Every row of `base` as changed by `fixes` (the first fix that has an id wins). */
function rowsIn(base: Map<string, unknown>, fixes: readonly (Fix | undefined)[]): unknown[] {
  const live = fixes.filter((f): f is Fix => f !== undefined && f.size > 0);
  if (live.length === 0) return [...base.values()];
  let merged: Fix;
  if (live.length === 1) merged = live[0]!;
  else {
    merged = new Map();
    for (const f of live) for (const [id, v] of f) if (!merged.has(id)) merged.set(id, v);
  }
  const out: unknown[] = [];
  for (const [id, row] of base) if (!merged.has(id)) out.push(row);
  for (const v of merged.values()) if (v !== REMOVED) out.push(v);
  return out;
}

/** A copy that is exactly what a JSON journal or a JSON column would give back after a restart. */
function jsonClone<T>(row: T): T {
  const text = JSON.stringify(row);
  if (text === undefined) throw new TypeError('a stored row must be a JSON object');
  return JSON.parse(text) as T;
}

/** Raised for every write once persisting failed; the service must be restarted. */
export class StoreFailedError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `The store could not make a write durable (${reason}); it refuses further writes so that memory and ` +
        'disk cannot diverge. Acknowledged writes are safe on disk. Fix the cause (disk full? permissions?) ' +
        'and restart the service.',
      { cause },
    );
    this.name = 'StoreFailedError';
  }
}

export type MemoryStoreOptions = {
  state?: MemoryState;
  kind?: Store['kind'];
  location?: string;
  /**
   * Makes a transaction's ops durable. Called synchronously in commit order, one call per
   * transaction that changed something, with the transaction's last seq and its lsn; it must take
   * the ops at once (e.g. queue them) and return a promise that resolves once they are durable.
   * The write lock is released as soon as it returns, so the next transaction can be prepared
   * while this one is made durable. A rejection is fatal for the store.
   */
  persist?: (ops: Op[], seq: number, lsn: number) => Promise<void>;
  onClose?: () => Promise<void>;
};

type Entry = {
  lsn: number;
  seq: number;
  ops: Op[];
  done: boolean;
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
};

type Reader = { epoch: number; seq: number };

/** Rows as they were before transaction `lsn`, kept while a read older than it is running. */
type UndoLayer = { lsn: number; changes: Map<CollectionName, Fix> };

export type MemoryStore = Store & {
  /** The durable state (what reads see). */
  state: MemoryState;
  /** Resolves once every transaction committed so far is durable (rejects if the store failed). */
  settled(): Promise<void>;
  /** The error that made the store refuse writes, if any. */
  failure(): Error | undefined;
};

export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const state = options.state ?? emptyState();
  let lock: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | undefined;
  let closed = false;
  let fatal: StoreFailedError | undefined;

  // Committed, not yet durable: visible to write transactions only.
  const pending = new Map<CollectionName, Fix>();
  const pendingOwner = new Map<string, number>(); // `${c}\0${id}` → lsn of the last tx that wrote it
  let committedSeq = state.seq;
  let committedLsn = state.lsn;
  const queue: Entry[] = [];

  const readers = new Set<Reader>();
  let undo: UndoLayer[] = [];
  // Of the durable state; reads that see other versions add the ids their layers hold (rowsOf).
  const index = new StateIndex(state.collections);

  const makeReader = (fixesOf: (c: CollectionName) => (Fix | undefined)[], seqOf: () => number): ReadTx => {
    const base = (c: CollectionName) => state.collections[c] as Map<string, unknown>;
    return {
      get: async (c, id) => lookupIn(base(c), fixesOf(c), id) as Collections[typeof c] | undefined,
      find: async (c, where) => {
        const w = where as Record<string, unknown> | undefined;
        const ids = index.candidates(c, w);
        const rows = ids ? rowsOf(base(c), fixesOf(c), ids) : rowsIn(base(c), fixesOf(c));
        return rows.filter((r) => matches(r as Record<string, unknown>, w)) as Collections[typeof c][];
      },
      changes: async (c, afterSeq, ownerId) => {
        if (Number.isNaN(afterSeq) || afterSeq === Number.POSITIVE_INFINITY) return [];
        const rows = rowsOf(
          base(c),
          fixesOf(c),
          index.changedAfter(c, afterSeq, ownerId),
        ) as Collections[typeof c][];
        return rows
          .filter((r) => r.seq > afterSeq && (ownerId === undefined || r.ownerId === ownerId))
          .sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      },
      currentSeq: async () => seqOf(),
    };
  };

  function applyDurable(entry: Entry): void {
    if (readers.size > 0) {
      // Keep the rows as they were for the reads that started before this transaction.
      const changes = new Map<CollectionName, Fix>();
      for (const o of entry.ops) {
        const id = o.op === 'put' ? o.row.id : o.id;
        let m = changes.get(o.c);
        if (!m) {
          m = new Map();
          changes.set(o.c, m);
        }
        if (!m.has(id)) m.set(id, (state.collections[o.c] as Map<string, unknown>).get(id) ?? REMOVED);
      }
      undo.push({ lsn: entry.lsn, changes });
    }
    applyOps(state, entry.ops, entry.seq, entry.lsn, index);
    for (const o of entry.ops) {
      const id = o.op === 'put' ? o.row.id : o.id;
      const key = `${o.c}\0${id}`;
      if (pendingOwner.get(key) === entry.lsn) {
        pendingOwner.delete(key);
        pending.get(o.c)?.delete(id);
      }
    }
  }

  function drain(): void {
    while (queue.length > 0 && queue[0]!.done) {
      const entry = queue.shift()!;
      applyDurable(entry);
      entry.resolve();
    }
  }

  function fail(cause: unknown): void {
    if (!fatal) fatal = cause instanceof StoreFailedError ? cause : new StoreFailedError(cause);
    for (const entry of queue.splice(0)) entry.reject(fatal);
  }

  function forgetUndo(): void {
    if (readers.size === 0) {
      undo = [];
      return;
    }
    let oldest = Number.POSITIVE_INFINITY;
    for (const r of readers) oldest = Math.min(oldest, r.epoch);
    if (undo.length > 0 && undo[0]!.lsn <= oldest) undo = undo.filter((l) => l.lsn > oldest);
  }

  function lastCommitted(): Promise<void> {
    if (fatal) return Promise.reject(fatal);
    return queue.length > 0 ? queue[queue.length - 1]!.promise : Promise.resolve();
  }

  async function prepare<T>(fn: (tx: WriteTx) => Promise<T>): Promise<{ result: T; durable: Promise<void> }> {
    if (fatal) throw fatal;
    const overlay = new Map<CollectionName, Fix>();
    const ops: Op[] = [];
    const startSeq = committedSeq;
    let seq = startSeq;
    const base = makeReader(
      (c) => [overlay.get(c), pending.get(c)],
      () => seq,
    );
    const tx: WriteTx = {
      ...base,
      put: async (c, row) => {
        if (!row || typeof row.id !== 'string') throw new TypeError(`put(${c}): a row needs a string id`);
        const frozen = deepFreeze(jsonClone(row));
        if (!overlay.has(c)) overlay.set(c, new Map());
        overlay.get(c)!.set(frozen.id, frozen);
        ops.push({ op: 'put', c, row: frozen });
      },
      remove: async (c, id) => {
        if (!overlay.has(c)) overlay.set(c, new Map());
        overlay.get(c)!.set(id, REMOVED);
        ops.push({ op: 'remove', c, id });
      },
      nextSeq: async () => ++seq,
    };
    const result = await fn(tx);
    if (fatal) throw fatal;
    if (ops.length === 0 && seq === startSeq) return { result, durable: lastCommitted() };

    // Commit: from here to the end, nothing awaits, so commit order is queue order.
    const lsn = ++committedLsn;
    committedSeq = seq;
    for (const [c, fix] of overlay) {
      let p = pending.get(c);
      if (!p) {
        p = new Map();
        pending.set(c, p);
      }
      for (const [id, v] of fix) {
        p.set(id, v);
        pendingOwner.set(`${c}\0${id}`, lsn);
      }
    }
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => {}); // the writer awaits it; this only silences the unhandled-rejection report
    const entry: Entry = { lsn, seq, ops, done: false, promise, resolve, reject };
    queue.push(entry);
    let persisted: Promise<void>;
    try {
      persisted = options.persist ? options.persist(ops, seq, lsn) : Promise.resolve();
    } catch (e) {
      persisted = Promise.reject(e);
    }
    persisted.then(
      () => {
        entry.done = true;
        drain();
      },
      (e: unknown) => fail(e),
    );
    return { result, durable: promise };
  }

  const settled = async (): Promise<void> => {
    await lock;
    await lastCommitted();
  };

  return {
    kind: options.kind ?? 'lowdb',
    location: options.location ?? '(memory)',
    storeId: state.storeId,
    state,
    settled,
    failure: () => fatal,
    read: async (fn) => {
      if (closed) throw new Error('store is closed');
      const reader: Reader = { epoch: state.lsn, seq: state.seq };
      readers.add(reader);
      try {
        return await fn(
          makeReader(
            (c) => {
              const fixes: (Fix | undefined)[] = [];
              for (const layer of undo) if (layer.lsn > reader.epoch) fixes.push(layer.changes.get(c));
              return fixes;
            },
            () => reader.seq,
          ),
        );
      } finally {
        readers.delete(reader);
        forgetUndo();
      }
    },
    write: async (fn) => {
      if (closing) throw new Error('store is closed');
      const run = lock.then(() => prepare(fn));
      lock = run.catch(() => {});
      const { result, durable } = await run;
      await durable;
      return result;
    },
    close: () => {
      closing ??= (async () => {
        await lock;
        await lastCommitted().catch(() => {});
        closed = true;
        await options.onClose?.();
      })();
      return closing;
    },
  };
}
