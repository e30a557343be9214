/**
 * Words of the survey page and the outbox messages, in zh-CN and en. The questions, scale labels,
 * intro and privacy text come from the content pack (`guidePack.survey`), one source with the
 * extension and the dashboard; what is here is the page's own chrome (buttons, errors, the
 * used/expired pages) and the ready-to-send texts of the manager's outbox.
 */
import { guidePack } from '../../shared/content/guide';
import { LOCALES, type Locale } from '../../shared/content/pack/ids';

export type Lang = Locale;
export const LANGS: readonly Lang[] = LOCALES;

/** `?lang=` when it names a language we have; else the best of `Accept-Language`; else zh-CN. */
export function negotiateLang(acceptLanguage: string | undefined, override?: string | null): Lang {
  const exact = LANGS.find((l) => l.toLowerCase() === override?.trim().toLowerCase());
  if (exact) return exact;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 30)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of wanted) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}

/** A day as people say it, in UTC (the service stores instants in UTC): "3月9日" / "9 March". */
export function formatDay(iso: string, lang: Lang, withYear = false): string {
  const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', month: 'long', day: 'numeric' };
  if (withYear) opts.year = 'numeric';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', opts).format(new Date(iso));
}

type KindId = (typeof guidePack.kinds)[number]['id'];
/** The kinds' names of the pack in use (the organisation's own when HR set one). */
export type KindNames = readonly { id: string; name: Record<Lang, string> }[];

/** The kind of conversation as a phrase inside a sentence ("coaching check-in", "绩效辅导面谈"). */
export function kindPhrase(kind: KindId | string, lang: Lang, kinds: KindNames = guidePack.kinds): string {
  const found = kinds.find((k) => k.id === kind);
  if (!found) return lang === 'en' ? 'conversation' : '面谈';
  const name = found.name[lang];
  return lang === 'en' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

export const page = {
  'zh-CN': {
    languageSwitch: '语言',
    titleEmployee: '这次面谈，感觉怎么样？',
    titleManager: '回顾一下这次面谈',
    about: (kind: string, day: string) => `关于${day}的${kind}`,
    aboutUndated: (kind: string) => `关于最近的${kind}`,
    introManager: '给你自己的三个小问题：共识、计划、准备。一分钟左右就能答完。',
    privacyManager:
      '这份问卷只有你来答。你的评分会计入 HR 看到的团队汇总数据（以“满意比例”呈现），不会逐份展示；因为评的是你自己的面谈，人数少时也会显示。',
    privacyTitle: '谁能看到你的回答',
    commentHintEmployee: '想保持匿名的话，请不要写能认出你的细节。',
    commentHintManager: '写给你自己的复盘，也会以汇总形式出现。',
    required: '前面每题必答，最后一题选填。',
    submit: '提交回答',
    scaleHint: (lo: number, hi: number) => `${lo} 到 ${hi} 分`,
    errorSummary: (n: number) => `还有 ${n} 处需要处理，已在下方标出。`,
    errorLikert: '请在 1–5 中选一个。',
    errorNps: '请在 0–10 中选一个。',
    errorComment: '请控制在 2000 字以内。',
    errorUnknown: '这一项无法识别，请重新选择。',
    staleForm: '这个页面打开太久了。请检查一下你的回答，再提交一次。',
    footer: 'Tandem · 无跟踪、无 Cookie，只保存你提交的回答',
    thanksTitle: '谢谢你！',
    thanksEmployee: '回答已收到。它会和其他人的回答合并统计，任何人都看不到单份答卷。',
    thanksManager: '回答已保存。隔一段时间回头看看，会发现自己的面谈在变好。',
    closeHint: '现在可以关闭这个页面了。',
    usedTitle: '这个链接已经用过了',
    usedBody: '每个链接只能提交一次，这一份已经有人答过了。如果是你答的，谢谢你，不需要再做什么。',
    expiredTitle: '这份问卷已经截止',
    expiredBody: (day: string) => `链接有效期到 ${day}。还是谢谢你点开它。`,
    closedTitle: '这份问卷已经关闭',
    closedBody: '这次面谈的记录已被删除，所以问卷也随之关闭了。',
    notFoundTitle: '找不到这份问卷',
    notFoundBody: '请确认复制了完整的链接：/s/ 后面应该是 32 位字母和数字。',
    forbiddenTitle: '这次提交没有保存',
    forbiddenBody: '提交不是从问卷页面发出的，所以没有保存。请重新打开你的链接，在页面上作答。',
    rateTitle: '请求太频繁',
    rateBody: (s: number) => `请等 ${s} 秒后再试。`,
    unsupportedTitle: '无法识别这次提交',
    unsupportedBody: '请在问卷页面上作答并提交。',
  },
  en: {
    languageSwitch: 'Language',
    titleEmployee: 'How did the conversation go?',
    titleManager: 'Looking back on your conversation',
    about: (kind: string, day: string) => `About your ${kind} on ${day}`,
    aboutUndated: (kind: string) => `About your recent ${kind}`,
    introManager: 'Three quick questions for you: agreement, plan and preparation. About a minute.',
    privacyManager:
      'Only you answer this one. Your ratings count towards the pooled figures HR sees for your team (as shares of favourable answers) and are never shown one by one; because they are about your own conversations, they are shown even when few people answered.',
    privacyTitle: 'Who sees your answers',
    commentHintEmployee: 'To stay anonymous, leave out details that would identify you.',
    commentHintManager: 'A note for your own review; it is only ever shown pooled.',
    required: 'Every question but the last one needs an answer.',
    submit: 'Send my answers',
    scaleHint: (lo: number, hi: number) => `${lo} to ${hi}`,
    errorSummary: (n: number) =>
      n === 1
        ? 'One answer needs a look; it is marked below.'
        : `${n} answers need a look; they are marked below.`,
    errorLikert: 'Choose one of 1 to 5.',
    errorNps: 'Choose one of 0 to 10.',
    errorComment: 'Please keep it under 2,000 characters.',
    errorUnknown: 'This answer was not understood; please choose again.',
    staleForm: 'This page was open for a long time. Please check your answers and send them again.',
    footer: 'Tandem · no tracking, no cookies, nothing kept but the answers you send',
    thanksTitle: 'Thank you!',
    thanksEmployee:
      'Your answers are in. They are pooled with everyone else’s, and nobody sees them one by one.',
    thanksManager:
      'Your answers are saved. Look back now and then: you will see your conversations getting better.',
    closeHint: 'You can close this page now.',
    usedTitle: 'This link has already been used',
    usedBody:
      'Each link takes one answer, and this one has been answered. If that was you, thank you: there is nothing more to do.',
    expiredTitle: 'This survey has closed',
    expiredBody: (day: string) => `The link was open until ${day}. Thanks for thinking of it all the same.`,
    closedTitle: 'This survey is no longer open',
    closedBody: 'The record of this conversation was deleted, so its survey was closed too.',
    notFoundTitle: 'We can’t find this survey',
    notFoundBody: 'Check that the whole link was copied: after /s/ come 32 letters and digits.',
    forbiddenTitle: 'Your answer was not saved',
    forbiddenBody: 'It did not come from the survey page. Please open your link again and answer there.',
    rateTitle: 'Too many tries',
    rateBody: (s: number) => `Please wait ${s} seconds and try again.`,
    unsupportedTitle: 'This answer could not be read',
    unsupportedBody: 'Please answer on the survey page and send it from there.',
  },
} as const;

export type PageText = (typeof page)[Lang];

export type MessageInput = {
  kind: 'employee' | 'manager';
  url: string;
  /** The employee's name from the roster, when known. */
  employeeName: string | null;
  conversationKind: string;
  /** When the talk happened (endedAt, else recordedAt), when known. */
  heldAt: string | null;
  expiresAt: string;
  /** The kinds' names of the pack in use; the built-in ones when absent. */
  kinds?: KindNames;
};

const EMPLOYEE_QUESTIONS = guidePack.survey.employee.length;
const MANAGER_QUESTIONS = guidePack.survey.manager.length;

/** The ready-to-send text of an outbox item, in both languages. */
export function outboxMessage(m: MessageInput): Record<Lang, string> {
  return { 'zh-CN': messageZh(m), en: messageEn(m) };
}

function messageZh(m: MessageInput): string {
  const kind = kindPhrase(m.conversationKind, 'zh-CN', m.kinds);
  const day = m.heldAt ? formatDay(m.heldAt, 'zh-CN') : '最近';
  const until = formatDay(m.expiresAt, 'zh-CN');
  if (m.kind === 'manager') {
    const withWhom = m.employeeName ? `和${m.employeeName}` : '';
    return [
      `给自己的提醒：花一两分钟，回顾一下${day}${withWhom}的${kind}。`,
      `${MANAGER_QUESTIONS} 个小问题：你们是否达成了共识、计划是否清晰可行、你的准备是否充分。`,
      `${m.url}`,
      `链接${until}前有效。`,
    ].join('\n\n');
  }
  const hello = m.employeeName ? `${m.employeeName}，你好！` : '你好！';
  return [
    hello,
    `${day}的${kind}，谢谢你的坦诚交流。我很想知道这次面谈对你来说感觉如何，好让下一次聊得更有用。`,
    `一共 ${EMPLOYEE_QUESTIONS} 个小问题，大约 2 分钟。问卷是匿名的：回答会和其他人的合并统计，我看不到谁答了什么。`,
    `${m.url}`,
    `链接${until}前有效。谢谢！`,
  ].join('\n\n');
}

function messageEn(m: MessageInput): string {
  const kind = kindPhrase(m.conversationKind, 'en', m.kinds);
  const when = m.heldAt ? ` on ${formatDay(m.heldAt, 'en')}` : '';
  const until = formatDay(m.expiresAt, 'en');
  if (m.kind === 'manager') {
    const withWhom = m.employeeName ? ` with ${m.employeeName}` : '';
    return [
      `A note to yourself: take a minute or two to look back on your ${kind}${withWhom}${when}.`,
      `${MANAGER_QUESTIONS} quick questions: did you reach agreement, is the plan clear and workable, were you well prepared?`,
      `${m.url}`,
      `The link is open until ${until}.`,
    ].join('\n\n');
  }
  const hello = m.employeeName ? `Hi ${m.employeeName},` : 'Hi,';
  return [
    hello,
    `Thank you for our ${kind}${when}. I’d really like to hear how it went for you, so the next one is more useful.`,
    `It’s ${EMPLOYEE_QUESTIONS} short questions and takes about 2 minutes. It’s anonymous: answers are pooled with everyone else’s, and I never see who said what.`,
    `${m.url}`,
    `The link is open until ${until}. Thank you!`,
  ].join('\n\n');
}
