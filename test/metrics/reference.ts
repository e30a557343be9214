/**
 * A deliberately simple, slow reference implementation of DESIGN §6, written separately from the
 * engine: plain filters per group, Date.parse, no indexes, no accumulators. The property test checks
 * that the engine agrees with it on random organisations. It follows the same documented choices
 * (see server/metrics/roster.ts, privacy.ts, survey.ts).
 */
import type {
  EmployeeSurveyMetrics,
  Group,
  MetricsCycle,
  MetricsEmployee,
  MetricsInput,
  MetricsParams,
  MetricsResponse,
  MetricsWarning,
  SuppressionReason,
  WarningThresholds,
} from '../../server/metrics/types';

const DEFAULTS: WarningThresholds = {
  lowSatisfactionNps: 0,
  lowSatisfactionFair: 0.6,
  highAppealsRate: 0.1,
  highAppealsMinReviews: 5,
  shortSessionsShare: 0.3,
  shortSessionsMinSessions: 5,
  lowCoverageReviewRate: 0.8,
  attritionRate: 0.15,
  attritionLowPerformerShare: 0.2,
  supportRate: 0.5,
  supportMinDue: 3,
};

const share = (n: number, d: number) => (d === 0 ? null : n / d);
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const blank = (s: string | null | undefined) => !s || s.trim() === '';
const utcDate = (instant: string) => new Date(Date.parse(instant)).toISOString().slice(0, 10);

function quantile(values: number[], p: number): number | null {
  const a = [...values].sort((x, y) => x - y);
  if (a.length === 0) return null;
  const pos = (a.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return a[lo]! + (a[hi]! - a[lo]!) * (pos - lo);
}

function pearson(xs: number[], ys: number[]): number | null {
  if (xs.length < 3) return null;
  if (new Set(xs).size === 1 || new Set(ys).size === 1) return null;
  const mx = mean(xs)!;
  const my = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

function keyOf(e: MetricsEmployee, groupBy: MetricsParams['groupBy']): string {
  if (groupBy === 'none') return 'all';
  if (groupBy === 'department') return (e.department ?? '').trim();
  return (e.managerEmail ?? '').trim().toLowerCase();
}

function roster(input: MetricsInput): MetricsEmployee[] {
  const byId = new Map<string, MetricsEmployee>();
  for (const e of input.employees) if (!e.deleted) byId.set(e.id, e);
  return [...byId.values()];
}

const atStart = (e: MetricsEmployee, c: MetricsCycle) => !e.leftOn || e.leftOn >= c.startsOn;
const atEnd = (e: MetricsEmployee, c: MetricsCycle) => !e.leftOn || e.leftOn > c.endsOn;

interface RawGroup {
  key: string;
  members: MetricsEmployee[];
  population: MetricsEmployee[];
  survey: {
    issued: number;
    answers: { fair: number; clarity: number; plan: number; respected: number; nps: number }[];
  };
}

function heldSessionsOf(input: MetricsInput, c: MetricsCycle, members: MetricsEmployee[]) {
  const ids = new Set(members.map((e) => e.id));
  return input.sessions.filter(
    (s) =>
      !s.deleted &&
      s.cycleId === c.id &&
      (s.status === 'held' || s.status === 'recorded') &&
      ids.has(s.employeeId),
  );
}

function rawGroups(input: MetricsInput, c: MetricsCycle, groupBy: MetricsParams['groupBy']): RawGroup[] {
  const people = roster(input).filter((e) => atStart(e, c));
  const keys = [...new Set(people.map((e) => keyOf(e, groupBy)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return keys.map((key) => {
    const members = people.filter((e) => keyOf(e, groupBy) === key);
    const held = new Set(heldSessionsOf(input, c, members).map((s) => s.id));
    return {
      key,
      members,
      population: members.filter((e) => atEnd(e, c)),
      survey: {
        issued: input.surveys.filter((v) => !v.deleted && v.kind === 'employee' && held.has(v.sessionId))
          .length,
        answers: input.surveyResponses
          .filter((r) => !r.deleted && r.kind === 'employee' && held.has(r.sessionId))
          .map((r) => r.answers as RawGroup['survey']['answers'][number]),
      },
    };
  });
}

function ownReason(employees: number, responses: number, k: number): SuppressionReason | null {
  if (employees < k) return 'small-team';
  if (responses < k) return 'few-responses';
  return null;
}

/** Own suppression, then hide the smallest visible groups until the hidden pool is large enough. */
function suppression(groups: RawGroup[], k: number) {
  const reasons = new Map<string, SuppressionReason>();
  for (const g of groups) {
    const r = ownReason(g.population.length, g.survey.answers.length, k);
    if (r) reasons.set(g.key, r);
  }
  const totalPeople = groups.reduce((a, g) => a + g.population.length, 0);
  const totalAnswers = groups.reduce((a, g) => a + g.survey.answers.length, 0);
  const overall = ownReason(totalPeople, totalAnswers, k);
  const suppressed = groups.filter((g) => reasons.has(g.key));
  const complementary: string[] = [];
  if (!overall) {
    const pooled = suppressed.filter((g) => g.survey.answers.length > 0);
    let answers = pooled.reduce((a, g) => a + g.survey.answers.length, 0);
    let people = pooled.reduce((a, g) => a + g.population.length, 0);
    if (answers > 0) {
      const visible = groups
        .filter((g) => !reasons.has(g.key))
        .sort(
          (a, b) =>
            a.survey.answers.length - b.survey.answers.length ||
            a.population.length - b.population.length ||
            (a.key < b.key ? -1 : 1),
        );
      for (const g of visible) {
        if (answers >= k && people >= k) break;
        reasons.set(g.key, 'complementary');
        complementary.push(g.key);
        answers += g.survey.answers.length;
        people += g.population.length;
      }
    }
  }
  return { reasons, overall, suppressed: suppressed.map((g) => g.key), complementary };
}

function employeeSurvey(raw: RawGroup['survey'], reason: SuppressionReason | null): EmployeeSurveyMetrics {
  const a = raw.answers;
  const n = a.length;
  const fav = (f: (x: (typeof a)[number]) => number) =>
    reason ? null : share(a.filter((x) => f(x) >= 4).length, n);
  return {
    issued: raw.issued,
    responses: n,
    responseRate: share(n, raw.issued),
    suppressed: reason !== null,
    reason,
    fair: fav((x) => x.fair),
    clarity: fav((x) => x.clarity),
    plan: fav((x) => x.plan),
    respected: fav((x) => x.respected),
    nps:
      reason || n === 0
        ? null
        : 100 * (a.filter((x) => x.nps >= 9).length / n - a.filter((x) => x.nps <= 6).length / n),
  };
}

function buildGroup(
  input: MetricsInput,
  c: MetricsCycle,
  next: MetricsCycle | undefined,
  asOf: string,
  raw: RawGroup,
  key: string,
  reason: SuppressionReason | null,
): Group {
  const pop = raw.population;
  const held = heldSessionsOf(input, c, raw.members);
  const heldIds = new Set(held.map((s) => s.id));
  const cov = (kind: string) =>
    pop.filter((e) => held.some((s) => s.employeeId === e.id && s.kind === kind)).length;
  const allThree = pop.filter((e) =>
    ['plan', 'coaching', 'review'].every((k) => held.some((s) => s.employeeId === e.id && s.kind === k)),
  ).length;

  const minutes = held
    .filter((s) => s.startedAt && s.endedAt && Date.parse(s.endedAt) >= Date.parse(s.startedAt))
    .map((s) => (Date.parse(s.endedAt!) - Date.parse(s.startedAt!)) / 60_000);
  const bucket = (lo: number, hi: number) => minutes.filter((m) => m >= lo && m < hi).length;

  const items = input.actionItems.filter(
    (i) => !i.deleted && i.status !== 'dropped' && heldIds.has(i.sessionId),
  );
  const isDue = (i: (typeof items)[number]) => !!i.dueOn && i.dueOn <= asOf;
  const due = items.filter(isDue);
  const done = due.filter((i) => i.status === 'done');
  const onTime = done.filter((i) => i.doneAt && utcDate(i.doneAt) <= i.dueOn!);
  const support = due.filter((i) => i.owner === 'manager');
  const plans = held.filter((s) => s.kind === 'coaching' || s.kind === 'review');
  const smart = plans.filter((s) =>
    items.some(
      (i) => i.sessionId === s.id && !blank(i.title) && !!i.owner && !blank(i.dueOn) && !blank(i.measure),
    ),
  );
  const reviews = held.filter((s) => s.kind === 'review');

  const mgrSurveys = input.surveys.filter(
    (v) => !v.deleted && v.kind === 'manager' && heldIds.has(v.sessionId),
  );
  const mgrAnswers = input.surveyResponses
    .filter((r) => !r.deleted && r.kind === 'manager' && heldIds.has(r.sessionId))
    .map((r) => r.answers as { consensus: number; plan: number; prepared: number });
  const mfav = (f: (x: (typeof mgrAnswers)[number]) => number) =>
    share(mgrAnswers.filter((x) => f(x) >= 4).length, mgrAnswers.length);

  const ratingOf = (id: string, cycle: MetricsCycle | undefined) => {
    if (!cycle) return undefined;
    const rs = input.ratings.filter((r) => !r.deleted && r.employeeId === id && r.cycleId === cycle.id);
    return rs.at(-1)?.rating;
  };
  const rated = pop.filter((e) => ratingOf(e.id, c) !== undefined);
  const pairs = rated
    .filter((e) => ratingOf(e.id, next) !== undefined)
    .map((e) => {
      const cur = ratingOf(e.id, c)!;
      const nxt = ratingOf(e.id, next)!;
      const own = due.filter(
        (i) => i.owner === 'employee' && held.some((s) => s.id === i.sessionId && s.employeeId === e.id),
      );
      const completion = own.length ? own.filter((i) => i.status === 'done').length / own.length : undefined;
      return { cur, nxt, change: nxt - cur, completion };
    });
  const withCompletion = pairs.filter((p) => p.completion !== undefined);
  const low = pairs.filter((p) => p.cur <= 2);

  return {
    key,
    employees: pop.length,
    coverage: {
      plan: { held: cov('plan'), rate: share(cov('plan'), pop.length) },
      coaching: { held: cov('coaching'), rate: share(cov('coaching'), pop.length) },
      review: { held: cov('review'), rate: share(cov('review'), pop.length) },
      allThree: share(allThree, pop.length),
    },
    duration: {
      sessions: minutes.length,
      median: quantile(minutes, 0.5),
      p25: quantile(minutes, 0.25),
      p75: quantile(minutes, 0.75),
      shortShare: share(minutes.filter((m) => m < 30).length, minutes.length),
      histogram: {
        '0-15': bucket(0, 15),
        '15-30': bucket(15, 30),
        '30-45': bucket(30, 45),
        '45-60': bucket(45, 60),
        '60-90': bucket(60, 90),
        '90+': bucket(90, Number.POSITIVE_INFINITY),
      },
    },
    process: {
      sessions: held.length,
      recordedWithin24h: share(
        held.filter(
          (s) =>
            s.recordedAt && s.endedAt && Date.parse(s.recordedAt) <= Date.parse(s.endedAt) + 24 * 3_600_000,
        ).length,
        held.length,
      ),
      prepared: share(
        held.filter((s) => !blank(s.mainGoal) && (s.agenda?.questions ?? []).some((q) => !blank(q))).length,
        held.length,
      ),
      invitedAhead: share(
        held.filter(
          (s) =>
            s.invitedAt && s.startedAt && Date.parse(s.invitedAt) <= Date.parse(s.startedAt) - 72 * 3_600_000,
        ).length,
        held.length,
      ),
      checklist: mean(
        held.map(
          (s) =>
            new Set((s.checklist ?? []).filter((x) => Number.isInteger(x) && x >= 1 && x <= 12)).size / 12,
        ),
      ),
      listening: (() => {
        const on = held.filter((s) => s.listening);
        if (on.length === 0) return null;
        return {
          sessions: on.length,
          balanced: on.filter((s) => s.listening!.managerShare <= 0.6).length / on.length,
        };
      })(),
    },
    development: {
      smartPlanShare: share(smart.length, plans.length),
      actionItems: {
        total: items.length,
        due: due.length,
        done: done.length,
        overdue: due.filter((i) => i.status === 'open' && i.dueOn! < asOf).length,
        completionRate: share(done.length, due.length),
        onTimeRate: share(onTime.length, due.length),
      },
      supportCommitments: {
        due: support.length,
        done: support.filter((i) => i.status === 'done').length,
        rate: share(support.filter((i) => i.status === 'done').length, support.length),
      },
    },
    consensus: {
      reviews: reviews.length,
      agreedRate: share(reviews.filter((s) => s.consensus === 'agreed').length, reviews.length),
      appealRate: share(reviews.filter((s) => s.appealed === true).length, reviews.length),
    },
    survey: {
      employee: employeeSurvey(raw.survey, reason),
      manager: {
        issued: mgrSurveys.length,
        responses: mgrAnswers.length,
        responseRate: share(mgrAnswers.length, mgrSurveys.length),
        consensus: mfav((x) => x.consensus),
        plan: mfav((x) => x.plan),
        prepared: mfav((x) => x.prepared),
      },
    },
    performance: {
      pairs: pairs.length,
      meanChange: mean(pairs.map((p) => p.change)),
      lowPerformerUplift: mean(low.map((p) => p.change)),
      highPerformerKept: share(
        pairs.filter((p) => p.cur >= 4 && p.nxt >= p.cur).length,
        pairs.filter((p) => p.cur >= 4).length,
      ),
      completionCorrelation: pearson(
        withCompletion.map((p) => p.completion!),
        withCompletion.map((p) => p.change),
      ),
      attritionRate: share(
        raw.members.filter((e) => e.leftOn && e.leftOn >= c.startsOn && e.leftOn <= c.endsOn).length,
        raw.members.length,
      ),
      lowPerformerShare: share(rated.filter((e) => ratingOf(e.id, c)! <= 2).length, rated.length),
    },
  };
}

export function referenceMetrics(input: MetricsInput, params: MetricsParams): MetricsResponse {
  const cycles = input.cycles.filter((c) => !c.deleted);
  const c = cycles.find((x) => x.id === params.cycleId);
  if (!c) throw new Error('unknown cycle');
  const later = cycles
    .filter((x) => x.startsOn > c.startsOn)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  const earlier = cycles
    .filter((x) => x.startsOn < c.startsOn)
    .sort((a, b) => (a.startsOn > b.startsOn ? -1 : 1));
  const next = later[0];
  const previous = earlier[0];
  const k = params.minGroup ?? 5;
  const t = { ...DEFAULTS, ...params.thresholds };

  const raws = rawGroups(input, c, params.groupBy);
  const privacy = suppression(raws, k);
  const groups = raws.map((r) =>
    buildGroup(input, c, next, params.asOf, r, r.key, privacy.reasons.get(r.key) ?? null),
  );
  const everyone: RawGroup = {
    key: 'all',
    members: raws.flatMap((r) => r.members),
    population: raws.flatMap((r) => r.population),
    survey: {
      issued: raws.reduce((a, r) => a + r.survey.issued, 0),
      answers: raws.flatMap((r) => r.survey.answers),
    },
  };
  const overall = buildGroup(input, c, next, params.asOf, everyone, 'all', privacy.overall);
  if (params.groupBy === 'none') {
    groups.splice(
      0,
      groups.length,
      buildGroup(input, c, next, params.asOf, everyone, 'all', privacy.overall),
    );
    privacy.suppressed = privacy.overall ? ['all'] : [];
    privacy.complementary = [];
  }

  const previousSurvey = new Map<string, EmployeeSurveyMetrics>();
  if (previous) {
    const prevRaws = rawGroups(input, previous, params.groupBy);
    const prevPrivacy = suppression(prevRaws, k);
    for (const r of prevRaws)
      previousSurvey.set(r.key, employeeSurvey(r.survey, prevPrivacy.reasons.get(r.key) ?? null));
  }
  const unhappy = (s: EmployeeSurveyMetrics | undefined) =>
    !!s &&
    !s.suppressed &&
    ((s.nps !== null && s.nps < t.lowSatisfactionNps) || (s.fair !== null && s.fair < t.lowSatisfactionFair));
  const warnings: MetricsWarning[] = [];
  for (const g of groups) {
    const s = g.survey.employee;
    const p = previousSurvey.get(g.key);
    if (unhappy(s) && unhappy(p)) {
      warnings.push({
        kind: 'low-satisfaction',
        group: g.key,
        detail: {
          nps: s.nps,
          fair: s.fair,
          responses: s.responses,
          previousNps: p!.nps,
          previousFair: p!.fair,
          previousResponses: p!.responses,
        },
      });
    }
    if (g.consensus.reviews >= t.highAppealsMinReviews && g.consensus.appealRate! > t.highAppealsRate) {
      warnings.push({
        kind: 'high-appeals',
        group: g.key,
        detail: { appealRate: g.consensus.appealRate, reviews: g.consensus.reviews },
      });
    }
    if (g.duration.sessions >= t.shortSessionsMinSessions && g.duration.shortShare! > t.shortSessionsShare) {
      warnings.push({
        kind: 'short-sessions',
        group: g.key,
        detail: { shortShare: g.duration.shortShare, sessions: g.duration.sessions },
      });
    }
    if (
      params.asOf > c.endsOn &&
      g.coverage.review.rate !== null &&
      g.coverage.review.rate < t.lowCoverageReviewRate
    ) {
      warnings.push({
        kind: 'low-coverage',
        group: g.key,
        detail: { reviewRate: g.coverage.review.rate, held: g.coverage.review.held, employees: g.employees },
      });
    }
    const perf = g.performance;
    if (
      perf.attritionRate !== null &&
      perf.lowPerformerShare !== null &&
      perf.attritionRate > t.attritionRate &&
      perf.lowPerformerShare > t.attritionLowPerformerShare
    ) {
      warnings.push({
        kind: 'attrition-low-performance',
        group: g.key,
        detail: { attritionRate: perf.attritionRate, lowPerformerShare: perf.lowPerformerShare },
      });
    }
    const sc = g.development.supportCommitments;
    if (sc.due >= t.supportMinDue && sc.rate! < t.supportRate) {
      warnings.push({
        kind: 'support-not-delivered',
        group: g.key,
        detail: { rate: sc.rate, due: sc.due, done: sc.done },
      });
    }
  }
  return {
    cycle: { id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn },
    asOf: params.asOf,
    groupBy: params.groupBy,
    minGroup: k,
    groups,
    overall,
    warnings,
    privacy: {
      method: 'complementary-suppression',
      suppressedGroups: privacy.suppressed,
      complementaryGroups: privacy.complementary,
    },
  };
}
