/**
 * A deterministic synthetic organisation, for the demo (`npm run demo`, seed.ts) and, scaled up,
 * for the metrics benchmark (test/bench/metrics.bench.ts with BENCH_SCALE): roster with Chinese
 * and English names, departments and teams, cycles, ratings, sessions of every kind and status,
 * action items, surveys and responses, all valid under the shared zod schemas (apart from the
 * `deleted` tombstone flag on a few sessions and items when `deletedShare` > 0).
 *
 * Realism comes from department profiles (`steady`, `rushed`, `stretched`, `quiet`, `tiny`,
 * assigned in that order and repeating): each biases how often talks happen, how long they last,
 * how action items and promised support get done, how people answer the survey and how often they
 * answer at all, so that a dashboard over the result shows differences, warnings and a group too
 * small to show. Every person gets a plan talk, one or two coaching check-ins and a review per
 * cycle, each of which may be missed; a rating per cycle that drifts with how much of their own
 * action items they completed.
 *
 * Counts: left out, `sessions`, `actionItems` and `responses` follow from the people and the
 * profiles. Given (the benchmark), they are exact: sessions are a deterministic sample of (or
 * topped up beyond) the natural ones, action items are spread over held sessions at random, and
 * the answered surveys are a random subset of those issued.
 *
 * `generateOrg(options)` gives the same data for the same options on every run and machine.
 */
import type {
  ActionItem,
  Cycle,
  Employee,
  EmployeeAnswer,
  ManagerAnswer,
  Rating,
  Session,
  Survey,
  SurveyResponse,
} from '../../shared/schemas';
import { surveyIdFor } from '../surveys/links';

export interface OrgOptions {
  seed?: number;
  employees?: number;
  departments?: number;
  /** Direct reports per team lead, roughly. */
  teamSize?: number;
  /** Exact number of sessions; omitted: as the people and profiles give. */
  sessions?: number;
  /** Exact number of action items; omitted: 1–3 per held session. */
  actionItems?: number;
  /** Exact number of survey responses; omitted: by each department's response rate. */
  responses?: number;
  /** Consecutive cycles of `cycleMonths` months, the first starting on firstCycleStart. */
  cycles?: number;
  firstCycleStart?: string;
  /** Months per cycle; cycles are named `2026 H1` (6), `2026 Q3` (3) or `Cycle n`. */
  cycleMonths?: number;
  /** "Today" for the data: later talks are only planned, later surveys unanswered. Default: 30 days after the last cycle. */
  today?: string;
  /** Share of employees who leave at some point during the cycles. */
  leaverShare?: number;
  /** Share of sessions and items that are tombstones. */
  deletedShare?: number;
  /** Email domain of everyone. */
  domain?: string;
}

/** The scale of DESIGN §7's metrics budget: 100 000 sessions, 300 000 items, 150 000 responses. */
export const BENCH_SCALE: Readonly<OrgOptions> = Object.freeze({
  employees: 20_000,
  departments: 40,
  teamSize: 8,
  sessions: 100_000,
  actionItems: 300_000,
  responses: 150_000,
  cycles: 3,
  cycleMonths: 6,
  firstCycleStart: '2025-01-01',
  leaverShare: 0.12,
  deletedShare: 0.01,
});

type Deleted = { deleted?: boolean };

export type ProfileId = 'steady' | 'rushed' | 'stretched' | 'quiet' | 'tiny';

export interface Department {
  name: string;
  profile: ProfileId;
}

export interface Org {
  employees: Employee[];
  cycles: Cycle[];
  ratings: Rating[];
  sessions: (Session & Deleted)[];
  actionItems: (ActionItem & Deleted)[];
  surveys: Survey[];
  surveyResponses: SurveyResponse[];
  departments: Department[];
  /** Employees who manage someone (they get manager accounts in the demo), by email. */
  managers: { email: string; name: string; department: string | null }[];
  /** The "today" the data was made for. */
  today: string;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

interface Profile {
  /** Relative size of departments with this profile. */
  weight: number;
  /** Chance that each planned talk happens: plan, coaching, review. */
  happens: [number, number, number];
  /** Share of talks under 30 minutes. */
  short: number;
  /** Chance an employee-owned item gets done by its due date (roughly). */
  itemsDone: number;
  /** Chance a manager-owned support commitment is delivered. */
  supportDone: number;
  /** Chance a recorded talk is written up within 24 h. */
  recordedSoon: number;
  /** Chance an employee answers the survey. */
  responds: number;
  /** Mood of the answers: 0 unhappy … 1 happy. */
  mood: number;
  /** Chance a review ends agreed; chance it is appealed. */
  agreed: number;
  appealed: number;
  /** Extra chance of leaving. */
  leaves: number;
}

const PROFILES: Record<ProfileId, Profile> = {
  steady: {
    weight: 0.36,
    happens: [0.96, 0.9, 0.97],
    short: 0.06,
    itemsDone: 0.82,
    supportDone: 0.85,
    recordedSoon: 0.88,
    responds: 0.72,
    mood: 0.82,
    agreed: 0.85,
    appealed: 0.02,
    leaves: 0,
  },
  rushed: {
    weight: 0.26,
    happens: [0.9, 0.7, 0.92],
    short: 0.42,
    itemsDone: 0.6,
    supportDone: 0.7,
    recordedSoon: 0.55,
    responds: 0.62,
    mood: 0.3,
    agreed: 0.55,
    appealed: 0.18,
    leaves: 0.1,
  },
  stretched: {
    weight: 0.18,
    happens: [0.92, 0.8, 0.9],
    short: 0.14,
    itemsDone: 0.7,
    supportDone: 0.3,
    recordedSoon: 0.7,
    responds: 0.66,
    mood: 0.6,
    agreed: 0.75,
    appealed: 0.05,
    leaves: 0.05,
  },
  quiet: {
    weight: 0.13,
    happens: [0.85, 0.75, 0.7],
    short: 0.1,
    itemsDone: 0.75,
    supportDone: 0.75,
    recordedSoon: 0.8,
    responds: 0.1,
    mood: 0.65,
    agreed: 0.8,
    appealed: 0.03,
    leaves: 0,
  },
  tiny: {
    weight: 0.07,
    happens: [0.95, 0.9, 0.95],
    short: 0.05,
    itemsDone: 0.85,
    supportDone: 0.9,
    recordedSoon: 0.9,
    responds: 0.8,
    mood: 0.75,
    agreed: 0.9,
    appealed: 0,
    leaves: 0,
  },
};
const PROFILE_ORDER: readonly ProfileId[] = ['steady', 'rushed', 'stretched', 'quiet', 'tiny'];

const DEPARTMENT_NAMES: Record<ProfileId, string[]> = {
  steady: ['研发 R&D', '平台 Platform', '数据 Data', '设计 Design'],
  rushed: ['销售 Sales', '渠道 Channels', '客服 Support', '商务 BD'],
  stretched: ['产品 Product', '运营 Operations', '市场 Marketing', '供应链 Supply'],
  quiet: ['财务 Finance', '采购 Procurement', '行政 Admin', '质量 Quality'],
  tiny: ['法务 Legal', '内审 Audit', '战略 Strategy', '公关 PR'],
};

const SURNAMES: [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['高', 'gao'],
  ['罗', 'luo'],
];
const GIVEN: [string, string][] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['磊', 'lei'],
  ['洋', 'yang'],
  ['艳', 'yan'],
  ['勇', 'yong'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['慧', 'hui'],
  ['建国', 'jianguo'],
  ['欣怡', 'xinyi'],
  ['子涵', 'zihan'],
  ['浩然', 'haoran'],
  ['雨桐', 'yutong'],
  ['梓轩', 'zixuan'],
  ['思远', 'siyuan'],
  ['晓东', 'xiaodong'],
  ['佳琪', 'jiaqi'],
];
const FIRST = [
  'Alice',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Felix',
  'Grace',
  'Henry',
  'Isla',
  'Jack',
  'Kate',
  'Leo',
  'Maya',
  'Noah',
  'Olivia',
  'Sam',
];
const LAST = [
  'Chen',
  'Smith',
  'Wong',
  'Taylor',
  'Lee',
  'Brown',
  'Tan',
  'Lim',
  'Walker',
  'Ng',
  'Garcia',
  'Khan',
];

type Lang = 'zh' | 'en';
type Texts = Record<Lang, readonly string[]>;

const GOALS: Record<'plan' | 'coaching' | 'review', Texts> = {
  plan: {
    zh: ['对齐本周期的三个关键目标', '明确季度目标和衡量方式', '定下本周期的重点和支持'],
    en: ['Agree the three key goals for the cycle', 'Set quarterly goals and how they are judged'],
  },
  coaching: {
    zh: ['回顾进展，解决卡点', '看看计划执行得怎么样', '聚焦沟通协作上的改进'],
    en: ['Review progress and clear blockers', 'Check the plan is on track'],
  },
  review: {
    zh: ['回顾本周期绩效，对齐评价', '总结成果与差距，定下一步'],
    en: ['Review the cycle and agree the rating', 'Look back on results and gaps, plan the next step'],
  },
};
const QUESTIONS: Texts = {
  zh: ['你觉得这个周期最有成就感的是什么？', '哪件事如果重来你会换个做法？', '你需要我提供什么支持？'],
  en: ['What are you proudest of this cycle?', 'What would you do differently?', 'What support do you need?'],
};
const STRENGTHS: Texts = {
  zh: ['按时交付核心项目，文档清晰', '客户反馈积极，主动跟进', '跨团队协作顺畅'],
  en: ['Shipped the core project on time', 'Customers praise the follow-up', 'Works well across teams'],
};
const GAPS: Texts = {
  zh: ['估算偏乐观，延期两次', '复盘不够及时', '对新人辅导不足'],
  en: ['Estimates ran optimistic twice', 'Retrospectives come late', 'Little time spent on onboarding'],
};
const EMPLOYEE_ITEMS: { zh: [string, string]; en: [string, string] }[] = [
  {
    zh: ['完成架构评审文档', '评审通过并归档'],
    en: ['Write the architecture review', 'Review passed and filed'],
  },
  {
    zh: ['每周一次客户回访', '回访记录 ≥ 4 条/月'],
    en: ['Call one key account a week', '≥ 4 call notes a month'],
  },
  {
    zh: ['把估算误差降到 20% 以内', '迭代复盘数据'],
    en: ['Bring estimates within 20%', 'Sprint review figures'],
  },
  {
    zh: ['带一位新人完成入职', '新人独立提交第一个需求'],
    en: ['Onboard one new hire', 'New hire ships a first change'],
  },
  {
    zh: ['完成数据分析课程', '课程证书和一次分享'],
    en: ['Finish the data analysis course', 'Certificate and a talk'],
  },
];
const SUPPORT_ITEMS: { zh: [string, string]; en: [string, string] }[] = [
  {
    zh: ['安排一次外部培训', '培训已报名并参加'],
    en: ['Book an external training', 'Enrolled and attended'],
  },
  {
    zh: ['每两周一次 1:1 辅导', '日历上的 1:1 记录'],
    en: ['Coach 1:1 every two weeks', '1:1s held per calendar'],
  },
  { zh: ['争取测试环境资源', '资源到位'], en: ['Get the test environment budget', 'Environment available'] },
];
const COMMENTS: Record<'happy' | 'mixed' | 'unhappy', Texts> = {
  happy: {
    zh: [
      '谈得很具体，知道下一步该做什么了',
      '经理先听我说，感觉被尊重',
      '计划很清楚，支持也到位',
      '第一次觉得绩效面谈有用',
    ],
    en: ['Very concrete, I know what to do next', 'My manager listened first', 'Clear plan and real support'],
  },
  mixed: {
    zh: ['整体还行，但时间有点赶', '目标清楚了，支持还不确定', '希望多一些具体的例子'],
    en: [
      'Fine overall but a bit rushed',
      'Goals are clear, support less so',
      'More concrete examples would help',
    ],
  },
  unhappy: {
    zh: [
      '十五分钟就结束了，像走过场',
      '只谈了问题，没有谈我做好的部分',
      '评价和我的自评差距很大，没解释清楚',
    ],
    en: [
      'Over in fifteen minutes, felt like a formality',
      'Only my faults came up',
      'The rating was never explained',
    ],
  },
};
const CAUSES: Record<Lang, { category: 'skill' | 'resources' | 'understanding'; text: string }>[] = [
  {
    zh: { category: 'skill', text: '估算方法还不熟练' },
    en: { category: 'skill', text: 'Estimating is still new' },
  },
  {
    zh: { category: 'resources', text: '测试环境经常排队' },
    en: { category: 'resources', text: 'Test environments are scarce' },
  },
  {
    zh: { category: 'understanding', text: '对优先级的理解不一致' },
    en: { category: 'understanding', text: 'Priorities were read differently' },
  },
];
const PRIVATE_NOTES: Texts = {
  zh: ['（私人备注）考虑明年调岗的可能', '（私人备注）注意情绪，家里有事'],
  en: ['(private) might suggest a move next year', '(private) going through a hard time at home'],
};

function quarterOrHalf(startMs: number, months: number, index: number): string {
  const d = new Date(startMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (months === 6 && (m === 0 || m === 6)) return `${y} H${m === 0 ? 1 : 2}`;
  if (months === 3 && m % 3 === 0) return `${y} Q${m / 3 + 1}`;
  return `Cycle ${index + 1}`;
}

export function generateOrg(options: OrgOptions = {}): Org {
  const o = {
    seed: 42,
    employees: 60,
    departments: 5,
    teamSize: 6,
    cycles: 3,
    cycleMonths: 3,
    firstCycleStart: '2025-01-01',
    leaverShare: 0.08,
    deletedShare: 0,
    domain: 'example.com',
    ...options,
  };
  const rnd = prng(o.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const uuid = () => {
    let h = '';
    for (let i = 0; i < 4; i++) h += (Math.floor(rnd() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, '0');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

  // Cycles.
  const cycles: Cycle[] = [];
  const first = new Date(`${o.firstCycleStart}T00:00:00Z`);
  for (let c = 0; c < o.cycles; c++) {
    const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + o.cycleMonths * c, 1);
    const end = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + o.cycleMonths * (c + 1), 1) - DAY;
    const name = quarterOrHalf(start, o.cycleMonths, c);
    const id = name.startsWith('Cycle') ? `cycle-${c + 1}` : name.replace(' ', '');
    cycles.push({ id, name, startsOn: date(start), endsOn: date(end) });
  }
  const span0 = dayMs(cycles[0]!.startsOn);
  const spanEnd = dayMs(cycles.at(-1)!.endsOn);
  const today = o.today ?? date(spanEnd + 30 * DAY);
  const todayMs = dayMs(today) + 12 * HOUR;

  // Departments, sized by their profile's weight (at least 3 people each).
  const departments: Department[] = [];
  const used = new Map<ProfileId, number>();
  for (let d = 0; d < o.departments; d++) {
    const profile = PROFILE_ORDER[d % PROFILE_ORDER.length]!;
    const n = used.get(profile) ?? 0;
    used.set(profile, n + 1);
    const names = DEPARTMENT_NAMES[profile];
    const base = names[n % names.length]!;
    departments.push({
      name: n < names.length ? base : `${base} ${Math.floor(n / names.length) + 1}`,
      profile,
    });
  }
  const weights = departments.map((d) => PROFILES[d.profile].weight);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(3, Math.floor((o.employees * w) / totalWeight)));
  let extra = o.employees - sizes.reduce((a, b) => a + b, 0);
  for (let d = 0, guard = 0; extra !== 0 && sizes.length && guard < 100 * sizes.length; guard++) {
    if (extra > 0 && departments[d]!.profile !== 'tiny') {
      sizes[d]!++;
      extra--;
    } else if (extra < 0 && sizes[d]! > 3) {
      sizes[d]!--;
      extra++;
    } else if (departments.every((x) => x.profile === 'tiny')) {
      sizes[d]! += Math.sign(extra);
      extra -= Math.sign(extra);
    }
    d = (d + 1) % sizes.length;
  }

  // Roster: per department a head, team leads, members; names and unique emails.
  const emails = new Set<string>();
  const person = (): { name: string; local: string; lang: Lang } => {
    if (chance(0.72)) {
      const [s, sp] = pick(SURNAMES);
      const [g, gp] = pick(GIVEN);
      return { name: `${s}${g}`, local: `${gp}.${sp}`, lang: 'zh' };
    }
    const f = pick(FIRST);
    const l = pick(LAST);
    return { name: `${f} ${l}`, local: `${f}.${l}`.toLowerCase(), lang: 'en' };
  };
  const employees: Employee[] = [];
  const langOf: Lang[] = [];
  const deptOf: number[] = [];
  /** A latent level per person: where their ratings start. */
  const level: number[] = [];
  const nameByEmail = new Map<string, string>();
  const managerSet = new Map<string, { email: string; name: string; department: string | null }>();
  // The chief executive: not on the roster (no department of their own), but every department
  // head reports to them, so heads have their talks too.
  const ceo = { email: `ceo@${o.domain}`, name: '周明远 (CEO)', department: null };
  emails.add(ceo.email);
  nameByEmail.set(ceo.email, ceo.name);
  let index = 0;
  for (let d = 0; d < departments.length; d++) {
    const dept = departments[d]!;
    const profile = PROFILES[dept.profile];
    let headEmail = '';
    let leadEmail = '';
    for (let k = 0; k < sizes[d]!; k++) {
      const p = person();
      let email = `${p.local}@${o.domain}`;
      for (let n = 2; emails.has(email); n++) email = `${p.local}${n}@${o.domain}`;
      emails.add(email);
      const isHead = k === 0;
      // Members after the head come in teams: each team's first member leads it, unless the
      // department is one team.
      const single = sizes[d]! - 1 <= o.teamSize + 1;
      const isLead = !isHead && !single && (k - 1) % (o.teamSize + 1) === 0;
      const manager = isHead ? ceo.email : single || isLead ? headEmail : leadEmail;
      if (isHead) headEmail = email;
      if (isLead) leadEmail = email;
      const leaves = !isHead && !isLead && chance(o.leaverShare + profile.leaves);
      const leftOn = leaves ? date(span0 + int((spanEnd - span0) / DAY) * DAY) : null;
      const e: Employee = {
        id: `emp-${index}`,
        name: p.name,
        email,
        department: dept.name,
        managerEmail: manager,
        status: leaves ? 'left' : 'active',
        leftOn,
      };
      employees.push(e);
      nameByEmail.set(email, p.name);
      langOf.push(p.lang);
      deptOf.push(d);
      const u = rnd();
      level.push(u < 0.12 ? 2 : u < 0.7 ? 3 + int(2) / 2 : 4 + int(3) / 2);
      if (manager && !managerSet.has(manager)) {
        const department = manager === ceo.email ? null : dept.name;
        managerSet.set(manager, { email: manager, name: nameByEmail.get(manager)!, department });
      }
      index++;
    }
  }

  // Sessions: per cycle and person with a manager, a plan talk, one or two coaching check-ins and
  // a review, each of which may not happen.
  type Draft = { s: Session & Deleted; e: number; lang: Lang; start: number };
  const drafts: Draft[] = [];
  const kinds = ['plan', 'coaching', 'review'] as const;
  const makeSession = (e: number, c: Cycle, kind: (typeof kinds)[number], slot: number): Draft => {
    const emp = employees[e]!;
    const profile = PROFILES[departments[deptOf[e]!]!.profile];
    const lang = langOf[e]!;
    const cStart = dayMs(c.startsOn);
    const cDays = (dayMs(c.endsOn) - cStart) / DAY + 1;
    const dayOffset =
      kind === 'plan'
        ? int(14)
        : kind === 'review'
          ? cDays - 10 + int(18)
          : Math.floor(cDays * (slot === 0 ? 0.45 : 0.7)) + int(10) - 5;
    let start = cStart + dayOffset * DAY;
    const weekday = new Date(start).getUTCDay();
    if (weekday === 0) start += DAY;
    if (weekday === 6) start += 2 * DAY;
    start += (1 + int(8)) * HOUR + int(4) * 15 * MINUTE; // 09:00–17:45 in UTC+8
    const past = start + 2 * HOUR < todayMs;
    const u = rnd();
    const status: Session['status'] = !past
      ? u < 0.5
        ? 'planned'
        : 'scheduled'
      : u < 0.03
        ? 'cancelled'
        : u < 0.1
          ? 'held'
          : 'recorded';
    const happened = status === 'held' || status === 'recorded';
    const minutes = chance(profile.short) ? 12 + int(17) : chance(0.12) ? 66 + int(35) : 40 + int(26);
    const end = start + minutes * MINUTE;
    const recorded = status === 'recorded';
    const recordedAt = chance(profile.recordedSoon)
      ? end + (1 + int(20)) * HOUR
      : end + (26 + int(90)) * HOUR;
    const invitedAhead = chance(0.78);
    const isReview = kind === 'review';
    const agreed = chance(profile.agreed);
    const s: Session & Deleted = {
      id: uuid(),
      employeeId: emp.id,
      cycleId: c.id,
      kind,
      status,
      scheduledAt: iso(start),
      invitedAt: chance(0.93) ? iso(start - (invitedAhead ? 3 + int(5) : 1) * DAY - int(8) * HOUR) : null,
      startedAt: happened && chance(0.96) ? iso(start) : null,
      endedAt: happened && chance(0.96) ? iso(end) : null,
      recordedAt: recorded ? iso(Math.min(recordedAt, todayMs - HOUR)) : null,
      mainGoal: chance(0.85) ? pick(GOALS[kind][lang]) : null,
      employeeType: chance(0.8)
        ? pick(['mature', 'mature', 'wavering', 'confused', 'disengaged'] as const)
        : null,
      agenda: {
        strengths: pick(STRENGTHS[lang]),
        gaps: chance(0.8) ? pick(GAPS[lang]) : null,
        causes: chance(0.5) ? [pick(CAUSES)[lang]] : [],
        nextGoals: null,
        questions: chance(0.8) ? QUESTIONS[lang].slice(0, 1 + int(3)) : [],
      },
      notes: happened
        ? lang === 'zh'
          ? '员工先做了自评，双方对齐了下一步。'
          : 'Self-assessment first; next steps agreed.'
        : null,
      privateNotes: chance(0.15) ? pick(PRIVATE_NOTES[lang]) : null,
      checklist: happened ? Array.from({ length: 12 }, (_, k) => k + 1).filter(() => chance(0.75)) : [],
      consensus: isReview && happened ? (agreed ? 'agreed' : chance(0.7) ? 'partial' : 'disagreed') : null,
      appealed: isReview && happened ? !agreed && chance(profile.appealed * 3) : null,
      meetingUrl: chance(0.7) ? 'https://meeting.tencent.com/dm/x4Lk9qTzWm2P' : null,
      version: 1,
      updatedAt: iso(recorded ? Math.min(recordedAt, todayMs - HOUR) : start),
    };
    if (o.deletedShare > 0 && chance(o.deletedShare)) s.deleted = true;
    return { s, e, lang, start };
  };
  for (const c of cycles) {
    for (let e = 0; e < employees.length; e++) {
      const emp = employees[e]!;
      if (!emp.managerEmail || (emp.leftOn && emp.leftOn < c.startsOn)) continue;
      const profile = PROFILES[departments[deptOf[e]!]!.profile];
      const slots: [(typeof kinds)[number], number][] = [
        ['plan', 0],
        ['coaching', 0],
      ];
      if (chance(0.35)) slots.push(['coaching', 1]);
      slots.push(['review', 0]);
      for (const [kind, slot] of slots) {
        const p = profile.happens[kinds.indexOf(kind)]!;
        if (!chance(p)) continue;
        const d = makeSession(e, c, kind, slot);
        if (emp.leftOn && date(d.start) > emp.leftOn) continue;
        drafts.push(d);
      }
    }
  }
  let chosen = drafts;
  if (o.sessions !== undefined) {
    const want = o.sessions;
    if (drafts.length > want) {
      // A deterministic random subset, kept in creation order.
      const keep = new Uint8Array(drafts.length);
      const idx = drafts.map((_, i) => i);
      for (let i = 0; i < want; i++) {
        const j = i + int(idx.length - i);
        [idx[i], idx[j]] = [idx[j]!, idx[i]!];
        keep[idx[i]!] = 1;
      }
      chosen = drafts.filter((_, i) => keep[i]);
    } else {
      const withManager = employees.map((_, i) => i).filter((i) => employees[i]!.managerEmail);
      while (chosen.length < want && withManager.length) {
        chosen.push(makeSession(pick(withManager), pick(cycles), 'coaching', 1));
      }
    }
  }
  const sessions = chosen.map((d) => d.s);

  // Action items of held and recorded sessions, stored together per session.
  const isHeld = (s: Session) => s.status === 'held' || s.status === 'recorded';
  const heldDrafts = chosen.filter((d) => isHeld(d.s));
  const perSession = new Int32Array(heldDrafts.length);
  if (o.actionItems !== undefined) {
    for (let i = 0; i < o.actionItems && heldDrafts.length; i++) perSession[int(heldDrafts.length)]!++;
  } else {
    heldDrafts.forEach((d, k) => {
      perSession[k] = d.s.kind === 'plan' ? 2 + int(2) : 1 + int(2);
    });
  }
  const actionItems: (ActionItem & Deleted)[] = [];
  // Own items per employee and cycle: [due, done], for the rating drift.
  const own = new Map<string, [number, number]>();
  heldDrafts.forEach((d, k) => {
    const profile = PROFILES[departments[deptOf[d.e]!]!.profile];
    for (let j = 0; j < perSession[k]!; j++) {
      const support = chance(0.25);
      const pool = support ? SUPPORT_ITEMS : EMPLOYEE_ITEMS;
      const [title, measure] = pick(pool)[d.lang];
      const dueMs = d.start + (14 + int(50)) * DAY;
      const dueOn = chance(0.95) ? date(dueMs) : null;
      const dueReached = dueMs <= todayMs;
      const doneP = support ? profile.supportDone : profile.itemsDone;
      const u = rnd();
      let status: ActionItem['status'] = 'open';
      let doneAt: string | null = null;
      if (u < 0.05) status = 'dropped';
      else if (chance(dueReached ? doneP : doneP * 0.4)) {
        status = 'done';
        const late = chance(0.2);
        const at = dueMs + (late ? 1 + int(10) : -int(12)) * DAY + (1 + int(9)) * HOUR;
        doneAt = iso(Math.min(Math.max(at, d.start + HOUR), todayMs - HOUR));
      }
      const item: ActionItem & Deleted = {
        id: uuid(),
        sessionId: d.s.id,
        title,
        owner: support ? 'manager' : 'employee',
        dueOn,
        measure: chance(0.88) ? measure : null,
        status,
        doneAt,
        checkIns: chance(0.4)
          ? [{ at: iso(d.start + 10 * DAY), note: d.lang === 'zh' ? '进展顺利' : 'On track' }]
          : [],
        version: 1,
        updatedAt: iso(d.start + HOUR),
      };
      if (o.deletedShare > 0 && chance(o.deletedShare)) item.deleted = true;
      actionItems.push(item);
      if (!support && status !== 'dropped' && dueReached) {
        const key = `${d.s.employeeId}|${d.s.cycleId}`;
        const acc = own.get(key) ?? [0, 0];
        acc[0]++;
        if (status === 'done') acc[1]++;
        own.set(key, acc);
      }
    }
  });

  // Ratings: a level per person that drifts with how much of their own items they completed.
  const ratings: Rating[] = [];
  const round = (x: number) => Math.min(5, Math.max(1, Math.round(x * 2) / 2));
  employees.forEach((emp, e) => {
    let r = level[e]!;
    for (const c of cycles) {
      if (emp.leftOn && emp.leftOn <= c.endsOn) break;
      if (dayMs(c.endsOn) > todayMs) break;
      if (chance(0.95)) ratings.push({ employeeId: emp.id, cycleId: c.id, rating: r });
      const [due, done] = own.get(`${emp.id}|${c.id}`) ?? [0, 0];
      const completion = due ? done / due : 0.5;
      r = round(r + (completion - 0.55) * 1.4 + (rnd() - 0.5) * 1.1 + (r <= 2 ? 0.3 : 0));
    }
  });

  // Surveys for recorded sessions (ids as server/surveys issues them), and answers.
  const surveys: Survey[] = [];
  const surveyDraft: Draft[] = [];
  for (const d of chosen) {
    const s = d.s;
    if (s.status !== 'recorded' || s.deleted) continue;
    const sendAfter = Date.parse(s.endedAt ?? s.recordedAt!) + 7 * DAY;
    for (const kind of ['employee', 'manager'] as const) {
      surveys.push({
        id: surveyIdFor(s.id, kind),
        sessionId: s.id,
        kind,
        sendAfter: iso(sendAfter),
        expiresAt: iso(sendAfter + 30 * DAY),
        sentAt: sendAfter <= todayMs ? iso(sendAfter) : null,
        answeredAt: null,
        createdAt: s.recordedAt!,
      });
      surveyDraft.push(d);
    }
  }
  let answered: number[];
  if (o.responses !== undefined) {
    const order = surveys.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    answered = order.slice(0, Math.min(o.responses, order.length)).sort((a, b) => a - b);
  } else {
    answered = [];
    surveys.forEach((sv, i) => {
      if (Date.parse(sv.sendAfter) + 2 * DAY > todayMs) return;
      const profile = PROFILES[departments[deptOf[surveyDraft[i]!.e]!]!.profile];
      if (chance(sv.kind === 'employee' ? profile.responds : 0.8)) answered.push(i);
    });
  }
  const surveyResponses: SurveyResponse[] = [];
  for (const i of answered) {
    const sv = surveys[i]!;
    const d = surveyDraft[i]!;
    const mood = PROFILES[departments[deptOf[d.e]!]!.profile].mood;
    // A happy answer is 4–5, an unhappy one 1–3.
    const likert = (m = mood) => (chance(m) ? 4 + int(2) : 1 + int(3));
    sv.answeredAt = `${iso(Math.min(Date.parse(sv.sendAfter) + int(5) * DAY, todayMs)).slice(0, 10)}T00:00:00Z`;
    if (sv.kind === 'employee') {
      const nps = chance(mood) ? 8 + int(3) : chance(0.5) ? 7 + int(2) : int(7);
      const tone = nps >= 9 ? 'happy' : nps >= 7 ? 'mixed' : 'unhappy';
      const answers: EmployeeAnswer = {
        fair: likert(),
        clarity: likert(Math.min(1, mood + 0.1)),
        plan: likert(),
        respected: likert(Math.min(1, mood + 0.05)),
        nps,
        ...(chance(0.35) ? { comment: pick(COMMENTS[tone][d.lang]) } : {}),
      };
      surveyResponses.push({
        id: uuid(),
        surveyId: sv.id,
        sessionId: sv.sessionId,
        kind: 'employee',
        answers,
      });
    } else {
      const answers: ManagerAnswer = { consensus: likert(0.8), plan: likert(0.75), prepared: likert(0.7) };
      surveyResponses.push({
        id: uuid(),
        surveyId: sv.id,
        sessionId: sv.sessionId,
        kind: 'manager',
        answers,
      });
    }
  }

  return {
    employees,
    cycles,
    ratings,
    sessions,
    actionItems,
    surveys,
    surveyResponses,
    departments,
    managers: [...managerSet.values()],
    today,
  };
}
