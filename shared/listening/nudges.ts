/**
 * When the meter nudges (issue 18, tied to the method): in step 6, "self-assessment first", when
 * the manager has spoken more than 60 % of the time since the step began; over the whole talk above
 * 65 %; after a monologue over 2 minutes. Each at most once per talk. Pure: the caller keeps the
 * tracker and shows what `dueNudges` returns.
 */
import { type Balance, currentMonologue, totalSeconds } from './balance';

export type ListeningNudge = 'step6' | 'overall' | 'monologue';

export const STEP6_SHARE = 0.6;
/** Step 6 is judged once this much of it has passed (a first sentence is not a pattern). */
export const STEP6_MIN_SECONDS = 15;
export const OVERALL_SHARE = 0.65;
export const OVERALL_MIN_SECONDS = 180;
export const MONOLOGUE_SECONDS = 120;

export interface NudgeTracker {
  shown: ListeningNudge[];
  /** Manager seconds and total seconds when step 6 began; null before. */
  step6From: { manager: number; total: number } | null;
}

export function newNudgeTracker(): NudgeTracker {
  return { shown: [], step6From: null };
}

const managerSeconds = (b: Balance) => b.manager + b.both / 2;

/** Nudges that became due now (each returned once); `step` is the step shown in the Talk tab. */
export function dueNudges(tracker: NudgeTracker, b: Balance, step: number): ListeningNudge[] {
  const due: ListeningNudge[] = [];
  const total = totalSeconds(b);
  const fire = (n: ListeningNudge, when: boolean) => {
    if (when && !tracker.shown.includes(n)) {
      tracker.shown.push(n);
      due.push(n);
    }
  };
  if (step === 6 && !tracker.step6From) tracker.step6From = { manager: managerSeconds(b), total };
  if (step === 6 && tracker.step6From) {
    const span = total - tracker.step6From.total;
    const spoke = managerSeconds(b) - tracker.step6From.manager;
    fire('step6', span >= STEP6_MIN_SECONDS && spoke / span > STEP6_SHARE);
  }
  fire('overall', total >= OVERALL_MIN_SECONDS && managerSeconds(b) / total > OVERALL_SHARE);
  fire('monologue', currentMonologue(b) > MONOLOGUE_SECONDS);
  return due;
}
