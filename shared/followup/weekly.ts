/**
 * The manager's week (issue 9, Follow-up tab): per report, the last talk, open and overdue action
 * items, and the next booked talk. Pure; `now` and the manager's time zone come in.
 *
 * Definitions: "today" and "this week" (Monday to Sunday) are local to `timeZone`. Reports who have
 * left (`leftOn` ≤ today) are not listed. The last talk is the latest live session that took place
 * by now (held, recorded, or ended); the next talk is the earliest planned/scheduled session, not
 * started, with `scheduledAt` ≥ now. Open items are the open action items of the report's live
 * sessions; overdue ones have `dueOn` < today. Rows with overdue items come first (most first),
 * then by name and id.
 */
import type { ActionItem, Session } from '../schemas/records';
import type { ReportLike } from './reminders';
import {
  byDue,
  byTalkTime,
  type Consensus,
  isLiveItem,
  isLiveSession,
  isUpcoming,
  type TalkRef,
  talkRef,
  tookPlace,
} from './talks';
import { checkZone, localDay, weekOf } from './time';

export type WeeklyItem = {
  id: string;
  sessionId: string;
  title: string;
  owner: ActionItem['owner'];
  dueOn: string | null;
  overdue: boolean;
  dueThisWeek: boolean;
  lastCheckIn: { at: string; note: string } | null;
};

export type WeeklyRow = {
  employee: { id: string; name: string };
  lastTalk: (TalkRef & { consensus: Consensus | null }) | null;
  nextTalk: TalkRef | null;
  /** Every open item, overdue ones included; by due date, support commitments first on a tie. */
  openItems: WeeklyItem[];
  overdueItems: WeeklyItem[];
  /** Open items due today or later this week. */
  dueThisWeek: number;
  /** Open manager-owned items (support commitments). */
  openSupport: number;
};

export type WeeklyView = { today: string; week: { start: string; end: string }; rows: WeeklyRow[] };

export type WeeklyInput = {
  now: Date;
  timeZone?: string;
  reports: readonly ReportLike[];
  sessions: readonly Session[];
  actionItems: readonly ActionItem[];
};

export function weeklyView(input: WeeklyInput): WeeklyView {
  const zone = checkZone(input.timeZone);
  const nowMs = input.now.getTime();
  const today = localDay(nowMs, zone);
  const week = weekOf(today);

  const sessionsOf = new Map<string, Session[]>();
  const sessionById = new Map<string, Session>();
  for (const s of input.sessions) {
    if (!isLiveSession(s)) continue;
    sessionById.set(s.id, s);
    const list = sessionsOf.get(s.employeeId) ?? [];
    list.push(s);
    sessionsOf.set(s.employeeId, list);
  }
  const itemsOf = new Map<string, ActionItem[]>();
  for (const a of input.actionItems) {
    const s = sessionById.get(a.sessionId);
    if (!s || !isLiveItem(a) || a.status !== 'open') continue;
    const list = itemsOf.get(s.employeeId) ?? [];
    list.push(a);
    itemsOf.set(s.employeeId, list);
  }

  const rows: WeeklyRow[] = input.reports
    .filter((e) => !(e.leftOn && e.leftOn <= today))
    .map((e) => {
      const own = (sessionsOf.get(e.id) ?? []).sort(byTalkTime);
      const last = own.filter((s) => tookPlace(s, nowMs)).at(-1);
      const next = own.filter((s) => isUpcoming(s, nowMs))[0];
      const openItems = (itemsOf.get(e.id) ?? []).sort(byDue).map((a): WeeklyItem => {
        const lastCheckIn = [...(a.checkIns ?? [])].sort((x, y) => x.at.localeCompare(y.at)).at(-1);
        return {
          id: a.id,
          sessionId: a.sessionId,
          title: a.title,
          owner: a.owner,
          dueOn: a.dueOn ?? null,
          overdue: !!a.dueOn && a.dueOn < today,
          dueThisWeek: !!a.dueOn && a.dueOn >= today && a.dueOn <= week.end,
          lastCheckIn: lastCheckIn ? { at: lastCheckIn.at, note: lastCheckIn.note } : null,
        };
      });
      return {
        employee: { id: e.id, name: e.name },
        lastTalk: last ? { ...talkRef(last), consensus: last.consensus ?? null } : null,
        nextTalk: next ? talkRef(next) : null,
        openItems,
        overdueItems: openItems.filter((i) => i.overdue),
        dueThisWeek: openItems.filter((i) => i.dueThisWeek).length,
        openSupport: openItems.filter((i) => i.owner === 'manager').length,
      };
    })
    .sort(
      (a, b) =>
        b.overdueItems.length - a.overdueItems.length ||
        a.employee.name.localeCompare(b.employee.name, 'zh-CN') ||
        a.employee.id.localeCompare(b.employee.id),
    );

  return { today, week, rows };
}
