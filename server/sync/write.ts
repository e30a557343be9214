/**
 * Applying pushed records inside one write transaction: fetch what the pure decisions need,
 * store what they decide, give every stored row a fresh `seq`. Used by `POST /api/v1/sync` and by
 * the REST routes for single sessions and action items, so both follow the same rules.
 */
import type {
  ActionItem,
  PushedActionItem,
  PushedDelete,
  PushedSession,
  RecordType,
  Session,
  SyncRequest,
  SyncResult,
} from '../../shared/schemas';
import type { StoredActionItem, StoredSession, StoredUser, WriteTx } from '../storage/types';
import { becomesRecorded, DEFAULT_SURVEY_TIMING, issueSurveys, type SurveyTiming } from '../surveys/issue';
import { type Decision, decideActionItem, decideDelete, decideSession, tombstone } from './apply';
import { actionItemView, sessionView, teamMember, teamOf } from './records';

export type Caller = Pick<StoredUser, 'id' | 'email' | 'role'>;

/** What one pushed record came to; `row` is the stored row when something was written. */
export type Outcome<R> = { result: SyncResult; previous?: R; row?: R };

function toResult<R extends StoredSession | StoredActionItem>(
  type: RecordType,
  id: string,
  d: Decision<R>,
  view: (r: R) => Session | ActionItem,
): SyncResult {
  if (d.status === 'rejected') return { type, id, status: 'rejected', version: 0, error: d.error };
  if (d.status === 'conflict') {
    return { type, id, status: 'conflict', version: d.version, server: d.server ? view(d.server) : null };
  }
  return { type, id, status: 'applied', version: d.version };
}

async function store<C extends 'sessions' | 'actionItems'>(
  tx: WriteTx,
  c: C,
  row: Omit<C extends 'sessions' ? StoredSession : StoredActionItem, 'seq'>,
) {
  const full = { ...row, seq: await tx.nextSeq() } as C extends 'sessions' ? StoredSession : StoredActionItem;
  await tx.put(c, full as never);
  return full;
}

export async function putSession(
  tx: WriteTx,
  caller: Caller,
  pushed: PushedSession,
  now: string,
  teamIds?: Set<string>,
  surveys: SurveyTiming = DEFAULT_SURVEY_TIMING,
): Promise<Outcome<StoredSession>> {
  const inTeam = teamIds
    ? teamIds.has(pushed.employeeId)
    : (await teamMember(tx, caller, pushed.employeeId)) !== undefined;
  const current = await tx.get('sessions', pushed.id);
  const d = decideSession({ current, pushed, callerId: caller.id, inTeam, now });
  const result = toResult('session', pushed.id, d, (r) => sessionView(r, caller));
  if (d.status !== 'applied' || !d.row) return { result, previous: current };
  const row = await store(tx, 'sessions', d.row);
  // Step 12: a session that becomes `recorded` gets its employee and manager surveys, in this
  // same transaction, exactly once in its life (server/surveys/issue.ts).
  if (becomesRecorded(current, row)) await issueSurveys(tx, row, now, surveys);
  return { result, previous: current, row };
}

export async function putActionItem(
  tx: WriteTx,
  caller: Caller,
  pushed: PushedActionItem,
  now: string,
): Promise<Outcome<StoredActionItem>> {
  const current = await tx.get('actionItems', pushed.id);
  const session = await tx.get('sessions', pushed.sessionId);
  const d = decideActionItem({ current, pushed, callerId: caller.id, session, now });
  const result = toResult('actionItem', pushed.id, d, actionItemView);
  if (d.status !== 'applied' || !d.row) return { result, previous: current };
  return { result, previous: current, row: await store(tx, 'actionItems', d.row) };
}

/** Deletes leave tombstones; a session's live action items are tombstoned with it. */
export async function deleteRecord(
  tx: WriteTx,
  caller: Caller,
  del: Omit<PushedDelete, 'baseVersion'> & { baseVersion: number | null },
  now: string,
): Promise<Outcome<StoredSession | StoredActionItem>> {
  if (del.type === 'actionItem') {
    const current = await tx.get('actionItems', del.id);
    const d = decideDelete({ current, pushed: del, callerId: caller.id, now });
    const result = toResult('actionItem', del.id, d, actionItemView);
    if (d.status !== 'applied' || !d.row) return { result, previous: current };
    return { result, previous: current, row: await store(tx, 'actionItems', d.row) };
  }
  const current = await tx.get('sessions', del.id);
  const d = decideDelete({ current, pushed: del, callerId: caller.id, now });
  const result = toResult('session', del.id, d, (r) => sessionView(r, caller));
  if (d.status !== 'applied' || !d.row) return { result, previous: current };
  const row = await store(tx, 'sessions', d.row);
  for (const item of await tx.find('actionItems', { sessionId: del.id })) {
    if (!item.deleted) await store(tx, 'actionItems', tombstone(item, now));
  }
  return { result, previous: current, row };
}

/** A whole push, in a fixed order: sessions, then action items (so new ones find their new session), then deletes. */
export async function applyPush(
  tx: WriteTx,
  caller: Caller,
  push: SyncRequest['push'],
  now: string,
  surveys: SurveyTiming = DEFAULT_SURVEY_TIMING,
): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  const sessions = push.sessions ?? [];
  const team = sessions.length ? new Set((await teamOf(tx, caller)).map((e) => e.id)) : new Set<string>();
  for (const s of sessions) results.push((await putSession(tx, caller, s, now, team, surveys)).result);
  for (const a of push.actionItems ?? []) results.push((await putActionItem(tx, caller, a, now)).result);
  for (const d of push.deletes ?? []) results.push((await deleteRecord(tx, caller, d, now)).result);
  return results;
}
