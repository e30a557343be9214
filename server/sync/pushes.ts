/**
 * Idempotency records of sync pushes (`pushes`, one per `clientId` + `pushId`) are kept only as
 * long as a retry can need them: the newest `KEEP_PER_CLIENT` of each client, none older than
 * `KEEP_DAYS`. The extension retries only its latest push (a push it never got an answer to), so
 * this keeps every retry that happens in practice. A retry whose record is gone is applied as a
 * new push, which is still safe: a record already stored with the pushed content at
 * `baseVersion + 1` answers `applied` with that version (nothing changes), one edited since
 * answers `conflict` with the server's text (both texts kept), and deletes of what is gone answer
 * `applied`. Pruning runs in the push's own transaction and reads only that user's records (an
 * indexed lookup), so its cost does not grow with the store.
 */
import type { StoredPush, WriteTx } from '../storage/types';

export const KEEP_PER_CLIENT = 20;
export const KEEP_DAYS = 30;

/** The client part of a push record's id `${userId}:${clientId}:${pushId}`. */
function clientOf(record: StoredPush): string {
  const rest = record.id.slice(record.userId.length + 1);
  return rest.slice(0, rest.lastIndexOf(':'));
}

export async function prunePushes(tx: WriteTx, userId: string, clientId: string, now: string): Promise<void> {
  const oldest = new Date(Date.parse(now) - KEEP_DAYS * 86_400_000).toISOString();
  const records = await tx.find('pushes', { userId });
  const mine = records
    .filter((r) => clientOf(r) === clientId && r.at >= oldest)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const stale = new Set(mine.slice(KEEP_PER_CLIENT).map((r) => r.id));
  for (const r of records) if (r.at < oldest) stale.add(r.id);
  for (const id of stale) await tx.remove('pushes', id);
}
