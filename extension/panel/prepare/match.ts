/**
 * Which session an invite, a call or the meeting launcher belongs to (issue 6, the panel side).
 * Pure functions of the sessions the panel holds; the wiring (`wiring.ts`) applies what they decide.
 *
 * - Invite → session: same meeting link (normalised) and the same employee — the same event when it
 *   is within an hour of the invite's start, else an open talk of that link within two weeks; else
 *   the employee's open talk of that kind closest in time (within a week, or one not dated yet);
 *   else a new session.
 * - Call → session: by normalised meeting link only. A call continues the talk it already filled
 *   (or one whose filled call ended less than 30 minutes before: a dropped line, a rejoin); else it
 *   starts the not-yet-ended talk of that link scheduled closest to the join (within 12 hours).
 *   `startedAt`/`endedAt` are written only where the manager has not set them by hand: Tandem
 *   remembers what it wrote (`fromCall`) and never touches a value that differs from it.
 * - Launcher → session: by link (the talk closest in time); else the one talk scheduled within 3
 *   hours of the click; else the manager chooses from the talks nearest in time.
 */

import { normalizeMeetingUrl } from '../../../shared/invite/links';
import type { ConversationKind, Session } from '../../../shared/schemas/records';
import type { CallRecord, PanelRequest } from '../../adapters/messages';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const SAME_EVENT_MS = HOUR;
export const LINK_WINDOW_MS = 14 * DAY;
export const EMPLOYEE_WINDOW_MS = 7 * DAY;
export const CALL_WINDOW_MS = 12 * HOUR;
export const REJOIN_GAP_MS = 30 * MIN;
export const LAUNCH_WINDOW_MS = 3 * HOUR;

/** What Tandem wrote into a session from calls (the manager's own values are never overwritten). */
export interface FromCall {
  /** The `tandem:calls` records that went into this session. */
  ids: string[];
  startedAt?: string;
  endedAt?: string;
}

const ms = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/** `normalizeMeetingUrl`, or null for an empty or unusable link. */
export function linkKey(url: string | null | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    return normalizeMeetingUrl(url);
  } catch {
    return null;
  }
}

/** Planned or scheduled, not started, not ended. */
export function isOpenTalk(s: Session): boolean {
  return (s.status === 'planned' || s.status === 'scheduled') && !s.startedAt && !s.endedAt;
}

function closest<T>(list: readonly T[], at: number, when: (x: T) => number): T | undefined {
  let best: T | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const x of list) {
    const d = Math.abs(when(x) - at);
    if (d < bestD) {
      best = x;
      bestD = d;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Invite → session

export interface InviteTarget {
  employeeId?: string | null;
  kind?: ConversationKind | null;
  scheduledAt?: string | null;
  meetingUrl?: string | null;
}

export type InviteMatch =
  | { kind: 'existing'; sessionId: string; by: 'event' | 'link' | 'employee' }
  | { kind: 'new' };

/** The session an invite opens, or `new`. `sessions` are the live ones (tombstones left out). */
export function matchInviteSession(
  sessions: readonly Session[],
  target: InviteTarget,
  opts: { includeCancelled?: boolean; now?: Date } = {},
): InviteMatch {
  const pool = sessions.filter((s) => opts.includeCancelled || s.status !== 'cancelled');
  const at = ms(target.scheduledAt);
  const hasAt = Number.isFinite(at);
  const now = (opts.now ?? new Date()).getTime();
  const link = linkKey(target.meetingUrl);
  const sameEmployee = (s: Session) => !target.employeeId || s.employeeId === target.employeeId;

  if (link) {
    const byLink = pool.filter((s) => sameEmployee(s) && linkKey(s.meetingUrl) === link);
    if (hasAt) {
      const event = closest(
        byLink.filter((s) => Math.abs(ms(s.scheduledAt) - at) <= SAME_EVENT_MS),
        at,
        (s) => ms(s.scheduledAt),
      );
      if (event) return { kind: 'existing', sessionId: event.id, by: 'event' };
    }
    const open = byLink.filter(isOpenTalk);
    const dated = open.filter((s) => Number.isFinite(ms(s.scheduledAt)));
    const near = hasAt
      ? closest(
          dated.filter((s) => Math.abs(ms(s.scheduledAt) - at) <= LINK_WINDOW_MS),
          at,
          (s) => ms(s.scheduledAt),
        )
      : closest(dated, now, (s) => ms(s.scheduledAt));
    const pick = near ?? open.find((s) => !s.scheduledAt);
    if (pick) return { kind: 'existing', sessionId: pick.id, by: 'link' };
  }

  if (target.employeeId) {
    const open = pool.filter(
      (s) =>
        s.employeeId === target.employeeId &&
        isOpenTalk(s) &&
        (!target.kind || s.kind === target.kind) &&
        // A talk booked for another meeting link is another talk, unless it is at the same time
        // (the invite moved the talk to another meeting room).
        (!link ||
          !s.meetingUrl ||
          linkKey(s.meetingUrl) === link ||
          (hasAt && Math.abs(ms(s.scheduledAt) - at) <= SAME_EVENT_MS)),
    );
    const dated = open.filter((s) => Number.isFinite(ms(s.scheduledAt)));
    const ref = hasAt ? at : now;
    const near = closest(
      dated.filter((s) => Math.abs(ms(s.scheduledAt) - ref) <= EMPLOYEE_WINDOW_MS),
      ref,
      (s) => ms(s.scheduledAt),
    );
    const undated = open
      .filter((s) => !s.scheduledAt)
      .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))[0];
    const pick = near ?? undated;
    if (pick) return { kind: 'existing', sessionId: pick.id, by: 'employee' };
  }
  return { kind: 'new' };
}

// ---------------------------------------------------------------------------------------------
// Calls → startedAt / endedAt

export interface CallSession {
  session: Session;
  fromCall?: FromCall | null;
}

export interface CallUpdate {
  sessionId: string;
  /** Only the fields that change (null clears: a rejoined call reopens the talk). */
  set: { startedAt?: string; endedAt?: string | null; status?: Session['status'] };
  fromCall: FromCall;
}

interface Working {
  session: Session;
  fromCall: FromCall;
  startedAt: string | null;
  endedAt: string | null;
  status: Session['status'];
}

const later = (a: string, b: string) => (ms(a) >= ms(b) ? a : b);
const earlier = (a: string, b: string) => (ms(a) <= ms(b) ? a : b);

/** The session times the recorded calls give, as updates to apply. Idempotent. */
export function planCallTimes(sessions: readonly CallSession[], calls: readonly CallRecord[]): CallUpdate[] {
  const work = new Map<string, Working>();
  const live = sessions.filter((x) => x.session.status !== 'cancelled');
  for (const x of live) {
    work.set(x.session.id, {
      session: x.session,
      fromCall: {
        ids: [...(x.fromCall?.ids ?? [])],
        startedAt: x.fromCall?.startedAt,
        endedAt: x.fromCall?.endedAt,
      },
      startedAt: x.session.startedAt ?? null,
      endedAt: x.session.endedAt ?? null,
      status: x.session.status,
    });
  }
  const byLink = new Map<string, Working[]>();
  for (const w of work.values()) {
    const k = linkKey(w.session.meetingUrl);
    if (k) byLink.set(k, [...(byLink.get(k) ?? []), w]);
  }

  const ordered = [...calls]
    .filter((c) => c && typeof c.id === 'string' && Number.isFinite(ms(c.joinedAt)))
    .sort((a, b) => ms(a.joinedAt) - ms(b.joinedAt));
  for (const call of ordered) {
    const join = ms(call.joinedAt);
    const candidates = byLink.get(linkKey(call.meetingUrl) ?? '') ?? [];
    let target = candidates.find((w) => w.fromCall.ids.includes(call.id));
    if (!target) {
      // A rejoin: the talk this link's earlier call filled, still open or ended moments ago.
      target = candidates.find(
        (w) =>
          w.fromCall.ids.length > 0 &&
          w.status !== 'recorded' &&
          (w.endedAt === null ||
            (w.endedAt === w.fromCall.endedAt && join - ms(w.endedAt) <= REJOIN_GAP_MS)) &&
          join >= ms(w.startedAt) - REJOIN_GAP_MS,
      );
    }
    if (!target) {
      const fresh = candidates.filter((w) => {
        if (w.fromCall.ids.length > 0 || w.endedAt || w.status === 'recorded') return false;
        const when = ms(w.session.scheduledAt);
        if (Number.isFinite(when) && Math.abs(when - join) > CALL_WINDOW_MS) return false;
        // Started by hand long before this call: another talk.
        if (w.startedAt && Math.abs(ms(w.startedAt) - join) > CALL_WINDOW_MS) return false;
        return true;
      });
      const dated = fresh.filter((w) => Number.isFinite(ms(w.session.scheduledAt)));
      target = closest(dated, join, (w) => ms(w.session.scheduledAt)) ?? fresh[0];
    }
    if (!target) continue;

    const f = target.fromCall;
    if (!f.ids.includes(call.id)) f.ids.push(call.id);
    // Start: the earliest join, unless the manager set the start.
    if (target.startedAt === null) {
      target.startedAt = call.joinedAt;
      f.startedAt = call.joinedAt;
    } else if (target.startedAt === f.startedAt) {
      target.startedAt = earlier(target.startedAt, call.joinedAt);
      f.startedAt = target.startedAt;
    }
    // End: the latest leave; an open call keeps the talk going. Never the manager's end.
    const ownEnd = target.endedAt === null || target.endedAt === f.endedAt;
    if (ownEnd) {
      if (!call.leftAt) {
        target.endedAt = null;
        f.endedAt = undefined;
      } else if (ms(call.leftAt) >= ms(target.startedAt)) {
        const end = target.endedAt && f.endedAt ? later(target.endedAt, call.leftAt) : call.leftAt;
        // Another leg of the same talk is still open: not ended yet.
        const otherOpen = ordered.some((c) => c.id !== call.id && f.ids.includes(c.id) && !c.leftAt);
        if (!otherOpen) {
          target.endedAt = end;
          f.endedAt = end;
        }
      }
    }
    if ((target.status === 'planned' || target.status === 'scheduled') && target.startedAt)
      target.status = 'held';
  }

  const out: CallUpdate[] = [];
  for (const w of work.values()) {
    const s = w.session;
    const set: CallUpdate['set'] = {};
    if (w.startedAt && w.startedAt !== (s.startedAt ?? null)) set.startedAt = w.startedAt;
    if (w.endedAt !== (s.endedAt ?? null)) set.endedAt = w.endedAt;
    if (w.status !== s.status) set.status = w.status;
    const before = sessions.find((x) => x.session.id === s.id)?.fromCall;
    const idsChanged = (before?.ids ?? []).join() !== w.fromCall.ids.join();
    if (Object.keys(set).length === 0 && !idsChanged) continue;
    const fromCall: FromCall = { ids: w.fromCall.ids };
    if (w.fromCall.startedAt) fromCall.startedAt = w.fromCall.startedAt;
    if (w.fromCall.endedAt) fromCall.endedAt = w.fromCall.endedAt;
    out.push({ sessionId: s.id, set, fromCall });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Launcher → session

export type PanelMatch =
  | { kind: 'session'; sessionId: string; by: 'link' | 'time'; setLink: boolean }
  | { kind: 'choose'; candidates: string[] };

const talkTime = (s: Session) => ms(s.startedAt ?? s.scheduledAt);

/** The session the launcher on a meeting page asks for, or the talks to offer the manager. */
export function matchPanelRequest(
  sessions: readonly Session[],
  req: Pick<PanelRequest, 'meetingUrl' | 'at'>,
): PanelMatch {
  const live = sessions.filter((s) => s.status !== 'cancelled');
  const at = ms(req.at);
  const link = linkKey(req.meetingUrl);
  const byLink = live.filter((s) => link && linkKey(s.meetingUrl) === link);
  if (byLink.length) {
    const notDone = byLink.filter((s) => s.status !== 'recorded');
    const pool = notDone.length ? notDone : byLink;
    const dated = pool.filter((s) => Number.isFinite(talkTime(s)));
    const pick = closest(dated, at, talkTime) ?? pool[0]!;
    return { kind: 'session', sessionId: pick.id, by: 'link', setLink: false };
  }
  const active = live.filter((s) => s.status !== 'recorded' && !s.endedAt);
  const near = active.filter(
    (s) => Number.isFinite(ms(s.scheduledAt)) && Math.abs(ms(s.scheduledAt) - at) <= LAUNCH_WINDOW_MS,
  );
  const free = near.filter((s) => !s.meetingUrl);
  if (near.length === 1 && free.length === 1)
    return { kind: 'session', sessionId: free[0]!.id, by: 'time', setLink: true };
  const distance = (s: Session) => {
    const d = Math.abs(ms(s.scheduledAt) - at);
    return Number.isFinite(d) ? d : Number.POSITIVE_INFINITY;
  };
  const ranked = active
    .map((s) => ({ s, d: distance(s) }))
    .sort((a, b) => (a.d === b.d ? 0 : a.d < b.d ? -1 : 1))
    .map((x) => x.s);
  return { kind: 'choose', candidates: ranked.slice(0, 8).map((s) => s.id) };
}
