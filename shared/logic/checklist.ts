/**
 * The 12-step checklist of a session (`Session.checklist`: step numbers done).
 * Tolerates null, duplicates and stray values in stored data; always returns clean, sorted lists.
 */

export type StageId = 'prepare' | 'conversation' | 'followUp';

export const TOTAL_STEPS = 12;

/** Which steps belong to which stage (DESIGN §2). */
export const STAGE_STEPS: Readonly<Record<StageId, readonly number[]>> = {
  prepare: [1, 2, 3, 4],
  conversation: [5, 6, 7, 8, 9, 10],
  followUp: [11, 12],
};

export const STAGE_IDS: readonly StageId[] = ['prepare', 'conversation', 'followUp'];

export function isStepNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= TOTAL_STEPS;
}

/** The stage a step belongs to. Throws a RangeError for anything but 1–12. */
export function stageOf(step: number): StageId {
  if (!isStepNumber(step)) throw new RangeError(`not a step number (1–12): ${String(step)}`);
  if (step <= 4) return 'prepare';
  if (step <= 10) return 'conversation';
  return 'followUp';
}

/** Distinct valid step numbers, sorted. Anything else (null, 0, 13, 2.5, '3') is dropped. */
export function normalizeChecklist(checklist: readonly unknown[] | null | undefined): number[] {
  if (!Array.isArray(checklist)) return [];
  return [...new Set(checklist.filter(isStepNumber))].sort((a, b) => a - b);
}

export interface StageProgress {
  done: number;
  total: number;
}

export interface ChecklistProgress {
  done: number[];
  total: 12;
  byStage: {
    prepare: { done: number; total: 4 };
    conversation: { done: number; total: 6 };
    followUp: { done: number; total: 2 };
  };
  /** Share of the 12 steps done, 0–1. */
  ratio: number;
  /** The first step not yet done, or null when all are. */
  next: number | null;
}

export function checklistProgress(
  session: { checklist?: readonly unknown[] | null } | null | undefined,
): ChecklistProgress {
  const done = normalizeChecklist(session?.checklist);
  const count = (stage: StageId) => STAGE_STEPS[stage].filter((n) => done.includes(n)).length;
  let next: number | null = null;
  for (let n = 1; n <= TOTAL_STEPS; n++) {
    if (!done.includes(n)) {
      next = n;
      break;
    }
  }
  return {
    done,
    total: TOTAL_STEPS,
    byStage: {
      prepare: { done: count('prepare'), total: 4 },
      conversation: { done: count('conversation'), total: 6 },
      followUp: { done: count('followUp'), total: 2 },
    },
    ratio: done.length / TOTAL_STEPS,
    next,
  };
}

/** A new checklist with step `n` flipped. Throws a RangeError for anything but 1–12. */
export function toggleStep(checklist: readonly unknown[] | null | undefined, n: number): number[] {
  const done = normalizeChecklist(checklist);
  return setStep(done, n, !done.includes(n));
}

/** A new checklist with step `n` marked done or not. Throws a RangeError for anything but 1–12. */
export function setStep(
  checklist: readonly unknown[] | null | undefined,
  n: number,
  isDone: boolean,
): number[] {
  if (!isStepNumber(n)) throw new RangeError(`not a step number (1–12): ${String(n)}`);
  const done = normalizeChecklist(checklist).filter((s) => s !== n);
  if (isDone) done.push(n);
  return done.sort((a, b) => a - b);
}
