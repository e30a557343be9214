import { describe, expect, it } from 'vitest';
import { BASE_PLAN, CONVERSATION_STEPS, planStages, stageStatus } from './stage-plan';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const at = (min: number) => T0 + min * 60_000;

describe('planStages', () => {
  it('keeps the base plan at 57 minutes', () => {
    const plan = planStages(57);
    expect(plan.steps.map((s) => s.minutes)).toEqual(CONVERSATION_STEPS.map((n) => BASE_PLAN[n]));
    expect(plan.steps.map((s) => s.startsAtMin)).toEqual([0, 5, 15, 30, 40, 52]);
    expect(plan.steps.at(-1)?.endsAtMin).toBe(57);
  });

  it.each([30, 31, 45, 50, 60, 61, 75, 89, 90])('splits %i minutes exactly over steps 5–10', (total) => {
    const plan = planStages(total);
    expect(plan.totalMinutes).toBe(total);
    expect(plan.steps.map((s) => s.step)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(sum(plan.steps.map((s) => s.minutes))).toBe(total);
    // Contiguous and whole minutes.
    let cursor = 0;
    for (const s of plan.steps) {
      expect(s.startsAtMin).toBe(cursor);
      expect(Number.isInteger(s.minutes)).toBe(true);
      expect(s.minutes).toBeGreaterThanOrEqual(1);
      cursor = s.endsAtMin;
    }
    // Each step within one minute of its exact proportional share.
    for (const s of plan.steps) {
      const exact = (BASE_PLAN[s.step as 5] * total) / 57;
      expect(Math.abs(s.minutes - exact)).toBeLessThan(1);
    }
    // Feedback (step 7) stays the longest.
    expect(Math.max(...plan.steps.map((s) => s.minutes))).toBe(plan.steps[2]!.minutes);
  });

  it('rounds a fractional total to whole minutes', () => {
    expect(planStages(45.4).totalMinutes).toBe(45);
  });

  it.each([29, 91, 0, -5, 1000])('refuses %i minutes with a clear message', (total) => {
    expect(() => planStages(total)).toThrow(RangeError);
    expect(() => planStages(total)).toThrow(/30–90/);
  });

  it('refuses what is not a number', () => {
    expect(() => planStages(Number.NaN)).toThrow(/must be a number/);
    expect(() => planStages(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => planStages('45' as never)).toThrow(RangeError);
  });

  it('accepts a custom base plan', () => {
    const plan = planStages(60, { 5: 10, 6: 10, 7: 10, 8: 10, 9: 10, 10: 10 });
    expect(plan.steps.map((s) => s.minutes)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(() => planStages(60, { 5: 0 })).toThrow(/positive/);
  });
});

describe('stageStatus', () => {
  const plan = planStages(57); // 5:[0,5) 6:[5,15) 7:[15,30) 8:[30,40) 9:[40,52) 10:[52,57)

  it('at the start: step 5 current, the rest upcoming', () => {
    const s = stageStatus(plan, T0, T0, 5);
    expect(s.steps.map((x) => x.state)).toEqual([
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(s.steps.every((x) => !x.warn)).toBe(true);
    expect(s.overall).toEqual({ elapsedMin: 0, remainingMin: 57, behindByMin: 0, overtimeMin: 0 });
  });

  it('marks earlier steps done and warns near the end of the current one', () => {
    const s = stageStatus(plan, T0, at(26), 7); // step 7 ends at 30: 4 min left
    expect(s.steps.map((x) => x.state)).toEqual([
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(s.steps[2]).toMatchObject({ step: 7, startsAtMin: 15, endsAtMin: 30, warn: true });
    expect(s.steps.filter((x) => x.warn)).toHaveLength(1);
    expect(s.overall.elapsedMin).toBe(26);
    expect(s.overall.remainingMin).toBe(31);
    expect(s.overall.behindByMin).toBe(0);
  });

  it('does not warn earlier than 5 minutes before the end', () => {
    expect(stageStatus(plan, T0, at(24.9), 7).steps[2]!.warn).toBe(false);
    expect(stageStatus(plan, T0, at(25), 7).steps[2]!.warn).toBe(true);
  });

  it('does not make a short step amber from its first second', () => {
    // Step 5 is 5 minutes long: the warning window is capped at half of it.
    expect(stageStatus(plan, T0, at(1), 5).steps[0]!.warn).toBe(false);
    expect(stageStatus(plan, T0, at(2.5), 5).steps[0]!.warn).toBe(true);
  });

  it('turns the current step late past its end and reports how far behind', () => {
    const s = stageStatus(plan, new Date(T0), new Date(at(33)), 7);
    expect(s.steps[2]).toMatchObject({ state: 'late', warn: false });
    // Step 8 ends at 40, not passed yet.
    expect(s.steps[3]!.state).toBe('upcoming');
    expect(s.overall.behindByMin).toBe(3);
  });

  it('marks upcoming steps whose planned end has passed as late', () => {
    const s = stageStatus(plan, T0, at(45), 7);
    expect(s.steps.map((x) => x.state)).toEqual(['done', 'done', 'late', 'late', 'upcoming', 'upcoming']);
    expect(s.overall.behindByMin).toBe(15);
  });

  it('reports overtime past the whole plan', () => {
    const s = stageStatus(plan, T0, at(65), 10);
    expect(s.steps.at(-1)!.state).toBe('late');
    expect(s.overall.remainingMin).toBe(0);
    expect(s.overall.overtimeMin).toBe(8);
    expect(s.overall.behindByMin).toBe(8);
  });

  it('treats a step after the conversation as all done', () => {
    const s = stageStatus(plan, T0, at(50), 11);
    expect(s.steps.every((x) => x.state === 'done')).toBe(true);
    expect(s.overall.behindByMin).toBe(0);
  });

  it('counts time spent still preparing as behind', () => {
    const s = stageStatus(plan, T0, at(3), 4);
    expect(s.steps[0]!.state).toBe('upcoming');
    expect(s.overall.behindByMin).toBe(3);
  });

  it('derives the current step from the clock when none is given', () => {
    expect(stageStatus(plan, T0, at(16), null).currentStep).toBe(7);
    expect(stageStatus(plan, T0, at(0), null).currentStep).toBe(5);
    expect(stageStatus(plan, T0, at(80), null).currentStep).toBe(10);
  });

  it('accepts ISO strings and never reports negative time', () => {
    const s = stageStatus(plan, '2026-11-25T09:10:00Z', '2026-11-25T09:00:00Z', 5);
    expect(s.overall.elapsedMin).toBe(0);
    expect(() => stageStatus(plan, 'not a date', T0, 5)).toThrow(/startedAt/);
    expect(() => stageStatus(plan, T0, Number.NaN, 5)).toThrow(/now/);
  });

  it('ahead of plan is not behind', () => {
    const s = stageStatus(plan, T0, at(2), 8);
    expect(s.overall.behindByMin).toBe(0);
    expect(s.steps.map((x) => x.state).slice(0, 4)).toEqual(['done', 'done', 'done', 'current']);
  });
});
