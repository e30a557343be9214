/**
 * The dashboard's words in zh-CN and en. Dimension names and questions come from the content pack
 * (`guidePack.dimensions`), one source with the extension; what is here is the page's own text.
 */
import type { Lang } from '../surveys/messages';

type Num = number | null | undefined;

export interface DashboardText {
  title: string;
  subtitle: string;
  signInTitle: string;
  signInBody: string;
  tokenLabel: string;
  tokenHint: string;
  signIn: string;
  badToken: string;
  forbiddenTitle: string;
  forbiddenBody: string;
  crossSiteTitle: string;
  crossSiteBody: string;
  backToSignIn: string;
  signOut: string;
  language: string;
  cycle: string;
  grouping: string;
  groupBy: { department: string; manager: string; none: string };
  download: string;
  asOf: (day: string) => string;
  unknownCycle: (id: string) => string;
  noCycles: string;
  summary: { employees: string; held: string; responses: string; warnings: string };
  warningsTitle: string;
  noWarnings: string;
  warningKind: Record<string, string>;
  warning: Record<string, (g: string, d: Record<string, Num>) => string>;
  trendOf: (name: string, points: string) => string;
  vsPrevious: (delta: string) => string;
  noPrevious: string;
  measures: Record<string, string>;
  /** Under the listening measure: how many held talks had the meter on. */
  listeningNote: (n: number) => string;
  highKeptNote: string;
  process: string;
  processQuestion: string;
  coverageTitle: string;
  coverageNote: string;
  kinds: { plan: string; coaching: string; review: string };
  allThree: string;
  durationTitle: string;
  durationNote: (median: string, p25: string, p75: string, n: number) => string;
  durationAxis: string;
  durationLabel: string;
  minutes: (n: string) => string;
  itemsTitle: string;
  itemsNote: (due: number, done: number, overdue: number) => string;
  completion: string;
  onTime: string;
  surveyTitle: string;
  surveyNote: (min: number) => string;
  favourable: Record<'fair' | 'clarity' | 'plan' | 'respected', string>;
  nps: string;
  responses: (n: number, rate: string) => string;
  hidden: Record<'few-responses' | 'small-team' | 'complementary', (min: number) => string>;
  scatterTitle: string;
  scatterNote: (r: string, n: number) => string;
  scatterNone: (next: string | null) => string;
  scatterAxes: { x: string; y: string };
  scatterLabel: (n: number, r: string) => string;
  commentsTitle: string;
  commentsNote: (min: number) => string;
  commentsHidden: (min: number, n: number) => string;
  noComments: string;
  tableTitle: string;
  group: string;
  employees: string;
  noGroup: Record<'department' | 'manager', string>;
  overall: string;
  awaitingNext: (next: string | null) => string;
  suppressedShort: string;
  privacyNote: string;
  footer: string;
  skip: string;
}

const pct = (v: Num) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`);
const num = (v: Num) => (v === null || v === undefined ? '—' : String(Math.round(v)));

export const text: Record<Lang, DashboardText> = {
  'zh-CN': {
    title: '绩效面谈效果',
    subtitle: '面谈有没有带来改变：共识、发展、激励、绩效，以及过程是否到位',
    signInTitle: 'HR 看板登录',
    signInBody: '输入你的 HR 令牌。登录后浏览器只保存一个会话 Cookie（12 小时有效），令牌本身不会保存。',
    tokenLabel: 'HR 令牌',
    tokenHint: '以 tdm_ 开头，创建账号时只显示一次。',
    signIn: '登录',
    badToken: '这个令牌无效，请检查后重试。',
    forbiddenTitle: '看板只对 HR 开放',
    forbiddenBody:
      '这个令牌属于经理账号。经理请在浏览器扩展里查看自己的面谈和行动项；团队汇总数据只对 HR 开放。',
    crossSiteTitle: '请求被拒绝',
    crossSiteBody: '这个请求不是从看板页面发出的。请回到看板页面重新操作。',
    backToSignIn: '返回登录',
    signOut: '退出',
    language: '语言',
    cycle: '周期',
    grouping: '分组',
    groupBy: { department: '按部门', manager: '按经理', none: '全公司' },
    download: '下载 CSV',
    asOf: (d) => `统计截至 ${d}`,
    unknownCycle: (id) => `没有找到周期“${id}”，已显示最近的周期。`,
    noCycles: '还没有周期。请先通过 PUT /api/v1/cycles/:id 创建周期并导入名单。',
    summary: { employees: '在册员工', held: '已进行的面谈', responses: '员工问卷回答', warnings: '预警' },
    warningsTitle: '需要关注',
    noWarnings: '本周期没有触发预警。',
    warningKind: {
      'low-satisfaction': '满意度低',
      'high-appeals': '申诉偏多',
      'short-sessions': '面谈过短',
      'low-coverage': '覆盖不足',
      'attrition-low-performance': '流失与低绩效',
      'support-not-delivered': '支持未兑现',
    },
    warning: {
      'low-satisfaction': (g, d) =>
        `${g}：员工满意度连续两个周期偏低。本周期 NPS ${num(d.nps)}、认为结果公平的比例 ${pct(d.fair)}（${d.responses} 份回答）；上周期 NPS ${num(d.previousNps)}、公平 ${pct(d.previousFair)}。`,
      'high-appeals': (g, d) =>
        `${g}：${d.reviews} 场总结面谈中有 ${pct(d.appealRate)} 提出申诉，超过 10% 的警戒线。`,
      'short-sessions': (g, d) =>
        `${g}：${d.sessions} 场计时面谈中有 ${pct(d.shortShare)} 不到 30 分钟，方法建议 45–60 分钟。`,
      'low-coverage': (g, d) =>
        `${g}：周期已结束，${d.employees} 人中只有 ${d.held} 人（${pct(d.reviewRate)}）进行了总结面谈，低于 80%。`,
      'attrition-low-performance': (g, d) =>
        `${g}：本周期流失率 ${pct(d.attritionRate)}，同时低绩效（评分 ≤ 2）占比 ${pct(d.lowPerformerShare)}。`,
      'support-not-delivered': (g, d) =>
        `${g}：经理承诺的支持只兑现了 ${d.done} / ${d.due} 项（${pct(d.rate)}），低于一半。`,
    },
    trendOf: (name, points) => `${name}近几个周期的趋势：${points}`,
    vsPrevious: (delta) => `较上周期 ${delta}`,
    noPrevious: '无上周期数据',
    measures: {
      agreedRate: '总结面谈达成共识',
      appealRate: '申诉率',
      fair: '“结果公平合理”认同',
      smartPlanShare: '有 SMART 计划的面谈',
      completionRate: '行动项完成率',
      onTimeRate: '按时完成率',
      support: '支持承诺兑现',
      respected: '“感到被尊重和支持”',
      nps: '面谈 NPS',
      meanChange: '下周期评分变化',
      lowPerformerUplift: '低绩效员工提升',
      highPerformerKept: '高绩效员工保持',
      coverageReview: '总结面谈覆盖',
      allThree: '三类面谈全覆盖',
      median: '面谈时长中位数',
      recordedWithin24h: '24 小时内记录',
      invitedAhead: '提前 3 天邀约',
      prepared: '有准备（目标和问题）',
      listening: '倾听平衡（管理者说话 ≤ 60%）',
    },
    highKeptNote: '本周期评分 ≥ 4 的员工中，下周期评分不降的比例',
    listeningNote: (n) => (n === 0 ? '还没有面谈开启倾听平衡' : `基于 ${n} 场开启了倾听平衡的面谈`),
    process: '过程健康度',
    processQuestion: '面谈有没有按方法做：覆盖、时长、及时记录、提前邀约？',
    coverageTitle: '面谈覆盖率',
    coverageNote: '每组中至少进行过一次该类面谈的员工比例；竖线为 80% 目标。',
    kinds: { plan: '计划', coaching: '辅导', review: '总结' },
    allThree: '三类齐全',
    durationTitle: '面谈时长分布',
    durationNote: (m, a, b, n) =>
      `${n} 场计时面谈，中位数 ${m}，四分位 ${a}–${b}。绿色为方法建议的 45–60 分钟。`,
    durationAxis: '分钟',
    durationLabel: '面谈时长直方图',
    minutes: (n) => `${n} 分钟`,
    itemsTitle: '行动项完成情况',
    itemsNote: (due, done, overdue) => `已到期 ${due} 项，完成 ${done} 项，逾期未完成 ${overdue} 项。`,
    completion: '完成率',
    onTime: '按时完成率',
    surveyTitle: '员工问卷：认同比例和 NPS',
    surveyNote: (min) => `认同比例为打 4–5 分的占比。少于 ${min} 份回答或团队少于 ${min} 人的组不显示。`,
    favourable: { fair: '结果公平', clarity: '更清楚优劣', plan: '计划清晰可行', respected: '被尊重和支持' },
    nps: 'NPS',
    responses: (n, rate) => `${n} 份回答 · 回收率 ${rate}`,
    hidden: {
      'few-responses': (min) => `已隐藏：回答少于 ${min} 份`,
      'small-team': (min) => `已隐藏：团队少于 ${min} 人`,
      complementary: () => '已隐藏：防止通过相减推算出其他隐藏组',
    },
    scatterTitle: '行动项完成度 vs 评分变化',
    scatterNote: (r, n) =>
      `每个点是一位员工（共 ${n} 位）：横轴为自己行动项的完成率，纵轴为下周期评分减本周期评分。相关系数 r = ${r}。`,
    scatterNone: (next) =>
      next ? `需要“${next}”的评分后才能计算。` : '还没有下一个周期的评分，无法计算评分变化。',
    scatterAxes: { x: '本人行动项完成率', y: '评分变化' },
    scatterLabel: (n, r) => `散点图：${n} 位员工的行动项完成率与评分变化，r = ${r}`,
    commentsTitle: '员工留言',
    commentsNote: (min) => `只在回答不少于 ${min} 份的组显示，顺序随机，不显示日期。`,
    commentsHidden: (min, n) => `留言已隐藏：${n} 份回答，少于 ${min} 份`,
    noComments: '这一组没有留言。',
    tableTitle: '各组数据一览',
    group: '分组',
    employees: '人数',
    noGroup: { department: '（未填部门）', manager: '（无经理）' },
    overall: '全部',
    awaitingNext: (next) => (next ? `待“${next}”评分` : '待下周期评分'),
    suppressedShort: '已隐藏',
    privacyNote: '员工问卷只以汇总形式呈现；少数人的组会被隐藏，任何组的回答都无法通过相减推算。',
    footer: 'Tandem · 数据只来自本服务，页面不加载任何外部资源',
    skip: '跳到主要内容',
  },
  en: {
    title: 'Conversation effectiveness',
    subtitle:
      'Do performance conversations change anything: consensus, development, motivation, performance, and a sound process',
    signInTitle: 'Sign in to the HR dashboard',
    signInBody:
      'Enter your HR token. The browser then keeps only a session cookie (valid for 12 hours); the token itself is not stored.',
    tokenLabel: 'HR token',
    tokenHint: 'It starts with tdm_ and was shown once when the account was made.',
    signIn: 'Sign in',
    badToken: 'This token is not valid. Check it and try again.',
    forbiddenTitle: 'The dashboard is for HR',
    forbiddenBody:
      'This token belongs to a manager. Managers see their own conversations and action items in the browser extension; team figures are for HR only.',
    crossSiteTitle: 'Request refused',
    crossSiteBody:
      'This request did not come from the dashboard page. Go back to the dashboard and try again.',
    backToSignIn: 'Back to sign-in',
    signOut: 'Sign out',
    language: 'Language',
    cycle: 'Cycle',
    grouping: 'Grouping',
    groupBy: { department: 'Department', manager: 'Manager', none: 'Whole company' },
    download: 'Download CSV',
    asOf: (d) => `As of ${d}`,
    unknownCycle: (id) => `There is no cycle "${id}"; showing the latest one.`,
    noCycles: 'There are no cycles yet. Create one with PUT /api/v1/cycles/:id and import the roster.',
    summary: { employees: 'People', held: 'Talks held', responses: 'Employee answers', warnings: 'Warnings' },
    warningsTitle: 'Needs attention',
    noWarnings: 'No warnings this cycle.',
    warningKind: {
      'low-satisfaction': 'Low satisfaction',
      'high-appeals': 'Many appeals',
      'short-sessions': 'Short talks',
      'low-coverage': 'Low coverage',
      'attrition-low-performance': 'Attrition and low performance',
      'support-not-delivered': 'Support not delivered',
    },
    warning: {
      'low-satisfaction': (g, d) =>
        `${g}: employee satisfaction has been low two cycles running. This cycle NPS ${num(d.nps)} and ${pct(d.fair)} found the result fair (${d.responses} answers); last cycle NPS ${num(d.previousNps)}, fair ${pct(d.previousFair)}.`,
      'high-appeals': (g, d) =>
        `${g}: ${pct(d.appealRate)} of ${d.reviews} review conversations were appealed, above the 10% line.`,
      'short-sessions': (g, d) =>
        `${g}: ${pct(d.shortShare)} of ${d.sessions} timed talks lasted under 30 minutes; the method plans 45–60.`,
      'low-coverage': (g, d) =>
        `${g}: the cycle is over and only ${d.held} of ${d.employees} people (${pct(d.reviewRate)}) had a review conversation, below 80%.`,
      'attrition-low-performance': (g, d) =>
        `${g}: ${pct(d.attritionRate)} left during the cycle while ${pct(d.lowPerformerShare)} are rated 2 or lower.`,
      'support-not-delivered': (g, d) =>
        `${g}: managers delivered ${d.done} of ${d.due} promised support commitments (${pct(d.rate)}), under half.`,
    },
    trendOf: (name, points) => `${name}, trend over recent cycles: ${points}`,
    vsPrevious: (delta) => `${delta} vs last cycle`,
    noPrevious: 'no earlier cycle',
    measures: {
      agreedRate: 'Reviews ending in agreement',
      appealRate: 'Appeal rate',
      fair: '“The result is fair”',
      smartPlanShare: 'Talks with a SMART plan',
      completionRate: 'Action items completed',
      onTimeRate: 'Completed on time',
      support: 'Support delivered',
      respected: '“I felt respected and supported”',
      nps: 'Conversation NPS',
      meanChange: 'Rating change next cycle',
      lowPerformerUplift: 'Low performers’ uplift',
      highPerformerKept: 'High performers kept',
      coverageReview: 'Review coverage',
      allThree: 'All three kinds held',
      median: 'Median talk length',
      recordedWithin24h: 'Recorded within 24 h',
      invitedAhead: 'Invited 3 days ahead',
      prepared: 'Prepared (goal and questions)',
      listening: 'Listening balance (manager ≤ 60% of the time)',
    },
    highKeptNote: 'Of those rated 4 or 5 this cycle, the share rated no lower in the next',
    listeningNote: (n) =>
      n === 0
        ? 'No talk had the listening meter on yet'
        : `From ${n} ${n === 1 ? 'talk' : 'talks'} with the listening meter on`,
    process: 'Process health',
    processQuestion:
      'Are the talks done the way the method says: coverage, length, recorded in time, booked ahead?',
    coverageTitle: 'Coverage by kind of conversation',
    coverageNote:
      'Share of each group’s people with at least one talk of that kind; the line marks the 80% goal.',
    kinds: { plan: 'Plan', coaching: 'Coaching', review: 'Review' },
    allThree: 'All three',
    durationTitle: 'How long the talks last',
    durationNote: (m, a, b, n) =>
      `${n} timed talks: median ${m}, middle half ${a}–${b}. Green is the method’s 45–60 minutes.`,
    durationAxis: 'minutes',
    durationLabel: 'Histogram of talk lengths',
    minutes: (n) => `${n} min`,
    itemsTitle: 'Action items',
    itemsNote: (due, done, overdue) => `${due} items due, ${done} done, ${overdue} overdue and still open.`,
    completion: 'Completed',
    onTime: 'On time',
    surveyTitle: 'Employee survey: favourable shares and NPS',
    surveyNote: (min) =>
      `Favourable = answered 4 or 5. Groups with fewer than ${min} answers or people are hidden.`,
    favourable: {
      fair: 'Fair result',
      clarity: 'Clearer on strengths',
      plan: 'Workable plan',
      respected: 'Respected',
    },
    nps: 'NPS',
    responses: (n, rate) => `${n} answers · ${rate} response rate`,
    hidden: {
      'few-responses': (min) => `Hidden: fewer than ${min} responses`,
      'small-team': (min) => `Hidden: small team (fewer than ${min} people)`,
      complementary: () => 'Hidden so no other hidden group can be worked out by subtraction',
    },
    scatterTitle: 'Action-item completion vs rating change',
    scatterNote: (r, n) =>
      `Each dot is one person (${n} in all): across, how much of their own action items they completed; up, next cycle’s rating minus this one’s. r = ${r}.`,
    scatterNone: (next) =>
      next
        ? `Shows once ${next} has been rated.`
        : 'There is no next cycle with ratings yet, so no change to show.',
    scatterAxes: { x: 'own action items completed', y: 'rating change' },
    scatterLabel: (n, r) =>
      `Scatter plot of ${n} people: action-item completion against rating change, r = ${r}`,
    commentsTitle: 'What employees wrote',
    commentsNote: (min) =>
      `Shown only for groups with at least ${min} answers, in random order, without dates.`,
    commentsHidden: (min, n) => `Comments hidden: ${n} answers, fewer than ${min}`,
    noComments: 'No comments in this group.',
    tableTitle: 'All groups at a glance',
    group: 'Group',
    employees: 'People',
    noGroup: { department: '(no department)', manager: '(no manager)' },
    overall: 'All',
    awaitingNext: (next) => (next ? `awaits ${next} ratings` : 'awaits next cycle’s ratings'),
    suppressedShort: 'hidden',
    privacyNote:
      'Employee answers are shown only in aggregate; small groups are hidden, and no group’s answers can be worked out by subtraction.',
    footer: 'Tandem · data from this service only; the page loads nothing from elsewhere',
    skip: 'Skip to the figures',
  },
};
