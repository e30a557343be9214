/**
 * The portable dump of a store (`npm run admin -- export` / `import`): every collection as JSON,
 * the same for lowdb and PostgreSQL, so a team can move from one storage to the other.
 *
 * Format `tandem-dump/1`:
 * `{format, exportedAt, source: {kind, storeId, seq}, secrets, collections: {users: [...], ...}}`;
 * rows exactly as stored (sessions and action items with their `seq`, tombstones included), sorted
 * so that two exports of the same data are the same file.
 *
 * Secrets. By default a dump carries none, so it can be handed around like a report:
 * - users' `tokenHash` is left out. It is the SHA-256 of a 256-bit random token, so it cannot be
 *   turned back into a token, but it is what authenticates every account: a credential verifier,
 *   treated like a password hash. Import then gives every user a NEW token (written to
 *   `--tokens-out`, owner-only); managers paste theirs into the extension, HR signs in with theirs.
 * - the survey-link secret (`settings` row `survey-link-secret`, see surveys/links.ts) is left
 *   out: with it anyone could compute every survey link and answer as the employee. Surveys'
 *   `tokenHash` is left out too (it is derived from that secret and the survey id). Import makes
 *   a new secret and derives every survey's hash from it; links already sent stop working, so
 *   surveys that were sent but are neither answered nor expired go back to the outbox (`sentAt`
 *   cleared) to be sent again with their new link.
 * - managers' `privateNotes` are left out (DESIGN §4: never exported), also from the server copy a
 *   stored push result may carry.
 * `--with-secrets` keeps all of them: a lossless copy for moving a store (tokens, sent links and
 * private notes keep working). Such a file is as sensitive as the store itself; it is written
 * readable by its owner only.
 *
 * Import is one write transaction into an empty store (or, with `force`, one it empties first):
 * the whole dump is validated before anything is written, and either all of it is stored or
 * nothing. Sessions and action items get new `seq` numbers from the target store, in the order of
 * their old ones (so "changed since" keeps its meaning). The target keeps its own `storeId`, so
 * cursors issued by the old store are refused there (400 `invalid_cursor`) and clients take a
 * fresh snapshot: the extension does that on its own.
 */
import { z } from 'zod';
import {
  ActionItem,
  Cycle,
  Employee,
  type FieldError,
  Rating,
  Session,
  Survey,
  SurveyResponse,
  SyncResult,
  toFieldErrors,
  User,
} from '../../shared/schemas';
import { Id, Instant, Version } from '../../shared/schemas/common';
import { generateToken, hashToken } from '../auth/tokens';
import type { CollectionName, Collections, Store, StoredSurvey, StoredUser } from '../storage/types';
import { COLLECTIONS } from '../storage/types';
import { linkToken, SECRET_SETTING, surveyKeysForWrite } from '../surveys/links';
import { ROSTER_SETTING, rosterChanged } from '../sync/roster';

export const DUMP_FORMAT = 'tandem-dump/1';

type Rows = { [C in CollectionName]: Collections[C][] };

export type Dump = {
  format: typeof DUMP_FORMAT;
  exportedAt: string;
  source: { kind: Store['kind']; storeId: string; seq: number };
  /** Whether token hashes, the survey-link secret and private notes are included. */
  secrets: boolean;
  collections: Rows;
};

// ---------------------------------------------------------------------------------------------
// Export

const bySeq = (a: { seq: number; id: string }, b: { seq: number; id: string }) =>
  a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function withoutKeys<T extends object>(row: T, keys: readonly string[]): T {
  if (!keys.some((k) => k in row)) return row;
  const out = { ...row } as Record<string, unknown>;
  for (const k of keys) delete out[k];
  return out as T;
}

/** Reads every collection in one consistent read. */
export async function exportStore(
  store: Store,
  opts: { withSecrets?: boolean; now?: Date } = {},
): Promise<Dump> {
  const secrets = !!opts.withSecrets;
  return store.read(async (tx) => {
    const seq = await tx.currentSeq();
    const collections = {} as Record<CollectionName, unknown[]>;
    for (const c of COLLECTIONS) {
      const rows = (await tx.find(c)) as { id: string; seq: number }[];
      rows.sort(c === 'sessions' || c === 'actionItems' ? bySeq : byId);
      collections[c] = rows;
    }
    // The roster mark counts this store's sequence; the store an import fills sets its own.
    const all = collections as unknown as Rows;
    all.settings = all.settings.filter((s) => s.id !== ROSTER_SETTING);
    if (!secrets) {
      const rows = collections as unknown as Rows;
      rows.users = rows.users.map((u) => withoutKeys(u, ['tokenHash']));
      rows.surveys = rows.surveys.map((s) => withoutKeys(s, ['tokenHash']));
      rows.settings = rows.settings.filter((s) => s.id !== SECRET_SETTING);
      rows.sessions = rows.sessions.map((s) => withoutKeys(s, ['privateNotes']));
      rows.pushes = rows.pushes.map((p) => ({
        ...p,
        results: p.results.map((r) =>
          r.server && 'privateNotes' in r.server
            ? { ...r, server: withoutKeys(r.server, ['privateNotes']) }
            : r,
        ),
      }));
    }
    return {
      format: DUMP_FORMAT,
      exportedAt: (opts.now ?? new Date()).toISOString(),
      source: { kind: store.kind, storeId: store.storeId, seq },
      secrets,
      collections: collections as unknown as Rows,
    };
  });
}

/**
 * The dump as JSON text in pieces (one row a line), so that a large store is never one giant
 * string. Concatenated, the pieces are `JSON.stringify`-compatible JSON of the dump.
 */
export function* dumpText(dump: Dump): Generator<string> {
  const { collections, ...head } = dump;
  const top = JSON.stringify(head, null, 1);
  yield `${top.slice(0, -2)},\n "collections": {\n`;
  const names = Object.keys(collections) as CollectionName[];
  for (let i = 0; i < names.length; i++) {
    const c = names[i]!;
    const rows = collections[c] as unknown[];
    yield `  ${JSON.stringify(c)}: [`;
    let chunk = '';
    for (let j = 0; j < rows.length; j++) {
      chunk += `${j ? ',' : ''}\n   ${JSON.stringify(rows[j])}`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}${rows.length ? '\n  ' : ''}]${i < names.length - 1 ? ',' : ''}\n`;
  }
  yield ' }\n}\n';
}

// ---------------------------------------------------------------------------------------------
// Validation

const Seq = z.number().int().positive();
const Owner = z.string().min(1);
const TokenHash = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest');

const LiveMeta = {
  version: Version.min(1),
  updatedAt: Instant,
  seq: Seq,
  ownerId: Owner,
  deleted: z.literal(false).optional(),
};
const TombstoneMeta = {
  id: Id,
  version: Version.min(1),
  updatedAt: Instant,
  seq: Seq,
  ownerId: Owner,
  deleted: z.literal(true),
};

/**
 * A synced row: a tombstone when it says so (only id, placing keys and meta), otherwise the
 * domain record plus the meta the store keeps. Each is checked against its own shape, so the
 * errors name the fields of the shape that applies rather than of both.
 */
function syncedRow(live: z.ZodType, tombstone: z.ZodType) {
  return z.unknown().superRefine((v, ctx) => {
    const isTombstone = !!v && typeof v === 'object' && (v as { deleted?: unknown }).deleted === true;
    const r = (isTombstone ? tombstone : live).safeParse(v);
    if (r.success) return;
    for (const i of r.error.issues) {
      if (i.code === 'unrecognized_keys') {
        for (const k of i.keys)
          ctx.addIssue({ code: 'custom', path: [...i.path, k], message: 'unknown field' });
      } else ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    }
  });
}

const StoredSessionRow = syncedRow(
  Session.safeExtend(LiveMeta),
  z.object({ ...TombstoneMeta, employeeId: z.string().min(1), cycleId: z.string().min(1) }).strict(),
);
const StoredActionItemRow = syncedRow(
  ActionItem.safeExtend(LiveMeta),
  z.object({ ...TombstoneMeta, sessionId: Id }).strict(),
);

const CollectionsSchema = z
  .object({
    users: z.array(User.extend({ tokenHash: TokenHash.optional() })),
    employees: z.array(Employee.safeExtend({ addedBy: z.string().nullish(), updatedAt: Instant.nullish() })),
    cycles: z.array(Cycle),
    ratings: z.array(Rating.extend({ id: z.string().min(1) })),
    sessions: z.array(StoredSessionRow),
    actionItems: z.array(StoredActionItemRow),
    surveys: z.array(Survey.extend({ ownerId: Owner, tokenHash: TokenHash.optional() })),
    surveyResponses: z.array(SurveyResponse),
    pushes: z.array(
      z
        .object({
          id: z.string().min(1),
          userId: z.string().min(1),
          results: z.array(SyncResult),
          at: Instant,
        })
        .strict(),
    ),
    settings: z.array(z.object({ id: z.string().min(1), value: z.unknown() }).strict()),
  })
  .strict();

const DumpSchema = z
  .object({
    format: z.literal(DUMP_FORMAT, { message: `expected "${DUMP_FORMAT}" (is this a Tandem export?)` }),
    exportedAt: Instant,
    source: z.object({
      kind: z.enum(['lowdb', 'postgres']),
      storeId: z.string().min(1),
      seq: z.number().int().min(0),
    }),
    secrets: z.boolean(),
    collections: CollectionsSchema,
  })
  .strict();

export type DumpCheck = { ok: true; dump: Dump } | { ok: false; errors: FieldError[] };

/**
 * Checks a whole dump: the format, every row against the domain schemas plus the fields the
 * store keeps (versions, seq, owners), unique ids per collection, unique seq numbers, and that
 * every user row either has a token hash or none does not matter (import then issues tokens).
 * Every problem is reported with its path (`collections.sessions.12.status`), not only the first.
 */
export function validateDump(value: unknown): DumpCheck {
  const parsed = DumpSchema.safeParse(value);
  const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error);
  const collections = (value as { collections?: Record<string, unknown> } | null)?.collections;
  if (collections && typeof collections === 'object') {
    const seqs = new Map<number, string>();
    for (const c of COLLECTIONS) {
      const rows = collections[c];
      if (!Array.isArray(rows)) continue;
      const seen = new Map<string, number>();
      rows.forEach((row: unknown, i) => {
        const id = (row as { id?: unknown } | null)?.id;
        if (typeof id === 'string') {
          const first = seen.get(id);
          if (first !== undefined) {
            errors.push({
              path: `collections.${c}.${i}.id`,
              message: `duplicate id (also at index ${first})`,
            });
          } else seen.set(id, i);
        }
        if (c === 'sessions' || c === 'actionItems') {
          const seq = (row as { seq?: unknown } | null)?.seq;
          if (typeof seq === 'number') {
            const where = `collections.${c}.${i}.seq`;
            const other = seqs.get(seq);
            if (other) errors.push({ path: where, message: `duplicate seq ${seq} (also at ${other})` });
            else seqs.set(seq, where);
          }
        }
      });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, dump: value as Dump };
}

// ---------------------------------------------------------------------------------------------
// Import

/** The target store is not empty and `force` was not given. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

export type IssuedToken = { userId: string; email: string; name: string; role: string; token: string };

export type ImportReport = {
  counts: Record<CollectionName, number>;
  /** Rows of the target that were removed first (only with `force`). */
  replaced: number;
  /** New tokens for users whose dump row had no token hash: hand them out, they are not stored. */
  tokens: IssuedToken[];
  /** Surveys whose links changed (new survey-link secret). */
  surveysRelinked: number;
  /** Of those, sent, unanswered, unexpired surveys put back in the outbox to be sent again. */
  surveysToResend: number;
  seq: number;
};

const BATCH = 500;

/** Runs `fn` over `items` in batches of concurrent calls (PostgreSQL pipelines them on one connection). */
async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH)
    out.push(...(await Promise.all(items.slice(i, i + BATCH).map(fn))));
  return out;
}

export async function importDump(
  store: Store,
  dump: Dump,
  opts: {
    force?: boolean;
    now?: Date;
    /** Runs inside the write transaction once everything is put; throwing undoes the import. */
    beforeCommit?: (report: ImportReport) => Promise<void>;
  } = {},
): Promise<ImportReport> {
  const now = (opts.now ?? new Date()).toISOString();
  const rows = dump.collections;
  return store.write(async (tx) => {
    let replaced = 0;
    const existing: string[] = [];
    for (const c of COLLECTIONS) {
      const have = await tx.find(c);
      if (have.length === 0) continue;
      existing.push(`${have.length} ${c}`);
      if (opts.force) {
        await inBatches(have, (r) => tx.remove(c, r.id));
        replaced += have.length;
      }
    }
    if (existing.length > 0 && !opts.force) {
      throw new ImportRefusedError(
        `the target store is not empty (${existing.join(', ')}); nothing was imported. Import into an empty ` +
          'store, or give --force to replace everything in it with the dump.',
      );
    }

    const counts = {} as Record<CollectionName, number>;
    for (const c of COLLECTIONS) counts[c] = rows[c].length;

    // Users: keep the token hash when the dump has it, otherwise issue a new token.
    const tokens: IssuedToken[] = [];
    const users: StoredUser[] = rows.users.map((u) => {
      if (typeof u.tokenHash === 'string') return u;
      const token = generateToken();
      tokens.push({ userId: u.id, email: u.email, name: u.name, role: u.role, token });
      return { ...u, tokenHash: hashToken(token) };
    });

    for (const c of ['employees', 'cycles', 'ratings', 'surveyResponses', 'pushes', 'settings'] as const) {
      await inBatches(rows[c] as Collections[typeof c][], (r) => tx.put(c, r as never));
    }
    // The dump's roster mark counts another store's sequence; this store's own replaces it.
    await rosterChanged(tx);
    await inBatches(users, (u) => tx.put('users', u));

    // Synced rows: new seq numbers from this store, in the order of the old ones.
    const synced = [
      ...rows.sessions.map((row) => ({ c: 'sessions' as const, row })),
      ...rows.actionItems.map((row) => ({ c: 'actionItems' as const, row })),
    ].sort((a, b) => bySeq(a.row, b.row));
    const seqs = (await inBatches(synced, () => tx.nextSeq())).sort((a, b) => a - b);
    await inBatches(
      synced.map((s, i) => ({ ...s, seq: seqs[i]! })),
      ({ c, row, seq }) => tx.put(c, { ...row, seq } as never),
    );

    // Surveys: link hashes derived from the survey-link secret (the dump's, or a new one).
    const hadSecret = rows.settings.some((s) => s.id === SECRET_SETTING);
    let surveysRelinked = 0;
    let surveysToResend = 0;
    let surveys: StoredSurvey[] = rows.surveys;
    if (surveys.length > 0 || hadSecret) {
      const keys = await surveyKeysForWrite(tx, now);
      surveys = surveys.map((s) => {
        const tokenHash = hashToken(linkToken(keys, s.id));
        if (tokenHash === s.tokenHash) return s;
        surveysRelinked++;
        const resend = !!s.sentAt && !s.answeredAt && s.expiresAt > now;
        if (resend) surveysToResend++;
        return { ...s, tokenHash, ...(resend ? { sentAt: null } : {}) };
      });
    }
    await inBatches(surveys, (s) => tx.put('surveys', s));

    const report = { counts, replaced, tokens, surveysRelinked, surveysToResend, seq: await tx.currentSeq() };
    await opts.beforeCommit?.(report);
    return report;
  });
}
