/**
 * SMART checks for action items (DESIGN §2 step 9 and 11, §5 nudges).
 *
 * A pure function over the fields the manager has typed so far; it names which part is missing so
 * that the UI can point at it. Works on Chinese, English and mixed text.
 */

type Localized = { 'zh-CN': string; en: string };

export type SmartPart = 'specific' | 'measurable' | 'owner' | 'due';

/** Why a part failed: the UI shows the matching message from `SMART_RULES`. */
export type SmartReason = 'empty' | 'too-short' | 'vague' | 'no-measure' | 'unset' | 'invalid' | 'past';

export type SmartHint = { part: SmartPart; reason: SmartReason };

export interface SmartInput {
  title?: string | null;
  owner?: string | null;
  dueOn?: string | null;
  measure?: string | null;
}

export interface SmartOptions {
  /** `YYYY-MM-DD`; when given, a due date before it is flagged as `past`. */
  today?: string;
}

export interface SmartResult {
  ok: boolean;
  /** In the fixed order specific, measurable, owner, due. */
  missing: SmartPart[];
  /** One hint per missing part, saying why. */
  hints: SmartHint[];
}

export const SMART_PARTS: readonly SmartPart[] = ['specific', 'measurable', 'owner', 'due'];

/** The rules, named for people: a label per part and a message per reason. */
export const SMART_RULES: Record<
  SmartPart,
  { label: Localized; rule: Localized; reasons: Partial<Record<SmartReason, Localized>> }
> = {
  specific: {
    label: { 'zh-CN': '具体', en: 'Specific' },
    rule: {
      'zh-CN': '写清楚要做的具体事情（至少 6 个汉字或 3 个词），不要只写“提高”“加油”。',
      en: 'Say the concrete thing to do (at least 3 words), not just "improve" or "do better".',
    },
    reasons: {
      empty: { 'zh-CN': '还没有写行动内容。', en: 'The action has no title yet.' },
      'too-short': { 'zh-CN': '行动描述太短，请写具体一些。', en: 'The title is too short to be concrete.' },
      vague: {
        'zh-CN': '描述太笼统（如“提高”“加油”），请写出具体做什么。',
        en: 'The title is vague ("improve", "do better"); say what exactly will be done.',
      },
    },
  },
  measurable: {
    label: { 'zh-CN': '可衡量', en: 'Measurable' },
    rule: {
      'zh-CN': '说明怎样算完成：填写衡量标准，或在行动里写出数字、比例或日期。',
      en: 'Say how it will be judged: fill in the measure, or put a number, percentage or date in the title.',
    },
    reasons: {
      'no-measure': {
        'zh-CN': '缺少衡量标准：怎样判断完成了？',
        en: 'No measure: how will you both know it is done?',
      },
    },
  },
  owner: {
    label: { 'zh-CN': '负责人', en: 'Owner' },
    rule: { 'zh-CN': '指定由谁负责（员工或经理）。', en: 'Name who owns it (the employee or the manager).' },
    reasons: { unset: { 'zh-CN': '还没有指定负责人。', en: 'Nobody owns this yet.' } },
  },
  due: {
    label: { 'zh-CN': '截止日期', en: 'Due date' },
    rule: { 'zh-CN': '设定一个将来的截止日期。', en: 'Set a due date in the future.' },
    reasons: {
      unset: { 'zh-CN': '还没有截止日期。', en: 'There is no due date.' },
      invalid: {
        'zh-CN': '截止日期格式不对（应为 YYYY-MM-DD）。',
        en: 'The due date is not a valid YYYY-MM-DD date.',
      },
      past: { 'zh-CN': '截止日期已经过去了。', en: 'The due date is in the past.' },
    },
  },
};

/** The message for one hint, in the given locale. */
export function smartHintText(hint: SmartHint, locale: 'zh-CN' | 'en'): string {
  const rule = SMART_RULES[hint.part];
  return (rule.reasons[hint.reason] ?? rule.rule)[locale];
}

// ---------------------------------------------------------------------------------------------
// Text analysis

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Phrases that say nothing concrete on their own; longest first so phrases win over their parts. */
const VAGUE_EN = [
  'keep up the good work',
  'be more proactive',
  'take more ownership',
  'communicate better',
  'improve performance',
  'improve communication',
  'work harder',
  'try harder',
  'do better',
  'be better',
  'get better',
  'step up',
  'keep it up',
  'keep going',
  'good job',
  'more effort',
  'improvement',
  'improve',
  'enhance',
  'strengthen',
  'better',
  'harder',
  'proactive',
  'performance',
  'attitude',
  'effort',
  'ownership',
  'focus',
  'grow',
  'growth',
  'develop',
  'try',
  'work',
];

const STOP_EN = new Set([
  'a',
  'an',
  'the',
  'to',
  'at',
  'on',
  'in',
  'of',
  'and',
  'or',
  'for',
  'with',
  'my',
  'our',
  'your',
  'his',
  'her',
  'their',
  'be',
  'is',
  'are',
  'do',
  'get',
  'more',
  'much',
  'some',
  'bit',
  'lot',
  'really',
  'very',
  'it',
  'things',
  'stuff',
  'overall',
  'general',
  'generally',
  'just',
  'should',
  'will',
  'need',
  'needs',
  'must',
  'please',
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
]);

const VAGUE_ZH = [
  '继续努力',
  '好好干',
  '加把劲',
  '再接再厉',
  '进一步',
  '加油',
  '努力',
  '提高',
  '提升',
  '改进',
  '改善',
  '加强',
  '增强',
  '继续',
  '更好',
  '做好',
  '好好',
  '积极',
  '主动',
  '认真',
  '尽量',
  '争取',
  '一些',
  '一点',
  '态度',
  '表现',
  '能力',
  '水平',
  '工作',
  '整体',
  '方面',
  '各方面',
  '需要',
  '应该',
];

/** Single characters that carry no content (particles); removed only when counting content. */
const PARTICLES_ZH = /[的了地得和与及把在要更再多很都也还就]/g;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const VAGUE_EN_RE = new RegExp(`\\b(?:${VAGUE_EN.map(escapeRe).join('|')})\\b`, 'gi');
const VAGUE_ZH_RE = new RegExp(VAGUE_ZH.map(escapeRe).join('|'), 'g');

/**
 * How much a text says, in "words": each Latin word counts 1, each Han character ½
 * (so 3 words, 6 characters, or "完成 API 文档" all reach 3).
 */
export function textWeight(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.replace(CJK, ' ').match(LATIN_WORD)?.length ?? 0;
  return latin + cjk / 2;
}

/** The weight of what is left once vague phrases, filler words and particles are taken out. */
export function contentWeight(text: string): number {
  const withoutVague = text.toLowerCase().replace(VAGUE_ZH_RE, ' ').replace(VAGUE_EN_RE, ' ');
  const cjk = withoutVague.replace(PARTICLES_ZH, ' ').match(CJK)?.length ?? 0;
  const words = (withoutVague.replace(CJK, ' ').match(LATIN_WORD) ?? []).filter((w) => !STOP_EN.has(w));
  return words.length + cjk / 2;
}

/** Minimum weight of a specific title (3 words / 6 Han characters). */
export const SPECIFIC_MIN_WEIGHT = 3;
/** Minimum weight left after removing vague phrases (2 words / 4 Han characters). */
export const SPECIFIC_MIN_CONTENT = 2;

const ZH_NUMERAL = '[零一二两三四五六七八九十百千万半几]';
const ZH_COUNTER =
  '(?:次|个|份|篇|天|日|周|星期|月|年|季度|小时|分钟|倍|项|条|家|人|位|场|轮|页|本|单|套|件|遍|成|名|门|节|课|点)';
const EN_NUMBER =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|once|twice|half|double|dozen';
const EN_MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const EN_DAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

/** Things in a title that make it measurable by themselves: a number, a share, a date or a frequency. */
const MEASURABLE_PATTERNS: readonly RegExp[] = [
  /[0-9０-９]/, // any digit: counts, percentages, dates, Q3, v2 …
  /[%％‰]|百分之/,
  new RegExp(`${ZH_NUMERAL}+${ZH_COUNTER}`),
  /每(?:天|日|周|星期|月|季度?|年|次|个)|(?:月|年|季度?|周)(?:底|末|初|中)|(?:本|下|这)(?:周|月|季度?)|周[一二三四五六日天]|星期[一二三四五六日天]|明天|后天|之前|以前|前完成/,
  new RegExp(`\\b(?:${EN_NUMBER})\\b`, 'i'),
  new RegExp(`\\b(?:${EN_MONTH}|${EN_DAY})\\b`, 'i'),
  /\b(?:daily|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually|every\s+(?:day|week|month|quarter|sprint)|per\s+(?:day|week|month|quarter|sprint)|end\s+of\s+(?:the\s+)?(?:week|month|quarter|year|sprint)|next\s+(?:week|month|quarter|sprint)|this\s+(?:week|month|quarter|sprint)|tomorrow|by\s+eod)\b/i,
];

/** True when the text names a number, percentage, date or frequency. */
export function hasMeasure(text: string): boolean {
  return MEASURABLE_PATTERNS.some((re) => re.test(text));
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function clean(s: string | null | undefined): string {
  return typeof s === 'string' ? s.trim() : '';
}

// ---------------------------------------------------------------------------------------------

/** Check an action item against SMART: specific, measurable, owner, due date. */
export function checkSmart(item: SmartInput, opts: SmartOptions = {}): SmartResult {
  const hints: SmartHint[] = [];
  const title = clean(item.title);
  const measure = clean(item.measure);

  // Specific
  if (!title) hints.push({ part: 'specific', reason: 'empty' });
  else if (textWeight(title) < SPECIFIC_MIN_WEIGHT) hints.push({ part: 'specific', reason: 'too-short' });
  else if (contentWeight(title) < SPECIFIC_MIN_CONTENT) hints.push({ part: 'specific', reason: 'vague' });

  // Measurable: a measure that says something, or a number/date in the title.
  const measureSaysSomething = measure !== '' && (hasMeasure(measure) || contentWeight(measure) > 0);
  if (!measureSaysSomething && !hasMeasure(title)) {
    hints.push({ part: 'measurable', reason: 'no-measure' });
  }

  // Owner
  if (!clean(item.owner)) hints.push({ part: 'owner', reason: 'unset' });

  // Due date
  const due = clean(item.dueOn);
  if (!due) hints.push({ part: 'due', reason: 'unset' });
  else if (!isRealDate(due)) hints.push({ part: 'due', reason: 'invalid' });
  else if (opts.today && isRealDate(opts.today) && due < opts.today)
    hints.push({ part: 'due', reason: 'past' });

  const missing = hints.map((h) => h.part);
  return { ok: missing.length === 0, missing, hints };
}
