/**
 * Indexes of the embedded store's durable state (memory.ts), so that no request path scans a
 * collection:
 * - field indexes: value → ids, for the fields requests filter on (owner → records, employee →
 *   sessions, session → action items, a manager's reports, a user's pushes, …);
 * - change order: for sessions and action items, `(seq, id)` in seq order, per owner and for the
 *   whole collection, so "what changed for manager M since seq N" is a binary search plus the k
 *   rows returned. Tombstones are rows like any other, so they sit in the same order.
 *
 * The indexes describe the durable state only. Reads that see another version (a write's overlay
 * and the pending layer, a read's undo layers) union the index's answer with the ids those layers
 * hold and look every candidate up through them, so a snapshot read stays consistent with the
 * indexes (memory.ts). They are built from the state when the store opens (after journal replay)
 * and kept up to date by every durable apply; compaction does not change the state, so there is
 * nothing to rebuild then.
 */
import type { CollectionName } from './types';

/**
 * Fields with a value index, per collection (string values only; null/missing are not indexed).
 * `ownerId` of sessions and action items is answered from the per-owner change order, plus a
 * value index of the (unusual) rows that have no numeric seq.
 */
export const INDEXED: { readonly [C in CollectionName]?: readonly string[] } = {
  users: ['email', 'tokenHash', 'role'],
  employees: ['managerEmail', 'addedBy', 'email'],
  ratings: ['employeeId', 'cycleId'],
  sessions: ['ownerId', 'employeeId', 'cycleId'],
  actionItems: ['ownerId', 'sessionId'],
  surveys: ['tokenHash', 'sessionId', 'ownerId'],
  surveyResponses: ['surveyId', 'sessionId'],
  pushes: ['userId'],
};

/** Collections whose rows carry a change `seq` and an `ownerId`. */
export const SEQUENCED: readonly CollectionName[] = ['sessions', 'actionItems'];

type Row = Record<string, unknown> & { id: string };

/** `(seq, id)` pairs sorted by seq, then id. */
export class ChangeOrder {
  private seqs: number[] = [];
  private ids: string[] = [];

  /** An order from pairs in any order (one sort, for building at start). */
  static of(pairs: [number, string][]): ChangeOrder {
    pairs.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const o = new ChangeOrder();
    o.seqs = pairs.map((p) => p[0]);
    o.ids = pairs.map((p) => p[1]);
    return o;
  }

  get size(): number {
    return this.seqs.length;
  }

  /** The first position whose pair sorts after (seq, id); with id undefined, after every pair of seq. */
  private upper(seq: number, id?: string): number {
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.seqs[mid]!;
      if (s < seq || (s === seq && (id === undefined || this.ids[mid]! <= id))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(seq: number, id: string): void {
    const at = this.upper(seq, id);
    this.seqs.splice(at, 0, seq);
    this.ids.splice(at, 0, id);
  }

  delete(seq: number, id: string): void {
    const at = this.upper(seq, id) - 1;
    if (at >= 0 && this.seqs[at] === seq && this.ids[at] === id) {
      this.seqs.splice(at, 1);
      this.ids.splice(at, 1);
    }
  }

  /** Ids of the pairs with seq > `after`, in order. */
  idsAfter(after: number): string[] {
    return this.ids.slice(this.upper(after));
  }
}

/** value → the one id that has it, or the set of them (most values of a key like sessionId have few rows). */
type Values = Map<string, string | Set<string>>;

type CollectionIndex = {
  fields: Map<string, Values>;
  all?: ChangeOrder;
  byOwner?: Map<string, ChangeOrder>;
};

const seqOf = (row: Row): number | undefined =>
  typeof row.seq === 'number' && Number.isFinite(row.seq) ? row.seq : undefined;

export class StateIndex {
  private readonly by = new Map<CollectionName, CollectionIndex>();

  constructor(collections: { readonly [C in CollectionName]: ReadonlyMap<string, unknown> }) {
    for (const c of Object.keys(collections) as CollectionName[]) {
      const fields = new Map<string, Values>();
      for (const f of INDEXED[c] ?? []) fields.set(f, new Map());
      const ix: CollectionIndex = { fields };
      this.by.set(c, ix);
      const sequenced = SEQUENCED.includes(c);
      const all: [number, string][] = [];
      const byOwner = new Map<string, [number, string][]>();
      for (const value of collections[c].values()) {
        const row = value as Row;
        this.addFields(ix, row);
        const seq = seqOf(row);
        if (!sequenced || seq === undefined) continue;
        all.push([seq, row.id]);
        if (typeof row.ownerId === 'string') {
          let o = byOwner.get(row.ownerId);
          if (!o) {
            o = [];
            byOwner.set(row.ownerId, o);
          }
          o.push([seq, row.id]);
        }
      }
      if (sequenced) {
        ix.all = ChangeOrder.of(all);
        ix.byOwner = new Map([...byOwner].map(([owner, pairs]) => [owner, ChangeOrder.of(pairs)]));
      }
    }
  }

  /** Keeps the index in step with `map.set(row.id, row)` / `map.delete(id)`; call before the map changes. */
  replace(c: CollectionName, before: unknown, after: unknown): void {
    if (before) this.remove(c, before as Row);
    if (after) this.add(c, after as Row);
  }

  private add(c: CollectionName, row: Row): void {
    const ix = this.by.get(c)!;
    this.addFields(ix, row);
    this.addSeq(ix, row, seqOf(row));
  }

  private addFields(ix: CollectionIndex, row: Row): void {
    for (const [f, values] of ix.fields) {
      if (f === 'ownerId' && ix.byOwner && seqOf(row) !== undefined) continue;
      const v = row[f];
      if (typeof v !== 'string') continue;
      const ids = values.get(v);
      if (ids === undefined) values.set(v, row.id);
      else if (typeof ids === 'string') {
        if (ids !== row.id) values.set(v, new Set([ids, row.id]));
      } else ids.add(row.id);
    }
  }

  private addSeq(ix: CollectionIndex, row: Row, seq: number | undefined): void {
    if (ix.all && seq !== undefined) {
      ix.all.add(seq, row.id);
      if (typeof row.ownerId === 'string') {
        let o = ix.byOwner!.get(row.ownerId);
        if (!o) {
          o = new ChangeOrder();
          ix.byOwner!.set(row.ownerId, o);
        }
        o.add(seq, row.id);
      }
    }
  }

  private remove(c: CollectionName, row: Row): void {
    const ix = this.by.get(c)!;
    for (const [f, values] of ix.fields) {
      const v = row[f];
      if (typeof v !== 'string') continue;
      const ids = values.get(v);
      if (ids === row.id) values.delete(v);
      else if (typeof ids === 'object') {
        ids.delete(row.id);
        if (ids.size === 0) values.delete(v);
      }
    }
    const seq = seqOf(row);
    if (ix.all && seq !== undefined) {
      ix.all.delete(seq, row.id);
      if (typeof row.ownerId === 'string') {
        const o = ix.byOwner!.get(row.ownerId);
        o?.delete(seq, row.id);
        if (o?.size === 0) ix.byOwner!.delete(row.ownerId);
      }
    }
  }

  /**
   * Ids that may match `where`, from the most selective indexed field it names; undefined when it
   * names no indexed field with a string value (the caller scans).
   */
  candidates(c: CollectionName, where: Record<string, unknown> | undefined): Iterable<string> | undefined {
    if (!where) return undefined;
    const ix = this.by.get(c);
    if (!ix) return undefined;
    let best: readonly string[] | Set<string> | undefined;
    const sizeOf = (x: readonly string[] | Set<string>) => ('size' in x ? x.size : x.length);
    for (const [f, v] of Object.entries(where)) {
      if (typeof v !== 'string') continue;
      let ids: readonly string[] | Set<string> | undefined;
      const values = ix.fields.get(f);
      if (!values) continue;
      const found = values.get(v);
      ids = found === undefined ? [] : typeof found === 'string' ? [found] : found;
      if (f === 'ownerId' && ix.byOwner) {
        const ordered = ix.byOwner.get(v)?.idsAfter(Number.NEGATIVE_INFINITY) ?? [];
        ids = sizeOf(ids) > 0 ? [...ordered, ...ids] : ordered;
      }
      if (!best || sizeOf(ids) < sizeOf(best)) best = ids;
    }
    return best;
  }

  /** Ids of the durable rows with seq > `after` (one owner's, or all), in seq order. */
  changedAfter(c: CollectionName, after: number, ownerId?: string): string[] {
    const ix = this.by.get(c);
    if (!ix?.all) return [];
    const order = ownerId === undefined ? ix.all : ix.byOwner!.get(ownerId);
    return order ? order.idsAfter(after) : [];
  }
}
