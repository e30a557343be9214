/**
 * The employee one-pager (issue 9; step 2, facts and data, against recency bias): ratings across
 * cycles, earlier talks with their key points and agreement, action items with completion and
 * on-time rates, and open support commitments. Pure; the Prepare tab builds it from local data and
 * `GET /api/v1/employees/:id/summary` from the service's.
 *
 * Definitions (the action-item figures are DESIGN §6 "development", for one employee):
 * - Talks: the employee's live sessions that took place (held, recorded, or ended), newest first.
 * - Key points: the first `keyPointLines` (default 3) non-blank lines of `notes`, list markers and
 *   headings stripped, each cut to 200 characters. `privateNotes` are used only when the caller
 *   asks (`includePrivateNotes`, the extension on the manager's own device) and `notes` are empty;
 *   `keyPointsFrom` then says `privateNotes`. The service never asks.
 * - Action items: non-dropped items of held sessions (status `held`/`recorded`): `due` = `dueOn` ≤
 *   asOf; `done` = due and done; `overdue` = due, open and `dueOn` < asOf; `completionRate` = done /
 *   due; `onTimeRate` = due items whose `doneAt` (UTC date) ≤ `dueOn` / due; rates are null over
 *   nothing. `supportCommitments` = the same due / done for manager-owned items.
 * - Open support commitments: open manager-owned items of any live session of the employee.
 */
import type { ActionItem, ConversationKind, Cycle, Rating, Session } from '../schemas/records';
import { PREAMBLE, parseSections } from '../sync/notes';
import {
  byDue,
  byTalkTime,
  type Consensus,
  isHeld,
  isLiveItem,
  isLiveSession,
  type TalkRef,
  talkRef,
  tookPlace,
} from './talks';

export type SummaryInput = {
  employee: {
    id: string;
    name: string;
    department?: string | null;
    status?: 'active' | 'left';
    leftOn?: string | null;
  };
  ratings: readonly Rating[];
  cycles: readonly Cycle[];
  sessions: readonly Session[];
  actionItems: readonly ActionItem[];
  /** The day the figures are as of (`YYYY-MM-DD`), e.g. the manager's today. */
  asOf: string;
  /** Key points may come from private notes (on the manager's device only). Default false. */
  includePrivateNotes?: boolean;
  keyPointLines?: number;
};

export type RatingEntry = {
  cycleId: string;
  cycleName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  rating: number;
  /** This rating minus the one before it in the list; null for the first. */
  change: number | null;
};

export type TalkSummary = TalkRef & {
  kind: ConversationKind;
  durationMinutes: number | null;
  mainGoal: string | null;
  consensus: Consensus | null;
  appealed: boolean;
  keyPoints: string[];
  keyPointsFrom: 'notes' | 'privateNotes' | null;
  actionItems: { total: number; open: number; done: number; dropped: number };
};

export type ItemStats = {
  total: number;
  due: number;
  done: number;
  overdue: number;
  completionRate: number | null;
  onTimeRate: number | null;
};

export type OpenCommitment = {
  id: string;
  sessionId: string;
  title: string;
  dueOn: string | null;
  measure: string | null;
  overdue: boolean;
  from: TalkRef;
  lastCheckIn: { at: string; note: string } | null;
};

export type EmployeeSummary = {
  employee: {
    id: string;
    name: string;
    department: string | null;
    status: 'active' | 'left' | null;
    leftOn: string | null;
  };
  asOf: string;
  /** Oldest cycle first (by `startsOn`; ratings of unknown cycles last). */
  ratings: RatingEntry[];
  /** Newest first. */
  talks: TalkSummary[];
  actionItems: ItemStats;
  supportCommitments: { due: number; done: number; rate: number | null };
  openSupport: OpenCommitment[];
};

const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const KEY_POINT_MAX = 200;

/** The first `n` non-blank lines of a text, without list markers or heading hashes. */
export function keyPoints(text: string | null | undefined, n = 3): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of notesForKeyPoints(text).split(/\r?\n/)) {
    const line = raw
      .trim()
      .replace(/^(?:#{1,6}\s+|[-*•·+]\s+|\d{1,3}[.)]\s+|\d{1,3}、\s*|[（(]\d{1,3}[)）]\s*)/u, '')
      .trim();
    if (line === '') continue;
    out.push(line.length > KEY_POINT_MAX ? `${line.slice(0, KEY_POINT_MAX - 1)}…` : line);
    if (out.length >= n) break;
  }
  return out;
}

/**
 * Notes written in sections by the side panel (`## Title {#id}`, shared/sync/notes.ts): the
 * "Key points" section when it has text, else every section's text without its heading line.
 * Plain text is used as it is.
 */
function notesForKeyPoints(text: string): string {
  const sections = parseSections(text);
  if (!sections.some((x) => x.id !== PREAMBLE)) return text;
  const key = sections.find((x) => x.id === 'keyPoints' && x.body.trim() !== '');
  return key ? key.body : sections.map((x) => x.body).join('\n');
}

const utcDate = (instant: string | null | undefined): string | null => {
  if (!instant) return null;
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
};

export function employeeSummary(input: SummaryInput): EmployeeSummary {
  const { employee, asOf } = input;
  const cycles = new Map(input.cycles.map((c) => [c.id, c]));

  const rated = input.ratings
    .filter((r) => r.employeeId === employee.id)
    .map((r) => ({ r, c: cycles.get(r.cycleId) }))
    .sort(
      (a, b) =>
        (a.c ? 0 : 1) - (b.c ? 0 : 1) ||
        (a.c?.startsOn ?? '').localeCompare(b.c?.startsOn ?? '') ||
        a.r.cycleId.localeCompare(b.r.cycleId),
    );
  const ratings: RatingEntry[] = rated.map(({ r, c }, i) => ({
    cycleId: r.cycleId,
    cycleName: c?.name ?? null,
    startsOn: c?.startsOn ?? null,
    endsOn: c?.endsOn ?? null,
    rating: r.rating,
    change: i > 0 ? r.rating - rated[i - 1]!.r.rating : null,
  }));

  const live = input.sessions.filter((s) => s.employeeId === employee.id && isLiveSession(s));
  const sessionById = new Map(live.map((s) => [s.id, s]));
  const items = input.actionItems.filter((a) => isLiveItem(a) && sessionById.has(a.sessionId));
  const itemsBySession = new Map<string, ActionItem[]>();
  for (const a of items) {
    const list = itemsBySession.get(a.sessionId) ?? [];
    list.push(a);
    itemsBySession.set(a.sessionId, list);
  }

  const lines = input.keyPointLines ?? 3;
  const talks: TalkSummary[] = live
    .filter((s) => tookPlace(s))
    .sort(byTalkTime)
    .reverse()
    .map((s) => {
      const fromNotes = keyPoints(s.notes, lines);
      const fromPrivate =
        fromNotes.length === 0 && input.includePrivateNotes ? keyPoints(s.privateNotes, lines) : [];
      const own = itemsBySession.get(s.id) ?? [];
      const start = s.startedAt ? Date.parse(s.startedAt) : Number.NaN;
      const end = s.endedAt ? Date.parse(s.endedAt) : Number.NaN;
      const minutes = (end - start) / 60_000;
      return {
        ...talkRef(s),
        durationMinutes: Number.isFinite(minutes) && minutes >= 0 ? minutes : null,
        mainGoal: s.mainGoal ?? null,
        consensus: s.consensus ?? null,
        appealed: s.appealed === true,
        keyPoints: fromNotes.length ? fromNotes : fromPrivate,
        keyPointsFrom: fromNotes.length ? 'notes' : fromPrivate.length ? 'privateNotes' : null,
        actionItems: {
          total: own.length,
          open: own.filter((a) => a.status === 'open').length,
          done: own.filter((a) => a.status === 'done').length,
          dropped: own.filter((a) => a.status === 'dropped').length,
        },
      };
    });

  let total = 0;
  let due = 0;
  let done = 0;
  let overdue = 0;
  let onTime = 0;
  let supportDue = 0;
  let supportDone = 0;
  for (const a of items) {
    if (a.status === 'dropped' || !isHeld(sessionById.get(a.sessionId)!)) continue;
    total++;
    if (!a.dueOn || a.dueOn > asOf) continue;
    due++;
    const support = a.owner === 'manager';
    if (support) supportDue++;
    if (a.status === 'done') {
      done++;
      if (support) supportDone++;
      const doneOn = utcDate(a.doneAt);
      if (doneOn !== null && doneOn <= a.dueOn) onTime++;
    } else if (a.status === 'open' && a.dueOn < asOf) {
      overdue++;
    }
  }

  const openSupport: OpenCommitment[] = items
    .filter((a) => a.status === 'open' && a.owner === 'manager')
    .sort(byDue)
    .map((a) => {
      const last = [...(a.checkIns ?? [])].sort((x, y) => x.at.localeCompare(y.at)).at(-1);
      return {
        id: a.id,
        sessionId: a.sessionId,
        title: a.title,
        dueOn: a.dueOn ?? null,
        measure: a.measure ?? null,
        overdue: !!a.dueOn && a.dueOn < asOf,
        from: talkRef(sessionById.get(a.sessionId)!),
        lastCheckIn: last ? { at: last.at, note: last.note } : null,
      };
    });

  return {
    employee: {
      id: employee.id,
      name: employee.name,
      department: employee.department ?? null,
      status: employee.status ?? null,
      leftOn: employee.leftOn ?? null,
    },
    asOf,
    ratings,
    talks,
    actionItems: {
      total,
      due,
      done,
      overdue,
      completionRate: rate(done, due),
      onTimeRate: rate(onTime, due),
    },
    supportCommitments: { due: supportDue, done: supportDone, rate: rate(supportDone, supportDue) },
    openSupport,
  };
}
