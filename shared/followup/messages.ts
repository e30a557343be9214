/**
 * Reminder texts in zh-CN and en. Plain strings with no markup: they go into notifications and
 * JSON. Dates and times are written in the manager's time zone, formatted by hand so that fixed
 * offsets (`+08:00`) work on every runtime. The conversation kinds are named as in the guide pack
 * (`shared/content/pack/kinds.ts`), kept here so the extension's background worker need not load
 * the whole pack.
 */
import { localParts } from '../invite/zone';
import type { ConversationKind } from '../schemas/records';
import { isoWeekday } from './time';

export type Lang = 'zh-CN' | 'en';
export type Bilingual = Record<Lang, string>;

const KIND: Record<ConversationKind, Bilingual> = {
  plan: { 'zh-CN': '绩效计划面谈', en: 'planning conversation' },
  coaching: { 'zh-CN': '绩效辅导面谈', en: 'coaching check-in' },
  review: { 'zh-CN': '绩效总结面谈', en: 'review conversation' },
};

const WEEKDAY_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAY_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** "3月5日（周四）" / "Thu 5 Mar" for a `YYYY-MM-DD` date. */
export function formatDay(day: string, lang: Lang): string {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = isoWeekday(day) - 1;
  return lang === 'en' ? `${WEEKDAY_EN[wd]} ${d} ${MONTH_EN[m - 1]}` : `${m}月${d}日（周${WEEKDAY_ZH[wd]}）`;
}

/** "3月5日（周四）14:00" / "Thu 5 Mar, 14:00" for an instant, in `timeZone`. */
export function formatWhen(instant: string, lang: Lang, timeZone: string): string {
  const p = localParts(Date.parse(instant), timeZone);
  if (!p) return instant;
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  return lang === 'en' ? `${formatDay(day, lang)}, ${time}` : `${formatDay(day, lang)}${time}`;
}

const kindZh = (k: ConversationKind) => KIND[k]['zh-CN'];
const kindEn = (k: ConversationKind) => KIND[k].en;
const nameZh = (n: string | null) => n ?? '下属';
const nameEn = (n: string | null) => n ?? 'your report';

export type TalkText = { name: string | null; kind: ConversationKind; at: string; timeZone: string };

export function prepareMessage(t: TalkText & { missing: ('mainGoal' | 'questions')[] }): Bilingual {
  const zhMissing = t.missing.map((m) => (m === 'mainGoal' ? '主要任务' : '要问的问题')).join('和');
  const enMissing = t.missing.map((m) => (m === 'mainGoal' ? 'main goal' : 'questions')).join(' or ');
  return {
    'zh-CN': `和${nameZh(t.name)}的${kindZh(t.kind)}定在${formatWhen(t.at, 'zh-CN', t.timeZone)}，还没有写${zhMissing}。花十分钟准备：这次要谈成什么、有哪些事实和数据、想问哪些问题。`,
    en: `Your ${kindEn(t.kind)} with ${nameEn(t.name)} is on ${formatWhen(t.at, 'en', t.timeZone)} and has no ${enMissing} yet. Take ten minutes to prepare: what the talk is for, the facts and data, and the questions to ask.`,
  };
}

export function inviteMessage(t: TalkText): Bilingual {
  return {
    'zh-CN': `和${nameZh(t.name)}的${kindZh(t.kind)}在${formatWhen(t.at, 'zh-CN', t.timeZone)}，邀请还没有发出。尽快发邀请，并请对方提前准备一份自评。`,
    en: `Your ${kindEn(t.kind)} with ${nameEn(t.name)} is on ${formatWhen(t.at, 'en', t.timeZone)} and the invite has not gone out. Send it now and ask for a self-assessment beforehand.`,
  };
}

export function recordMessage(t: {
  name: string | null;
  kind: ConversationKind;
  overdue: boolean;
}): Bilingual {
  if (t.overdue) {
    return {
      'zh-CN': `和${nameZh(t.name)}的${kindZh(t.kind)}结束已超过 24 小时，还没有记录。现在花五分钟写下共识和行动项：做什么、谁负责、何时完成、怎么衡量。`,
      en: `More than 24 hours have passed since your ${kindEn(t.kind)} with ${nameEn(t.name)}, and nothing is recorded. Take five minutes now to note the agreements and action items: what, who, by when, and how it is judged.`,
    };
  }
  return {
    'zh-CN': `和${nameZh(t.name)}的${kindZh(t.kind)}已经结束。趁记得清楚，在 24 小时内记下要点和行动项。`,
    en: `Your ${kindEn(t.kind)} with ${nameEn(t.name)} has ended. Record the key points and action items within 24 hours, while they are fresh.`,
  };
}

export function actionDueMessage(t: {
  name: string | null;
  title: string;
  support: boolean;
  dueOn: string;
  today: string;
}): Bilingual {
  const when: Bilingual =
    t.dueOn < t.today
      ? { 'zh-CN': `已过期（${formatDay(t.dueOn, 'zh-CN')}截止）`, en: `was due ${formatDay(t.dueOn, 'en')}` }
      : t.dueOn === t.today
        ? { 'zh-CN': '今天到期', en: 'is due today' }
        : { 'zh-CN': `${formatDay(t.dueOn, 'zh-CN')}到期`, en: `is due ${formatDay(t.dueOn, 'en')}` };
  if (t.support) {
    return {
      'zh-CN': `你答应给${nameZh(t.name)}的支持“${t.title}”${when['zh-CN']}。承诺的支持兑现了，计划才走得下去。`,
      en: `The support you promised ${nameEn(t.name)}, “${t.title}”, ${when.en}. Plans only move when promised support arrives.`,
    };
  }
  return {
    'zh-CN': `${nameZh(t.name)}的行动项“${t.title}”${when['zh-CN']}。在下次一对一里问问进展。`,
    en: `${t.name ? `${t.name}’s` : 'Your report’s'} action item “${t.title}” ${when.en}. Ask how it is going in your next 1:1.`,
  };
}

export function surveyMessage(t: {
  name: string | null;
  kind: 'employee' | 'manager';
  talkKind: ConversationKind | null;
}): Bilingual {
  const zhTalk = t.talkKind ? kindZh(t.talkKind) : '面谈';
  const enTalk = t.talkKind ? kindEn(t.talkKind) : 'conversation';
  if (t.kind === 'manager') {
    return {
      'zh-CN': `和${nameZh(t.name)}的${zhTalk}过去一周了。花一分钟填写给你自己的回顾问卷。`,
      en: `A week has passed since your ${enTalk} with ${nameEn(t.name)}. Take a minute for your own look-back survey.`,
    };
  }
  return {
    'zh-CN': `和${nameZh(t.name)}的${zhTalk}过去一周了。把匿名问卷链接发给对方吧。`,
    en: `A week has passed since your ${enTalk} with ${nameEn(t.name)}. Send them the anonymous survey link.`,
  };
}

export function coverageMessage(t: {
  name: string | null;
  kind: ConversationKind;
  cycleName: string;
  dueOn: string;
  overdue: boolean;
}): Bilingual {
  const zh = {
    plan: '周期开始时对齐目标和衡量方式，后面的辅导和总结才有依据。',
    coaching: '周期过半，看看进展、及早纠偏，别把问题攒到期末。',
    review: '周期快结束了，讲清结果和依据，一起定下一个周期的计划。',
  }[t.kind];
  const en = {
    plan: 'Agreeing goals and measures now gives the later check-ins and the review something to stand on.',
    coaching:
      'Half-way through: look at progress and correct course early, rather than saving it for the end.',
    review: 'The cycle is ending: explain the result and the evidence, and agree the plan for the next one.',
  }[t.kind];
  const byZh = t.overdue ? '已超过建议时间' : `建议在${formatDay(t.dueOn, 'zh-CN')}前完成`;
  const byEn = t.overdue ? 'it is past the suggested date' : `aim to hold it by ${formatDay(t.dueOn, 'en')}`;
  return {
    'zh-CN': `本周期（${t.cycleName}）还没有和${nameZh(t.name)}进行${kindZh(t.kind)}，${byZh}。${zh}`,
    en: `No ${kindEn(t.kind)} with ${nameEn(t.name)} yet this cycle (${t.cycleName}); ${byEn}. ${en}`,
  };
}
