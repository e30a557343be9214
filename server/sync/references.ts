/**
 * Referential checks on pushed records (sync pushes and the REST PUTs), run inside the write
 * transaction before anything is applied, so a push that names what is not there stores nothing.
 *
 * - A session's `cycleId` must name a cycle, and its `employeeId` one of the caller's team — or,
 *   for an edit, the employee the stored session already has (people change teams while a
 *   manager is offline; their old talks stay editable).
 * - An action item's `sessionId` must name one of the caller's sessions, stored or in this push.
 *
 * Records the caller may not see are reported exactly like records that do not exist: the answer
 * never tells a manager what another manager holds.
 *
 * Not bad input: a reference to a session that was deleted meanwhile on another device. Offline
 * clients cause that; the action item follows its session into a tombstone (`decideActionItem`),
 * the push is applied and the next pull removes both from every device.
 */
import type { PushedActionItem, PushedSession } from '../../shared/schemas';
import { ApiError } from '../middleware/errors';
import type { WriteTx } from '../storage/types';
import { teamOf } from './records';
import type { Caller } from './write';

export type ReferenceError = {
  path: string;
  message: string;
  record: { type: 'session' | 'actionItem'; id: string };
};

/** Where a field of the i-th pushed record sits in the request body. */
export type FieldAt = (kind: 'sessions' | 'actionItems', index: number, field: string) => string;
const pushPath: FieldAt = (kind, i, field) => `push.${kind}.${i}.${field}`;
/** For the REST routes, whose body is the one record. */
export const bodyPath: FieldAt = (_kind, _i, field) => field;

type Pushed = { sessions?: PushedSession[]; actionItems?: PushedActionItem[] };

/**
 * Every broken reference in a push; `at` says where the records sit in the request body. The REST
 * routes pass `tombstones: false`: an online client that names a deleted session gets a 400.
 */
export async function brokenReferences(
  tx: WriteTx,
  caller: Caller,
  push: Pushed,
  at: FieldAt = pushPath,
  tombstones = true,
): Promise<ReferenceError[]> {
  const sessions = push.sessions ?? [];
  const items = push.actionItems ?? [];
  const errors: ReferenceError[] = [];
  if (!sessions.length && !items.length) return errors;
  const [cycles, team] = await Promise.all([
    sessions.length ? tx.find('cycles') : [],
    sessions.length ? teamOf(tx, caller) : [],
  ]);
  const cycleIds = new Set(cycles.map((c) => c.id));
  const teamIds = new Set(team.map((e) => e.id));
  const pushedSessions = new Set<string>();
  for (const [i, s] of sessions.entries()) {
    const record = { type: 'session' as const, id: s.id };
    const stored = await tx.get('sessions', s.id);
    const mine = !stored || stored.ownerId === caller.id;
    if (mine) pushedSessions.add(s.id);
    if (!cycleIds.has(s.cycleId)) {
      errors.push({ path: at('sessions', i, 'cycleId'), message: `no cycle "${s.cycleId}"`, record });
    }
    const keeps = stored && mine && !stored.deleted && stored.employeeId === s.employeeId;
    if (!teamIds.has(s.employeeId) && !keeps) {
      errors.push({
        path: at('sessions', i, 'employeeId'),
        message: `no employee "${s.employeeId}" in your team`,
        record,
      });
    }
  }
  for (const [i, a] of items.entries()) {
    if (pushedSessions.has(a.sessionId)) continue;
    const session = await tx.get('sessions', a.sessionId);
    if (session && session.ownerId === caller.id && (tombstones || !session.deleted)) continue;
    errors.push({
      path: at('actionItems', i, 'sessionId'),
      message: `no session ${a.sessionId} among yours, stored or in this push`,
      record: { type: 'actionItem', id: a.id },
    });
  }
  return errors;
}

/** 400 `invalid_reference` naming every record and field, or nothing when all references hold. */
export async function checkReferences(
  tx: WriteTx,
  caller: Caller,
  push: Pushed,
  at?: FieldAt,
  tombstones?: boolean,
): Promise<void> {
  const errors = await brokenReferences(tx, caller, push, at, tombstones);
  if (!errors.length) return;
  throw new ApiError(
    400,
    'invalid_reference',
    `${errors.length} reference${errors.length === 1 ? '' : 's'} name records that are not there; nothing was stored. See details.`,
    errors,
  );
}
