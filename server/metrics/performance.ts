/**
 * Performance (DESIGN §6): ratings in C against C's next cycle (the smallest startsOn after C's),
 * attrition and the share of low performers.
 *
 * - pairs: population employees rated in both C and next; meanChange = mean(next − current).
 * - lowPerformerUplift: meanChange over pairs with current ≤ 2.
 * - highPerformerKept: among pairs whose current rating ≥ 4, the share whose next rating ≥ the
 *   current one; null when no pair has a current rating ≥ 4.
 * - completionCorrelation: Pearson r between an employee's own completion rate (done / due of the
 *   due, non-dropped, employee-owned items of their held sessions in C, for employees with ≥ 1)
 *   and their change, over pairs that have such a rate; null under 3 or with zero variance.
 * - attritionRate: group employees with startsOn ≤ leftOn ≤ endsOn / group employees employed at
 *   C's start (leftOn empty or ≥ startsOn).
 * - lowPerformerShare: population rated in C with rating ≤ 2 / population rated in C.
 */
import type { PerformanceMetrics } from './types';
import { pearson, rate } from './util';

export const LOW_PERFORMER = 2;
export const HIGH_PERFORMER = 4;

export interface PerformanceAcc {
  pairs: number;
  changeSum: number;
  lowPairs: number;
  lowChangeSum: number;
  highPairs: number;
  highKept: number;
  completion: number[];
  change: number[];
  atStart: number;
  leftDuring: number;
  rated: number;
  ratedLow: number;
}

export function newPerformanceAcc(): PerformanceAcc {
  return {
    pairs: 0,
    changeSum: 0,
    lowPairs: 0,
    lowChangeSum: 0,
    highPairs: 0,
    highKept: 0,
    completion: [],
    change: [],
    atStart: 0,
    leftDuring: 0,
    rated: 0,
    ratedLow: 0,
  };
}

/** A group employee employed at C's start; `leftDuring` when their leftOn falls in C. */
export function addAttrition(acc: PerformanceAcc, leftDuring: boolean): void {
  acc.atStart++;
  if (leftDuring) acc.leftDuring++;
}

/**
 * A population employee. `current` / `next` are their ratings (NaN when unrated);
 * `completion` their own completion rate (NaN without due items).
 */
export function addRatedEmployee(
  acc: PerformanceAcc,
  current: number,
  next: number,
  completion: number,
): void {
  if (Number.isNaN(current)) return;
  acc.rated++;
  if (current <= LOW_PERFORMER) acc.ratedLow++;
  if (Number.isNaN(next)) return;
  const change = next - current;
  acc.pairs++;
  acc.changeSum += change;
  if (current <= LOW_PERFORMER) {
    acc.lowPairs++;
    acc.lowChangeSum += change;
  }
  if (current >= HIGH_PERFORMER) {
    acc.highPairs++;
    if (next >= current) acc.highKept++;
  }
  if (!Number.isNaN(completion)) {
    acc.completion.push(completion);
    acc.change.push(change);
  }
}

export function mergePerformance(into: PerformanceAcc, from: PerformanceAcc): void {
  into.pairs += from.pairs;
  into.changeSum += from.changeSum;
  into.lowPairs += from.lowPairs;
  into.lowChangeSum += from.lowChangeSum;
  into.highPairs += from.highPairs;
  into.highKept += from.highKept;
  for (const c of from.completion) into.completion.push(c);
  for (const c of from.change) into.change.push(c);
  into.atStart += from.atStart;
  into.leftDuring += from.leftDuring;
  into.rated += from.rated;
  into.ratedLow += from.ratedLow;
}

export function finishPerformance(acc: PerformanceAcc): PerformanceMetrics {
  return {
    pairs: acc.pairs,
    meanChange: rate(acc.changeSum, acc.pairs),
    lowPerformerUplift: rate(acc.lowChangeSum, acc.lowPairs),
    highPerformerKept: rate(acc.highKept, acc.highPairs),
    completionCorrelation: pearson(acc.completion, acc.change),
    attritionRate: rate(acc.leftDuring, acc.atStart),
    lowPerformerShare: rate(acc.ratedLow, acc.rated),
  };
}
