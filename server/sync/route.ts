/**
 * `POST /api/v1/sync` (managers): push local changes, then pull what changed since the cursor.
 * The push is one write transaction (all of it or, on a bad cursor or bad input, none of it);
 * the pull is one read, so a concurrent writer can never make a reader skip a change.
 */
import { Hono } from 'hono';
import { SyncRequest, type SyncResponse, type SyncResult } from '../../shared/schemas';
import { currentUser, requireRole } from '../middleware/auth';
import { readJson } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError, invalidInput } from '../middleware/errors';
import type { ReadTx, StoredPush, StoredUser } from '../storage/types';
import { surveyTiming } from '../surveys/issue';
import { prunePushes } from './pushes';
import { actionItemView, employeeView, sessionView, teamOf } from './records';
import { checkReferences } from './references';
import { rosterChangedSince } from './roster';
import { applyPush } from './write';

const CURSOR = /^([A-Za-z0-9-]{1,100})\.(0|[1-9]\d{0,14})$/;

function badCursor(message: string): ApiError {
  return new ApiError(
    400,
    'invalid_cursor',
    `${message} Sync again without a cursor to get a full snapshot.`,
  );
}

export function formatCursor(storeId: string, seq: number): string {
  return `${storeId}.${seq}`;
}

/** The sequence a cursor names; 400 `invalid_cursor` when this store never issued it. */
export function parseCursor(cursor: string, storeId: string): number {
  const m = CURSOR.exec(cursor);
  if (!m) throw badCursor('The cursor is malformed.');
  if (m[1] !== storeId) throw badCursor('The cursor was issued by another store.');
  return Number(m[2]);
}

function checkNotFuture(seq: number, current: number): void {
  if (seq > current)
    throw badCursor('The cursor is ahead of this store (was the store restored from a backup?).');
}

/**
 * One consistent read: the caller's records changed since `after` (all of them for a snapshot),
 * found through the store's per-owner change order, and the team and cycles only when they changed
 * since `after` (absent otherwise: the client keeps what it has).
 */
async function pull(tx: ReadTx, user: StoredUser, storeId: string, after: number | null) {
  const current = await tx.currentSeq();
  if (after !== null) checkNotFuture(after, current);
  const withRoster = await rosterChangedSince(tx, after);
  const [sessions, items, team, cycles] = await Promise.all([
    after === null ? tx.find('sessions', { ownerId: user.id }) : tx.changes('sessions', after, user.id),
    after === null ? tx.find('actionItems', { ownerId: user.id }) : tx.changes('actionItems', after, user.id),
    withRoster ? teamOf(tx, user) : null,
    withRoster ? tx.find('cycles') : null,
  ]);
  const body: SyncResponse['pull'] = {
    sessions: sessions.filter((s) => !s.deleted).map((s) => sessionView(s, user)),
    actionItems: items.filter((a) => !a.deleted).map(actionItemView),
    ...(team && cycles
      ? {
          employees: team.map(employeeView),
          cycles: cycles.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id)),
        }
      : {}),
    // A snapshot carries no tombstones: the client replaces its state with it.
    deletes:
      after === null
        ? []
        : [
            ...sessions
              .filter((s) => s.deleted)
              .map((s) => ({ type: 'session' as const, id: s.id, version: s.version })),
            ...items
              .filter((a) => a.deleted)
              .map((a) => ({ type: 'actionItem' as const, id: a.id, version: a.version })),
          ],
  };
  return { cursor: formatCursor(storeId, current), pull: body };
}

export function syncRouter({ store, clock, config }: Deps) {
  const surveys = surveyTiming(config);
  return new Hono<AppEnv>().post('/sync', requireRole('manager'), async (c) => {
    const user = currentUser(c);
    const parsed = SyncRequest.safeParse(readJson(c));
    if (!parsed.success) throw invalidInput(parsed.error);
    const req = parsed.data;
    const after = req.cursor ? parseCursor(req.cursor, store.storeId) : null;
    if ((req.clientId === undefined) !== (req.pushId === undefined)) {
      throw new ApiError(400, 'invalid_input', 'clientId and pushId go together.', [
        { path: req.clientId === undefined ? 'clientId' : 'pushId', message: 'required with the other' },
      ]);
    }
    const pushId = req.clientId && req.pushId ? `${user.id}:${req.clientId}:${req.pushId}` : null;
    const push = req.push;
    const hasPush = !!(push.sessions?.length || push.actionItems?.length || push.deletes?.length);

    let results: SyncResult[] = [];
    if (hasPush) {
      results = await store.write(async (tx) => {
        // Checked before anything is applied, so a bad cursor stores nothing.
        if (after !== null) checkNotFuture(after, await tx.currentSeq());
        if (pushId) {
          const done = await tx.get('pushes', pushId);
          if (done) return done.results;
        }
        // Referential checks (references.ts): a session naming no cycle or no one in the
        // caller's team, or an item naming no session of theirs (stored or in this push), is a
        // 400 naming each record and field, and nothing of this push is stored. A reference to a
        // session deleted meanwhile on another device is not bad input: the item follows its
        // session into a tombstone and the push is applied. The extension sets refused records
        // aside for the manager to fix or drop, so it never retries them for ever.
        await checkReferences(tx, user, push);
        const now = clock().toISOString();
        const out = await applyPush(tx, user, push, now, surveys);
        if (pushId) {
          const record: StoredPush = { id: pushId, userId: user.id, results: out, at: now };
          await tx.put('pushes', record);
          await prunePushes(tx, user.id, req.clientId!, now);
        }
        return out;
      });
    }
    const pulled = await store.read((tx) => pull(tx, user, store.storeId, after));
    return c.json({ cursor: pulled.cursor, results, pull: pulled.pull } satisfies SyncResponse);
  });
}
