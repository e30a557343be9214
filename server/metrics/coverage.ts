/**
 * Coverage (DESIGN §6): the share of the population with ≥ 1 held session of each kind, and of
 * all three. Sessions set bits on their employee; each population employee is then counted once.
 */
import type { ConversationKind } from '../../shared/schemas';
import type { CoverageMetrics } from './types';
import { rate } from './util';

export const KIND_BIT: Readonly<Record<ConversationKind, number>> = { plan: 1, coaching: 2, review: 4 };
export const ALL_KINDS = 7;

export interface CoverageAcc {
  plan: number;
  coaching: number;
  review: number;
  allThree: number;
}

export function newCoverageAcc(): CoverageAcc {
  return { plan: 0, coaching: 0, review: 0, allThree: 0 };
}

/** One population employee, with the kinds of their held sessions as a bit mask. */
export function addCoverageEmployee(acc: CoverageAcc, mask: number): void {
  if (mask & 1) acc.plan++;
  if (mask & 2) acc.coaching++;
  if (mask & 4) acc.review++;
  if (mask === ALL_KINDS) acc.allThree++;
}

export function finishCoverage(acc: CoverageAcc, employees: number): CoverageMetrics {
  return {
    plan: { held: acc.plan, rate: rate(acc.plan, employees) },
    coaching: { held: acc.coaching, rate: rate(acc.coaching, employees) },
    review: { held: acc.review, rate: rate(acc.review, employees) },
    allThree: rate(acc.allThree, employees),
  };
}
