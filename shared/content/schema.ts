/**
 * The content pack: the method (three kinds, three stages, twelve steps, employee types, cause
 * categories, pitfalls, dimensions, survey wording, feedback models, the examples library) as
 * typed, bilingual data. Every pack, the built-in one or an organisation's own, is validated here.
 */
import { z } from 'zod';
import {
  AGENDA_PIECE_IDS,
  BEST_PART_IDS,
  CAUSE_CATEGORY_IDS,
  CONVERSATION_STEPS,
  DIMENSION_IDS,
  EMPLOYEE_SURVEY_IDS,
  EMPLOYEE_TYPE_IDS,
  EMPLOYEE_TYPE_MATRIX,
  GROW_IDS,
  KIND_IDS,
  MANAGER_SURVEY_IDS,
  PITFALL_IDS,
  SBI_PART_IDS,
  SMART_IDS,
  STAGE_IDS,
  STAGE_STEPS,
  STEP_NUMBERS,
  SURVEY_SCALES,
  stageOfStep,
} from './pack/ids';
import { templatePlaceholders } from './pack/lookup';

export * from './pack/ids';
export { fillTemplate, t, templatePlaceholders, tList } from './pack/lookup';

// ---------------------------------------------------------------------------------------------
// Building blocks

const nonEmptyString = z
  .string({ error: (iss) => (iss.input === undefined ? 'Required' : 'Expected text') })
  .regex(/\S/, { error: 'Must not be empty' });

/** One piece of text in both languages. */
export const Localized = z.object({ 'zh-CN': nonEmptyString, en: nonEmptyString }).strict();
export type Localized = z.infer<typeof Localized>;

const nonEmptyLines = z.array(nonEmptyString).min(1, { error: 'Needs at least one line' });

/** A list of lines in both languages; line i of one language is line i of the other. */
export const LocalizedList = z
  .object({ 'zh-CN': nonEmptyLines, en: nonEmptyLines })
  .strict()
  .superRefine((v, ctx) => {
    const zh = v['zh-CN'];
    const en = v.en;
    if (Array.isArray(zh) && Array.isArray(en) && zh.length !== en.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['en'],
        message: `en has ${en.length} lines but zh-CN has ${zh.length}; every line needs both languages`,
      });
    }
  });
export type LocalizedList = z.infer<typeof LocalizedList>;

const slug = nonEmptyString.regex(/^[A-Za-z][A-Za-z0-9_-]*$/, {
  error: 'Ids start with a letter and use only letters, digits, "-" and "_"',
});

const stepNumber = z
  .number()
  .int({ error: 'Step numbers are whole numbers' })
  .min(1, { error: 'Steps are numbered 1 to 12' })
  .max(12, { error: 'Steps are numbered 1 to 12' });

const level = z.enum(['high', 'low']);

// ---------------------------------------------------------------------------------------------
// The pack's parts

export const KindSchema = z
  .object({
    id: z.enum(KIND_IDS),
    name: Localized,
    purpose: Localized,
    timing: Localized,
    focus: LocalizedList,
  })
  .strict();

export const StageSchema = z
  .object({
    id: z.enum(STAGE_IDS),
    name: Localized,
    steps: z.array(stepNumber).min(1),
    summary: Localized,
  })
  .strict();

export const StepSchema = z
  .object({
    number: stepNumber,
    stage: z.enum(STAGE_IDS),
    title: Localized,
    summary: Localized,
    actions: LocalizedList,
    tips: LocalizedList,
    doneWhen: Localized,
    /** Planned minutes in a 60-minute conversation (steps 5–10). */
    minutes: z.number().int().positive().max(60).optional(),
  })
  .strict();

export const AgendaPieceSchema = z
  .object({
    id: z.enum(AGENDA_PIECE_IDS),
    name: Localized,
    prompt: Localized,
    questions: LocalizedList,
  })
  .strict();

export const CauseCategorySchema = z
  .object({
    id: z.enum(CAUSE_CATEGORY_IDS),
    name: Localized,
    description: Localized,
    probingQuestions: LocalizedList,
  })
  .strict();

export const EmployeeTypeSchema = z
  .object({
    id: z.enum(EMPLOYEE_TYPE_IDS),
    name: Localized,
    performance: level,
    willingness: level,
    focus: Localized,
    tone: Localized,
    risk: Localized,
    openings: LocalizedList,
  })
  .strict();

export const PrincipleSchema = z.object({ id: slug, title: Localized, text: Localized }).strict();

export const PitfallSchema = z
  .object({
    id: z.enum(PITFALL_IDS),
    name: Localized,
    description: Localized,
    nudge: Localized,
  })
  .strict();

export const NudgesSchema = z
  .object({
    noStrengths: Localized,
    noFacts: Localized,
    shortTalk: Localized,
    actionItemIncomplete: Localized,
    notRecorded24h: Localized,
  })
  .strict();

export const DimensionSchema = z
  .object({
    id: z.enum(DIMENSION_IDS),
    name: Localized,
    question: Localized,
    measures: LocalizedList,
  })
  .strict();

export const EmployeeSurveyItemSchema = z
  .object({ id: z.enum(EMPLOYEE_SURVEY_IDS), scale: z.enum(SURVEY_SCALES), text: Localized })
  .strict();

export const ManagerSurveyItemSchema = z
  .object({ id: z.enum(MANAGER_SURVEY_IDS), scale: z.literal('1-5'), text: Localized })
  .strict();

const lowHigh = z.object({ low: Localized, high: Localized }).strict();

export const SurveySchema = z
  .object({
    employee: z.array(EmployeeSurveyItemSchema),
    manager: z.array(ManagerSurveyItemSchema),
    comment: Localized,
    scaleLabels: lowHigh,
    npsLabels: lowHigh,
    intro: Localized,
    privacy: Localized,
  })
  .strict();

function feedbackModel<const T extends readonly [string, ...string[]]>(partIds: T) {
  return z
    .object({
      name: Localized,
      parts: z.array(
        z.object({ id: z.enum(partIds), label: Localized, hint: Localized, placeholder: Localized }).strict(),
      ),
      /** Uses `{partId}` placeholders; fill it with `fillTemplate`. */
      template: Localized,
    })
    .strict();
}

export const FeedbackModelsSchema = z
  .object({ sbi: feedbackModel(SBI_PART_IDS), best: feedbackModel(BEST_PART_IDS) })
  .strict();

export const GrowStepSchema = z
  .object({ id: z.enum(GROW_IDS), name: Localized, questions: LocalizedList })
  .strict();

export const SmartCriterionSchema = z
  .object({ id: z.enum(SMART_IDS), name: Localized, hint: Localized })
  .strict();

export const ExampleSchema = z
  .object({
    id: slug,
    step: z
      .number()
      .int()
      .min(5, { error: 'Examples belong to conversation steps 5 to 10' })
      .max(10, { error: 'Examples belong to conversation steps 5 to 10' }),
    types: z.array(z.enum(EMPLOYEE_TYPE_IDS)).min(1, { error: 'Name at least one employee type' }),
    title: Localized,
    /** What the manager actually says. */
    text: Localized,
    why: Localized.optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// The pack and its cross-checks

type Ctx = z.core.$RefinementCtx;
type Path = (string | number)[];

/** Each id of `ids` appears exactly once in `list` (by `key`); issues point at the offending element. */
function exactlyOnce(
  ctx: Ctx,
  list: readonly Record<string, unknown>[],
  path: Path,
  ids: readonly (string | number)[],
  label: string,
  key = 'id',
): void {
  const firstAt = new Map<unknown, number>();
  list.forEach((item, i) => {
    const id = item[key];
    const before = firstAt.get(id);
    if (before !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, key],
        message: `Duplicate ${label} ${JSON.stringify(id)} (already at ${[...path, before].join('.')})`,
      });
    } else {
      firstAt.set(id, i);
    }
  });
  for (const id of ids) {
    if (!firstAt.has(id)) {
      ctx.addIssue({ code: 'custom', path, message: `Missing ${label} ${JSON.stringify(id)}` });
    }
  }
}

/** Ids are unique within `list`. */
function unique(ctx: Ctx, list: readonly { id: string }[], path: Path, label: string): void {
  exactlyOnce(ctx, list, path, [], label);
}

function checkTemplate(ctx: Ctx, model: { parts: { id: string }[]; template: Localized }, path: Path): void {
  const partIds = model.parts.map((p) => p.id);
  for (const locale of ['zh-CN', 'en'] as const) {
    const text = model.template[locale];
    const used = templatePlaceholders(text);
    for (const name of used) {
      if (!partIds.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'template', locale],
          message: `Unknown placeholder {${name}}; the parts are ${partIds.map((p) => `{${p}}`).join(', ')}`,
        });
      }
    }
    for (const id of partIds) {
      if (!used.includes(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'template', locale],
          message: `The template does not use {${id}}`,
        });
      }
    }
  }
}

function checkPack(pack: GuidePackInput, ctx: Ctx): void {
  // Kinds, stages and steps.
  exactlyOnce(ctx, pack.kinds, ['kinds'], KIND_IDS, 'kind');
  exactlyOnce(ctx, pack.stages, ['stages'], STAGE_IDS, 'stage');
  pack.stages.forEach((stage, i) => {
    const expected = STAGE_STEPS[stage.id];
    if (stage.steps.join(',') !== expected.join(',')) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', i, 'steps'],
        message: `Stage "${stage.id}" holds steps ${expected.join(', ')}`,
      });
    }
  });
  exactlyOnce(ctx, pack.steps, ['steps'], STEP_NUMBERS, 'step', 'number');
  pack.steps.forEach((step, i) => {
    const expected = stageOfStep(step.number);
    if (expected && step.stage !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', i, 'stage'],
        message: `Step ${step.number} belongs to stage "${expected}", not "${step.stage}"`,
      });
    }
  });

  // The method's fixed lists.
  exactlyOnce(ctx, pack.agendaPieces, ['agendaPieces'], AGENDA_PIECE_IDS, 'agenda piece');
  exactlyOnce(ctx, pack.causeCategories, ['causeCategories'], CAUSE_CATEGORY_IDS, 'cause category');
  exactlyOnce(ctx, pack.employeeTypes, ['employeeTypes'], EMPLOYEE_TYPE_IDS, 'employee type');
  pack.employeeTypes.forEach((type, i) => {
    const place = EMPLOYEE_TYPE_MATRIX[type.id];
    for (const axis of ['performance', 'willingness'] as const) {
      if (type[axis] !== place[axis]) {
        ctx.addIssue({
          code: 'custom',
          path: ['employeeTypes', i, axis],
          message: `Employee type "${type.id}" has ${axis} "${place[axis]}" on the method's matrix`,
        });
      }
    }
  });
  unique(ctx, pack.principles, ['principles'], 'principle');
  exactlyOnce(ctx, pack.pitfalls, ['pitfalls'], PITFALL_IDS, 'pitfall');
  exactlyOnce(ctx, pack.dimensions, ['dimensions'], DIMENSION_IDS, 'dimension');
  exactlyOnce(ctx, pack.grow, ['grow'], GROW_IDS, 'GROW step');
  exactlyOnce(ctx, pack.smart, ['smart'], SMART_IDS, 'SMART criterion');

  // Survey: every item once, each on its own scale.
  exactlyOnce(ctx, pack.survey.employee, ['survey', 'employee'], EMPLOYEE_SURVEY_IDS, 'employee survey item');
  pack.survey.employee.forEach((item, i) => {
    const scale = item.id === 'nps' ? '0-10' : '1-5';
    if (item.scale !== scale) {
      ctx.addIssue({
        code: 'custom',
        path: ['survey', 'employee', i, 'scale'],
        message: `Survey item "${item.id}" uses the ${scale} scale`,
      });
    }
  });
  exactlyOnce(ctx, pack.survey.manager, ['survey', 'manager'], MANAGER_SURVEY_IDS, 'manager survey item');

  // Feedback models: every part once, and the templates use exactly the parts.
  for (const [key, ids] of [
    ['sbi', SBI_PART_IDS],
    ['best', BEST_PART_IDS],
  ] as const) {
    const model = pack.feedbackModels[key];
    exactlyOnce(ctx, model.parts, ['feedbackModels', key, 'parts'], ids, `${key.toUpperCase()} part`);
    checkTemplate(ctx, model, ['feedbackModels', key]);
  }

  // Examples: unique ids, no type listed twice, and every conversation step × type covered.
  unique(ctx, pack.examples, ['examples'], 'example id');
  pack.examples.forEach((example, i) => {
    example.types.forEach((type, j) => {
      if (example.types.indexOf(type) !== j) {
        ctx.addIssue({
          code: 'custom',
          path: ['examples', i, 'types', j],
          message: `Employee type "${type}" is listed twice`,
        });
      }
    });
  });
  for (const step of CONVERSATION_STEPS) {
    for (const type of EMPLOYEE_TYPE_IDS) {
      if (!pack.examples.some((e) => e.step === step && e.types.includes(type))) {
        ctx.addIssue({
          code: 'custom',
          path: ['examples'],
          message: `No example for step ${step} and employee type "${type}"`,
        });
      }
    }
  }
}

const GuidePackShape = z
  .object({
    version: nonEmptyString,
    locales: z.tuple([z.literal('zh-CN'), z.literal('en')]),
    kinds: z.array(KindSchema),
    stages: z.array(StageSchema),
    steps: z.array(StepSchema),
    agendaPieces: z.array(AgendaPieceSchema),
    causeCategories: z.array(CauseCategorySchema),
    employeeTypes: z.array(EmployeeTypeSchema),
    principles: z.array(PrincipleSchema).min(1),
    pitfalls: z.array(PitfallSchema),
    nudges: NudgesSchema,
    dimensions: z.array(DimensionSchema),
    survey: SurveySchema,
    feedbackModels: FeedbackModelsSchema,
    grow: z.array(GrowStepSchema),
    smart: z.array(SmartCriterionSchema),
    examples: z.array(ExampleSchema),
  })
  .strict();
type GuidePackInput = z.infer<typeof GuidePackShape>;

/** A whole content pack, with the cross-checks (steps 1–12, every id once, examples coverage). */
export const GuidePackSchema = GuidePackShape.superRefine(checkPack);

export type GuidePack = z.infer<typeof GuidePackSchema>;
export type Kind = GuidePack['kinds'][number];
export type Stage = GuidePack['stages'][number];
export type Step = GuidePack['steps'][number];
export type AgendaPiece = GuidePack['agendaPieces'][number];
export type CauseCategory = GuidePack['causeCategories'][number];
export type EmployeeType = GuidePack['employeeTypes'][number];
export type Principle = GuidePack['principles'][number];
export type Pitfall = GuidePack['pitfalls'][number];
export type Nudges = GuidePack['nudges'];
export type Dimension = GuidePack['dimensions'][number];
export type Survey = GuidePack['survey'];
export type EmployeeSurveyItem = Survey['employee'][number];
export type ManagerSurveyItem = Survey['manager'][number];
export type FeedbackModels = GuidePack['feedbackModels'];
export type SbiPart = FeedbackModels['sbi']['parts'][number];
export type BestPart = FeedbackModels['best']['parts'][number];
export type GrowStep = GuidePack['grow'][number];
export type SmartCriterion = GuidePack['smart'][number];
export type Example = GuidePack['examples'][number];

// ---------------------------------------------------------------------------------------------
// Validation with plain, dotted paths

export interface ContentIssue {
  /** Dotted path to the offending value, e.g. `steps.6.title.en`; empty for the pack itself. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; pack: GuidePack } | { ok: false; issues: ContentIssue[] };

/** `['steps', 6, 'title', 'en']` → `steps.6.title.en`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'symbol' ? (p.description ?? p.toString()) : String(p))).join('.');
}

/** Flatten zod issues into `{path, message}`; an unknown key is reported at its own path. */
export function toContentIssues(issues: readonly z.core.$ZodIssue[]): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: formatIssuePath([...issue.path, key]), message: `Unknown key "${key}"` });
      }
    } else {
      out.push({ path: formatIssuePath(issue.path), message: issue.message });
    }
  }
  return out;
}

/** Validate a content pack (the built-in one or an organisation's) without throwing. */
export function validateGuidePack(input: unknown): ValidationResult {
  const result = GuidePackSchema.safeParse(input);
  if (result.success) return { ok: true, pack: result.data };
  return { ok: false, issues: toContentIssues(result.error.issues) };
}
