/**
 * Development (DESIGN §6): SMART plans and the follow-through on action items.
 *
 * - smartPlanShare: held coaching and review sessions with ≥ 1 non-dropped action item whose
 *   title, owner, dueOn and measure are all set (non-blank) / held coaching and review sessions.
 * - actionItems over non-dropped items of held sessions: due = dueOn ≤ asOf (an item without
 *   dueOn is never due); done = due and status `done`; overdue = due, `open` and dueOn < asOf;
 *   on time = due, done and the UTC date of doneAt ≤ dueOn (a done item without a readable
 *   doneAt is done but not provably on time).
 * - supportCommitments: the same due/done for manager-owned items.
 */
import type { ActionItem } from '../../shared/schemas';
import type { DevelopmentMetrics } from './types';
import { dateKey, hasText, rate, utcDateKey } from './util';

export interface DevelopmentAcc {
  /** Held coaching + review sessions. */
  planSessions: number;
  smart: number;
  total: number;
  due: number;
  done: number;
  overdue: number;
  onTime: number;
  supportDue: number;
  supportDone: number;
}

export function newDevelopmentAcc(): DevelopmentAcc {
  return {
    planSessions: 0,
    smart: 0,
    total: 0,
    due: 0,
    done: 0,
    overdue: 0,
    onTime: 0,
    supportDue: 0,
    supportDone: 0,
  };
}

type ItemFields = Pick<ActionItem, 'title' | 'owner' | 'dueOn' | 'measure' | 'status' | 'doneAt'>;

/** Title, owner, dueOn and measure all set. */
export function isSmartComplete(item: ItemFields): boolean {
  return hasText(item.title) && !!item.owner && hasText(item.dueOn) && hasText(item.measure);
}

/** What an item counts as; the engine uses it for per-employee completion too. */
export const ITEM_DUE = 1;
export const ITEM_DONE = 2;

/**
 * Counts one non-dropped item of a held session. Returns ITEM_DUE | ITEM_DONE bits.
 * `asOfKey` is asOf as dateKey() gives it: dates compare as yyyymmdd numbers.
 */
export function addActionItem(acc: DevelopmentAcc, item: ItemFields, asOfKey: number): number {
  acc.total++;
  const dueKey = dateKey(item.dueOn);
  if (!(dueKey <= asOfKey)) return 0; // no dueOn (NaN), or not due yet
  acc.due++;
  const manager = item.owner === 'manager';
  if (manager) acc.supportDue++;
  if (item.status === 'done') {
    acc.done++;
    if (manager) acc.supportDone++;
    // On time: the UTC date of doneAt is on or before dueOn (false when doneAt is missing).
    if (utcDateKey(item.doneAt) <= dueKey) acc.onTime++;
    return ITEM_DUE | ITEM_DONE;
  }
  if (item.status === 'open' && dueKey < asOfKey) acc.overdue++;
  return ITEM_DUE;
}

export function finishDevelopment(acc: DevelopmentAcc): DevelopmentMetrics {
  return {
    smartPlanShare: rate(acc.smart, acc.planSessions),
    actionItems: {
      total: acc.total,
      due: acc.due,
      done: acc.done,
      overdue: acc.overdue,
      completionRate: rate(acc.done, acc.due),
      onTimeRate: rate(acc.onTime, acc.due),
    },
    supportCommitments: {
      due: acc.supportDue,
      done: acc.supportDone,
      rate: rate(acc.supportDone, acc.supportDue),
    },
  };
}
