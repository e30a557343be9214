/**
 * The PostgreSQL adapter of the storage interface (types.ts), used when `DATABASE_URL` is set.
 *
 * Layout (migrations/001_init.sql): one table per collection, `id text primary key, data jsonb`,
 * where `data` is the row exactly as put and the only source of truth. Fields that are filtered
 * or that sync cursors count (`seq`, `owner_id`, `email`, `token_hash`, …) are GENERATED columns
 * derived from `data`, with indexes. `meta` holds the store id and the change counter. All of it
 * lives in one schema (default `public`), so several stores can share a database.
 *
 * Transactions and the sync cursor — group commit:
 * - Writes queue in memory; one batch at a time (up to MAX_BATCH queued writes) runs as ONE
 *   PostgreSQL transaction (READ COMMITTED) that first takes a transaction-level advisory lock
 *   (`pg_advisory_xact_lock(WRITE_LOCK, hash(schema))`), held until commit. Inside it each write
 *   runs in its own savepoint (when the batch holds more than one), in queue order, so a write
 *   that throws undoes only itself; the others commit together with one WAL flush. A write's
 *   promise resolves only after that commit is flushed (`synchronous_commit = on`), so
 *   "acknowledged" still means "on disk"; if the commit fails, every write of the batch fails.
 * - Why group commit rather than row locks plus a transaction-id cursor: the sync cursor must
 *   stay exact (a reader never skips a change). With the lock, `nextSeq()` (an UPDATE of the
 *   counter row in the same transaction) hands out numbers in commit order, and when a reader's
 *   snapshot shows counter value N every transaction that took a number ≤ N has committed and is
 *   visible — no xmin-horizon bookkeeping, no held-back changes, and an aborted write gives its
 *   numbers back (no gaps). What made the old path slow was not the serial order but one
 *   flush (and one round of lock traffic) per write: a batch pays those once for many writes,
 *   and several instances on one schema take turns by batch, not by write, so each instance's
 *   HTTP, JSON and validation work runs in parallel with the others' commits.
 * - Because each statement of a READ COMMITTED transaction takes a fresh snapshot, everything
 *   after the lock sees every earlier batch's commit; `get` inside a write transaction also uses
 *   `SELECT … FOR UPDATE`, so a version check stays sound even for a writer without the lock.
 *   A write must not wait on anything outside the database for long: it delays its batch.
 * - `read(fn)` runs in a `REPEATABLE READ, READ ONLY` transaction: one snapshot for the whole
 *   callback, so a pull's `changes()` and `currentSeq()` agree.
 * - Durability: each write transaction sets `synchronous_commit = on` locally, so its promise
 *   resolves only after the commit record is flushed, whatever the server default.
 *
 * JSON fidelity: rows come back exactly as put (deep-frozen; treat them as immutable). PostgreSQL
 * cannot store NUL characters or unpaired UTF-16 surrogates in text or jsonb, so strings holding
 * them (and the private-use escape U+E000) are escaped reversibly on the way in and restored on
 * the way out; every other string is stored as is.
 *
 * Differences from the embedded store, on purpose: `users.tokenHash` is unique (a put that would
 * give two users the same token hash fails, and so does its transaction).
 */
import postgres from 'postgres';
import { MIGRATIONS } from './migrations/index';
import {
  COLLECTIONS,
  type CollectionName,
  type Collections,
  type ReadTx,
  type Store,
  type Where,
  type WriteTx,
} from './types';

export type PostgresStoreOptions = {
  /** The schema that holds the store's tables; made if missing. Default `public`. */
  schema?: string;
  /** Pool size. Default 10. */
  max?: number;
};

/** Advisory lock classes (first key of the two-key form); the second key is a hash of the schema. */
export const MIGRATE_LOCK = 0x74616e64; // 'tand'
export const WRITE_LOCK = 0x74616e65;

/** Most writes one group commit takes from the queue. */
export const MAX_BATCH = 64;

type ColumnType = 'text' | 'int' | 'bool';
type Table = { table: string; columns: Record<string, { name: string; type: ColumnType }> };

const text = (name: string) => ({ name, type: 'text' as const });
const int = (name: string) => ({ name, type: 'int' as const });
const bool = (name: string) => ({ name, type: 'bool' as const });

/** Tables and the generated columns that mirror top-level fields (keep in step with migrations). */
export const TABLES: { readonly [C in CollectionName]: Table } = {
  users: { table: 'users', columns: { email: text('email'), tokenHash: text('token_hash') } },
  employees: {
    table: 'employees',
    columns: { email: text('email'), managerEmail: text('manager_email'), addedBy: text('added_by') },
  },
  cycles: { table: 'cycles', columns: {} },
  ratings: { table: 'ratings', columns: { employeeId: text('employee_id'), cycleId: text('cycle_id') } },
  sessions: {
    table: 'sessions',
    columns: {
      seq: int('seq'),
      ownerId: text('owner_id'),
      version: int('version'),
      deleted: bool('deleted'),
      employeeId: text('employee_id'),
      cycleId: text('cycle_id'),
    },
  },
  actionItems: {
    table: 'action_items',
    columns: {
      seq: int('seq'),
      ownerId: text('owner_id'),
      version: int('version'),
      deleted: bool('deleted'),
      sessionId: text('session_id'),
    },
  },
  surveys: {
    table: 'surveys',
    columns: { tokenHash: text('token_hash'), sessionId: text('session_id'), ownerId: text('owner_id') },
  },
  surveyResponses: {
    table: 'survey_responses',
    columns: { surveyId: text('survey_id'), sessionId: text('session_id') },
  },
  pushes: { table: 'pushes', columns: { userId: text('user_id') } },
  settings: { table: 'settings', columns: {} },
};

// ---------------------------------------------------------------------------------------------
// Strings PostgreSQL cannot hold, escaped reversibly with U+E000 (a private-use character):
// U+E000 → E000 E000, NUL → E000 '0', an unpaired surrogate → E000 'u' + 4 hex digits.

const ESC = '\uE000';
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL cannot store
const UNSTORABLE = /\uE000|\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSTORABLE_ONE = new RegExp(UNSTORABLE.source);
/** In JSON text: NUL and lone surrogates are escaped (`\u0000`, `\udxxx`); U+E000 is not. */
const UNSTORABLE_JSON = /\\u0000|\\ud[89a-f]|\uE000/i;
const ESCAPED = /\uE000(\uE000|0|u[0-9a-f]{4})/g;

function escapeString(s: string): string {
  if (!UNSTORABLE_ONE.test(s)) return s;
  return s.replace(UNSTORABLE, (ch) =>
    ch === ESC
      ? ESC + ESC
      : ch === '\u0000'
        ? `${ESC}0`
        : `${ESC}u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function unescapeString(s: string): string {
  if (!s.includes(ESC)) return s;
  return s.replace(ESCAPED, (_, g: string) =>
    g === ESC ? ESC : g === '0' ? '\u0000' : String.fromCharCode(Number.parseInt(g.slice(1), 16)),
  );
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[f(k)] = mapStrings(v, f);
    return out;
  }
  return value;
}

/** JSON text for a jsonb parameter. */
function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('storage: a value that JSON cannot represent');
  return UNSTORABLE_JSON.test(json) ? JSON.stringify(mapStrings(value, escapeString)) : json;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function fromJson<T>(json: string): T {
  const value: unknown = JSON.parse(json);
  return deepFreeze((json.includes(ESC) ? mapStrings(value, unescapeString) : value) as T);
}

// ---------------------------------------------------------------------------------------------

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A stable 32-bit hash (FNV-1a) of the schema name: the second advisory-lock key. */
export function lockKey(schema: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(schema, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The URL for people: no password (neither in the userinfo nor as a query parameter). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    for (const key of [...u.searchParams.keys()]) {
      if (key.toLowerCase() === 'password') u.searchParams.set(key, '***');
    }
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@').replace(/(password=)[^&]*/gi, '$1***');
  }
}

type Sql = postgres.Sql<Record<string, never>>;
type TxSql = postgres.TransactionSql<Record<string, never>>;
type Param = string | number | boolean | null;

/** Runs the pending migrations of `schema`, alone (advisory lock), in one transaction. */
async function migrate(sql: Sql, schema: string): Promise<void> {
  await sql.begin(async (tx: TxSql) => {
    await tx.unsafe('select pg_advisory_xact_lock($1, $2)', [MIGRATE_LOCK, lockKey(schema)]);
    const [exists] = await tx.unsafe('select 1 from pg_namespace where nspname = $1', [schema]);
    if (!exists) await tx.unsafe(`create schema ${ident(schema)}`);
    await tx.unsafe(`set local search_path to ${ident(schema)}`);
    await tx.unsafe(
      `create table if not exists tandem_migrations (
         version integer primary key,
         name text not null,
         applied_at timestamptz not null default now()
       )`,
    );
    const rows = await tx.unsafe('select version from tandem_migrations order by version');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...applied);
    const known = MIGRATIONS.length;
    if (newest > known) {
      throw new Error(
        `PostgreSQL schema "${schema}" is at storage version ${newest}, newer than this build of Tandem knows (${known}); refusing to start`,
      );
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      try {
        await tx.unsafe(m.sql);
      } catch (err) {
        throw new Error(
          `PostgreSQL storage migration ${m.version}_${m.name} failed in schema "${schema}": ${(err as Error).message}`,
          { cause: err },
        );
      }
      await tx.unsafe('insert into tandem_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    }
  });
}

export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<Store> {
  const schema = opts.schema ?? 'public';
  if (!schema || schema.length > 63) throw new Error(`invalid PostgreSQL schema name: "${schema}"`);
  const sql: Sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'tandem' },
  });

  const S = ident(schema);
  const statements = Object.fromEntries(
    COLLECTIONS.map((c) => {
      const t = `${S}.${ident(TABLES[c].table)}`;
      return [
        c,
        {
          table: t,
          get: `select data::text as d from ${t} where id = $1`,
          getForUpdate: `select data::text as d from ${t} where id = $1 for update`,
          put: `insert into ${t} (id, data) values ($1, $2::text::jsonb) on conflict (id) do update set data = excluded.data`,
          remove: `delete from ${t} where id = $1`,
          changes: `select data::text as d from ${t} where seq > $1 order by seq, id`,
          changesOf: `select data::text as d from ${t} where owner_id = $2 and seq > $1 order by seq, id`,
        },
      ];
    }),
  ) as Record<
    CollectionName,
    Record<'table' | 'get' | 'getForUpdate' | 'put' | 'remove' | 'changes' | 'changesOf', string>
  >;
  const currentSeqSql = `select seq::text as s from ${S}.meta where id = 1`;
  const nextSeqSql = `update ${S}.meta set seq = seq + 1 where id = 1 returning seq::text as s`;
  const writeLockSql = `select set_config('synchronous_commit', 'on', true), pg_advisory_xact_lock(${WRITE_LOCK}, ${lockKey(schema)})`;

  let storeId: string;
  try {
    await migrate(sql, schema);
    const [meta] = await sql.unsafe(`select store_id::text as id from ${S}.meta where id = 1`);
    if (!meta) {
      throw new Error(
        `PostgreSQL schema "${schema}" has no store identity (meta row missing): damaged store`,
      );
    }
    storeId = String(meta.id);
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw err;
  }

  const run = (tx: TxSql, query: string, params: Param[] = []) => tx.unsafe(query, params, { prepare: true });

  const rowsOf = <T>(rows: readonly postgres.Row[]): T[] => rows.map((r) => fromJson<T>(String(r.d)));

  const knownCollection = (c: string): CollectionName => {
    if (!Object.hasOwn(TABLES, c)) throw new TypeError(`storage: unknown collection "${c}"`);
    return c as CollectionName;
  };

  function findQuery(c: CollectionName, where: Record<string, unknown> | undefined): [string, Param[]] {
    const params: Param[] = [];
    const p = (v: Param) => {
      params.push(v);
      return `$${params.length}`;
    };
    const conds: string[] = [];
    for (const [field, value] of Object.entries(where ?? {})) {
      if (value === undefined) continue;
      const key = p(escapeString(field));
      const col = Object.hasOwn(TABLES[c].columns, field) ? TABLES[c].columns[field] : undefined;
      if (value === null) {
        // A generated column is NULL whenever the field is null or missing (it narrows, `data` decides).
        if (col) conds.push(`${ident(col.name)} is null`);
        conds.push(`(data -> ${key}::text is null or data -> ${key}::text = 'null'::jsonb)`);
        continue;
      }
      if (col) {
        if (col.type === 'text' && typeof value === 'string') {
          conds.push(`${ident(col.name)} = ${p(escapeString(value))}`);
        } else if (col.type === 'int' && Number.isSafeInteger(value)) {
          conds.push(`${ident(col.name)} = ${p(value as number)}`);
        } else if (col.type === 'bool' && typeof value === 'boolean') {
          conds.push(`${ident(col.name)} = ${p(value)}`);
        }
      }
      // Exact JSON equality (type included: "3" does not match 3), for any field.
      conds.push(`data -> ${key}::text = ${p(toJson(value))}::text::jsonb`);
    }
    const whereSql = conds.length ? ` where ${conds.join(' and ')}` : '';
    return [`select data::text as d from ${statements[c].table}${whereSql}`, params];
  }

  function reader(tx: TxSql, check: () => void, forUpdate: boolean): ReadTx {
    return {
      get: async <C extends CollectionName>(c: C, id: string) => {
        check();
        const s = statements[knownCollection(c)];
        const rows = await run(tx, forUpdate ? s.getForUpdate : s.get, [escapeString(String(id))]);
        return rows[0] ? fromJson<Collections[C]>(String(rows[0].d)) : undefined;
      },
      find: async <C extends CollectionName>(c: C, where?: Where<Collections[C]>) => {
        check();
        const [query, params] = findQuery(knownCollection(c), where as Record<string, unknown> | undefined);
        return rowsOf<Collections[C]>(await run(tx, query, params));
      },
      changes: async <C extends 'sessions' | 'actionItems'>(c: C, afterSeq: number, ownerId?: string) => {
        check();
        if (c !== 'sessions' && c !== 'actionItems') throw new TypeError(`storage: "${c}" has no changes`);
        if (Number.isNaN(afterSeq) || afterSeq === Number.POSITIVE_INFINITY) return [];
        // Seqs are integers: seq > 4.5 is seq > 4.
        const after = Math.max(Math.floor(afterSeq), Number.MIN_SAFE_INTEGER);
        const s = statements[c];
        const rows =
          ownerId === undefined
            ? await run(tx, s.changes, [after])
            : await run(tx, s.changesOf, [after, escapeString(ownerId)]);
        return rowsOf<Collections[C]>(rows);
      },
      currentSeq: async () => {
        check();
        const [row] = await run(tx, currentSeqSql);
        return Number(row?.s ?? 0);
      },
    };
  }

  let closed = false;

  const writeTx = (tx: TxSql, check: () => void): WriteTx => ({
    ...reader(tx, check, true),
    put: async <C extends CollectionName>(c: C, row: Collections[C]) => {
      check();
      const s = statements[knownCollection(c)];
      const id = (row as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') throw new TypeError(`storage: a ${c} row needs a string id`);
      await run(tx, s.put, [escapeString(id), toJson(row)]);
    },
    remove: async <C extends CollectionName>(c: C, id: string) => {
      check();
      await run(tx, statements[knownCollection(c)].remove, [escapeString(String(id))]);
    },
    nextSeq: async () => {
      check();
      const [row] = await run(tx, nextSeqSql);
      return Number(row?.s);
    },
  });

  // Group commit (see the top of this file): writes queue here; one batch at a time runs as one
  // transaction, each write in its own savepoint when the batch holds more than one.
  type Job = {
    fn: (tx: WriteTx) => Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  };
  const queue: Job[] = [];
  let running: Promise<void> | null = null;

  const pump = (): void => {
    if (running || queue.length === 0) return;
    const batch = queue.splice(0, MAX_BATCH);
    running = runBatch(batch).finally(() => {
      running = null;
      pump();
    });
  };

  const idle = async (): Promise<void> => {
    while (running) await running;
  };

  async function runJob(tx: TxSql, job: Job, alone: boolean): Promise<unknown> {
    const { check, end } = guard();
    try {
      if (alone) return await job.fn(writeTx(tx, check));
      // A savepoint undoes just this write when it throws; the batch goes on.
      const box = (await tx.savepoint(async (sp) => ({ value: await job.fn(writeTx(sp, check)) }))) as {
        value: unknown;
      };
      return box.value;
    } finally {
      end();
    }
  }

  async function runBatch(batch: Job[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await sql.begin('isolation level read committed, read write', async (tx: TxSql) => {
        await run(tx, writeLockSql);
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: await runJob(tx, job, batch.length === 1) });
          } catch (error) {
            if (batch.length === 1) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // Nothing of the batch committed: every write fails, with its own error if it had one.
      batch.forEach((job, i) => {
        const o = outcomes[i];
        job.reject(o && !o.ok ? o.error : error);
      });
      return;
    }
    // Committed and flushed (synchronous_commit = on): now each write is acknowledged.
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }

  /** Keeps the callback's value away from postgres.js, which would await arrays it returns. */
  async function transaction<T>(mode: string, body: (tx: TxSql) => Promise<T>): Promise<T> {
    const box = (await sql.begin(mode, async (tx: TxSql) => ({ value: await body(tx) }))) as { value: T };
    return box.value;
  }

  /** Refuses use of a transaction object after its transaction ended. */
  function guard(): { check: () => void; end: () => void } {
    let done = false;
    return {
      check: () => {
        if (done) throw new Error('storage: this transaction has already ended');
      },
      end: () => {
        done = true;
      },
    };
  }

  const store: Store = {
    kind: 'postgres',
    location: redactUrl(url),
    storeId,

    read: async <T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> => {
      if (closed) throw new Error('store is closed');
      const { check, end } = guard();
      try {
        return await transaction('isolation level repeatable read, read only', (tx) =>
          fn(reader(tx, check, false)),
        );
      } finally {
        end();
      }
    },

    write: <T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> => {
      if (closed) return Promise.reject(new Error('store is closed'));
      return new Promise<T>((resolve, reject) => {
        queue.push({
          fn: fn as (tx: WriteTx) => Promise<unknown>,
          resolve: resolve as (v: unknown) => void,
          reject,
        });
        pump();
      });
    },

    close: async () => {
      if (closed) return;
      closed = true;
      await idle();
      await sql.end({ timeout: 5 });
    },
  };
  return store;
}
