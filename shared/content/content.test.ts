import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_STEPS,
  type ContentIssue,
  defaultGuide,
  EMPLOYEE_TYPE_IDS,
  type EmployeeTypeId,
  employeeType,
  examplesFor,
  fillTemplate,
  formatIssuePath,
  type GuidePack,
  GuidePackSchema,
  guidePack,
  stepByNumber,
  t,
  templatePlaceholders,
  validateGuidePack,
} from './index';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** CJK ideographs plus CJK and full-width punctuation: none of it belongs in English text. */
const CJK_OR_FULLWIDTH = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** A deep copy to break on purpose. */
function copy(): GuidePack {
  return structuredClone(guidePack);
}

function issuesOf(input: unknown): ContentIssue[] {
  const result = validateGuidePack(input);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.issues;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Found {
  path: string;
  zh: string[];
  en: string[];
}

/** Every Localized / LocalizedList in the value, and every other string (which must be an id). */
function walk(value: unknown, path: string[] = [], found: Found[] = [], bare: string[] = []) {
  if (isRecord(value) && Object.keys(value).sort().join() === 'en,zh-CN') {
    const zh = value['zh-CN'];
    const en = value.en;
    found.push({
      path: path.join('.'),
      zh: Array.isArray(zh) ? zh : [zh as string],
      en: Array.isArray(en) ? en : [en as string],
    });
    return { found, bare };
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, [...path, String(i)], found, bare);
  } else if (isRecord(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k], found, bare);
  else if (typeof value === 'string') bare.push(`${path.join('.')}=${value}`);
  return { found, bare };
}

describe('the built-in pack', () => {
  it('passes its own schema, and survives a JSON round trip (how an organisation pack arrives)', () => {
    expect(validateGuidePack(guidePack).ok).toBe(true);
    expect(defaultGuide).toEqual(guidePack);
    const viaJson = validateGuidePack(JSON.parse(JSON.stringify(guidePack)));
    expect(viaJson.ok).toBe(true);
  });

  it('has every text in both languages: zh-CN in Chinese, en with no CJK at all', () => {
    const { found, bare } = walk(guidePack);
    expect(found.length).toBeGreaterThan(300);
    for (const { path, zh, en } of found) {
      expect(zh.length, path).toBeGreaterThan(0);
      expect(en.length, path).toBe(zh.length);
      zh.forEach((s, i) => {
        expect(s.trim(), `${path}.zh-CN.${i}`).not.toBe('');
        expect(CJK.test(s), `${path}.zh-CN.${i} should be Chinese: ${s}`).toBe(true);
      });
      en.forEach((s, i) => {
        expect(s.trim(), `${path}.en.${i}`).not.toBe('');
        expect(CJK_OR_FULLWIDTH.test(s), `${path}.en.${i} has CJK: ${s}`).toBe(false);
      });
    }
    // Any string outside a Localized is an id, a version or a scale, never prose left untranslated.
    for (const entry of bare) expect(entry).toMatch(/=[A-Za-z0-9._-]+$/);
  });

  it('has steps 1–12 in order, each in its stage, and the stages list them', () => {
    expect(guidePack.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const stageOf = (n: number) => (n <= 4 ? 'prepare' : n <= 10 ? 'conversation' : 'followUp');
    for (const step of guidePack.steps) expect(step.stage).toBe(stageOf(step.number));
    expect(guidePack.stages.map((s) => [s.id, s.steps])).toEqual([
      ['prepare', [1, 2, 3, 4]],
      ['conversation', [5, 6, 7, 8, 9, 10]],
      ['followUp', [11, 12]],
    ]);
  });

  it('plans the conversation steps to fit a 60-minute talk', () => {
    const timed = guidePack.steps.filter((s) => s.minutes !== undefined);
    expect(timed.map((s) => s.number)).toEqual([...CONVERSATION_STEPS]);
    const total = timed.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(50);
    expect(total).toBeLessThanOrEqual(60);
  });

  it('has all 3 kinds, 4 employee types, 5 cause categories, 4 pitfalls and 4 dimensions', () => {
    expect(guidePack.kinds.map((k) => k.id)).toEqual(['plan', 'coaching', 'review']);
    expect(guidePack.employeeTypes.map((e) => e.id)).toEqual([
      'mature',
      'wavering',
      'confused',
      'disengaged',
    ]);
    expect(guidePack.causeCategories.map((c) => c.id)).toEqual([
      'understanding',
      'skill',
      'resources',
      'motivation',
      'collaboration',
    ]);
    expect(guidePack.pitfalls.map((p) => p.id)).toEqual([
      'goingThroughMotions',
      'onlyFaults',
      'notListening',
      'supportNotDelivered',
    ]);
    expect(guidePack.dimensions.map((d) => d.id)).toEqual([
      'consensus',
      'development',
      'motivation',
      'performance',
    ]);
    expect(guidePack.agendaPieces.map((a) => a.id)).toEqual(['strengths', 'gaps', 'causes', 'nextGoals']);
    expect(guidePack.grow.map((g) => g.id)).toEqual(['goal', 'reality', 'options', 'will']);
    expect(guidePack.smart.map((s) => s.id)).toEqual([
      'specific',
      'measurable',
      'achievable',
      'relevant',
      'timeBound',
    ]);
    expect(Object.keys(guidePack.nudges).sort()).toEqual(
      ['actionItemIncomplete', 'noFacts', 'noStrengths', 'notRecorded24h', 'shortTalk'].sort(),
    );
    expect(guidePack.principles.length).toBeGreaterThanOrEqual(4);
  });

  it('places the employee types on the performance × willingness matrix, with the method’s names', () => {
    const grid = Object.fromEntries(
      guidePack.employeeTypes.map((e) => [e.id, [e.performance, e.willingness, e.name['zh-CN']]]),
    );
    expect(grid).toEqual({
      mature: ['high', 'high', '成熟型'],
      wavering: ['high', 'low', '挑战型'],
      confused: ['low', 'high', '迷茫型'],
      disengaged: ['low', 'low', '赖皮型'],
    });
  });

  it('has at least 36 examples, covering every conversation step × employee type with a tailored one', () => {
    expect(guidePack.examples.length).toBeGreaterThanOrEqual(36);
    for (const step of CONVERSATION_STEPS) {
      for (const type of EMPLOYEE_TYPE_IDS) {
        const all = examplesFor(guidePack, step, type);
        expect(all.length, `step ${step} × ${type}`).toBeGreaterThan(0);
        // Written for this type alone, and shown first.
        expect(all[0]!.types, `step ${step} × ${type}`).toEqual([type]);
      }
    }
    for (const e of guidePack.examples) expect(e.step).toBeGreaterThanOrEqual(5);
    expect(new Set(guidePack.examples.map((e) => e.id)).size).toBe(guidePack.examples.length);
  });

  it('has the survey items of DESIGN §4, each on its scale', () => {
    expect(guidePack.survey.employee.map((i) => [i.id, i.scale])).toEqual([
      ['fair', '1-5'],
      ['clarity', '1-5'],
      ['plan', '1-5'],
      ['respected', '1-5'],
      ['nps', '0-10'],
    ]);
    expect(guidePack.survey.manager.map((i) => [i.id, i.scale])).toEqual([
      ['consensus', '1-5'],
      ['plan', '1-5'],
      ['prepared', '1-5'],
    ]);
  });

  it('has SBI and BEST feedback models whose templates use exactly their parts', () => {
    const { sbi, best } = guidePack.feedbackModels;
    expect(sbi.parts.map((p) => p.id)).toEqual(['situation', 'behavior', 'impact']);
    expect(best.parts.map((p) => p.id)).toEqual(['behavior', 'effect', 'suggestion', 'tomorrow']);
    for (const model of [sbi, best]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(templatePlaceholders(model.template[locale]).sort()).toEqual(
          model.parts.map((p) => p.id).sort(),
        );
      }
    }
  });
});

describe('validateGuidePack rejects a broken pack with the exact path', () => {
  it('a missing translation', () => {
    const pack = copy();
    Reflect.deleteProperty(pack.steps[6]!.title, 'en');
    expect(issuesOf(pack)).toContainEqual({ path: 'steps.6.title.en', message: 'Required' });
    expect(() => GuidePackSchema.parse(pack)).toThrow();
  });

  it('an empty example text', () => {
    const pack = copy();
    pack.examples[12]!.text['zh-CN'] = '   ';
    expect(issuesOf(pack)).toContainEqual({ path: 'examples.12.text.zh-CN', message: 'Must not be empty' });
  });

  it('a step 13', () => {
    const pack = copy();
    pack.steps.push({ ...structuredClone(pack.steps[11]!), number: 13 });
    const issues = issuesOf(pack);
    expect(issues).toEqual([{ path: 'steps.12.number', message: 'Steps are numbered 1 to 12' }]);
  });

  it('a step renumbered, so one is missing and one is doubled', () => {
    const pack = copy();
    pack.steps[11]!.number = 11;
    const issues = issuesOf(pack);
    expect(issues).toContainEqual({
      path: 'steps.11.number',
      message: 'Duplicate step 11 (already at steps.10)',
    });
    expect(issues).toContainEqual({ path: 'steps', message: 'Missing step 12' });
  });

  it('a step in the wrong stage', () => {
    const pack = copy();
    pack.steps[4]!.stage = 'prepare';
    expect(issuesOf(pack)).toEqual([
      { path: 'steps.4.stage', message: 'Step 5 belongs to stage "conversation", not "prepare"' },
    ]);
  });

  it('a missing example coverage, naming the step and the type', () => {
    const pack = copy();
    pack.examples = pack.examples
      .filter((e) => !(e.step === 7 && e.types.length === 1 && e.types[0] === 'confused'))
      .map((e) => (e.step === 7 ? { ...e, types: e.types.filter((x) => x !== 'confused') } : e));
    expect(issuesOf(pack)).toEqual([
      { path: 'examples', message: 'No example for step 7 and employee type "confused"' },
    ]);
  });

  it('an example outside steps 5–10, and an unknown employee type', () => {
    const pack = copy();
    pack.examples.push({ ...structuredClone(pack.examples[0]!), id: 'extra', step: 4 });
    (pack.examples[1]!.types as string[]).push('grumpy');
    const paths = issuesOf(pack).map((i) => i.path);
    expect(paths).toContain(`examples.${pack.examples.length - 1}.step`);
    expect(paths.some((p) => p.startsWith('examples.1.types.'))).toBe(true);
  });

  it('a duplicate example id', () => {
    const pack = copy();
    pack.examples[5]!.id = pack.examples[0]!.id;
    expect(issuesOf(pack)).toEqual([
      {
        path: 'examples.5.id',
        message: `Duplicate example id "${pack.examples[0]!.id}" (already at examples.0)`,
      },
    ]);
  });

  it('an unknown key, anywhere', () => {
    const pack = copy();
    Object.assign(pack.steps[2]!, { duration: 10 });
    Object.assign(pack, { extra: true });
    Object.assign(pack.survey.scaleLabels.low, { fr: 'Pas du tout' });
    const issues = issuesOf(pack);
    expect(issues).toContainEqual({ path: 'steps.2.duration', message: 'Unknown key "duration"' });
    expect(issues).toContainEqual({ path: 'extra', message: 'Unknown key "extra"' });
    expect(issues).toContainEqual({ path: 'survey.scaleLabels.low.fr', message: 'Unknown key "fr"' });
  });

  it('a missing or doubled kind, type, category, pitfall or dimension', () => {
    const pack = copy();
    pack.kinds = pack.kinds.filter((k) => k.id !== 'review');
    pack.causeCategories.push(structuredClone(pack.causeCategories[0]!));
    const issues = issuesOf(pack);
    expect(issues).toContainEqual({ path: 'kinds', message: 'Missing kind "review"' });
    expect(issues).toContainEqual({
      path: 'causeCategories.5.id',
      message: 'Duplicate cause category "understanding" (already at causeCategories.0)',
    });
  });

  it('an employee type off its place on the matrix', () => {
    const pack = copy();
    pack.employeeTypes[3]!.performance = 'high';
    expect(issuesOf(pack)).toEqual([
      {
        path: 'employeeTypes.3.performance',
        message: 'Employee type "disengaged" has performance "low" on the method\'s matrix',
      },
    ]);
  });

  it('a list whose languages have different lengths', () => {
    const pack = copy();
    pack.kinds[0]!.focus.en.pop();
    expect(issuesOf(pack)).toEqual([
      {
        path: 'kinds.0.focus.en',
        message: 'en has 2 lines but zh-CN has 3; every line needs both languages',
      },
    ]);
  });

  it('survey items on the wrong scale or missing', () => {
    const pack = copy();
    pack.survey.employee[4]!.scale = '1-5';
    pack.survey.manager.pop();
    const issues = issuesOf(pack);
    expect(issues).toContainEqual({
      path: 'survey.employee.4.scale',
      message: 'Survey item "nps" uses the 0-10 scale',
    });
    expect(issues).toContainEqual({
      path: 'survey.manager',
      message: 'Missing manager survey item "prepared"',
    });
  });

  it('a feedback template with an unknown or a missing placeholder', () => {
    const pack = copy();
    pack.feedbackModels.sbi.template.en = 'At {situation}, {behavior}, {outcome}.';
    const issues = issuesOf(pack);
    expect(issues).toContainEqual({
      path: 'feedbackModels.sbi.template.en',
      message: 'Unknown placeholder {outcome}; the parts are {situation}, {behavior}, {impact}',
    });
    expect(issues).toContainEqual({
      path: 'feedbackModels.sbi.template.en',
      message: 'The template does not use {impact}',
    });
  });

  it('something that is not a pack at all', () => {
    expect(issuesOf(null)).toEqual([{ path: '', message: expect.any(String) }]);
    expect(issuesOf({}).map((i) => i.path)).toContain('steps');
  });
});

describe('helpers', () => {
  it('formatIssuePath writes dotted paths', () => {
    expect(formatIssuePath(['steps', 6, 'title', 'en'])).toBe('steps.6.title.en');
    expect(formatIssuePath(['examples', 12, 'text', 'zh-CN'])).toBe('examples.12.text.zh-CN');
    expect(formatIssuePath([])).toBe('');
    expect(formatIssuePath(['a', Symbol('b')])).toBe('a.b');
  });

  it('fillTemplate fills every placeholder, and leaves none when all values are given', () => {
    expect(
      fillTemplate('At {situation}, {behavior}; {impact}.', { situation: 'S', behavior: 'B', impact: 'I' }),
    ).toBe('At S, B; I.');
    expect(fillTemplate('{a} and {a} but not {b}', { a: 'x' })).toBe('x and x but not {b}');
    expect(fillTemplate('{ a } {toString}', { a: 'x' })).toBe('{ a } {toString}');
    for (const model of Object.values(guidePack.feedbackModels)) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const values = Object.fromEntries(model.parts.map((p) => [p.id, t(p.placeholder, locale)]));
        const text = fillTemplate(t(model.template, locale), values);
        expect(text).not.toMatch(/\{[^}]*\}/);
        for (const v of Object.values(values)) expect(text).toContain(v);
      }
    }
  });

  it('t picks the language; the lookups find steps, types and examples', () => {
    const step7 = stepByNumber(defaultGuide, 7)!;
    expect(step7.number).toBe(7);
    expect(t(step7.title, 'zh-CN')).toMatch(CJK);
    expect(t(step7.title, 'en')).not.toMatch(CJK);
    expect(stepByNumber(defaultGuide, 13)).toBeUndefined();
    expect(employeeType(defaultGuide, 'disengaged')!.name['zh-CN']).toBe('赖皮型');
    const types: EmployeeTypeId[] = ['mature', 'confused'];
    for (const type of types) {
      const list = examplesFor(defaultGuide, 9, type);
      expect(list.every((e) => e.step === 9 && e.types.includes(type))).toBe(true);
      expect(list.length).toBeGreaterThanOrEqual(2);
    }
  });
});
