/**
 * The in-memory core of the embedded store: collections of frozen rows, serialized write
 * transactions and a change sequence. The lowdb adapter wraps it with a journal and snapshots;
 * on its own (no `persist`) it keeps nothing across restarts and is meant for tests of pure
 * route logic only.
 */
import { randomUUID } from 'node:crypto';
import {
  COLLECTIONS,
  type CollectionName,
  type Collections,
  type ReadTx,
  type Store,
  type Where,
  type WriteTx,
} from './types';

/** One change inside a committed transaction; what a journal line holds. */
export type Op =
  | { op: 'put'; c: CollectionName; row: { id: string } }
  | { op: 'remove'; c: CollectionName; id: string };

export type MemoryState = {
  storeId: string;
  seq: number;
  collections: { [C in CollectionName]: Map<string, Collections[C]> };
};

export function emptyState(storeId: string = randomUUID()): MemoryState {
  const collections = Object.fromEntries(
    COLLECTIONS.map((c) => [c, new Map()]),
  ) as MemoryState['collections'];
  return { storeId, seq: 0, collections };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Applies committed ops to the state; also used to replay a journal at start. */
export function applyOps(state: MemoryState, ops: readonly Op[], seq?: number): void {
  for (const o of ops) {
    const map = state.collections[o.c] as Map<string, unknown>;
    if (o.op === 'put') map.set(o.row.id, deepFreeze(o.row));
    else map.delete(o.id);
  }
  if (seq !== undefined && seq > state.seq) state.seq = seq;
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

export type MemoryStoreOptions = {
  state?: MemoryState;
  kind?: Store['kind'];
  location?: string;
  /**
   * Makes a transaction's ops durable before they become visible. Called one transaction at a
   * time, in commit order, with the transaction's last seq.
   */
  persist?: (ops: Op[], seq: number) => Promise<void>;
  onClose?: () => Promise<void>;
};

export function createMemoryStore(options: MemoryStoreOptions = {}): Store & { state: MemoryState } {
  const state = options.state ?? emptyState();
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;

  const reader = (overlay?: Map<CollectionName, Map<string, unknown>>, seqOf?: () => number): ReadTx => {
    const lookup = <C extends CollectionName>(c: C, id: string): Collections[C] | undefined => {
      const o = overlay?.get(c)?.get(id);
      if (o === REMOVED) return undefined;
      if (o !== undefined) return o as Collections[C];
      return state.collections[c].get(id) as Collections[C] | undefined;
    };
    const rows = <C extends CollectionName>(c: C): Collections[C][] => {
      const o = overlay?.get(c);
      if (!o || o.size === 0) return [...state.collections[c].values()] as Collections[C][];
      const out: Collections[C][] = [];
      for (const [id, row] of state.collections[c]) if (!o.has(id)) out.push(row as Collections[C]);
      for (const row of o.values()) if (row !== REMOVED) out.push(row as Collections[C]);
      return out;
    };
    return {
      get: async (c, id) => lookup(c, id),
      find: async (c, where) =>
        rows(c).filter((r) => matches(r as Record<string, unknown>, where as Record<string, unknown>)),
      changes: async (c, afterSeq, ownerId) =>
        rows(c)
          .filter((r) => r.seq > afterSeq && (ownerId === undefined || r.ownerId === ownerId))
          .sort((a, b) => a.seq - b.seq),
      currentSeq: async () => (seqOf ? seqOf() : state.seq),
    };
  };

  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new Error('store is closed'));
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  }

  return {
    kind: options.kind ?? 'lowdb',
    location: options.location ?? '(memory)',
    storeId: state.storeId,
    state,
    // Reads queue behind writes so that they only ever see durable data.
    read: (fn) => serialized(() => fn(reader())),
    write: (fn) =>
      serialized(async () => {
        const overlay = new Map<CollectionName, Map<string, unknown>>();
        const ops: Op[] = [];
        let seq = state.seq;
        const base = reader(overlay, () => seq);
        const tx: WriteTx = {
          ...base,
          put: async (c, row) => {
            const frozen = deepFreeze(structuredClone(row));
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
        if (ops.length > 0 || seq !== state.seq) {
          if (options.persist) await options.persist(ops, seq);
          applyOps(state, ops, seq);
        }
        return result;
      }),
    close: async () => {
      if (closed) return;
      await tail;
      closed = true;
      await options.onClose?.();
    },
  };
}
