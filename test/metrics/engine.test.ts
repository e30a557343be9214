/**
 * Each formula of DESIGN §6 on small hand-built cases; expected figures are worked out by hand in
 * the comments beside them.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, MetricsInputError } from '../../server/metrics/engine';
import type { MetricsParams } from '../../server/metrics/types';
import {
  C0,
  C1,
  C2,
  employee,
  employeeResponse,
  emptyInput,
  item,
  managerResponse,
  session,
  survey,
} from './helpers';

const params = (over: Partial<MetricsParams> = {}): MetricsParams => ({
  cycleId: 'c1',
  asOf: '2026-04-15',
  groupBy: 'none',
  ...over,
});

/** C1 runs 2026-01-01 … 2026-06-30. */
function base() {
  const input = emptyInput();
  input.cycles.push(C1);
  return input;
}

describe('parameters', () => {
  it('throws a typed error for an unknown cycle', () => {
    const input = base();
    expect(() => computeMetrics(input, params({ cycleId: 'nope' }))).toThrowError(MetricsInputError);
    try {
      computeMetrics(input, params({ cycleId: 'nope' }));
    } catch (e) {
      expect((e as MetricsInputError).code).toBe('unknown_cycle');
    }
  });

  it('throws invalid_params for a bad asOf, groupBy or minGroup, and for a tombstoned cycle', () => {
    const input = base();
    for (const p of [
      params({ asOf: '2026-4-1' }),
      params({ asOf: '2026-13-01' }),
      params({ groupBy: 'team' as 'none' }),
      params({ minGroup: 0 }),
      params({ minGroup: 2.5 }),
      params({ thresholds: { nope: 1 } as never }),
    ]) {
      expect(() => computeMetrics(input, p)).toThrow(expect.objectContaining({ code: 'invalid_params' }));
    }
    input.cycles[0] = { ...C1, deleted: true };
    expect(() => computeMetrics(input, params())).toThrow(expect.objectContaining({ code: 'unknown_cycle' }));
  });

  it('answers the shape of §6 with defaults', () => {
    const r = computeMetrics(base(), params());
    expect(r.cycle).toEqual({ id: 'c1', name: 'H1 2026', startsOn: '2026-01-01', endsOn: '2026-06-30' });
    expect(r.asOf).toBe('2026-04-15');
    expect(r.minGroup).toBe(5);
    expect(r.groupBy).toBe('none');
    expect(r.groups).toEqual([r.overall]);
    expect(r.overall.key).toBe('all');
    expect(Object.keys(r.overall)).toEqual([
      'key',
      'employees',
      'coverage',
      'duration',
      'process',
      'development',
      'consensus',
      'survey',
      'performance',
    ]);
    // Empty sets give null rates and zero counts.
    expect(r.overall.employees).toBe(0);
    expect(r.overall.coverage.review).toEqual({ held: 0, rate: null });
    expect(r.overall.duration.median).toBeNull();
    expect(r.overall.process.checklist).toBeNull();
    expect(r.overall.development.actionItems.completionRate).toBeNull();
    expect(r.overall.consensus.agreedRate).toBeNull();
    expect(r.overall.performance.meanChange).toBeNull();
    expect(r.warnings).toEqual([]);
  });
});

describe('population, leavers and attrition', () => {
  it('counts people employed at the end, and leavers during the cycle against those employed at its start', () => {
    const input = base();
    input.employees.push(
      employee({ id: 'stays' }),
      employee({ id: 'left-before', leftOn: '2025-12-31' }), // not in any group for C1
      employee({ id: 'left-on-start', leftOn: '2026-01-01' }), // employed at start, left during
      employee({ id: 'left-during', leftOn: '2026-03-10' }),
      employee({ id: 'left-on-end', leftOn: '2026-06-30' }), // left during (endsOn is in C)
      employee({ id: 'left-after', leftOn: '2026-07-05' }), // in the population
      employee({ id: 'gone', deleted: true }),
    );
    const g = computeMetrics(input, params()).overall;
    // Population: stays, left-after.
    expect(g.employees).toBe(2);
    // Employed at start: stays, left-on-start, left-during, left-on-end, left-after = 5; left during: 3.
    expect(g.performance.attritionRate).toBeCloseTo(3 / 5, 12);
  });

  it('repeated roster ids: the last row wins', () => {
    const input = base();
    input.employees.push(employee({ id: 'x', department: 'Old' }), employee({ id: 'x', department: 'New' }));
    const r = computeMetrics(input, params({ groupBy: 'department' }));
    expect(r.groups.map((g) => [g.key, g.employees])).toEqual([['New', 1]]);
  });
});

describe('grouping', () => {
  it('groups by department (blank → ""), by manager email (normalised), sorted by key', () => {
    const input = base();
    input.employees.push(
      employee({ department: '研发', managerEmail: 'Lead@X.com' }),
      employee({ department: ' Sales ', managerEmail: 'lead@x.com' }),
      employee({ department: null, managerEmail: null }),
      employee({ department: '', managerEmail: 'a@x.com' }),
    );
    const byDept = computeMetrics(input, params({ groupBy: 'department' }));
    expect(byDept.groups.map((g) => [g.key, g.employees])).toEqual([
      ['', 2],
      ['Sales', 1],
      ['研发', 1],
    ]);
    const byManager = computeMetrics(input, params({ groupBy: 'manager' }));
    expect(byManager.groups.map((g) => [g.key, g.employees])).toEqual([
      ['', 1],
      ['a@x.com', 1],
      ['lead@x.com', 2],
    ]);
    expect(byManager.overall.employees).toBe(4);
  });

  it('groupBy=none gives one group keyed all, equal to overall', () => {
    const input = base();
    input.employees.push(employee({ department: 'A' }), employee({ department: 'B' }));
    const r = computeMetrics(input, params({ groupBy: 'none' }));
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toEqual(r.overall);
    expect(r.groups[0]!.key).toBe('all');
  });
});

describe('coverage', () => {
  it('counts population employees with ≥ 1 held session of each kind, ignoring other statuses, cycles and tombstones', () => {
    const input = base();
    input.cycles.push(C0);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => employee({ id }));
    input.employees.push(a!, b!, c!, d!);
    input.sessions.push(
      session('a', { kind: 'plan', status: 'held' }),
      session('a', { kind: 'coaching', status: 'recorded' }),
      session('a', { kind: 'review', status: 'recorded' }),
      session('a', { kind: 'review', status: 'recorded' }), // a second review changes nothing
      session('b', { kind: 'plan', status: 'recorded' }),
      session('b', { kind: 'review', status: 'cancelled' }),
      session('b', { kind: 'coaching', status: 'scheduled' }),
      session('c', { kind: 'review', status: 'recorded', deleted: true }),
      session('c', { kind: 'review', status: 'recorded', cycleId: 'c0' }),
      session('ghost', { kind: 'review', status: 'recorded' }),
    );
    const cov = computeMetrics(input, params()).overall.coverage;
    expect(cov.plan).toEqual({ held: 2, rate: 0.5 });
    expect(cov.coaching).toEqual({ held: 1, rate: 0.25 });
    expect(cov.review).toEqual({ held: 1, rate: 0.25 });
    expect(cov.allThree).toBe(0.25);
  });
});

describe('duration', () => {
  const timed = (minutes: number[], extra: Parameters<typeof session>[1][] = []) => {
    const input = base();
    input.employees.push(employee({ id: 'e' }));
    const start = Date.parse('2026-02-02T09:00:00Z');
    for (const m of minutes) {
      input.sessions.push(
        session('e', {
          startedAt: new Date(start).toISOString(),
          endedAt: new Date(start + m * 60_000).toISOString(),
        }),
      );
    }
    for (const over of extra) input.sessions.push(session('e', over));
    return computeMetrics(input, params()).overall.duration;
  };

  it('median and quartiles by linear interpolation at (n − 1)·p, like numpy', () => {
    // [10, 20, 35, 50]: median at 1.5 → 27.5; p25 at 0.75 → 17.5; p75 at 2.25 → 35 + 0.25·15 = 38.75.
    const d = timed([50, 10, 35, 20]);
    expect(d.sessions).toBe(4);
    expect(d.median).toBe(27.5);
    expect(d.p25).toBe(17.5);
    expect(d.p75).toBe(38.75);
    expect(d.shortShare).toBe(0.5); // 10 and 20 are under 30
  });

  it('odd counts and ties', () => {
    // [30, 30, 30, 45, 100]: median at 2 → 30; p25 at 1 → 30; p75 at 3 → 45. 30 is not short.
    const d = timed([30, 100, 30, 45, 30]);
    expect([d.median, d.p25, d.p75, d.shortShare]).toEqual([30, 30, 45, 0]);
    const one = timed([42]);
    expect([one.median, one.p25, one.p75]).toEqual([42, 42, 42]);
  });

  it('histogram buckets are [0,15) [15,30) [30,45) [45,60) [60,90) [90,∞)', () => {
    const d = timed([0, 14.99, 15, 29.5, 30, 44, 45, 59.9, 60, 89, 90, 240]);
    expect(d.histogram).toEqual({ '0-15': 2, '15-30': 2, '30-45': 2, '45-60': 2, '60-90': 2, '90+': 2 });
  });

  it('leaves out sessions missing a time or ending before they start, and sessions not held', () => {
    const d = timed(
      [40],
      [
        { startedAt: '2026-02-02T09:00:00Z', endedAt: null },
        { startedAt: null, endedAt: '2026-02-02T09:00:00Z' },
        { startedAt: '2026-02-02T09:00:00Z', endedAt: '2026-02-02T08:00:00Z' },
        { startedAt: '2026-02-02T09:00:00Z', endedAt: '2026-02-02T09:10:00Z', status: 'scheduled' },
      ],
    );
    expect(d.sessions).toBe(1);
    expect(d.median).toBe(40);
  });

  it('compares instants in UTC whatever their offset', () => {
    // 09:00+08:00 is 01:00Z; ends 02:30Z → 90 minutes.
    const d = timed([], [{ startedAt: '2026-02-02T09:00:00+08:00', endedAt: '2026-02-02T02:30:00Z' }]);
    expect(d.median).toBe(90);
  });
});

describe('process', () => {
  it('recorded within 24 h, prepared, invited ≥ 72 h ahead, checklist mean over held sessions', () => {
    const input = base();
    input.employees.push(employee({ id: 'e' }));
    const start = '2026-03-10T10:00:00Z';
    const end = '2026-03-10T11:00:00Z';
    input.sessions.push(
      session('e', {
        startedAt: start,
        endedAt: end,
        recordedAt: '2026-03-11T11:00:00Z', // exactly 24 h → yes
        invitedAt: '2026-03-07T10:00:00Z', // exactly 72 h → yes
        mainGoal: 'Agree the H2 goals',
        agenda: { questions: ['What went well?'] },
        checklist: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], // 12/12
      }),
      session('e', {
        startedAt: start,
        endedAt: end,
        recordedAt: '2026-03-11T11:00:01Z', // 1 s late → no
        invitedAt: '2026-03-07T11:00:00Z', // 71 h → no
        mainGoal: '   ', // blank → not prepared
        agenda: { questions: ['q'] },
        checklist: [1, 1, 2], // 2 distinct → 2/12
      }),
      session('e', {
        status: 'held',
        startedAt: start,
        endedAt: end,
        recordedAt: null, // unrecorded → no
        invitedAt: null,
        mainGoal: 'Goal',
        agenda: { questions: [''] }, // no real question → not prepared
        checklist: null, // 0
      }),
      session('e', {
        startedAt: null,
        endedAt: null,
        recordedAt: '2026-03-10T12:00:00Z', // no end to measure from → no
        invitedAt: '2026-01-01T00:00:00Z', // no start → no
        mainGoal: 'Goal',
        agenda: { questions: ['', 'q'] }, // prepared
        checklist: [3, 4, 5], // 3/12
      }),
      session('e', { status: 'planned', recordedAt: end, mainGoal: 'x', agenda: { questions: ['q'] } }),
    );
    const p = computeMetrics(input, params()).overall.process;
    expect(p.sessions).toBe(4);
    expect(p.recordedWithin24h).toBe(1 / 4);
    expect(p.prepared).toBe(2 / 4);
    expect(p.invitedAhead).toBe(1 / 4);
    expect(p.checklist).toBeCloseTo((12 + 2 + 0 + 3) / 48, 12);
    expect(p.listening).toBeNull(); // no held talk had the meter on
  });

  it('listening: share of held talks with the meter on where the manager spoke ≤ 60 %', () => {
    const input = base();
    input.employees.push(employee({ id: 'e' }));
    const l = (managerShare: number) => ({
      managerShare,
      otherShare: Math.round((0.9 - managerShare) * 100) / 100,
      silenceShare: 0.1,
      longestMonologueSeconds: 30,
      employeeSpokeFirst: true,
    });
    input.sessions.push(
      session('e', { listening: l(0.6) }), // exactly 60 % → balanced
      session('e', { listening: l(0.35) }),
      session('e', { listening: l(0.61) }),
      session('e', { listening: null }), // meter off: not counted
      session('e', { status: 'planned', listening: l(0.2) }), // not held
      session('e', { status: 'cancelled', listening: l(0.2) }),
    );
    const p = computeMetrics(input, params()).overall.process;
    expect(p.sessions).toBe(4);
    expect(p.listening).toEqual({ sessions: 3, balanced: 2 / 3 });
  });
});

describe('development', () => {
  it('smartPlanShare over held coaching and review sessions', () => {
    const input = base();
    input.employees.push(employee({ id: 'e' }));
    const complete = { owner: 'employee' as const, dueOn: '2026-05-01', measure: 'Published' };
    const coaching = session('e', { kind: 'coaching' });
    const review1 = session('e', { kind: 'review' });
    const review2 = session('e', { kind: 'review' });
    const plan = session('e', { kind: 'plan' });
    const cancelled = session('e', { kind: 'review', status: 'cancelled' });
    input.sessions.push(coaching, review1, review2, plan, cancelled);
    input.actionItems.push(
      item(coaching.id, complete), // SMART → counts
      item(coaching.id, { ...complete, measure: null }),
      item(review1.id, { ...complete, status: 'dropped' }), // dropped → does not count
      item(review1.id, { ...complete, deleted: true }), // tombstone
      item(review2.id, { ...complete, measure: '  ' }), // blank measure
      item(plan.id, complete), // plan sessions are not in the share
      item(cancelled.id, complete),
    );
    // 1 of 3 held coaching/review sessions.
    expect(computeMetrics(input, params()).overall.development.smartPlanShare).toBeCloseTo(1 / 3, 12);
  });

  it('due, done, overdue, completion and on-time by the UTC date of doneAt', () => {
    const input = base();
    input.employees.push(employee({ id: 'e' }));
    const s = session('e');
    const other = session('e', { status: 'scheduled' });
    input.sessions.push(s, other);
    const due = '2026-03-31';
    input.actionItems.push(
      // 23:30 UTC on the due date: on time.
      item(s.id, { dueOn: due, status: 'done', doneAt: '2026-03-31T23:30:00Z' }),
      // 00:30 UTC the next day: late (08:30 in Shanghai would not matter either way).
      item(s.id, { dueOn: due, status: 'done', doneAt: '2026-04-01T00:30:00Z' }),
      // 07:30 on 1 April in Shanghai is 23:30 UTC on 31 March: on time.
      item(s.id, { dueOn: due, status: 'done', doneAt: '2026-04-01T07:30:00+08:00' }),
      // Done but with no doneAt: done, not provably on time.
      item(s.id, { dueOn: '2026-04-01', status: 'done', doneAt: null }),
      item(s.id, { dueOn: '2026-04-15', status: 'open' }), // due on asOf: due, not overdue
      item(s.id, { dueOn: '2026-04-10', status: 'open' }), // overdue
      item(s.id, { dueOn: '2026-04-16', status: 'open' }), // not due yet
      item(s.id, { dueOn: null, status: 'open' }), // never due
      item(s.id, { dueOn: '2026-04-01', status: 'dropped' }), // left out entirely
      item(s.id, { dueOn: '2026-04-01', status: 'open', deleted: true }), // tombstone
      item(other.id, { dueOn: '2026-04-01', status: 'open' }), // session not held
    );
    const a = computeMetrics(input, params({ asOf: '2026-04-15' })).overall.development.actionItems;
    expect(a).toEqual({
      total: 8,
      due: 6,
      done: 4,
      overdue: 1,
      completionRate: 4 / 6,
      onTimeRate: 2 / 6,
    });
  });

  it('supportCommitments count manager-owned items only', () => {
    const input = base();
    input.employees.push(employee({ id: 'e' }));
    const s = session('e');
    input.sessions.push(s);
    input.actionItems.push(
      item(s.id, { owner: 'manager', dueOn: '2026-03-01', status: 'done', doneAt: '2026-03-01T10:00:00Z' }),
      item(s.id, { owner: 'manager', dueOn: '2026-03-01', status: 'open' }),
      item(s.id, { owner: 'manager', dueOn: '2026-03-01', status: 'dropped' }),
      item(s.id, { owner: 'manager', dueOn: '2026-05-01', status: 'open' }), // not due
      item(s.id, { owner: 'employee', dueOn: '2026-03-01', status: 'open' }),
    );
    const d = computeMetrics(input, params()).overall.development;
    expect(d.supportCommitments).toEqual({ due: 2, done: 1, rate: 0.5 });
    expect(d.actionItems.due).toBe(3);
  });
});

describe('consensus', () => {
  it('agreed and appealed shares over held reviews', () => {
    const input = base();
    input.employees.push(employee({ id: 'e' }));
    input.sessions.push(
      session('e', { consensus: 'agreed' }),
      session('e', { consensus: 'agreed', status: 'held' }),
      session('e', { consensus: 'partial' }),
      session('e', { consensus: 'disagreed', appealed: true }),
      session('e', { consensus: null, appealed: false }),
      session('e', { kind: 'coaching', consensus: 'agreed', appealed: true }), // not a review
      session('e', { consensus: 'agreed', status: 'cancelled' }), // not held
    );
    expect(computeMetrics(input, params()).overall.consensus).toEqual({
      reviews: 5,
      agreedRate: 2 / 5,
      appealRate: 1 / 5,
    });
  });
});

describe('surveys', () => {
  function surveyed(people: number, answers: Parameters<typeof employeeResponse>[1][], minGroup = 2) {
    const input = base();
    for (let i = 0; i < people; i++) input.employees.push(employee({ id: `p${i}` }));
    const surveys = answers.map((_, i) => {
      const s = session(`p${i % people}`);
      input.sessions.push(s);
      return survey(s.id);
    });
    input.surveys.push(...surveys);
    answers.forEach((a, i) => {
      input.surveyResponses.push(employeeResponse(surveys[i]!, a));
    });
    return { input, r: () => computeMetrics(input, params({ minGroup })) };
  }

  it('favourable shares (≥ 4) and NPS over responses to employee surveys of held sessions', () => {
    const { input, r } = surveyed(3, [
      { fair: 4, clarity: 5, plan: 3, respected: 5, nps: 10 },
      { fair: 3, clarity: 4, plan: 2, respected: 4, nps: 9 },
      { fair: 5, clarity: 1, plan: 4, respected: 3, nps: 6 },
    ]);
    // One survey issued but not answered, one for a session that was not held (not counted).
    const extra = session('p0');
    const notHeld = session('p0', { status: 'scheduled' });
    input.sessions.push(extra, notHeld);
    input.surveys.push(survey(extra.id), survey(notHeld.id), { ...survey(extra.id), deleted: true });
    input.surveyResponses.push(employeeResponse(survey(notHeld.id), { fair: 1 }));
    const e = r().overall.survey.employee;
    expect(e).toEqual({
      issued: 4,
      responses: 3,
      responseRate: 3 / 4,
      suppressed: false,
      reason: null,
      fair: 2 / 3,
      clarity: 2 / 3,
      plan: 1 / 3,
      respected: 2 / 3,
      // promoters 2/3 (10, 9), detractors 1/3 (6): 100 × (2/3 − 1/3)
      nps: expect.closeTo(100 / 3, 10),
    });
  });

  it('suppresses the five figures below minGroup responses, keeping the counts', () => {
    const { r } = surveyed(5, [{ fair: 5 }, { fair: 1 }], 3);
    const e = r().overall.survey.employee;
    expect(e).toMatchObject({
      issued: 2,
      responses: 2,
      responseRate: 1,
      suppressed: true,
      reason: 'few-responses',
    });
    expect([e.fair, e.clarity, e.plan, e.respected, e.nps]).toEqual([null, null, null, null, null]);
  });

  it('suppresses a team smaller than minGroup however many responses it has', () => {
    // 2 people answering 6 surveys between them, minGroup 5.
    const { input } = surveyed(2, [{}, {}, {}, {}, {}, {}]);
    const e = computeMetrics(input, params({ minGroup: 5, groupBy: 'manager' })).groups[0]!.survey.employee;
    expect(e).toMatchObject({ responses: 6, suppressed: true, reason: 'small-team', nps: null, fair: null });
  });

  it('manager surveys are never suppressed', () => {
    const input = base();
    input.employees.push(employee({ id: 'e' }));
    const s1 = session('e');
    const s2 = session('e');
    input.sessions.push(s1, s2);
    const m1 = survey(s1.id, 'manager');
    input.surveys.push(m1, survey(s2.id, 'manager'));
    input.surveyResponses.push(managerResponse(m1, { consensus: 3, plan: 4, prepared: 5 }));
    expect(computeMetrics(input, params()).overall.survey.manager).toEqual({
      issued: 2,
      responses: 1,
      responseRate: 0.5,
      consensus: 0,
      plan: 1,
      prepared: 1,
    });
  });
});

describe('performance', () => {
  function rated() {
    const input = base();
    // Listed out of order; the next cycle is the one with the smallest startsOn after C1's.
    input.cycles.push({ ...C2, id: 'c3', startsOn: '2027-01-01', endsOn: '2027-06-30' }, C2, C0);
    for (const id of ['A', 'B', 'C', 'D', 'E']) input.employees.push(employee({ id }));
    input.employees.push(employee({ id: 'F', leftOn: '2026-05-01' })); // not in the population
    const r = (employeeId: string, cycleId: string, rating: number) =>
      input.ratings.push({ employeeId, cycleId, rating });
    r('A', 'c1', 2);
    r('A', 'c2', 3); // +1
    r('B', 'c1', 1);
    r('B', 'c2', 2); // +1
    r('C', 'c1', 4);
    r('C', 'c2', 4); // 0, kept
    r('D', 'c1', 5);
    r('D', 'c2', 4); // −1, not kept
    r('E', 'c1', 3); // rated in C only
    r('F', 'c1', 1);
    r('F', 'c2', 5); // left: not a pair
    r('A', 'c3', 1); // a later cycle, not the next one
    r('B', 'c0', 5);
    return input;
  }

  it('pairs, mean change, uplift of low performers, high performers kept, low-performer share', () => {
    const p = computeMetrics(rated(), params()).overall.performance;
    expect(p.pairs).toBe(4);
    expect(p.meanChange).toBe((1 + 1 + 0 - 1) / 4);
    expect(p.lowPerformerUplift).toBe(1); // A and B
    expect(p.highPerformerKept).toBe(1 / 2); // C kept, D dropped 5 → 4: of the pairs starting ≥ 4
    expect(p.lowPerformerShare).toBe(2 / 5); // A, B of A–E
  });

  it('a repeated rating: the last one wins; tombstoned ratings are ignored', () => {
    const input = rated();
    input.ratings.push({ employeeId: 'D', cycleId: 'c2', rating: 5 }); // D: 5 → 5, now kept
    input.ratings.push({ employeeId: 'C', cycleId: 'c2', rating: 1, deleted: true });
    const p = computeMetrics(input, params()).overall.performance;
    expect(p.meanChange).toBe((1 + 1 + 0 + 0) / 4);
    expect(p.highPerformerKept).toBe(1); // all kept
  });

  it('highPerformerKept: null when no pair starts at 4 or above; one dropped from 5 to 4', () => {
    const none = rated();
    const keep = (input: typeof none, drop: string[]) => {
      for (let i = input.ratings.length - 1; i >= 0; i--)
        if (drop.includes(input.ratings[i]!.employeeId)) input.ratings.splice(i, 1);
    };
    keep(none, ['C', 'D']);
    const p0 = computeMetrics(none, params()).overall.performance;
    expect(p0.pairs).toBe(2);
    expect(p0.highPerformerKept).toBeNull();
    const dropped = rated();
    keep(dropped, ['C']);
    const p1 = computeMetrics(dropped, params()).overall.performance;
    expect(p1.highPerformerKept).toBe(0); // D alone: 5 → 4
    dropped.ratings.push(
      { employeeId: 'C', cycleId: 'c1', rating: 5 },
      { employeeId: 'C', cycleId: 'c2', rating: 5 },
    );
    expect(computeMetrics(dropped, params()).overall.performance.highPerformerKept).toBe(1 / 2);
  });

  it('completionCorrelation: Pearson r of own completion rate and change', () => {
    const input = rated();
    const ownItems = (
      emp: string,
      statuses: ('done' | 'open' | 'dropped')[],
      owner: 'employee' | 'manager' = 'employee',
    ) => {
      const s = session(emp);
      input.sessions.push(s);
      for (const status of statuses)
        input.actionItems.push(item(s.id, { owner, status, dueOn: '2026-03-01' }));
    };
    ownItems('A', ['done', 'open', 'dropped']); // 1/2
    ownItems('A', ['open'], 'manager'); // not own
    ownItems('B', ['done']); // 1
    ownItems('C', ['open']); // 0
    // x = [0.5, 1, 0], y = [1, 1, 0]: sxy = 0.5, sxx = 0.5, syy = 2/3 → r = 0.5 / √(1/3) = √3 / 2.
    expect(computeMetrics(input, params()).overall.performance.completionCorrelation).toBeCloseTo(
      Math.sqrt(3) / 2,
      12,
    );
  });

  it('completionCorrelation is null under 3 pairs and with zero variance', () => {
    const input = rated();
    const own = (emp: string, status: 'done' | 'open') => {
      const s = session(emp);
      input.sessions.push(s);
      input.actionItems.push(item(s.id, { status, dueOn: '2026-03-01' }));
    };
    own('A', 'done');
    own('B', 'open');
    expect(computeMetrics(input, params()).overall.performance.completionCorrelation).toBeNull(); // 2 pairs
    own('D', 'done'); // completion [1, 0, 1], change [1, 1, −1]: works
    expect(computeMetrics(input, params()).overall.performance.completionCorrelation).not.toBeNull();
    const same = rated();
    for (const emp of ['A', 'B', 'D']) {
      const s = session(emp);
      same.sessions.push(s);
      same.actionItems.push(item(s.id, { status: 'done', dueOn: '2026-03-01' }));
    }
    expect(computeMetrics(same, params()).overall.performance.completionCorrelation).toBeNull(); // all 1
    // Zero variance in the change: A, B both +1 and one more +1.
    const flat = rated();
    flat.ratings.push(
      { employeeId: 'C', cycleId: 'c2', rating: 5 },
      { employeeId: 'D', cycleId: 'c2', rating: 6 },
    );
    for (const [emp, status] of [
      ['A', 'done'],
      ['B', 'open'],
      ['C', 'done'],
    ] as const) {
      const s = session(emp);
      flat.sessions.push(s);
      flat.actionItems.push(item(s.id, { status, dueOn: '2026-03-01' }));
    }
    expect(computeMetrics(flat, params()).overall.performance.completionCorrelation).toBeNull();
  });

  it('no next cycle: no pairs, null means', () => {
    const input = rated();
    const p = computeMetrics(input, params({ cycleId: 'c3' })).overall.performance;
    expect(p.pairs).toBe(0);
    expect(p.meanChange).toBeNull();
    expect(p.completionCorrelation).toBeNull();
  });
});

describe('tombstones', () => {
  it('ignores deleted rows of every collection', () => {
    const input = base();
    input.employees.push(employee({ id: 'e' }), employee({ id: 'x', deleted: true }));
    const s = session('e', {
      kind: 'review',
      startedAt: '2026-02-01T09:00:00Z',
      endedAt: '2026-02-01T10:00:00Z',
    });
    const dead = { id: 'dead', deleted: true } as unknown as ReturnType<typeof session>; // a real tombstone keeps only id and meta
    const xs = session('x');
    input.sessions.push(s, dead, xs);
    input.actionItems.push({ id: 'gone', deleted: true } as never, item(s.id, { dueOn: '2026-03-01' }));
    const v = survey(s.id);
    input.surveys.push(v, { ...survey(s.id), deleted: true });
    input.surveyResponses.push(employeeResponse(v), { ...employeeResponse(v), deleted: true });
    const g = computeMetrics(input, params({ minGroup: 1 })).overall;
    expect(g.employees).toBe(1);
    expect(g.process.sessions).toBe(1);
    expect(g.development.actionItems.total).toBe(1);
    expect(g.survey.employee.issued).toBe(1);
    expect(g.survey.employee.responses).toBe(1);
  });
});
