/**
 * Anonymity of the employee survey (DESIGN §6, research/sync-and-security.md §5).
 *
 * 1. Own suppression. A group's employee-survey figures are hidden when it has fewer than
 *    minGroup responses (`few-responses`) or when its population is smaller than minGroup
 *    (`small-team`): a team of three answering three surveys each would otherwise reach minGroup
 *    responses from three people. The small-team rule applies to every grouping (a tiny department
 *    is as exposed as a tiny team), and to `overall`.
 *
 * 2. Differencing protection — method: COMPLEMENTARY SUPPRESSION. `overall` always counts every
 *    answer (so it is the same figure whatever the grouping, and comparing the overall of two
 *    groupings reveals nothing), and groups are suppressed until the hidden ones, pooled, are
 *    themselves a safe group: while the suppressed groups that have answers hold together fewer
 *    than minGroup responses or fewer than minGroup people, the smallest visible group (fewest
 *    responses, then fewest people, then key) is suppressed too, with reason `complementary`.
 *    Then "overall minus the visible groups" yields only the pool, which is at least as large as
 *    any group we would have shown. When `overall` is itself suppressed nothing needs protecting.
 *    (The alternative, leaving suppressed answers out of `overall`, was rejected: the overall of
 *    groupBy=none minus the overall of groupBy=department would then reveal the left-out group.)
 *
 * The same function protects comments (with their higher threshold), see comments.ts.
 */
import type { SuppressionReason } from './types';

export interface PrivacyGroup {
  key: string;
  /** Population. */
  employees: number;
  /** Employee-survey responses. */
  responses: number;
}

export interface PrivacyDecision {
  /** Reason per hidden group key; absent keys are shown. */
  reasons: Map<string, SuppressionReason>;
  suppressedGroups: string[];
  complementaryGroups: string[];
}

/**
 * `minResponses` is the response threshold (minGroup for figures, max(minGroup, 10) for
 * comments); `minTeam` the population threshold (minGroup).
 */
export function decideSuppression(
  groups: readonly PrivacyGroup[],
  overallSuppressed: boolean,
  minResponses: number,
  minTeam: number,
): PrivacyDecision {
  const reasons = new Map<string, SuppressionReason>();
  const suppressedGroups: string[] = [];
  const complementaryGroups: string[] = [];
  let pooledResponses = 0;
  let pooledEmployees = 0;
  const visible: PrivacyGroup[] = [];
  for (const g of groups) {
    const reason: SuppressionReason | null =
      g.employees < minTeam ? 'small-team' : g.responses < minResponses ? 'few-responses' : null;
    if (reason) {
      reasons.set(g.key, reason);
      suppressedGroups.push(g.key);
      if (g.responses > 0) {
        pooledResponses += g.responses;
        pooledEmployees += g.employees;
      }
    } else {
      visible.push(g);
    }
  }
  if (!overallSuppressed && pooledResponses > 0) {
    visible.sort(
      (a, b) =>
        a.responses - b.responses ||
        a.employees - b.employees ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    let i = 0;
    while ((pooledResponses < minResponses || pooledEmployees < minTeam) && i < visible.length) {
      const g = visible[i++]!;
      reasons.set(g.key, 'complementary');
      complementaryGroups.push(g.key);
      pooledResponses += g.responses;
      pooledEmployees += g.employees;
    }
  }
  return { reasons, suppressedGroups, complementaryGroups };
}
