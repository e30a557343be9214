/**
 * The ids of the method's lists. Other parts of Tandem (session records, metrics, the side panel)
 * code against these exact strings, so they never change with the wording of a content pack.
 * This module has no runtime dependencies, so UI code can import it without pulling in zod.
 */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const KIND_IDS = ['plan', 'coaching', 'review'] as const;
export type KindId = (typeof KIND_IDS)[number];

export const STAGE_IDS = ['prepare', 'conversation', 'followUp'] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** Which steps belong to which stage: prepare 1–4, conversation 5–10, follow-up 11–12. */
export const STAGE_STEPS: Readonly<Record<StageId, readonly number[]>> = {
  prepare: [1, 2, 3, 4],
  conversation: [5, 6, 7, 8, 9, 10],
  followUp: [11, 12],
};

export const STEP_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** The steps that happen during the conversation itself (the examples library covers these). */
export const CONVERSATION_STEPS = [5, 6, 7, 8, 9, 10] as const;

export function stageOfStep(step: number): StageId | undefined {
  for (const stage of STAGE_IDS) if (STAGE_STEPS[stage].includes(step)) return stage;
  return undefined;
}

export const AGENDA_PIECE_IDS = ['strengths', 'gaps', 'causes', 'nextGoals'] as const;
export type AgendaPieceId = (typeof AGENDA_PIECE_IDS)[number];

export const CAUSE_CATEGORY_IDS = [
  'understanding',
  'skill',
  'resources',
  'motivation',
  'collaboration',
] as const;
export type CauseCategoryId = (typeof CAUSE_CATEGORY_IDS)[number];

export const EMPLOYEE_TYPE_IDS = ['mature', 'wavering', 'confused', 'disengaged'] as const;
export type EmployeeTypeId = (typeof EMPLOYEE_TYPE_IDS)[number];

export type Level = 'high' | 'low';

/** Place of each type on the performance × willingness matrix (from the method's table 2). */
export const EMPLOYEE_TYPE_MATRIX: Readonly<
  Record<EmployeeTypeId, { performance: Level; willingness: Level }>
> = {
  mature: { performance: 'high', willingness: 'high' },
  wavering: { performance: 'high', willingness: 'low' },
  confused: { performance: 'low', willingness: 'high' },
  disengaged: { performance: 'low', willingness: 'low' },
};

export const PITFALL_IDS = [
  'goingThroughMotions',
  'onlyFaults',
  'notListening',
  'supportNotDelivered',
] as const;
export type PitfallId = (typeof PITFALL_IDS)[number];

export const NUDGE_IDS = [
  'noStrengths',
  'noFacts',
  'shortTalk',
  'actionItemIncomplete',
  'notRecorded24h',
] as const;
export type NudgeId = (typeof NUDGE_IDS)[number];

export const DIMENSION_IDS = ['consensus', 'development', 'motivation', 'performance'] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export const EMPLOYEE_SURVEY_IDS = ['fair', 'clarity', 'plan', 'respected', 'nps'] as const;
export type EmployeeSurveyItemId = (typeof EMPLOYEE_SURVEY_IDS)[number];
export const MANAGER_SURVEY_IDS = ['consensus', 'plan', 'prepared'] as const;
export type ManagerSurveyItemId = (typeof MANAGER_SURVEY_IDS)[number];
export const SURVEY_SCALES = ['1-5', '0-10'] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];

export const SBI_PART_IDS = ['situation', 'behavior', 'impact'] as const;
export type SbiPartId = (typeof SBI_PART_IDS)[number];
export const BEST_PART_IDS = ['behavior', 'effect', 'suggestion', 'tomorrow'] as const;
export type BestPartId = (typeof BEST_PART_IDS)[number];

export const GROW_IDS = ['goal', 'reality', 'options', 'will'] as const;
export type GrowId = (typeof GROW_IDS)[number];

export const SMART_IDS = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;
export type SmartId = (typeof SMART_IDS)[number];
