/**
 * "Since last time" (issue 9, step 12): what the next talk with an employee should pick up from
 * the earlier ones: their open action items, with check-ins and the talk each came from, and the
 * questions of the last talk.
 *
 * Definitions:
 * - Earlier talks: the employee's live sessions (not cancelled, not deleted) that took place
 *   (status `held`/`recorded`, or an `endedAt`), other than the talk being prepared, and, when that
 *   talk has a time (`startedAt`, else `scheduledAt`…), before it.
 * - Open items: action items with status `open` whose session is an earlier talk.
 * - Unchecked questions: the Session record keeps agenda questions as plain strings, with no
 *   per-question tick. So every question of the *last* earlier talk is offered, except those
 *   already copied into the agenda of the talk being prepared (compared trimmed, whitespace
 *   collapsed, case-insensitive). The manager drops the ones that were answered.
 *
 * Nothing here reads `notes` or `privateNotes`.
 */
import type { ActionItem, Agenda, CheckIn, Session } from '../schemas/records';
import {
  byDue,
  byTalkTime,
  type Consensus,
  isLiveItem,
  isLiveSession,
  type TalkRef,
  talkAt,
  talkRef,
  tookPlace,
} from './talks';

export type CarriedItem = {
  item: ActionItem;
  /** The talk the item was agreed in. */
  from: TalkRef;
  /** Oldest first. */
  checkIns: CheckIn[];
  lastCheckIn: CheckIn | null;
  /** `dueOn` < `today` (false when `today` was not given or the item has no due date). */
  overdue: boolean;
  /** Manager-owned: a support commitment. */
  support: boolean;
};

export type CarriedQuestion = { text: string; from: TalkRef };

export type LastTalkBrief = TalkRef & {
  mainGoal: string | null;
  nextGoals: string | null;
  consensus: Consensus | null;
};

export type SinceLastTime = {
  employeeId: string;
  lastTalk: LastTalkBrief | null;
  /** Support commitments first, then by due date (undated last), then title. */
  openItems: CarriedItem[];
  questions: CarriedQuestion[];
  isEmpty: boolean;
};

export type CarryOverInput = {
  employeeId: string;
  sessions: readonly Session[];
  actionItems: readonly ActionItem[];
  /** The talk being prepared; omitted: the next talk, not created yet. */
  beforeSessionId?: string | null;
  /** The manager's today (`YYYY-MM-DD`), to flag overdue items. */
  today?: string | null;
};

/** Question text as compared for "already in the agenda". */
export const normalizeQuestion = (q: string): string => q.trim().replace(/\s+/g, ' ').toLowerCase();

/** The employee's earlier talks, oldest first. */
export function earlierTalks(
  employeeId: string,
  sessions: readonly Session[],
  beforeSessionId?: string | null,
): Session[] {
  const target = beforeSessionId ? sessions.find((s) => s.id === beforeSessionId) : undefined;
  const cutoff = target ? talkAt(target) : null;
  const cutoffMs = cutoff ? Date.parse(cutoff) : Number.POSITIVE_INFINITY;
  return sessions
    .filter((s) => s.employeeId === employeeId && s.id !== beforeSessionId && tookPlace(s))
    .filter((s) => {
      const at = talkAt(s);
      return at === null || Date.parse(at) < cutoffMs;
    })
    .sort(byTalkTime);
}

export function carryOver(input: CarryOverInput): SinceLastTime {
  const talks = earlierTalks(input.employeeId, input.sessions, input.beforeSessionId);
  const byId = new Map(talks.map((s) => [s.id, s]));
  const last = talks.at(-1) ?? null;

  const openItems: CarriedItem[] = input.actionItems
    .filter((a) => isLiveItem(a) && a.status === 'open' && byId.has(a.sessionId))
    .sort((a, b) => Number(b.owner === 'manager') - Number(a.owner === 'manager') || byDue(a, b))
    .map((item) => {
      const checkIns = [...(item.checkIns ?? [])].sort((x, y) => x.at.localeCompare(y.at));
      return {
        item,
        from: talkRef(byId.get(item.sessionId)!),
        checkIns,
        lastCheckIn: checkIns.at(-1) ?? null,
        overdue: !!input.today && !!item.dueOn && item.dueOn < input.today,
        support: item.owner === 'manager',
      };
    });

  const target = input.beforeSessionId
    ? input.sessions.find((s) => s.id === input.beforeSessionId && isLiveSession(s))
    : undefined;
  const already = new Set((target?.agenda?.questions ?? []).map(normalizeQuestion));
  const questions: CarriedQuestion[] = [];
  if (last) {
    const from = talkRef(last);
    for (const text of last.agenda?.questions ?? []) {
      const key = normalizeQuestion(text);
      if (key === '' || already.has(key)) continue;
      already.add(key);
      questions.push({ text: text.trim(), from });
    }
  }

  return {
    employeeId: input.employeeId,
    lastTalk: last
      ? {
          ...talkRef(last),
          mainGoal: last.mainGoal ?? null,
          nextGoals: last.agenda?.nextGoals ?? null,
          consensus: last.consensus ?? null,
        }
      : null,
    openItems,
    questions,
    isEmpty: openItems.length === 0 && questions.length === 0,
  };
}

/** The Agenda schema's limit on questions. */
export const MAX_QUESTIONS = 30;

/**
 * `agenda` with `questions` appended (skipping blanks and ones already there), up to the schema's
 * 30 questions. Returns a new agenda; the input is not changed.
 */
export function carryQuestionsInto(agenda: Agenda | null | undefined, questions: readonly string[]): Agenda {
  const list = [...(agenda?.questions ?? [])];
  const seen = new Set(list.map(normalizeQuestion));
  for (const q of questions) {
    const key = normalizeQuestion(q);
    if (key === '' || seen.has(key) || list.length >= MAX_QUESTIONS) continue;
    seen.add(key);
    list.push(q.trim());
  }
  return { ...(agenda ?? {}), questions: list };
}

/** The Action item schema's limits on check-ins. */
export const MAX_CHECK_INS = 500;
export const MAX_CHECK_IN_NOTE = 5_000;

/**
 * `item` with a check-in note added at `at` (ISO UTC), for the Follow-up tab. Blank notes are
 * refused (returns the item unchanged); long notes are cut to the schema's 5,000 characters; past
 * 500 check-ins the oldest is dropped. The store's versioning is the caller's business.
 */
export function addCheckIn(item: ActionItem, note: string, at: string): ActionItem {
  const text = note.trim().slice(0, MAX_CHECK_IN_NOTE);
  if (text === '') return item;
  const checkIns = [...(item.checkIns ?? []), { at, note: text }].slice(-MAX_CHECK_INS);
  return { ...item, checkIns };
}
