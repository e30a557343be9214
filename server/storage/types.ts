/**
 * The one storage interface. Routes and services talk only to this; the lowdb and PostgreSQL
 * adapters implement it, and one contract suite (storage.contract.ts) runs against each.
 *
 * The model is deliberately small: named collections of JSON rows keyed by `id`, read and
 * written inside transactions. A write transaction is all-or-nothing and is acknowledged
 * (its promise resolves) only once it is durable. Sessions and action items carry a change
 * sequence `seq`, assigned in commit order, which is what sync cursors count.
 */
import type {
  ActionItem,
  Cycle,
  Employee,
  Rating,
  Session,
  Survey,
  SurveyResponse,
  SyncResult,
  User,
} from '../../shared/schemas';

export type StoredUser = User & { tokenHash: string };

/** A roster row; `addedBy` is the manager's user id when a manager added the person themselves. */
export type StoredEmployee = Employee & { addedBy?: string | null; updatedAt?: string | null };

export type StoredRating = Rating & { id: string };

/** Fields every synced record carries on the server. */
export type SyncMeta = {
  version: number;
  updatedAt: string;
  /** Change sequence in commit order; what sync cursors count. */
  seq: number;
  /** The manager (user id) whose record this is. */
  ownerId: string;
  /** A tombstone: the record was deleted at `version`. Tombstones keep only id and meta. */
  deleted?: boolean;
};

export type StoredSession = Session & SyncMeta;
export type StoredActionItem = ActionItem & SyncMeta;

/** Survey links are stored with the hash of their token, never the token. */
export type StoredSurvey = Survey & { tokenHash: string; ownerId: string };

/** The results a push produced, kept so a retried push gets the same answer and applies nothing. */
export type StoredPush = { id: string; userId: string; results: SyncResult[]; at: string };

export type Collections = {
  users: StoredUser;
  employees: StoredEmployee;
  cycles: Cycle;
  ratings: StoredRating;
  sessions: StoredSession;
  actionItems: StoredActionItem;
  surveys: StoredSurvey;
  surveyResponses: SurveyResponse;
  pushes: StoredPush;
  settings: { id: string; value: unknown };
};

export type CollectionName = keyof Collections;
export const COLLECTIONS: readonly CollectionName[] = [
  'users',
  'employees',
  'cycles',
  'ratings',
  'sessions',
  'actionItems',
  'surveys',
  'surveyResponses',
  'pushes',
  'settings',
];

/** Equality filter on top-level fields; `null` matches null or missing. */
export type Where<R> = { [K in keyof R]?: R[K] | null };

export interface ReadTx {
  get<C extends CollectionName>(c: C, id: string): Promise<Collections[C] | undefined>;
  /** Rows matching every given field, in no particular order. No filter: every row. */
  find<C extends CollectionName>(c: C, where?: Where<Collections[C]>): Promise<Collections[C][]>;
  /**
   * Synced rows (tombstones included) with `seq > afterSeq`, optionally only one owner's,
   * ordered by seq. Only committed, durable rows are returned.
   */
  changes<C extends 'sessions' | 'actionItems'>(
    c: C,
    afterSeq: number,
    ownerId?: string,
  ): Promise<Collections[C][]>;
  /** The highest seq visible to this read; a pull's new cursor. */
  currentSeq(): Promise<number>;
}

export interface WriteTx extends ReadTx {
  /** Insert or replace by `id`. */
  put<C extends CollectionName>(c: C, row: Collections[C]): Promise<void>;
  /** Remove a row outright (not a tombstone: sync deletes are `put`s with `deleted: true`). */
  remove<C extends CollectionName>(c: C, id: string): Promise<void>;
  /** The next change sequence number; strictly increasing in commit order. */
  nextSeq(): Promise<number>;
}

export interface Store {
  readonly kind: 'lowdb' | 'postgres';
  /** Where the data lives, for people: a file path, or a database URL without its password. */
  readonly location: string;
  /** A random id made when the store was created; cursors carry it so foreign cursors are refused. */
  readonly storeId: string;
  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T>;
  /** Runs `fn` alone (no other write interleaves); resolves only once the changes are durable. */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
