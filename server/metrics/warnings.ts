/**
 * Warnings (DESIGN §6), evaluated for each group in `groups`; thresholds are configurable
 * (defaults in DEFAULT_THRESHOLDS). Each rule is strict where §6 is ("> 0.1", "< 0.8") and
 * inclusive for the minimum counts ("with ≥ 5 reviews").
 *
 * - low-satisfaction: the group's employee survey is not suppressed and (nps < 0 or fair < 0.6),
 *   in C and also in the cycle before C (largest startsOn before C's), the latter computed with the
 *   same suppression rules so a warning never discloses a hidden figure.
 * - high-appeals: appealRate > 0.1 with ≥ 5 held reviews.
 * - short-sessions: shortShare > 0.3 with ≥ 5 timed sessions.
 * - low-coverage: review coverage rate < 0.8, only once asOf > C's endsOn.
 * - attrition-low-performance: attritionRate > 0.15 and lowPerformerShare > 0.2.
 * - support-not-delivered: supportCommitments rate < 0.5 with ≥ 3 due.
 */
import type { EmployeeSurveyMetrics, Group, MetricsWarning, WarningThresholds } from './types';

function unhappy(s: EmployeeSurveyMetrics | undefined, t: WarningThresholds): boolean {
  if (!s || s.suppressed) return false;
  return (
    (s.nps !== null && s.nps < t.lowSatisfactionNps) || (s.fair !== null && s.fair < t.lowSatisfactionFair)
  );
}

export interface WarningContext {
  asOf: string;
  endsOn: string;
  thresholds: WarningThresholds;
  /** The employee survey of each group key in the cycle before C (none when there is no such cycle). */
  previousSurvey: ReadonlyMap<string, EmployeeSurveyMetrics>;
}

export function evaluateWarnings(groups: readonly Group[], ctx: WarningContext): MetricsWarning[] {
  const t = ctx.thresholds;
  const out: MetricsWarning[] = [];
  for (const g of groups) {
    const group = g.key;
    const survey = g.survey.employee;
    const previous = ctx.previousSurvey.get(group);
    if (unhappy(survey, t) && unhappy(previous, t)) {
      out.push({
        kind: 'low-satisfaction',
        group,
        detail: {
          nps: survey.nps,
          fair: survey.fair,
          responses: survey.responses,
          previousNps: previous!.nps,
          previousFair: previous!.fair,
          previousResponses: previous!.responses,
        },
      });
    }
    const c = g.consensus;
    if (c.reviews >= t.highAppealsMinReviews && c.appealRate !== null && c.appealRate > t.highAppealsRate) {
      out.push({ kind: 'high-appeals', group, detail: { appealRate: c.appealRate, reviews: c.reviews } });
    }
    const d = g.duration;
    if (
      d.sessions >= t.shortSessionsMinSessions &&
      d.shortShare !== null &&
      d.shortShare > t.shortSessionsShare
    ) {
      out.push({ kind: 'short-sessions', group, detail: { shortShare: d.shortShare, sessions: d.sessions } });
    }
    const review = g.coverage.review;
    if (ctx.asOf > ctx.endsOn && review.rate !== null && review.rate < t.lowCoverageReviewRate) {
      out.push({
        kind: 'low-coverage',
        group,
        detail: { reviewRate: review.rate, held: review.held, employees: g.employees },
      });
    }
    const p = g.performance;
    if (
      p.attritionRate !== null &&
      p.lowPerformerShare !== null &&
      p.attritionRate > t.attritionRate &&
      p.lowPerformerShare > t.attritionLowPerformerShare
    ) {
      out.push({
        kind: 'attrition-low-performance',
        group,
        detail: { attritionRate: p.attritionRate, lowPerformerShare: p.lowPerformerShare },
      });
    }
    const sc = g.development.supportCommitments;
    if (sc.due >= t.supportMinDue && sc.rate !== null && sc.rate < t.supportRate) {
      out.push({
        kind: 'support-not-delivered',
        group,
        detail: { rate: sc.rate, due: sc.due, done: sc.done },
      });
    }
  }
  return out;
}
