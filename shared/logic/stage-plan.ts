/**
 * The time plan of the conversation itself (steps 5–10) and where a running talk stands against it.
 * Pure: the clock is always passed in.
 */

export type ConversationStep = 5 | 6 | 7 | 8 | 9 | 10;

/** Base minutes per conversation step (57 min in all): opening, self-assessment, feedback, causes, plan, recap. */
export const BASE_PLAN: Readonly<Record<ConversationStep, number>> = {
  5: 5,
  6: 10,
  7: 15,
  8: 10,
  9: 12,
  10: 5,
};

export const CONVERSATION_STEPS: readonly ConversationStep[] = [5, 6, 7, 8, 9, 10];
export const MIN_TOTAL_MINUTES = 30;
export const MAX_TOTAL_MINUTES = 90;
/** The recommended length of the talk (DESIGN §2, step 4). */
export const RECOMMENDED_MINUTES = { min: 45, max: 60 } as const;
/** The current step turns amber this many minutes before its planned end. */
export const WARN_MINUTES = 5;

export interface PlannedStep {
  step: number;
  minutes: number;
  startsAtMin: number;
  endsAtMin: number;
}

export interface StagePlan {
  totalMinutes: number;
  steps: PlannedStep[];
}

/**
 * Split `totalMinutes` (30–90) over steps 5–10 in proportion to `base`, in whole minutes that add
 * up exactly to the total (largest remainder). Throws a RangeError outside 30–90.
 */
export function planStages(
  totalMinutes: number,
  base: Readonly<Partial<Record<number, number>>> = BASE_PLAN,
): StagePlan {
  if (typeof totalMinutes !== 'number' || !Number.isFinite(totalMinutes)) {
    throw new RangeError(`planStages: total minutes must be a number, got ${String(totalMinutes)}`);
  }
  if (totalMinutes < MIN_TOTAL_MINUTES || totalMinutes > MAX_TOTAL_MINUTES) {
    throw new RangeError(
      `planStages: a conversation of ${totalMinutes} min is outside ${MIN_TOTAL_MINUTES}–${MAX_TOTAL_MINUTES} min (45–60 is recommended)`,
    );
  }
  const total = Math.round(totalMinutes);
  const weights = CONVERSATION_STEPS.map((step) => {
    const w = base[step] ?? BASE_PLAN[step];
    if (!(Number.isFinite(w) && w > 0)) {
      throw new RangeError(`planStages: base minutes for step ${step} must be positive, got ${String(w)}`);
    }
    return w;
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * total) / weightSum);
  const minutes = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = total - minutes.reduce((a, b) => a + b, 0);
  // Hand out the remaining minutes by largest fractional part; ties go to the earlier step.
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const idx = order[k]!.i;
    minutes[idx] = minutes[idx]! + 1;
  }

  let at = 0;
  const steps = CONVERSATION_STEPS.map((step, i) => {
    const m = minutes[i]!;
    const planned = { step, minutes: m, startsAtMin: at, endsAtMin: at + m };
    at += m;
    return planned;
  });
  return { totalMinutes: total, steps };
}

export type StepState = 'done' | 'current' | 'upcoming' | 'late';

export interface StepStatus {
  step: number;
  startsAtMin: number;
  endsAtMin: number;
  state: StepState;
  /** The current step is within its last minutes (amber). */
  warn: boolean;
}

export interface StageStatus {
  steps: StepStatus[];
  /** The step the status was computed for (given, or derived from the clock when none was given). */
  currentStep: number | null;
  overall: {
    /** Minutes since the start, never negative. */
    elapsedMin: number;
    /** Planned minutes left, never negative. */
    remainingMin: number;
    /** How far past the current step's planned end the talk is, never negative. */
    behindByMin: number;
    /** Minutes over the whole plan, never negative. */
    overtimeMin: number;
  };
}

type Clock = Date | number | string;

function toMs(t: Clock, name: string): number {
  const ms = t instanceof Date ? t.getTime() : typeof t === 'string' ? Date.parse(t) : t;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`stageStatus: ${name} is not a valid time: ${String(t)}`);
  }
  return ms;
}

/**
 * Where a running talk stands. `currentStep` is the step the manager is on (1–12); steps before
 * it are done. With `null`, the step the plan schedules at this moment is taken as current.
 *
 * States: `done` (before the current step), `current`, `late` (not done and its planned end has
 * passed; the current step included), `upcoming`. `warn` marks the current step when it has
 * `WARN_MINUTES` or less left (at most half of a short step, so a 5-minute step is not amber from
 * its first second).
 */
export function stageStatus(
  plan: StagePlan,
  startedAt: Clock,
  now: Clock,
  currentStep: number | null,
  opts: { warnMinutes?: number } = {},
): StageStatus {
  const warnMinutes = opts.warnMinutes ?? WARN_MINUTES;
  const elapsedMin = Math.max(0, (toMs(now, 'now') - toMs(startedAt, 'startedAt')) / 60_000);
  const last = plan.steps[plan.steps.length - 1];
  const totalMinutes = last ? last.endsAtMin : plan.totalMinutes;

  let current = currentStep;
  if (current === null || current === undefined) {
    const scheduled = plan.steps.find((s) => elapsedMin < s.endsAtMin) ?? last;
    current = scheduled ? scheduled.step : null;
  }

  const steps = plan.steps.map((s): StepStatus => {
    const base = { step: s.step, startsAtMin: s.startsAtMin, endsAtMin: s.endsAtMin };
    if (current !== null && s.step < current) return { ...base, state: 'done', warn: false };
    const past = elapsedMin >= s.endsAtMin;
    if (s.step === current) {
      const window = Math.min(warnMinutes, (s.endsAtMin - s.startsAtMin) / 2);
      const warn = !past && s.endsAtMin - elapsedMin <= window;
      return { ...base, state: past ? 'late' : 'current', warn };
    }
    return { ...base, state: past ? 'late' : 'upcoming', warn: false };
  });

  const currentPlanned = plan.steps.find((s) => s.step === current);
  let behindByMin = 0;
  if (currentPlanned) behindByMin = Math.max(0, elapsedMin - currentPlanned.endsAtMin);
  else if (current !== null && last && current < (plan.steps[0]?.step ?? 0)) {
    // Still before the conversation steps while the clock runs: behind by all the time spent.
    behindByMin = elapsedMin;
  }

  return {
    steps,
    currentStep: current,
    overall: {
      elapsedMin,
      remainingMin: Math.max(0, totalMinutes - elapsedMin),
      behindByMin,
      overtimeMin: Math.max(0, elapsedMin - totalMinutes),
    },
  };
}
