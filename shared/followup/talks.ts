/**
 * What follow-up needs to know about sessions and action items, shared by reminders,
 * carry-over, the one-pager and the weekly view. Records may come straight from the extension's
 * store or from the service; a record flagged `deleted` (a tombstone) is never used.
 */
import type { ActionItem, ConversationKind, Session } from '../schemas/records';

/** The agreement a talk ended with. */
export type Consensus = NonNullable<Session['consensus']>;

/** A record as either side holds it: tombstones may carry `deleted: true`. */
type MaybeDeleted = { deleted?: boolean | null };

/** Not a tombstone and not cancelled. */
export function isLiveSession(s: Session): boolean {
  return !(s as MaybeDeleted).deleted && s.status !== 'cancelled';
}

export function isLiveItem(a: ActionItem): boolean {
  return !(a as MaybeDeleted).deleted;
}

/** Held, as DESIGN §6 counts it: status `held` or `recorded`. */
export function isHeld(s: Session): boolean {
  return s.status === 'held' || s.status === 'recorded';
}

/** Recorded: status `recorded`, or a `recordedAt` already set. */
export function isRecorded(s: Session): boolean {
  return s.status === 'recorded' || !!s.recordedAt;
}

/**
 * A talk that took place by `nowMs`: held or recorded, or its call ended (an `endedAt` in the past,
 * even if the status was not updated yet). Cancelled and deleted sessions never count.
 */
export function tookPlace(s: Session, nowMs = Number.POSITIVE_INFINITY): boolean {
  if (!isLiveSession(s)) return false;
  if (isHeld(s)) return true;
  const ended = s.endedAt ? Date.parse(s.endedAt) : Number.NaN;
  return ended <= nowMs;
}

/** Booked and still ahead: planned or scheduled, not started, with a `scheduledAt` at or after now. */
export function isUpcoming(s: Session, nowMs: number): boolean {
  if (!isLiveSession(s) || (s.status !== 'planned' && s.status !== 'scheduled')) return false;
  if (s.startedAt || s.endedAt || !s.scheduledAt) return false;
  return Date.parse(s.scheduledAt) >= nowMs;
}

/** When the talk happened, or is to happen: started, else scheduled, else ended, else recorded. */
export function talkAt(s: Session): string | null {
  return s.startedAt ?? s.scheduledAt ?? s.endedAt ?? s.recordedAt ?? null;
}

/** Code-point order: the same on every runtime and locale. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders sessions by `talkAt`, undated last, then by id (deterministic). */
export function byTalkTime(a: Session, b: Session): number {
  const ta = talkAt(a);
  const tb = talkAt(b);
  if (ta !== tb) {
    if (ta === null) return 1;
    if (tb === null) return -1;
    return Date.parse(ta) - Date.parse(tb) || ta.localeCompare(tb);
  }
  return cmp(a.id, b.id);
}

/** A talk as follow-up views name it. */
export type TalkRef = {
  sessionId: string;
  cycleId: string;
  kind: ConversationKind;
  status: Session['status'];
  /** `talkAt`: started, else scheduled, else ended, else recorded (ISO), or null. */
  at: string | null;
};

export function talkRef(s: Session): TalkRef {
  return { sessionId: s.id, cycleId: s.cycleId, kind: s.kind, status: s.status, at: talkAt(s) };
}

/** The last talk that took place by `nowMs`, with its agreement. */
export type LastTalk = TalkRef & { consensus: Consensus | null };

/** Manager-owned action items are support commitments. */
export const isSupport = (a: ActionItem): boolean => a.owner === 'manager';

/** Open items first by due date (undated last), support commitments before employee items, then title. */
export function byDue(a: ActionItem, b: ActionItem): number {
  const da = a.dueOn ?? '9999-99-99';
  const db = b.dueOn ?? '9999-99-99';
  return (
    da.localeCompare(db) ||
    Number(isSupport(b)) - Number(isSupport(a)) ||
    cmp(a.title, b.title) ||
    cmp(a.id, b.id)
  );
}
