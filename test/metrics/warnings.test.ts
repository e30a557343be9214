/** Each warning rule triggers above its threshold and not at it (DESIGN §6 defaults). */
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../server/metrics/engine';
import type { MetricsParams, WarningKind } from '../../server/metrics/types';
import { C0, C1, employee, employeeResponse, emptyInput, item, session, survey } from './helpers';

const params = (over: Partial<MetricsParams> = {}): MetricsParams => ({
  cycleId: 'c1',
  asOf: '2026-04-15',
  groupBy: 'department',
  minGroup: 1,
  ...over,
});

function team(people = 5, department = 'Ops') {
  const input = emptyInput();
  input.cycles.push(C1, C0);
  const ids = Array.from({ length: people }, (_, i) => `${department}-${i}`);
  for (const id of ids) input.employees.push(employee({ id, department }));
  return { input, ids };
}

const kinds = (input: ReturnType<typeof team>['input'], p: Partial<MetricsParams> = {}) =>
  computeMetrics(input, params(p)).warnings.map((w) => w.kind);

function only(kind: WarningKind, input: ReturnType<typeof team>['input'], p: Partial<MetricsParams> = {}) {
  return computeMetrics(input, params(p)).warnings.filter((w) => w.kind === kind);
}

describe('high-appeals: appealRate > 0.1 with ≥ 5 reviews', () => {
  const reviews = (n: number, appealed: number) => {
    const { input, ids } = team(1);
    for (let i = 0; i < n; i++) input.sessions.push(session(ids[0]!, { appealed: i < appealed }));
    return input;
  };
  it('triggers at 1 of 5 (0.2), with the figures', () => {
    expect(only('high-appeals', reviews(5, 1))).toEqual([
      { kind: 'high-appeals', group: 'Ops', detail: { appealRate: 0.2, reviews: 5 } },
    ]);
  });
  it('not at 1 of 10 (exactly 0.1) nor with 4 reviews', () => {
    expect(only('high-appeals', reviews(10, 1))).toEqual([]);
    expect(only('high-appeals', reviews(4, 4))).toEqual([]);
    expect(only('high-appeals', reviews(11, 2))).toHaveLength(1); // 0.18
  });
});

describe('short-sessions: shortShare > 0.3 with ≥ 5 sessions', () => {
  const lengths = (minutes: number[]) => {
    const { input, ids } = team(1);
    for (const m of minutes) {
      input.sessions.push(
        session(ids[0]!, {
          startedAt: '2026-02-01T09:00:00Z',
          endedAt: new Date(Date.parse('2026-02-01T09:00:00Z') + m * 60_000).toISOString(),
        }),
      );
    }
    return input;
  };
  it('triggers at 2 of 5 short', () => {
    expect(only('short-sessions', lengths([10, 29, 30, 45, 60]))[0]?.detail).toEqual({
      shortShare: 0.4,
      sessions: 5,
    });
  });
  it('not at exactly 0.3, nor under 5 sessions', () => {
    expect(only('short-sessions', lengths([10, 10, 10, 30, 30, 30, 30, 30, 30, 30]))).toEqual([]);
    expect(only('short-sessions', lengths([10, 10, 10, 10]))).toEqual([]);
  });
});

describe('low-coverage: review rate < 0.8 once asOf > endsOn', () => {
  const covered = (people: number, reviewed: number) => {
    const { input, ids } = team(people);
    for (let i = 0; i < reviewed; i++) input.sessions.push(session(ids[i]!, { kind: 'review' }));
    return input;
  };
  it('triggers after the cycle at 3 of 4', () => {
    expect(only('low-coverage', covered(4, 3), { asOf: '2026-07-01' })).toEqual([
      { kind: 'low-coverage', group: 'Ops', detail: { reviewRate: 0.75, held: 3, employees: 4 } },
    ]);
  });
  it('not on the last day of the cycle, and not at exactly 0.8', () => {
    expect(only('low-coverage', covered(4, 3), { asOf: '2026-06-30' })).toEqual([]);
    expect(only('low-coverage', covered(5, 4), { asOf: '2026-07-01' })).toEqual([]);
  });
});

describe('attrition-low-performance: attritionRate > 0.15 and lowPerformerShare > 0.2', () => {
  // 5 employed at start, `leavers` of them leave during C1; 4 stayers rated, `low` of them ≤ 2.
  const org = (leavers: number, low: number) => {
    const { input, ids } = team(4);
    for (let i = 0; i < leavers; i++)
      input.employees.push(employee({ department: 'Ops', leftOn: '2026-03-01' }));
    ids.forEach((id, i) => {
      input.ratings.push({ employeeId: id, cycleId: 'c1', rating: i < low ? 2 : 3 });
    });
    return input;
  };
  it('triggers at attrition 1/5 = 0.2 and low share 1/4 = 0.25', () => {
    expect(only('attrition-low-performance', org(1, 1))[0]?.detail).toEqual({
      attritionRate: 0.2,
      lowPerformerShare: 0.25,
    });
  });
  it('not when either is at or under its threshold', () => {
    expect(only('attrition-low-performance', org(0, 4))).toEqual([]);
    expect(only('attrition-low-performance', org(1, 0))).toEqual([]);
    // Thresholds are configurable: at exactly the threshold it does not trigger.
    expect(only('attrition-low-performance', org(1, 1), { thresholds: { attritionRate: 0.2 } })).toEqual([]);
    expect(
      only('attrition-low-performance', org(1, 1), { thresholds: { attritionLowPerformerShare: 0.25 } }),
    ).toEqual([]);
  });
});

describe('support-not-delivered: supportCommitments rate < 0.5 with ≥ 3 due', () => {
  const support = (due: number, done: number) => {
    const { input, ids } = team(1);
    const s = session(ids[0]!);
    input.sessions.push(s);
    for (let i = 0; i < due; i++) {
      input.actionItems.push(
        item(s.id, {
          owner: 'manager',
          dueOn: '2026-03-01',
          status: i < done ? 'done' : 'open',
          doneAt: i < done ? '2026-02-28T10:00:00Z' : null,
        }),
      );
    }
    return input;
  };
  it('triggers at 1 of 3', () => {
    expect(only('support-not-delivered', support(3, 1))[0]?.detail).toEqual({ rate: 1 / 3, due: 3, done: 1 });
  });
  it('not at exactly 0.5, nor with 2 due', () => {
    expect(only('support-not-delivered', support(4, 2))).toEqual([]);
    expect(only('support-not-delivered', support(2, 0))).toEqual([]);
  });
});

describe('low-satisfaction: in C and in the cycle before C', () => {
  // Each answer is one response to one employee survey of a held session in the given cycle.
  function answers(
    input: ReturnType<typeof team>['input'],
    ids: string[],
    cycleId: string,
    list: { fair: number; nps: number }[],
  ) {
    list.forEach((a, i) => {
      const s = session(ids[i % ids.length]!, { cycleId });
      const v = survey(s.id);
      input.sessions.push(s);
      input.surveys.push(v);
      input.surveyResponses.push(employeeResponse(v, a));
    });
  }
  const unhappy = [
    { fair: 3, nps: 5 },
    { fair: 3, nps: 5 },
    { fair: 4, nps: 9 },
    { fair: 5, nps: 10 },
    { fair: 4, nps: 3 },
  ]; // fair 3/5 = 0.6 (not low), nps 100 × (2/5 − 3/5) = −20 (low)
  const happy = [
    { fair: 4, nps: 9 },
    { fair: 4, nps: 9 },
    { fair: 4, nps: 7 },
    { fair: 5, nps: 3 },
    { fair: 5, nps: 8 },
  ]; // fair 1, nps 100 × (2/5 − 1/5) = 20

  it('triggers when both cycles are low, with both cycles’ figures', () => {
    const { input, ids } = team(5);
    answers(input, ids, 'c1', unhappy);
    answers(input, ids, 'c0', [
      { fair: 3, nps: 9 },
      { fair: 2, nps: 9 },
      { fair: 4, nps: 9 },
      { fair: 4, nps: 9 },
      { fair: 1, nps: 9 },
    ]); // fair 2/5 = 0.4 (low), nps 100
    const w = only('low-satisfaction', input, { minGroup: 5 });
    expect(w).toHaveLength(1);
    expect(w[0]!.group).toBe('Ops');
    expect(w[0]!.detail).toMatchObject({
      fair: 0.6,
      previousFair: 0.4,
      previousNps: 100,
      responses: 5,
      previousResponses: 5,
    });
    expect(w[0]!.detail.nps).toBeCloseTo(-20, 10);
  });

  it('not when only C is low, when the previous cycle is suppressed, or without a previous cycle', () => {
    const { input, ids } = team(5);
    answers(input, ids, 'c1', unhappy);
    answers(input, ids, 'c0', happy);
    expect(only('low-satisfaction', input, { minGroup: 5 })).toEqual([]);

    const few = team(5);
    answers(few.input, few.ids, 'c1', unhappy);
    answers(few.input, few.ids, 'c0', unhappy.slice(0, 4)); // 4 responses < minGroup 5
    expect(only('low-satisfaction', few.input, { minGroup: 5 })).toEqual([]);
    expect(only('low-satisfaction', few.input, { minGroup: 4 })).toHaveLength(1);

    const first = team(5);
    first.input.cycles.splice(1); // no C0
    answers(first.input, first.ids, 'c1', unhappy);
    expect(only('low-satisfaction', first.input, { minGroup: 5 })).toEqual([]);
  });

  it('not at nps exactly 0 and fair exactly 0.6', () => {
    const { input, ids } = team(5);
    const edge = [
      { fair: 4, nps: 9 },
      { fair: 4, nps: 3 },
      { fair: 4, nps: 8 },
      { fair: 1, nps: 7 },
      { fair: 1, nps: 8 },
    ]; // fair 0.6, nps 100 × (1/5 − 1/5) = 0
    answers(input, ids, 'c1', edge);
    answers(input, ids, 'c0', unhappy);
    expect(only('low-satisfaction', input, { minGroup: 5 })).toEqual([]);
  });

  it('is evaluated per group in groups', () => {
    const { input, ids } = team(5, 'A');
    const b = team(5, 'B');
    input.employees.push(...b.input.employees);
    answers(input, ids, 'c1', unhappy);
    answers(input, ids, 'c0', unhappy);
    answers(input, b.ids, 'c1', happy);
    answers(input, b.ids, 'c0', unhappy);
    expect(only('low-satisfaction', input, { minGroup: 5 }).map((w) => w.group)).toEqual(['A']);
    expect(kinds(input, { minGroup: 5, groupBy: 'none' })).not.toContain('low-satisfaction'); // pooled C is fine
  });
});
