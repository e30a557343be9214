/**
 * Anonymity of the employee survey: suppression below minGroup, small teams, and differencing —
 * no group's answers can be recovered as overall minus the visible groups.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../server/metrics/engine';
import type { MetricsParams } from '../../server/metrics/types';
import { C1, employee, employeeResponse, emptyInput, session, survey } from './helpers';

const params = (over: Partial<MetricsParams> = {}): MetricsParams => ({
  cycleId: 'c1',
  asOf: '2026-04-15',
  groupBy: 'department',
  minGroup: 5,
  ...over,
});

type Answer = { fair: number; nps: number };

/** Departments with `people` employees and one response per answer. */
function org(departments: Record<string, { people: number; answers: Answer[]; manager?: string }>) {
  const input = emptyInput();
  input.cycles.push(C1);
  for (const [department, d] of Object.entries(departments)) {
    const ids = Array.from({ length: d.people }, (_, i) => `${department}-${i}`);
    for (const id of ids) input.employees.push(employee({ id, department, managerEmail: d.manager ?? null }));
    d.answers.forEach((a, i) => {
      const s = session(ids[i % ids.length]!);
      const v = survey(s.id);
      input.sessions.push(s);
      input.surveys.push(v);
      input.surveyResponses.push(employeeResponse(v, a));
    });
  }
  return input;
}

const fill = (n: number, a: Answer = { fair: 4, nps: 8 }) => Array.from({ length: n }, () => ({ ...a }));

describe('differencing protection (complementary suppression)', () => {
  it('with exactly one suppressed group, the smallest visible group is suppressed too', () => {
    const input = org({
      A: { people: 6, answers: fill(6) },
      B: { people: 7, answers: fill(7) },
      C: { people: 5, answers: fill(2) },
    });
    const r = computeMetrics(input, params());
    const byKey = Object.fromEntries(r.groups.map((g) => [g.key, g.survey.employee]));
    expect(byKey.C).toMatchObject({ suppressed: true, reason: 'few-responses', fair: null });
    expect(byKey.A).toMatchObject({ suppressed: true, reason: 'complementary', fair: null, nps: null });
    expect(byKey.B).toMatchObject({ suppressed: false, reason: null, fair: 1 });
    expect(r.overall.survey.employee).toMatchObject({ suppressed: false, responses: 15 });
    expect(r.privacy).toEqual({
      method: 'complementary-suppression',
      suppressedGroups: ['C'],
      complementaryGroups: ['A'],
    });
  });

  it('overall minus the visible groups does not reveal the suppressed group', () => {
    // Two organisations that differ only in how C answered — C's fair share is 1 in the first and
    // 0 in the second — with A compensating so that A and C together answered the same.
    const first = org({
      A: { people: 6, answers: [...fill(4), ...fill(2, { fair: 1, nps: 0 })] },
      B: { people: 7, answers: fill(7, { fair: 3, nps: 9 }) },
      C: { people: 5, answers: fill(2, { fair: 5, nps: 10 }) },
    });
    const second = org({
      A: { people: 6, answers: [...fill(4), ...fill(2, { fair: 5, nps: 10 })] },
      B: { people: 7, answers: fill(7, { fair: 3, nps: 9 }) },
      C: { people: 5, answers: fill(2, { fair: 1, nps: 0 }) },
    });
    const r1 = computeMetrics(first, params());
    const r2 = computeMetrics(second, params());
    // Everything the response shows is identical, so nothing in it can tell C's answers apart.
    expect(r1).toEqual(r2);
    // The subtraction an HR user could do yields only the pooled A + C answers (8 of them).
    const e = r1.overall.survey.employee;
    const b = r1.groups.find((g) => g.key === 'B')!.survey.employee;
    const pooledFavourable = e.fair! * e.responses - b.fair! * b.responses;
    expect(e.responses - b.responses).toBe(8);
    expect(pooledFavourable).toBeCloseTo(6, 10); // 4 + 2 in A∪C, in both organisations
    // Without the protection, A would have been shown, and C = overall − A − B exposed:
    // as a check of the test itself, A alone passes its own threshold.
    const a = r1.groups.find((g) => g.key === 'A')!.survey.employee;
    expect(a.responses).toBeGreaterThanOrEqual(5);
    expect(a.reason).toBe('complementary');
  });

  it('no extra suppression when the suppressed groups together are already a safe pool', () => {
    const input = org({
      A: { people: 5, answers: fill(3) },
      B: { people: 5, answers: fill(3) },
      C: { people: 6, answers: fill(6) },
    });
    const r = computeMetrics(input, params());
    expect(r.privacy.suppressedGroups).toEqual(['A', 'B']);
    expect(r.privacy.complementaryGroups).toEqual([]); // 6 responses from 10 people pooled
    expect(r.groups.find((g) => g.key === 'C')!.survey.employee.suppressed).toBe(false);
  });

  it('a suppressed group without answers needs no protection; a suppressed overall needs none either', () => {
    const quiet = org({ A: { people: 5, answers: [] }, B: { people: 6, answers: fill(6) } });
    expect(computeMetrics(quiet, params()).privacy.complementaryGroups).toEqual([]);
    const tiny = org({ A: { people: 5, answers: fill(1) }, B: { people: 5, answers: fill(3) } });
    const r = computeMetrics(tiny, params());
    expect(r.overall.survey.employee.suppressed).toBe(true); // 4 responses in all
    expect(r.privacy.complementaryGroups).toEqual([]);
  });

  it('keeps protecting until the pool is large enough in responses and in people', () => {
    // A small team (2 people, 6 answers) is suppressed; its pool has 2 people < 5, so the smallest
    // visible group (B, 5 answers) joins it: 11 answers from 7 people.
    const input = org({
      A: { people: 2, answers: fill(6) },
      B: { people: 5, answers: fill(5) },
      C: { people: 6, answers: fill(8) },
      D: { people: 9, answers: fill(9) },
    });
    const r = computeMetrics(input, params());
    expect(Object.fromEntries(r.groups.map((g) => [g.key, g.survey.employee.reason]))).toEqual({
      A: 'small-team',
      B: 'complementary',
      C: null,
      D: null,
    });
  });
});

describe('small teams', () => {
  it('a manager with fewer than minGroup reports has their figures suppressed, saying why', () => {
    const input = org({
      Small: { people: 3, answers: fill(9), manager: 'small@x.com' },
      Big: { people: 8, answers: fill(8), manager: 'big@x.com' },
      Other: { people: 6, answers: fill(6), manager: 'other@x.com' },
    });
    const r = computeMetrics(input, params({ groupBy: 'manager' }));
    const small = r.groups.find((g) => g.key === 'small@x.com')!.survey.employee;
    expect(small).toMatchObject({
      responses: 9,
      suppressed: true,
      reason: 'small-team',
      fair: null,
      nps: null,
    });
    // 9 answers but only 3 people: the pool is completed by the smallest visible team.
    expect(r.privacy.complementaryGroups).toEqual(['other@x.com']);
  });

  it('groupBy=none never suppresses complementarily', () => {
    const input = org({ A: { people: 2, answers: fill(6) }, B: { people: 6, answers: fill(6) } });
    const r = computeMetrics(input, params({ groupBy: 'none' }));
    expect(r.privacy).toEqual({
      method: 'complementary-suppression',
      suppressedGroups: [],
      complementaryGroups: [],
    });
    expect(r.groups[0]!.survey.employee.suppressed).toBe(false);
  });
});
