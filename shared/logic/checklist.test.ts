import { describe, expect, it } from 'vitest';
import {
  checklistProgress,
  normalizeChecklist,
  STAGE_IDS,
  STAGE_STEPS,
  setStep,
  stageOf,
  toggleStep,
} from './checklist';

describe('checklistProgress', () => {
  it('handles a missing session or checklist', () => {
    for (const s of [null, undefined, {}, { checklist: null }, { checklist: [] }]) {
      const p = checklistProgress(s);
      expect(p.done).toEqual([]);
      expect(p.total).toBe(12);
      expect(p.ratio).toBe(0);
      expect(p.next).toBe(1);
      expect(p.byStage).toEqual({
        prepare: { done: 0, total: 4 },
        conversation: { done: 0, total: 6 },
        followUp: { done: 0, total: 2 },
      });
    }
  });

  it('counts by stage and finds the next step', () => {
    const p = checklistProgress({ checklist: [1, 2, 3, 4, 5, 7, 11] });
    expect(p.done).toEqual([1, 2, 3, 4, 5, 7, 11]);
    expect(p.byStage.prepare).toEqual({ done: 4, total: 4 });
    expect(p.byStage.conversation).toEqual({ done: 2, total: 6 });
    expect(p.byStage.followUp).toEqual({ done: 1, total: 2 });
    expect(p.ratio).toBeCloseTo(7 / 12);
    expect(p.next).toBe(6);
  });

  it('ignores duplicates, order and values that are not steps', () => {
    const p = checklistProgress({ checklist: [3, 3, 1, 0, 13, -1, 2.5, Number.NaN, '4', null, 1] as never });
    expect(p.done).toEqual([1, 3]);
    expect(p.ratio).toBeCloseTo(2 / 12);
    expect(p.next).toBe(2);
  });

  it('reports all done with next null', () => {
    const p = checklistProgress({ checklist: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1] });
    expect(p.ratio).toBe(1);
    expect(p.next).toBeNull();
  });

  it('tolerates a checklist that is not an array', () => {
    expect(checklistProgress({ checklist: 'nope' as never }).done).toEqual([]);
  });
});

describe('toggleStep / setStep', () => {
  it('adds and removes, keeping the list sorted and distinct', () => {
    expect(toggleStep([3, 1], 2)).toEqual([1, 2, 3]);
    expect(toggleStep([1, 2, 3], 2)).toEqual([1, 3]);
    expect(toggleStep(null, 12)).toEqual([12]);
    expect(toggleStep(undefined, 1)).toEqual([1]);
    expect(toggleStep([5, 5, 5], 5)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const list = [2, 1];
    toggleStep(list, 3);
    expect(list).toEqual([2, 1]);
  });

  it('rejects what is not a step', () => {
    for (const n of [0, 13, 1.5, Number.NaN]) {
      expect(() => toggleStep([], n)).toThrow(RangeError);
    }
  });

  it('sets a step explicitly', () => {
    expect(setStep([1], 1, true)).toEqual([1]);
    expect(setStep([1], 1, false)).toEqual([]);
    expect(setStep([4, 4], 2, true)).toEqual([2, 4]);
  });

  it('round-trips through toggle twice', () => {
    for (let n = 1; n <= 12; n++) expect(toggleStep(toggleStep([1, 7], n), n)).toEqual([1, 7]);
  });
});

describe('stages', () => {
  it('partitions the 12 steps', () => {
    const all = STAGE_IDS.flatMap((s) => STAGE_STEPS[s]);
    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const s of STAGE_IDS) for (const n of STAGE_STEPS[s]) expect(stageOf(n)).toBe(s);
    expect(() => stageOf(0)).toThrow(RangeError);
  });

  it('normalizes', () => {
    expect(normalizeChecklist([2, 1, 2])).toEqual([1, 2]);
    expect(normalizeChecklist(null)).toEqual([]);
  });
});
