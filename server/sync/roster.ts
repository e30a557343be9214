/**
 * When the roster or the cycles last changed, as a change sequence: a sync pull sends a manager's
 * team and the cycles only when they changed since the client's cursor (a snapshot always sends
 * them), so a pull with nothing new reads neither. Every write of `employees` or `cycles` must call
 * `rosterChanged` in the same transaction. A store that has no mark yet (older data, or rows put
 * by hand) counts as changed, so a client can never keep a stale team.
 */
import type { ReadTx, WriteTx } from '../storage/types';

export const ROSTER_SETTING = 'sync.rosterSeq';

export async function rosterChanged(tx: WriteTx): Promise<void> {
  await tx.put('settings', { id: ROSTER_SETTING, value: await tx.nextSeq() });
}

/** Whether the team and cycles must be sent to a client at cursor `after` (null: a snapshot). */
export async function rosterChangedSince(tx: ReadTx, after: number | null): Promise<boolean> {
  if (after === null) return true;
  const mark = (await tx.get('settings', ROSTER_SETTING))?.value;
  return typeof mark !== 'number' || mark > after;
}
