/**
 * Random organisations for the property test: departments and managers (with spelling variants and
 * blanks), leavers at any time, repeated roster ids, sessions of every kind and status with random
 * times (some missing, some with milliseconds), tombstones, action items, surveys and responses,
 * ratings over 2–3 cycles listed in any order, and random asOf, grouping and minGroup.
 */
import fc from 'fast-check';
import type { MetricsInput, MetricsParams, MetricsSurveyResponse } from '../../server/metrics/types';

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);
const dateAt = (days: number) => new Date(BASE + days * DAY).toISOString().slice(0, 10);
const instantAt = (minutes: number, millis: boolean) => {
  const iso = new Date(BASE + minutes * 60_000 + (millis ? 123 : 0)).toISOString();
  return millis ? iso : iso.replace('.000Z', 'Z');
};

/** True about one time in 15. */
const rare = fc.integer({ min: 0, max: 14 }).map((x) => x === 0);
const likert = fc.integer({ min: 1, max: 5 });

export const orgArb = fc.record({
  /** Crowd most records onto a few people and the requested cycle, so groups fill up. */
  focus: fc.boolean(),
  cycles: fc.integer({ min: 2, max: 3 }),
  reverseCycles: fc.boolean(),
  employees: fc.array(
    fc.record({
      dept: fc.constantFrom('A', 'B', ' A', '研发', null, ''),
      mgr: fc.constantFrom('m1@x.com', 'M1@x.com ', 'm2@x.com', null),
      left: fc.option(fc.integer({ min: -30, max: 620 }), { freq: 3 }),
      dupOf: fc.option(fc.nat(20), { freq: 8 }),
      deleted: rare,
    }),
    { minLength: 3, maxLength: 30 },
  ),
  /** Per roster position and cycle: a rating or none (repeated now and then, tombstoned rarely). */
  ratings: fc.array(
    fc.array(
      fc.record({
        rating: fc.option(fc.constantFrom(1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5), { freq: 4 }),
        again: fc.option(fc.constantFrom(1, 3, 5), { freq: 10 }),
        deleted: rare,
      }),
      { minLength: 3, maxLength: 3 },
    ),
    { minLength: 31, maxLength: 31 },
  ),
  sessions: fc.array(
    fc.record({
      emp: fc.nat(1000),
      cycle: fc.integer({ min: 0, max: 12 }).map((x) => (x === 12 ? 3 : x % 3)),
      kind: fc.constantFrom('plan', 'coaching', 'review'),
      status: fc.constantFrom('planned', 'scheduled', 'held', 'recorded', 'cancelled', 'held', 'recorded'),
      start: fc.option(fc.integer({ min: 0, max: 600 * 1440 }), { freq: 6 }),
      minutes: fc.integer({ min: -5, max: 150 }),
      hasEnd: fc.integer({ min: 0, max: 9 }).map((x) => x > 0),
      invitedHours: fc.option(fc.integer({ min: -5, max: 200 })),
      recordedHours: fc.option(fc.integer({ min: -2, max: 60 })),
      mainGoal: fc.constantFrom(null, '', ' ', 'Goal'),
      questions: fc.constantFrom(null, [], [''], ['  '], ['q'], ['', 'q']),
      checklist: fc.option(fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 14 })),
      consensus: fc.constantFrom(null, 'agreed', 'partial', 'disagreed'),
      appealed: fc.option(fc.boolean()),
      // The listening meter's manager share; 0.6 itself is the edge of "balanced".
      managerShare: fc.option(fc.constantFrom(0.2, 0.45, 0.6, 0.601, 0.9)),
      deleted: rare,
      millis: fc.boolean(),
    }),
    { minLength: 20, maxLength: 90 },
  ),
  items: fc.array(
    fc.record({
      session: fc.nat(1000),
      owner: fc.constantFrom('employee', 'manager'),
      due: fc.option(fc.integer({ min: -10, max: 640 }), { freq: 6 }),
      measure: fc.constantFrom(null, '', 'measured by x'),
      title: fc.constantFrom('Do the thing', ' '),
      status: fc.constantFrom('open', 'done', 'dropped', 'done'),
      doneMinutes: fc.option(fc.integer({ min: -3 * 1440, max: 3 * 1440 }), { freq: 6 }),
      deleted: rare,
    }),
    { minLength: 40, maxLength: 150 },
  ),
  surveys: fc.array(
    fc.record({
      session: fc.nat(1000),
      kind: fc.constantFrom('employee', 'manager', 'employee'),
      deleted: rare,
    }),
    { minLength: 10, maxLength: 90 },
  ),
  responses: fc.array(
    fc.record({
      survey: fc.nat(1000),
      kindMatches: fc.integer({ min: 0, max: 9 }).map((x) => x > 0),
      fair: likert,
      clarity: likert,
      plan: likert,
      respected: likert,
      nps: fc.integer({ min: 0, max: 10 }),
    }),
    { minLength: 10, maxLength: 90 },
  ),
  params: fc.record({
    cycle: fc.nat(2),
    asOf: fc.integer({ min: -30, max: 700 }),
    groupBy: fc.constantFrom('department', 'manager', 'none'),
    minGroup: fc.integer({ min: 1, max: 6 }),
  }),
});

export type Org = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

export function build(o: Org): { input: MetricsInput; params: MetricsParams } {
  const cycles = Array.from({ length: o.cycles }, (_, i) => ({
    id: `c${i}`,
    name: `Cycle ${i}`,
    startsOn: dateAt(i * 200),
    endsOn: dateAt(i * 200 + 180),
  }));
  if (o.reverseCycles) cycles.reverse();
  const employees = o.employees.map((e, i) => {
    const id = e.dupOf !== null && e.dupOf < i ? `e${e.dupOf}` : `e${i}`;
    return {
      id,
      name: id,
      email: `${id}@x.com`,
      department: e.dept,
      managerEmail: e.mgr,
      status: e.left === null ? ('active' as const) : ('left' as const),
      leftOn: e.left === null ? null : dateAt(e.left),
      ...(e.deleted ? { deleted: true } : {}),
    };
  });
  // Mostly people on the roster, now and then someone who is not.
  const people = o.focus ? Math.min(o.employees.length, 8) : o.employees.length;
  const empId = (i: number) => {
    const k = i % (people + 1);
    return k < people ? `e${k}` : `ghost${i}`;
  };
  const cycleIndex = Math.min(o.params.cycle, o.cycles - 1);
  const sessions = o.sessions.map((s, i) => {
    const start = s.start;
    const end = start === null ? null : start + s.minutes;
    return {
      id: `s${i}`,
      employeeId: empId(s.emp),
      cycleId: `c${o.focus && s.emp % 4 !== 0 ? cycleIndex : s.cycle}`,
      kind: s.kind as 'plan' | 'coaching' | 'review',
      status: s.status as 'held',
      startedAt: start === null ? null : instantAt(start, s.millis),
      endedAt: end === null || !s.hasEnd ? null : instantAt(end, s.millis && s.minutes % 2 === 0),
      invitedAt:
        start === null || s.invitedHours === null ? null : instantAt(start - s.invitedHours * 60, false),
      recordedAt:
        end === null || s.recordedHours === null ? null : instantAt(end + s.recordedHours * 60, s.millis),
      mainGoal: s.mainGoal,
      agenda: s.questions === null ? null : { questions: s.questions },
      checklist: s.checklist,
      consensus: s.consensus as 'agreed' | null,
      appealed: s.appealed,
      listening:
        s.managerShare === null
          ? null
          : {
              managerShare: s.managerShare,
              otherShare: Math.round((0.95 - s.managerShare) * 1000) / 1000,
              silenceShare: 0.05,
              longestMonologueSeconds: 40,
              employeeSpokeFirst: s.managerShare < 0.5,
            },
      ...(s.deleted ? { deleted: true } : {}),
    };
  });
  const sessionId = (i: number) => {
    const k = i % (sessions.length + 1);
    return k < sessions.length ? `s${k}` : `missing${i}`;
  };
  const actionItems = o.items.map((a, i) => {
    // Focused: due dates around asOf, so most items are due.
    const dueDay = a.due === null ? null : o.focus ? o.params.asOf - (a.due % 40) + 5 : a.due;
    const dueOn = dueDay === null ? null : dateAt(dueDay);
    const doneAt =
      a.status !== 'done' || dueDay === null || a.doneMinutes === null
        ? null
        : instantAt(dueDay * 1440 + a.doneMinutes, false);
    return {
      id: `a${i}`,
      sessionId: sessionId(a.session),
      title: a.title,
      owner: a.owner as 'employee' | 'manager',
      dueOn,
      measure: a.measure,
      status: a.status as 'open' | 'done' | 'dropped',
      doneAt,
      ...(a.deleted ? { deleted: true } : {}),
    };
  });
  const surveys = o.surveys.map((v, i) => ({
    id: `v${i}`,
    sessionId: sessionId(v.session),
    kind: v.kind as 'employee' | 'manager',
    sendAfter: '2025-01-01T00:00:00Z',
    expiresAt: '2027-01-01T00:00:00Z',
    createdAt: '2025-01-01T00:00:00Z',
  }));
  const answered = new Set<number>();
  const surveyResponses = o.responses.flatMap((r, i): MetricsSurveyResponse[] => {
    if (surveys.length === 0) return [];
    const at = r.survey % surveys.length;
    const v = surveys[at]!;
    if (answered.has(at)) return [];
    answered.add(at);
    const kind = r.kindMatches ? v.kind : v.kind === 'employee' ? 'manager' : 'employee';
    return kind === 'employee'
      ? [
          {
            id: `r${i}`,
            surveyId: v.id,
            sessionId: v.sessionId,
            kind: 'employee' as const,
            answers: { fair: r.fair, clarity: r.clarity, plan: r.plan, respected: r.respected, nps: r.nps },
          },
        ]
      : [
          {
            id: `r${i}`,
            surveyId: v.id,
            sessionId: v.sessionId,
            kind: 'manager' as const,
            answers: { consensus: r.fair, plan: r.plan, prepared: r.respected },
          },
        ];
  });
  const ratings = o.ratings.flatMap((row, i) =>
    row.flatMap((r, c) => {
      const base = { employeeId: i < o.employees.length ? `e${i}` : `ghost${i}`, cycleId: `c${c}` };
      if (r.rating === null) return [];
      const first = { ...base, rating: r.rating, ...(r.deleted ? { deleted: true } : {}) };
      return r.again === null ? [first] : [first, { ...base, rating: r.again }];
    }),
  );
  return {
    input: { employees, cycles, ratings, sessions, actionItems, surveys, surveyResponses } as MetricsInput,
    params: {
      cycleId: `c${cycleIndex}`,
      asOf: dateAt(o.params.asOf),
      groupBy: o.params.groupBy as MetricsParams['groupBy'],
      minGroup: o.params.minGroup,
    },
  };
}
