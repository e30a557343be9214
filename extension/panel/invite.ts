/** A ready invite text for the talk, asking for a self-assessment (step 4). Pure. */
import type { ConversationKind } from '../../shared/schemas/records';

export interface InviteInput {
  employeeName: string;
  managerName?: string;
  kind: ConversationKind;
  /** ISO instant. */
  scheduledAt?: string | null;
  minutes: number;
  meetingUrl?: string | null;
  timeZone?: string;
}

const KIND = {
  plan: { 'zh-CN': '绩效计划面谈', en: 'planning conversation' },
  coaching: { 'zh-CN': '绩效辅导面谈', en: 'coaching check-in' },
  review: { 'zh-CN': '绩效总结面谈', en: 'performance review conversation' },
} as const;

function when(iso: string | null | undefined, locale: 'zh-CN' | 'en', timeZone?: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

export function inviteText(input: InviteInput, locale: 'zh-CN' | 'en'): string {
  const w = when(input.scheduledAt, locale, input.timeZone);
  const name = input.employeeName.trim();
  if (locale === 'zh-CN') {
    const lines = [
      `${name}，你好：`,
      '',
      `想约你做一次${KIND[input.kind]['zh-CN']}，时长约 ${input.minutes} 分钟${w ? `，时间是 ${w}` : ''}。我们会一起回顾这段时间的工作，听听你的想法，再商量接下来的目标和我能提供的支持。`,
      '',
      '面谈前，请花十几分钟写一份简短的自我评估：',
      '1. 这段时间你最满意的两三项成果',
      '2. 还没达到预期的地方，你觉得原因是什么',
      '3. 接下来想重点突破的方向，以及需要的支持',
      '',
      input.meetingUrl ? `会议链接：${input.meetingUrl}` : '我们会找一个安静、不被打扰的地方。',
      '',
      '如果时间不合适，直接告诉我，我们再调整。',
      input.managerName ? `\n${input.managerName}` : '',
    ];
    return lines.join('\n').trim();
  }
  const lines = [
    `Hi ${name},`,
    '',
    `I'd like to set up our ${KIND[input.kind].en}, about ${input.minutes} minutes${w ? `, on ${w}` : ''}. We'll look back at your work together, I'll hear your view first, and we'll agree the next goals and the support you need from me.`,
    '',
    'Before we meet, could you spend ten minutes on a short self-assessment?',
    '1. The two or three results you are proudest of',
    '2. Where things fell short, and what you think got in the way',
    '3. Where you want to grow next, and what would help',
    '',
    input.meetingUrl
      ? `Meeting link: ${input.meetingUrl}`
      : "We'll meet somewhere quiet where we won't be interrupted.",
    '',
    "If the time doesn't work, just tell me and we'll find another.",
    input.managerName ? `\n${input.managerName}` : '',
  ];
  return lines.join('\n').trim();
}

export interface BookingCheck {
  /** Booked 3–5 days ahead (null: no date yet). */
  ahead: boolean | null;
  daysAhead: number | null;
  /** 45–60 minutes. */
  length: boolean;
  selfAssessment: boolean;
}

/** The step-4 booking check, against `from` (when the invite went out, or now). */
export function bookingCheck(
  scheduledAt: string | null | undefined,
  minutes: number,
  selfAssessmentAsked: boolean,
  from: Date,
): BookingCheck {
  let days: number | null = null;
  if (scheduledAt) {
    const t = Date.parse(scheduledAt);
    if (!Number.isNaN(t)) days = (t - from.getTime()) / 86_400_000;
  }
  return {
    ahead: days === null ? null : days >= 3 && days <= 5.99,
    daysAhead: days === null ? null : Math.floor(days),
    length: minutes >= 45 && minutes <= 60,
    selfAssessment: selfAssessmentAsked,
  };
}
