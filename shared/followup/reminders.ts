/**
 * What a manager needs to do next (DESIGN §2 steps 11–12, issue 9), as a pure function of their
 * own records and a clock. The extension computes it locally (offline, for notifications and the
 * badge); `GET /api/v1/reminders` computes the same from the service's copy.
 *
 * Rules (`now` is an instant; "today" and "this week" are the manager's, in `timeZone`, weeks run
 * Monday to Sunday; deleted and cancelled sessions, and their action items, never remind; people
 * who have left (`leftOn` ≤ today) get no reminders):
 *
 * | kind         | when                                                                 | dueAt                     | overdue                 |
 * |--------------|----------------------------------------------------------------------|---------------------------|-------------------------|
 * | `prepare`    | planned/scheduled, not started, `scheduledAt` in [now, now + 5 days], no main goal or no agenda question | `scheduledAt` | never |
 * | `invite`     | the same, `scheduledAt` in [now, now + 3 days] and `invitedAt` empty | `scheduledAt` − 72 h      | always (the booking rule is 3 days ahead) |
 * | `record`     | ended (`endedAt` ≤ now, or status `held`) and not recorded (status `recorded` or `recordedAt`) | `endedAt` (else `startedAt`, else `scheduledAt`) + 24 h | after dueAt |
 * | `action-due` | open item with `dueOn` ≤ the end of this week (so also every past one), its session live | end of `dueOn`, local | `dueOn` < today |
 * | `survey`     | each item of `surveysDue` (the service's outbox)                      | `sendAfter`               | after `sendAfter` + 7 days (2 weeks after the talk) |
 * | `coverage`   | a report with no talk of a kind in a cycle, inside that kind's window (below) | end of the window's due day | after the due day |
 *
 * Coverage windows, as shares of a cycle of L days (day 0 = `startsOn`, day L − 1 = `endsOn`;
 * day k is inside a window [a, b) when ⌊a·L⌋ ≤ k < ⌊b·L⌋):
 *
 * | talk       | shown from | due by (last day of) | shown until (last day of)     |
 * |------------|-----------:|---------------------:|------------------------------:|
 * | `plan`     | 0          | 25 %                 | 33 %                          |
 * | `coaching` | 40 %       | 60 %                 | 75 %                          |
 * | `review`   | 85 %       | 100 % (`endsOn`)     | `endsOn` + 14 days            |
 *
 * A report is covered for a kind when a live session of theirs in that cycle and of that kind took
 * place (held, recorded, or ended) or is booked ahead (planned/scheduled with `scheduledAt` ≥ now).
 * Only reports whose `managerEmail` is the manager's (or empty: people the manager added) count.
 *
 * Priority (1 = first): 1 record overdue · 2 support commitment overdue · 3 invite · 4 prepare ·
 * 5 record · 6 support commitment due this week · 7 employee item overdue · 8 employee item due
 * this week · 9 survey · 10 coverage. The list is sorted by priority, then dueAt, then id.
 *
 * Ids are `kind:subjectType:subjectId[:detail]:dueDay`, where dueDay does not depend on the time
 * zone (the UTC date of the instant it derives from, `dueOn` itself, or the coverage due day). The
 * same thing always gets the same id, so the extension can notify once per id; a rescheduled talk
 * or a moved due date gets a new id and is announced again.
 */
import type { ActionItem, ConversationKind, Cycle, Session } from '../schemas/records';
import {
  actionDueMessage,
  type Bilingual,
  coverageMessage,
  inviteMessage,
  prepareMessage,
  recordMessage,
  surveyMessage,
} from './messages';
import { isHeld, isLiveItem, isLiveSession, isRecorded, isSupport, isUpcoming, tookPlace } from './talks';
import {
  addDays,
  checkZone,
  DAY_MS,
  daysFrom,
  endOfLocalDay,
  HOUR_MS,
  iso,
  localDay,
  nextNotifyAt,
  type QuietHours,
  startOfLocalDay,
  weekOf,
} from './time';

export const REMINDER_KINDS = ['prepare', 'invite', 'record', 'action-due', 'survey', 'coverage'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderSubject = { type: 'session' | 'actionItem' | 'survey' | 'employee'; id: string };

export type Reminder = {
  /** Stable: the same thing due the same day always has this id. Use it as the notification id. */
  id: string;
  kind: ReminderKind;
  /** ISO 8601 UTC. */
  dueAt: string;
  overdue: boolean;
  subject: ReminderSubject;
  employeeId?: string;
  /** The session to open in the side panel (the session itself, or the item's or survey's session). */
  sessionId?: string;
  /** 1 comes first; see the table in this module's comment. */
  priority: number;
  /** The earliest a notification for it may be shown, after quiet hours (ISO). */
  notifyAt: string;
  message: Bilingual;
  /** Coverage only: the cycle and the kind of talk that is missing. */
  cycleId?: string;
  talkKind?: ConversationKind;
};

/** A survey link due to be sent (the service's outbox item; extra fields are ignored). */
export type SurveyDue = {
  surveyId: string;
  sessionId: string;
  kind: 'employee' | 'manager';
  url: string;
  sendAfter: string;
};

/** A person on the manager's team; roster `Employee`s fit, and so do the extension's own people. */
export type ReportLike = {
  id: string;
  name: string;
  managerEmail?: string | null;
  status?: 'active' | 'left';
  leftOn?: string | null;
};

export type ReminderPrefs = {
  quietHours?: QuietHours | null;
  /** A kind set to `false` is left out; missing kinds are on. */
  kinds?: Partial<Record<ReminderKind, boolean>>;
};

export type ReminderInput = {
  now: Date;
  /** IANA zone or fixed offset of the manager; default `UTC`. */
  timeZone?: string;
  manager: { email: string; id?: string };
  reports: readonly ReportLike[];
  sessions: readonly Session[];
  actionItems: readonly ActionItem[];
  cycles: readonly Cycle[];
  surveysDue?: readonly SurveyDue[];
  prefs?: ReminderPrefs;
};

export const PREPARE_DAYS = 5;
export const INVITE_DAYS = 3;
export const RECORD_HOURS = 24;
export const SURVEY_OVERDUE_DAYS = 7;
export const REVIEW_GRACE_DAYS = 14;

/** Coverage windows as shares of the cycle; see the module comment. */
export const COVERAGE_WINDOWS: Readonly<
  Record<ConversationKind, { from: number; due: number; until: number | null }>
> = {
  plan: { from: 0, due: 0.25, until: 1 / 3 },
  coaching: { from: 0.4, due: 0.6, until: 0.75 },
  review: { from: 0.85, due: 1, until: null },
};

export const PRIORITY = {
  recordOverdue: 1,
  supportOverdue: 2,
  invite: 3,
  prepare: 4,
  record: 5,
  supportThisWeek: 6,
  itemOverdue: 7,
  itemThisWeek: 8,
  survey: 9,
  coverage: 10,
} as const;

/** The days a coverage window of `kind` spans in `cycle`, as `YYYY-MM-DD` (all inclusive). */
export function coverageWindow(
  cycle: Pick<Cycle, 'startsOn' | 'endsOn'>,
  kind: ConversationKind,
): { from: string; dueOn: string; until: string } {
  const L = daysFrom(cycle.startsOn, cycle.endsOn) + 1;
  const w = COVERAGE_WINDOWS[kind];
  const at = (share: number) => addDays(cycle.startsOn, Math.floor(share * L));
  const dueOn = [addDays(at(w.due), -1), cycle.startsOn].sort()[1]!;
  const until = w.until === null ? addDays(cycle.endsOn, REVIEW_GRACE_DAYS) : addDays(at(w.until), -1);
  const from = at(w.from);
  // A very short cycle can make a window empty; then it is its due day alone.
  const [earliest] = [from, dueOn].sort();
  const [, latest] = [until, dueOn].sort();
  return { from: earliest!, dueOn, until: latest! };
}

const utcDay = (instant: string) => new Date(Date.parse(instant)).toISOString().slice(0, 10);

function reminderId(kind: ReminderKind, subject: ReminderSubject, dueDay: string, detail?: string): string {
  return [kind, subject.type, subject.id, ...(detail ? [detail] : []), dueDay].join(':');
}

const hasText = (s: string | null | undefined) => !!s && s.trim() !== '';

function departed(e: ReportLike | undefined, today: string): boolean {
  return !!e?.leftOn && e.leftOn <= today;
}

/** Every reminder due at `now`, sorted by priority, then due time, then id. */
export function computeReminders(input: ReminderInput): Reminder[] {
  const zone = checkZone(input.timeZone);
  const nowMs = input.now.getTime();
  const today = localDay(nowMs, zone);
  const week = weekOf(today);
  const notifyAt = iso(nextNotifyAt(input.now, input.prefs?.quietHours, zone).getTime());
  const enabled = (k: ReminderKind) => input.prefs?.kinds?.[k] !== false;

  const people = new Map(input.reports.map((e) => [e.id, e]));
  const nameOf = (id: string | undefined) => (id ? (people.get(id)?.name ?? null) : null);
  const sessions = new Map<string, Session>();
  for (const s of input.sessions) if (isLiveSession(s)) sessions.set(s.id, s);
  // A session of someone who has left reminds of nothing, and neither do its items.
  for (const [id, s] of sessions) if (departed(people.get(s.employeeId), today)) sessions.delete(id);

  const out = new Map<string, Reminder>();
  const add = (r: Omit<Reminder, 'id' | 'notifyAt'>, dueDay: string, detail?: string) => {
    const id = reminderId(r.kind, r.subject, dueDay, detail);
    out.set(id, { id, ...r, notifyAt });
  };

  for (const s of sessions.values()) {
    const name = nameOf(s.employeeId);
    const common = {
      subject: { type: 'session' as const, id: s.id },
      employeeId: s.employeeId,
      sessionId: s.id,
    };
    if (isUpcoming(s, nowMs)) {
      const at = Date.parse(s.scheduledAt!);
      const talk = { name, kind: s.kind, at: s.scheduledAt!, timeZone: zone };
      const missing: ('mainGoal' | 'questions')[] = [];
      if (!hasText(s.mainGoal)) missing.push('mainGoal');
      if (!(s.agenda?.questions ?? []).some(hasText)) missing.push('questions');
      if (enabled('prepare') && missing.length > 0 && at <= nowMs + PREPARE_DAYS * DAY_MS) {
        add(
          {
            kind: 'prepare',
            dueAt: iso(at),
            overdue: false,
            priority: PRIORITY.prepare,
            message: prepareMessage({ ...talk, missing }),
            ...common,
          },
          utcDay(s.scheduledAt!),
        );
      }
      if (enabled('invite') && !s.invitedAt && at <= nowMs + INVITE_DAYS * DAY_MS) {
        const dueAt = at - INVITE_DAYS * DAY_MS;
        add(
          {
            kind: 'invite',
            dueAt: iso(dueAt),
            overdue: nowMs >= dueAt,
            priority: PRIORITY.invite,
            message: inviteMessage(talk),
            ...common,
          },
          utcDay(s.scheduledAt!),
        );
      }
    }
    if (enabled('record') && !isRecorded(s) && tookPlace(s, nowMs)) {
      const anchor = s.endedAt ?? s.startedAt ?? s.scheduledAt ?? null;
      const dueMs = anchor ? Date.parse(anchor) + RECORD_HOURS * HOUR_MS : nowMs;
      const overdue = nowMs > dueMs;
      add(
        {
          kind: 'record',
          dueAt: iso(dueMs),
          overdue,
          priority: overdue ? PRIORITY.recordOverdue : PRIORITY.record,
          message: recordMessage({ name, kind: s.kind, overdue }),
          ...common,
        },
        anchor ? utcDay(iso(dueMs)) : 'undated',
      );
    }
  }

  if (enabled('action-due')) {
    for (const a of input.actionItems) {
      if (!isLiveItem(a) || a.status !== 'open' || !a.dueOn || a.dueOn > week.end) continue;
      const s = sessions.get(a.sessionId);
      if (!s) continue;
      const overdue = a.dueOn < today;
      const support = isSupport(a);
      const priority = support
        ? overdue
          ? PRIORITY.supportOverdue
          : PRIORITY.supportThisWeek
        : overdue
          ? PRIORITY.itemOverdue
          : PRIORITY.itemThisWeek;
      add(
        {
          kind: 'action-due',
          dueAt: iso(endOfLocalDay(a.dueOn, zone)),
          overdue,
          subject: { type: 'actionItem', id: a.id },
          employeeId: s.employeeId,
          sessionId: s.id,
          priority,
          message: actionDueMessage({
            name: nameOf(s.employeeId),
            title: a.title,
            support,
            dueOn: a.dueOn,
            today,
          }),
        },
        a.dueOn,
      );
    }
  }

  if (enabled('survey')) {
    const known = new Set(input.sessions.map((s) => s.id));
    for (const v of input.surveysDue ?? []) {
      const s = sessions.get(v.sessionId);
      if (known.has(v.sessionId) && !s) continue; // cancelled, deleted, or of someone who left
      const sendAfter = Date.parse(v.sendAfter);
      add(
        {
          kind: 'survey',
          dueAt: iso(sendAfter),
          overdue: nowMs > sendAfter + SURVEY_OVERDUE_DAYS * DAY_MS,
          subject: { type: 'survey', id: v.surveyId },
          ...(s ? { employeeId: s.employeeId } : {}),
          sessionId: v.sessionId,
          priority: PRIORITY.survey,
          message: surveyMessage({ name: nameOf(s?.employeeId), kind: v.kind, talkKind: s?.kind ?? null }),
        },
        utcDay(v.sendAfter),
      );
    }
  }

  if (enabled('coverage')) {
    const mine = (e: ReportLike) =>
      !e.managerEmail || e.managerEmail.trim().toLowerCase() === input.manager.email.trim().toLowerCase();
    const team = input.reports.filter((e) => mine(e) && !departed(e, today) && e.status !== 'left');
    for (const cycle of input.cycles) {
      for (const kind of ['plan', 'coaching', 'review'] as const) {
        const w = coverageWindow(cycle, kind);
        if (today < w.from || today > w.until) continue;
        const covered = new Set<string>();
        for (const s of sessions.values()) {
          if (s.cycleId === cycle.id && s.kind === kind && (tookPlace(s, nowMs) || isUpcoming(s, nowMs))) {
            covered.add(s.employeeId);
          }
        }
        for (const e of team) {
          if (covered.has(e.id)) continue;
          const overdue = today > w.dueOn;
          add(
            {
              kind: 'coverage',
              dueAt: iso(endOfLocalDay(w.dueOn, zone)),
              overdue,
              subject: { type: 'employee', id: e.id },
              employeeId: e.id,
              priority: PRIORITY.coverage,
              message: coverageMessage({
                name: e.name,
                kind,
                cycleName: cycle.name,
                dueOn: w.dueOn,
                overdue,
              }),
              cycleId: cycle.id,
              talkKind: kind,
            },
            w.dueOn,
            `${cycle.id}.${kind}`,
          );
        }
      }
    }
  }

  return [...out.values()].sort(
    (a, b) => a.priority - b.priority || a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id),
  );
}

/**
 * The next instant after `now` at which `computeReminders` on the same records could answer
 * differently: a talk entering the 5- or 3-day window or starting, a talk's 24 hours running out,
 * a survey turning overdue, or the next local midnight (new day, new week, coverage windows).
 * The extension sets its alarm to this (and recomputes whenever the records change).
 */
export function nextReminderChangeAt(input: Omit<ReminderInput, 'prefs'>): Date {
  const zone = checkZone(input.timeZone);
  const nowMs = input.now.getTime();
  let next = startOfLocalDay(addDays(localDay(nowMs, zone), 1), zone);
  const consider = (ms: number) => {
    if (ms > nowMs && ms < next) next = ms;
  };
  for (const s of input.sessions) {
    if (!isLiveSession(s)) continue;
    if (s.scheduledAt && isUpcoming(s, nowMs)) {
      const at = Date.parse(s.scheduledAt);
      consider(at - PREPARE_DAYS * DAY_MS);
      consider(at - INVITE_DAYS * DAY_MS);
      consider(at + 1);
    }
    if (!isRecorded(s) && (s.endedAt || isHeld(s))) {
      // The same anchor as the record reminder: a held talk without an end counts from its start.
      if (s.endedAt) consider(Date.parse(s.endedAt));
      const anchor = s.endedAt ?? s.startedAt ?? s.scheduledAt;
      if (anchor) consider(Date.parse(anchor) + RECORD_HOURS * HOUR_MS + 1);
    }
  }
  for (const v of input.surveysDue ?? [])
    consider(Date.parse(v.sendAfter) + SURVEY_OVERDUE_DAYS * DAY_MS + 1);
  return new Date(next);
}
