/**
 * An invite → the start of a session: who the conversation is with, which kind it is, when, the
 * cycle it belongs to, whether the booking follows the method (step 4: 3–5 days ahead, 45–60 min,
 * self-assessment asked for), and what to ask the manager where the invite does not say.
 *
 * Rules:
 * - The employee is an attendee who is not the manager (by `managerEmail`, else `managerName`);
 *   the organizer is left out when the organizer is the manager — and, when the manager is not
 *   given at all, the organizer is taken to be the manager. The attendees are matched to the roster
 *   by email (case-insensitive), else by name (exact, then normalised: trim, case, full/half-width,
 *   no spaces in Chinese names, word order in latin names), else by a roster name in the title
 *   (longest name wins: `王伟华` over `王伟`). One person → chosen; several → none chosen, all listed.
 * - The kind comes from the title and, more weakly, the description (see `KIND_TERMS`). Each term
 *   has a weight (specific phrase 4, usual word 2, vague word 1); a kind scores its strongest term
 *   in the title plus a quarter of its strongest in the description (so repeating words adds
 *   nothing), and a longer phrase hides the words inside it (`目标设定` is not also `目标`,
 *   `绩效面谈` not also `面谈`). The highest score wins when it beats the runner-up; the
 *   guess is `high` confidence only when the title alone scores ≥ 2 for it and it has at least
 *   twice the runner-up's score. So `绩效面谈` alone is a review, `绩效面谈：目标设定` a plan,
 *   `年终总结暨明年目标设定` is ambiguous (null, low: the UI asks), `1:1` is coaching.
 * - Days ahead are calendar days between `now` and the start in `ctx.timeZone` (else the invite's
 *   zone, else UTC); both 3 and 5 are fine. The length is fine from 45 to 60 minutes inclusive.
 * - The cycle is the one whose `startsOn`–`endsOn` (inclusive) holds the start's local date; when
 *   several hold it, none is chosen and the manager is asked.
 */
import type { ConversationKind, Session } from '../schemas/records';
import type { InviteInfo, InvitePerson, Localized } from './types';
import { cleanEmail, hasCjk, nameTokensKey, normalizeName } from './util';
import { daysBetween, isValidZone, localDate } from './zone';

export type RosterEntry = { id: string; name: string; email?: string | null };
export type CycleRef = { id: string; startsOn: string; endsOn: string; name?: string };

export type AgendaContext = {
  managerEmail?: string;
  managerName?: string;
  roster: RosterEntry[];
  now: Date;
  cycles?: CycleRef[];
  /** The manager's zone, for calendar days and the cycle date (default: the invite's, else UTC). */
  timeZone?: string;
};

export type EmployeeCandidate = {
  employeeId: string;
  name: string;
  email?: string;
  by: 'email' | 'name' | 'title';
};

export type EmployeeMatch = {
  /** How the chosen employee was found; `none` when nobody or several people matched. */
  match: 'email' | 'name' | 'none';
  employeeId?: string;
  candidates: EmployeeCandidate[];
};

export type KindGuess = {
  value: ConversationKind | null;
  confidence: 'high' | 'low';
  /** The words that decided it, as found in the invite. */
  matched?: string;
  /** The kinds the invite points at, most likely first (for the question when unsure). */
  candidates?: ConversationKind[];
};

export type Booking = {
  /** Calendar days from now to the start (negative when it is past). */
  daysAhead?: number;
  /** 3 ≤ daysAhead ≤ 5; null when the start is unknown. */
  aheadOk: boolean | null;
  /** 45 ≤ minutes ≤ 60; null when the length is unknown (no end, all-day). */
  lengthOk: boolean | null;
  /** The invite asks for a self-assessment (自评 / self-assessment / self-review …). */
  selfAssessmentAsked: boolean;
};

export type AgendaQuestionId = 'employee' | 'kind' | 'time' | 'cycle' | 'cancelled';

export type AgendaQuestion = {
  id: AgendaQuestionId;
  message: Localized;
  /** Choices to offer, when there is a short list. */
  options?: { value: string; label: Localized }[];
};

export type InviteAgenda = {
  employee: EmployeeMatch;
  kind: KindGuess;
  scheduledAt?: string;
  endsAt?: string;
  durationMin?: number;
  meetingUrl?: string;
  cycleId?: string;
  booking: Booking;
  /**
   * Fields for a new session. `status` is `scheduled` (`cancelled` for a cancelling invite);
   * `id`, and whichever of `employeeId`, `cycleId`, `kind` are unknown, are left to the caller.
   */
  sessionDraft: Partial<Session>;
  /** What to ask the manager before the session is complete; empty when nothing is unsure. */
  questions: AgendaQuestion[];
};

export const BOOKING_RULES = { minDaysAhead: 3, maxDaysAhead: 5, minMinutes: 45, maxMinutes: 60 } as const;

// ---------------------------------------------------------------------------------------------
// Kind

type Term = { kind: ConversationKind; weight: 1 | 2 | 4; re: RegExp };

const t = (kind: ConversationKind, weight: 1 | 2 | 4, ...res: RegExp[]): Term[] =>
  res.map((re) => ({ kind, weight, re: new RegExp(re.source, 'gi') }));

/** The words each kind is recognised by, in zh and en, with their weights. */
export const KIND_TERMS: readonly Term[] = [
  ...t(
    'plan',
    4,
    /目标设定|设定目标|目标制定|制定目标|定目标|目标对齐|目标确认|目标面谈|目标沟通|计划面谈|绩效计划|期初/,
    /\bgoals?[\s-]*setting\b|\bset(?:ting)?\s+(?:the\s+)?goals\b|\bobjectives?[\s-]*setting\b|\b(?:okr|kpi)s?[\s-]*setting\b|\bplanning\s+(?:conversation|meeting|session)\b|\bkick[\s-]?off\b/,
  ),
  ...t('plan', 2, /目标|计划|okr|kpi/, /\bgoals?\b|\bplans?\b|\bobjectives?\b|\bplanning\b/),
  ...t(
    'review',
    4,
    /绩效评估|绩效反馈|绩效回顾|绩效考核|绩效评价|绩效结果|年终|年度总结|年度回顾|年度考评|述职|考核|考评|期末/,
    /\bperformance\s+(?:review|appraisal|evaluation|feedback)\b|\bappraisals?\b|\byear[\s-]?end\b|\bannual\s+review\b|\bevaluation\b|\bend[\s-]of[\s-](?:year|cycle)\b/,
  ),
  ...t('review', 2, /绩效面谈|绩效沟通|总结|回顾/, /\breviews?\b/),
  ...t('review', 1, /面谈|反馈|复盘/, /\bfeedback\b|\bretro(?:spective)?\b/),
  ...t(
    'coaching',
    4,
    /辅导|教练|(?<!\d)1\s*[:：]\s*1(?!\d)|(?<!\d)1\s*(?:on|v|对)\s*1(?!\d)|一对一|中期|年中|期中|进展/,
    /\b1[\s-]?on[\s-]?1\b|\bone[\s-]on[\s-]one\b|\bcoaching\b|\bcheck[\s-]?ins?\b|\bmid[\s-]?(?:year|cycle|term)\b|\bprogress\b/,
  ),
  ...t('coaching', 1, /双周会|周会|跟进/, /\bsync\b|\bcatch[\s-]?up\b|\bfollow[\s-]?up\b/),
].sort((a, b) => b.weight - a.weight || b.re.source.length - a.re.source.length);

type Hits = {
  score: Record<ConversationKind, number>;
  words: Record<ConversationKind, { w: string; weight: number }[]>;
};

function scan(text: string, factor: number, into: Hits): Record<ConversationKind, number> {
  let s = text.normalize('NFKC');
  const own: Record<ConversationKind, number> = { plan: 0, coaching: 0, review: 0 };
  for (const term of KIND_TERMS) {
    term.re.lastIndex = 0;
    let hit = false;
    s = s.replace(term.re, (m) => {
      if (!hit) into.words[term.kind].push({ w: m, weight: term.weight * factor });
      hit = true;
      return ' '.repeat(m.length);
    });
    if (hit) own[term.kind] = Math.max(own[term.kind], term.weight);
  }
  for (const kind of Object.keys(own) as ConversationKind[]) into.score[kind] += own[kind] * factor;
  return own;
}

/** The kind of conversation an invite is for, from its title and description. */
export function detectKind(title: string | undefined, description?: string): KindGuess {
  const hits: Hits = {
    score: { plan: 0, coaching: 0, review: 0 },
    words: { plan: [], coaching: [], review: [] },
  };
  const inTitle = scan(title ?? '', 1, hits);
  if (description) scan(description.slice(0, 20_000), 0.25, hits);
  const ranked = (Object.keys(hits.score) as ConversationKind[])
    .filter((k) => hits.score[k] > 0)
    .sort((a, b) => hits.score[b] - hits.score[a]);
  if (ranked.length === 0) return { value: null, confidence: 'low' };
  const best = ranked[0]!;
  const second = ranked[1] ? hits.score[ranked[1]] : 0;
  const value = hits.score[best] > second ? best : null;
  const high = value !== null && inTitle[value] >= 2 && hits.score[value] >= 2 * second;
  const matched = value
    ? [...hits.words[value]]
        .sort((a, b) => b.weight - a.weight)
        .map((x) => x.w.trim())
        .find((w) => w !== '')
    : undefined;
  return {
    value,
    confidence: high ? 'high' : 'low',
    ...(matched ? { matched } : {}),
    ...(high ? {} : { candidates: ranked }),
  };
}

const SELF_ASSESSMENT =
  /自评|自我评估|自我评价|自我总结|自我鉴定|self[\s-]?(?:assessment|review|evaluation|appraisal|reflection)/i;

// ---------------------------------------------------------------------------------------------
// Employee

function findEmployee(invite: InviteInfo, ctx: AgendaContext): EmployeeMatch {
  const roster = ctx.roster.filter((r) => r && typeof r.id === 'string' && typeof r.name === 'string');
  const managerEmail = cleanEmail(ctx.managerEmail);
  const managerName = ctx.managerName?.trim() ? ctx.managerName : undefined;
  const managerKnown = !!(managerEmail || managerName);
  const isManager = (p: InvitePerson) =>
    (!!managerEmail && p.email === managerEmail) ||
    (!!managerName &&
      !!p.name &&
      (normalizeName(p.name) === normalizeName(managerName) ||
        nameTokensKey(p.name) === nameTokensKey(managerName)));
  const organizerIsManager = invite.organizer ? !managerKnown || isManager(invite.organizer) : !managerKnown;

  let people = invite.attendees.filter((a) => !isManager(a) && !(a.organizer && organizerIsManager));
  if (people.length === 0 && !managerKnown) people = invite.attendees.filter((a) => !a.organizer);
  const notManagerEntry = (r: RosterEntry) =>
    !(managerEmail && cleanEmail(r.email) === managerEmail) &&
    !(managerName && normalizeName(r.name) === normalizeName(managerName));
  const pool = roster.filter(notManagerEntry);

  const candidate = (r: RosterEntry, by: EmployeeCandidate['by']): EmployeeCandidate => {
    const email = cleanEmail(r.email);
    return { employeeId: r.id, name: r.name, ...(email ? { email } : {}), by };
  };
  const decide = (found: EmployeeCandidate[], how: 'email' | 'name'): EmployeeMatch | undefined => {
    const unique = found.filter((c, i) => found.findIndex((d) => d.employeeId === c.employeeId) === i);
    if (unique.length === 1) return { match: how, employeeId: unique[0]!.employeeId, candidates: unique };
    if (unique.length > 1) return { match: 'none', candidates: unique };
    return undefined;
  };

  // 1. Email.
  const byEmail = new Map<string, RosterEntry[]>();
  for (const r of pool) {
    const e = cleanEmail(r.email);
    if (e) byEmail.set(e, [...(byEmail.get(e) ?? []), r]);
  }
  const emailHits: EmployeeCandidate[] = [];
  const unmatched: InvitePerson[] = [];
  for (const p of people) {
    const hits = p.email ? byEmail.get(p.email.toLowerCase()) : undefined;
    if (hits) for (const r of hits) emailHits.push(candidate(r, 'email'));
    else unmatched.push(p);
  }
  const viaEmail = decide(emailHits, 'email');
  if (viaEmail) return viaEmail;

  // 2. Name: exact, then normalised, then word order.
  const nameHits: EmployeeCandidate[] = [];
  for (const p of unmatched) {
    if (!p.name) continue;
    const name = p.name;
    const exact = pool.filter((r) => r.name === name);
    const norm = exact.length ? exact : pool.filter((r) => normalizeName(r.name) === normalizeName(name));
    const loose = norm.length ? norm : pool.filter((r) => nameTokensKey(r.name) === nameTokensKey(name));
    for (const r of loose) nameHits.push(candidate(r, 'name'));
  }
  const viaName = decide(nameHits, 'name');
  if (viaName) return viaName;

  // 3. A roster name in the title (`李四 绩效面谈`, `1:1 Li Si / Zhang San`).
  const title = invite.title ? normalizeName(invite.title) : '';
  if (title) {
    const inTitle = pool.filter((r) => {
      const n = normalizeName(r.name);
      if (n.length < 2) return false;
      if (hasCjk(n)) return title.includes(n);
      return new RegExp(
        `(?:^|[^\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}\\p{N}])`,
        'u',
      ).test(title);
    });
    const longest = inTitle.filter(
      (r) =>
        !inTitle.some(
          (o) =>
            o !== r &&
            normalizeName(o.name).length > normalizeName(r.name).length &&
            normalizeName(o.name).includes(normalizeName(r.name)),
        ),
    );
    const viaTitle = decide(
      longest.map((r) => candidate(r, 'title')),
      'name',
    );
    if (viaTitle) return viaTitle;
  }
  return { match: 'none', candidates: [] };
}

// ---------------------------------------------------------------------------------------------

const KIND_LABELS: Record<ConversationKind, Localized> = {
  plan: { 'zh-CN': '绩效计划面谈（周期初）', en: 'Planning conversation (cycle start)' },
  coaching: { 'zh-CN': '绩效辅导面谈（周期中）', en: 'Coaching conversation (mid-cycle)' },
  review: { 'zh-CN': '绩效评估面谈（周期末）', en: 'Review conversation (cycle end)' },
};

/** Build the agenda of a session from an invite. Pure: the same input gives the same output. */
export function agendaFromInvite(invite: InviteInfo, ctx: AgendaContext): InviteAgenda {
  const questions: AgendaQuestion[] = [];
  const employee = findEmployee(invite, ctx);
  const kind = detectKind(invite.title, invite.description);

  const zone = isValidZone(ctx.timeZone)
    ? ctx.timeZone
    : isValidZone(invite.timeZone)
      ? invite.timeZone
      : 'UTC';
  const startMs = invite.start ? Date.parse(invite.start) : Number.NaN;
  const endMs = invite.end ? Date.parse(invite.end) : Number.NaN;
  const hasStart = Number.isFinite(startMs);
  const allDay = invite.allDay === true;
  const nowMs = ctx.now.getTime();

  const scheduledAt = hasStart && !allDay ? invite.start : undefined;
  const endsAt = scheduledAt && Number.isFinite(endMs) ? invite.end : undefined;
  const durationMin = scheduledAt && endsAt ? Math.round((endMs - startMs) / 60_000) : undefined;

  // The start's local date: all-day starts are dates already.
  const startDate = hasStart ? (allDay ? invite.start!.slice(0, 10) : localDate(startMs, zone)) : undefined;
  const today = localDate(nowMs, zone);
  const daysAhead = startDate && today ? daysBetween(today, startDate) : undefined;
  const text = `${invite.title ?? ''}\n${invite.description ?? ''}`;
  const booking: Booking = {
    ...(daysAhead !== undefined ? { daysAhead } : {}),
    aheadOk:
      daysAhead === undefined
        ? null
        : daysAhead >= BOOKING_RULES.minDaysAhead && daysAhead <= BOOKING_RULES.maxDaysAhead,
    lengthOk:
      durationMin === undefined
        ? null
        : durationMin >= BOOKING_RULES.minMinutes && durationMin <= BOOKING_RULES.maxMinutes,
    selfAssessmentAsked: SELF_ASSESSMENT.test(text),
  };

  let cycleId: string | undefined;
  const cycles = ctx.cycles ?? [];
  if (cycles.length > 0) {
    const holding = startDate ? cycles.filter((c) => c.startsOn <= startDate && startDate <= c.endsOn) : [];
    if (holding.length === 1) cycleId = holding[0]!.id;
    else {
      const options = (holding.length > 1 ? holding : cycles).slice(0, 10).map((c) => ({
        value: c.id,
        label: { 'zh-CN': c.name ?? c.id, en: c.name ?? c.id },
      }));
      questions.push({
        id: 'cycle',
        message:
          holding.length > 1
            ? {
                'zh-CN': '这次面谈属于哪个绩效周期？有几个周期都包含这个日期。',
                en: 'Which cycle is this conversation for? Several cycles include its date.',
              }
            : startDate
              ? {
                  'zh-CN': '没有绩效周期包含这个日期，这次面谈属于哪个周期？',
                  en: 'No cycle includes this date. Which cycle is this conversation for?',
                }
              : { 'zh-CN': '这次面谈属于哪个绩效周期？', en: 'Which cycle is this conversation for?' },
        options,
      });
    }
  }

  if (!employee.employeeId) {
    questions.push({
      id: 'employee',
      message:
        employee.candidates.length > 1
          ? {
              'zh-CN': '邀请里有几位团队成员，这次面谈是和谁？',
              en: 'The invite includes several team members. Who is this conversation with?',
            }
          : {
              'zh-CN': '邀请里的人都不在你的团队名单中，这次面谈是和谁？',
              en: 'Nobody in the invite is on your team roster. Who is this conversation with?',
            },
      ...(employee.candidates.length > 1
        ? {
            options: employee.candidates.map((c) => ({
              value: c.employeeId,
              label: { 'zh-CN': c.name, en: c.name },
            })),
          }
        : {}),
    });
  }
  if (kind.value === null || kind.confidence === 'low') {
    const all: ConversationKind[] = [...(kind.candidates ?? []), 'plan', 'coaching', 'review'];
    const order = all.filter((k, i) => all.indexOf(k) === i);
    questions.push({
      id: 'kind',
      message: kind.value
        ? {
            'zh-CN': `这次看起来是${KIND_LABELS[kind.value]['zh-CN']}，对吗？`,
            en: `This looks like a ${KIND_LABELS[kind.value].en.toLowerCase()}. Is that right?`,
          }
        : { 'zh-CN': '这是哪一类面谈？', en: 'Which kind of conversation is this?' },
      options: order.map((k) => ({ value: k, label: KIND_LABELS[k] })),
    });
  }
  if (!scheduledAt) {
    questions.push({
      id: 'time',
      message: allDay
        ? {
            'zh-CN': '邀请是全天日程，面谈几点开始、多长时间？',
            en: 'The invite is an all-day event. What time does the conversation start, and for how long?',
          }
        : {
            'zh-CN': '邀请里没有读到时间，面谈什么时候开始？',
            en: 'No time was found in the invite. When does the conversation start?',
          },
    });
  }
  if (invite.cancelled) {
    questions.push({
      id: 'cancelled',
      message: {
        'zh-CN': '这份邀请取消了会议。要把面谈标记为已取消吗？',
        en: 'This invite cancels the meeting. Mark the conversation as cancelled?',
      },
    });
  }

  const meetingUrl = invite.meetingUrl;
  const sessionDraft: Partial<Session> = {
    ...(employee.employeeId ? { employeeId: employee.employeeId } : {}),
    ...(cycleId ? { cycleId } : {}),
    ...(kind.value ? { kind: kind.value } : {}),
    status: invite.cancelled ? 'cancelled' : 'scheduled',
    ...(scheduledAt ? { scheduledAt } : {}),
    ...(meetingUrl ? { meetingUrl } : {}),
    mainGoal: null,
  };

  return {
    employee,
    kind,
    ...(scheduledAt ? { scheduledAt } : {}),
    ...(endsAt ? { endsAt } : {}),
    ...(durationMin !== undefined ? { durationMin } : {}),
    ...(meetingUrl ? { meetingUrl } : {}),
    ...(cycleId ? { cycleId } : {}),
    booking,
    sessionDraft,
    questions,
  };
}
