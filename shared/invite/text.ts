/**
 * Pasted invite text → `InviteInfo`: what Feishu/Lark, DingTalk, Tencent Meeting/VooV, WeCom,
 * Zoom, Outlook and Google Calendar put on the clipboard when a meeting is shared or copied, in
 * Chinese or English.
 *
 * How it reads the text:
 * - Labelled lines (`会议主题：…`, `Subject: …`, `When: …`, `时间：…`, `Organizer: …`, `参与者：…`,
 *   `Time zone: …`) are read first; without them the first line that holds a date is the time,
 *   and the first line (when it is not a date, a link or an "X invited you" line) is the title.
 * - Dates: `2026-12-01`, `2026/12/01`, `2026.12.01`, `2026年12月1日`, `12月1日`, `12/1/2026`
 *   (month first), `December 1, 2026`, `Dec 1`, `1 December 2026`, 今天/明天/后天, today/tomorrow.
 *   A date without a year is the one in [now − 60 days, now + 305 days).
 * - Times: `14:00`, `2:00 PM`, `2pm`, `下午2:00`, `02:00 下午`, `14点30分`, `下午2点半`; ranges with
 *   `-`, `–`, `—`, `~`, `至`, `到`, `to`. A start without am/pm takes the end's (`2:00 – 3:00pm`)
 *   unless that would put it after the end (`11:30 – 12:30pm` is 11:30). An end before the start
 *   with no end date crosses midnight. A date with no time is an all-day event.
 * - The zone, in this order: a zone named in the text (`Time zone: Asia/Shanghai`, an IANA id, or a
 *   known label such as `Beijing, Chongqing…`, `中国标准时间 - 北京`, `Eastern Time (US & Canada)`:
 *   named zones follow DST, which matters because Outlook labels zones by their standard offset);
 *   else a literal offset (`GMT+08:00`, `UTC-5`, `(GMT+8)`); else `opts.timeZone`; else
 *   Asia/Shanghai when the text has Chinese characters, UTC otherwise. `timeZoneFrom` says which.
 * - A repeating meeting (`每周`, `每两周`, `每天`, `weekly`, `biweekly`, `daily` in the time line)
 *   gives the first instance not over at `now`, bounded by a date range when one is given
 *   (`2026/12/01-2026/12/29 14:00-15:00 每周 (周二)`).
 * - People: `Name <email>` pairs and bare emails anywhere, names in attendee and organizer lines,
 *   and the inviter of "张三 邀请您参加腾讯会议" / "Zhang San is inviting you…" as the organizer.
 * - The join link: `findMeetingUrl` over the whole text. The description is the whole text.
 *
 * Never throws: junk comes back as `{ok: false, error}`.
 */
import { findMeetingUrl, findUrls } from './links';
import type { InviteAttendee, InviteError, InviteInfo, InvitePerson, Localized } from './types';
import {
  cleanEmail,
  cleanMultiline,
  cleanText,
  hasCjk,
  inviteFailure,
  normalizeName,
  rejectInput,
} from './util';
import { isRealDate, isValidZone, localParts, resolveZoneName, toInstant, zonedTimeToUtc } from './zone';

export type TextErrorCode = 'empty' | 'too-long' | 'binary' | 'bad-date' | 'not-an-invite';

export type TextOptions = {
  now: Date;
  /** The zone for times the text gives without one (pass the browser's or the user's zone). */
  timeZone?: string;
};

/** Where the zone came from: named in the text, a literal offset, `opts.timeZone`, or the default. */
export type ZoneFrom = 'text' | 'offset' | 'option' | 'default';

export type TextResult =
  | { ok: true; invite: InviteInfo; timeZoneFrom?: ZoneFrom }
  | { ok: false; error: InviteError<TextErrorCode> & { detail?: string } };

export const MAX_TEXT_LENGTH = 100_000;

const MESSAGES: Record<TextErrorCode, Localized> = {
  empty: {
    'zh-CN': '没有内容：请粘贴会议邀请的文字。',
    en: 'Nothing to read: paste the text of a meeting invite.',
  },
  'too-long': {
    'zh-CN': '文字太长，不像是一份会议邀请（上限 100,000 字）。',
    en: 'The text is too long to be a meeting invite (limit 100,000 characters).',
  },
  binary: {
    'zh-CN': '这不是文字内容（看起来是二进制数据）。',
    en: 'This is not text (it looks like binary data).',
  },
  'bad-date': {
    'zh-CN': '邀请里的日期不存在，请检查后再粘贴。',
    en: 'The date in the invite does not exist; check it and paste again.',
  },
  'not-an-invite': {
    'zh-CN': '没有识别出会议信息（时间、链接、主题或参会人）。请粘贴完整的会议邀请文字，或导入 .ics 文件。',
    en: 'No meeting details found (time, link, subject or attendees). Paste the whole invite text, or import an .ics file.',
  },
};

function fail(code: TextErrorCode, detail?: string): TextResult {
  return inviteFailure(code, MESSAGES, detail, 200);
}

// ---------------------------------------------------------------------------------------------
// Labelled lines

type Field = 'title' | 'when' | 'start' | 'end' | 'zone' | 'organizer' | 'sender' | 'attendees' | 'location';

const LABELS: Record<Field, string[]> = {
  title: [
    '会议主题',
    '主题',
    '会议名称',
    '会议标题',
    '日程主题',
    '日程标题',
    '日程名称',
    '日程',
    '标题',
    'subject',
    'topic',
    'meeting topic',
    'meeting subject',
    'meeting name',
    'title',
    'event',
    'event name',
  ],
  when: [
    '会议时间',
    '时间',
    '日程时间',
    '日期',
    '日期和时间',
    '日期时间',
    'when',
    'time',
    'meeting time',
    'date',
    'date and time',
    'date & time',
    'date/time',
  ],
  start: ['开始时间', '开始', 'start', 'starts', 'start time', 'begins'],
  end: ['结束时间', '结束', 'end', 'ends', 'end time'],
  zone: ['时区', 'time zone', 'timezone'],
  organizer: [
    '组织者',
    '组织人',
    '发起人',
    '会议发起人',
    '主持人',
    '创建人',
    'organizer',
    'organiser',
    'host',
  ],
  sender: ['发件人', 'from'],
  attendees: [
    '参与者',
    '参会人',
    '参会者',
    '参会人员',
    '与会者',
    '与会人',
    '参加人',
    '参加者',
    '必需与会者',
    '必选与会者',
    '可选与会者',
    '必选参与者',
    '可选参与者',
    '邀请对象',
    '受邀人',
    '被邀请人',
    '收件人',
    '抄送',
    'attendees',
    'required attendees',
    'optional attendees',
    'required',
    'optional',
    'guests',
    'participants',
    'invitees',
    'to',
    'cc',
  ],
  location: ['地点', '会议地点', '会议室', '位置', 'where', 'location', 'room'],
};

const LABEL_OF = new Map<string, Field>();
for (const [field, names] of Object.entries(LABELS) as [Field, string[]][]) {
  for (const n of names) LABEL_OF.set(n, field);
}

type Line = { raw: string; norm: string; index: number };
type Labelled = { field: Field; value: string; line: number };

/** `Label: value`, on a line already trimmed at the start (so no unbounded whitespace before the label). */
const LABEL_LINE = /^[#*•·-]?\s{0,3}([^:]{1,24}?)\s*:\s*(.*)$/;

/** A line that can be one person in a block under `Guests` / `Organizer`: a name or an address, not a sentence. */
function personLine(s: string): boolean {
  const t = s.trim();
  if (t === '' || isLabelLine(t)) return false;
  if (t.search(EMAIL_IN_TEXT) >= 0) return true;
  return t.length <= 40 && t.split(/\s+/).length <= 5 && !/[.!?。！？:]|https?:/.test(t);
}

/** Is this a `Label: value` line with a label we know (not just any text with a colon, like `(GMT+08:00)`)? */
function isLabelLine(s: string): boolean {
  const m = LABEL_LINE.exec(s.trimStart());
  return !!m && LABEL_OF.has((m[1] ?? '').toLowerCase().replace(/\s+/g, ' ').trim());
}

function labelledLines(lines: Line[]): Labelled[] {
  const out: Labelled[] = [];
  for (const line of lines) {
    // Google's invite emails put `Organizer` / `Guests` on a line of their own, people below.
    const header = LABEL_OF.get(line.norm.trim().toLowerCase());
    if (header === 'organizer' || header === 'attendees') {
      const block: string[] = [];
      for (const next of lines.slice(line.index + 1, line.index + 40)) {
        if (!personLine(next.norm)) break;
        block.push(next.norm.trim());
      }
      if (block.length > 0)
        out.push({ field: header, value: block.join(header === 'organizer' ? ' ' : '; '), line: line.index });
      continue;
    }
    const m = LABEL_LINE.exec(line.norm.trimStart());
    if (!m) continue;
    const label = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
    const field = LABEL_OF.get(label);
    if (!field) continue;
    let value = (m[2] ?? '').trim();
    // `时间：` with the value on the next line.
    if (value === '') {
      const next = lines[line.index + 1];
      if (next && !isLabelLine(next.norm)) value = next.norm.trim();
    }
    if (value !== '') out.push({ field, value, line: line.index });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type DateHit = { y?: number; m: number; d: number; rel?: number; at: number; end: number };
type TimeHit = {
  h: number;
  mi: number;
  mer?: 'am' | 'pm' | 'noon';
  explicit: boolean;
  at: number;
  end: number;
};

const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<DateHit, 'at' | 'end'> | undefined }[] =
  [
    {
      re: /(?<!\d)(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)(?:\s*[日号])?/g,
      read: (m) => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }),
    },
    {
      re: /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g,
      read: (m) => ({ m: Number(m[1]), d: Number(m[2]) }),
    },
    {
      re: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g,
      read: (m) => {
        const a = Number(m[1]);
        const b = Number(m[2]);
        // Month first (en-US), unless the first number cannot be a month.
        return a > 12 ? { y: Number(m[3]), m: b, d: a } : { y: Number(m[3]), m: a, d: b };
      },
    },
    {
      re: new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4})\\b)?`, 'gi'),
      read: (m) => ({
        m: MONTH_INDEX.indexOf((m[1] ?? '').slice(0, 3).toLowerCase()) + 1,
        d: Number(m[2]),
        ...(m[3] ? { y: Number(m[3]) } : {}),
      }),
    },
    {
      re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\.?(?:,?\\s*(\\d{4})\\b)?`, 'gi'),
      read: (m) => ({
        m: MONTH_INDEX.indexOf((m[2] ?? '').slice(0, 3).toLowerCase()) + 1,
        d: Number(m[1]),
        ...(m[3] ? { y: Number(m[3]) } : {}),
      }),
    },
    {
      re: /今天|明天|后天|\btoday\b|\btomorrow\b/gi,
      read: (m) => {
        const w = m[0].toLowerCase();
        return { m: 0, d: 0, rel: w === '今天' || w === 'today' ? 0 : w === '后天' ? 2 : 1 };
      },
    },
  ];

const OFFSET = /\b(?:gmt|utc)\s*([+\-−])\s*(\d{1,2})(?:\s*:?\s*(\d{2}))?/gi;
const ZERO_OFFSET = /\((?:gmt|utc|z)\)/gi;

const TIME =
  /(上午|下午|中午|晚上|凌晨|早上|早晨|傍晚|夜里)?\s*(?<![\d:.])(\d{1,2})(?:\s*:\s*(\d{2})|\s*[点時时](?:\s*(\d{1,2})\s*分|(半))?)?(?!\d)\s*(a\.?\s?m\.?|p\.?\s?m\.?|上午|下午|晚上|中午)?(?![a-z])/gi;

const RANGE_SEP = /(?:-|–|—|~|〜|至|到|\bto\b|\buntil\b|\btill\b)/i;

function merOf(word: string | undefined): TimeHit['mer'] | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/[.\s]/g, '');
  if (w === 'am' || w === '上午' || w === '凌晨' || w === '早上' || w === '早晨') return 'am';
  if (w === 'pm' || w === '下午' || w === '晚上' || w === '傍晚' || w === '夜里') return 'pm';
  if (w === '中午') return 'noon';
  return undefined;
}

function to24(h: number, mer: TimeHit['mer'] | undefined): number {
  if (mer === 'am') return h === 12 ? 0 : h;
  if (mer === 'pm') return h < 12 ? h + 12 : h;
  if (mer === 'noon') return h < 11 ? h + 12 : h;
  return h;
}

function mask(s: string, from: number, to: number): string {
  return s.slice(0, from) + ' '.repeat(to - from) + s.slice(to);
}

/** Longest text read as a date/time line. */
const MAX_WHEN_LENGTH = 400;

type When = {
  dates: DateHit[];
  times: TimeHit[];
  /** Minutes east of UTC from a literal offset. */
  offset?: number;
  /** An IANA zone named in the text. */
  zone?: string;
  allDay: boolean;
  repeatDays?: number;
  invalidDate?: string;
};

/** Read dates, times, offset and zone from one line (already NFKC-normalised). */
function readWhen(line: string): When {
  // A time line is short: collapsing and capping keeps every pattern below linear on junk.
  const input = line.replace(/\s+/g, ' ').slice(0, MAX_WHEN_LENGTH);
  let s = input;
  const when: When = { dates: [], times: [], allDay: /全天|整天|all[\s-]?day/i.test(s) };

  for (const m of s.matchAll(OFFSET)) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (minutes <= 14 * 60 && when.offset === undefined) when.offset = m[1] === '+' ? minutes : -minutes;
    s = mask(s, m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  for (const m of s.matchAll(ZERO_OFFSET)) {
    if (when.offset === undefined) when.offset = 0;
    s = mask(s, m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  const iana = /\b([A-Z][A-Za-z]+\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?)\b/.exec(s)?.[1];
  when.zone = resolveZoneName(iana) ?? resolveZoneName(s);

  const hits: DateHit[] = [];
  for (const p of DATE_PATTERNS) {
    for (const m of s.matchAll(p.re)) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if (hits.some((h) => at < h.end && end > h.at)) continue;
      const v = p.read(m);
      if (!v) continue;
      if (v.rel === undefined && !isRealDate(v.y ?? 2000, v.m, v.d)) {
        when.invalidDate ??= m[0].trim();
        s = mask(s, at, end);
        continue;
      }
      hits.push({ ...v, at, end });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  for (const h of hits) s = mask(s, h.at, h.end);
  when.dates = hits;

  const raw: (TimeHit & { bare: boolean })[] = [];
  for (const m of s.matchAll(TIME)) {
    const h = Number(m[2]);
    const mi = m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? Number(m[4]) : m[5] ? 30 : 0;
    const hasMinutes = m[3] !== undefined;
    const hasDian = /[点時时]/.test(m[0]);
    const mer = merOf(m[6]) ?? merOf(m[1]);
    if (h > 24 || mi > 59 || (h === 24 && mi > 0)) continue;
    if (mer && h > 12) continue;
    const explicit = hasMinutes || hasDian || mer !== undefined;
    const digitAt = (m.index ?? 0) + m[0].search(/\d/);
    raw.push({
      h,
      mi,
      explicit,
      bare: !explicit,
      at: digitAt,
      end: (m.index ?? 0) + m[0].length,
      ...(mer ? { mer } : {}),
    });
  }
  // A bare number counts only as the start of a range whose end is a real time (`2 – 3pm`).
  const times: TimeHit[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (t.explicit) times.push(t);
    else {
      const next = raw[i + 1];
      if (
        next?.explicit &&
        RANGE_SEP.test(s.slice(t.end, next.at)) &&
        s.slice(t.end, next.at).trim().length <= 3
      ) {
        times.push(t);
      }
    }
  }
  when.times = times;
  // `今天` / `today` alone is just a word; with a time it is a date.
  if (times.length === 0) when.dates = when.dates.filter((d) => d.rel === undefined);

  if (/每两周|每隔一周|双周|隔周|bi-?weekly|every (?:2|two|other) weeks?/i.test(input)) when.repeatDays = 14;
  else if (/每周|每星期|weekly|every week/i.test(input)) when.repeatDays = 7;
  else if (/每天|每日|daily|every day/i.test(input)) when.repeatDays = 1;
  return when;
}

function hasDateAndTime(w: When): boolean {
  return w.dates.length > 0 && w.times.length > 0;
}

// ---------------------------------------------------------------------------------------------
// People

const EMAIL_IN_TEXT =
  /(?<![A-Za-z0-9_'+\-.])[A-Za-z0-9_'+\-.]{1,64}@[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const SERVICE_EMAIL =
  /^(?:no-?reply|do-?not-?reply|noreply-[\w-]+|calendar-notification|notifications?|mailer-daemon)@|@(?:resource\.calendar\.google\.com|group\.calendar\.google\.com)$/i;

function cleanName(s: string): string | undefined {
  if (s.length > 300) return undefined;
  const n = s
    .replace(EMAIL_IN_TEXT, ' ')
    .replace(/mailto:/gi, ' ')
    .replace(/[<>()[\]"“”「」'‘’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,;:，；、\-–]+|[,;:，；、\-–]+$/g, '')
    .trim();
  if (n === '' || n.length > 100 || /^\d+$/.test(n) || /https?:|www\./i.test(n)) return undefined;
  return cleanText(n, 300);
}

const ROLE_TAG =
  /[(（]\s*(?:organi[sz]er|组织者|发起人)\s*[)）]|\s[-–]\s*(?:organi[sz]er|组织者|发起人)\s*$/i;
const OTHER_TAG =
  /[(（]\s*(?:optional|required|可选|必选|必需|guest|host)\s*[)）]|\s[-–]\s*(?:optional|required|creator)\s*$/gi;

type Found = InvitePerson & { isOrganizer?: boolean };

/** People in one attendee or organizer value: `A <a@x>; B <b@x>`, `张三、李四`, `a@x, b@x`, `A (organizer)`. */
function peopleIn(value: string): Found[] {
  const parts =
    value.includes(';') || value.includes('；')
      ? value.split(/[;；]/)
      : value.split(/[,，、;；]|\s+and\s+|\s+和\s+/);
  const out: Found[] = [];
  for (const raw of parts) {
    const isOrganizer = ROLE_TAG.test(raw);
    const part = raw.replace(ROLE_TAG, ' ').replace(OTHER_TAG, ' ');
    const email = cleanEmail(/<\s*([^<>\s]+@[^<>\s]+)\s*>/.exec(part)?.[1] ?? part.match(EMAIL_IN_TEXT)?.[0]);
    const name = cleanName(part);
    if (email && SERVICE_EMAIL.test(email)) continue;
    if (!email && !name) continue;
    out.push({
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      ...(isOrganizer ? { isOrganizer } : {}),
    });
  }
  return out;
}

const person = (f: Found): InvitePerson => ({
  ...(f.name ? { name: f.name } : {}),
  ...(f.email ? { email: f.email } : {}),
});

class People {
  readonly list: InviteAttendee[] = [];

  add(p: InvitePerson, organizer = false): void {
    if (!p.email && !p.name) return;
    const byEmail = p.email ? this.list.find((a) => a.email === p.email) : undefined;
    const byName =
      !byEmail && p.name
        ? this.list.find(
            (a) => a.name && normalizeName(a.name) === normalizeName(p.name!) && (!a.email || !p.email),
          )
        : undefined;
    const hit = byEmail ?? byName;
    if (hit) {
      if (!hit.name && p.name) hit.name = p.name;
      if (!hit.email && p.email) hit.email = p.email;
      if (organizer) hit.organizer = true;
      return;
    }
    if (this.list.length >= 1_000) return;
    this.list.push({ ...p, ...(organizer ? { organizer: true } : {}) });
  }
}

const INVITED =
  /^(.{1,40}?)\s*(?:邀请(?:您|你)(?:参加|加入|参与)|(?:is inviting you to|has invited you to|invited you to|invites you to))/i;

// ---------------------------------------------------------------------------------------------

const BOILERPLATE =
  /^(?:microsoft teams (?:meeting|会议)|google meet joining info|join (?:zoom meeting|with google meet|the meeting)|加入 ?zoom ?会议|点击链接|click (?:here|the link)|_{5,}|-{5,}|=+|\*+)/i;

function pickTitle(lines: Line[], labelled: Labelled[]): string | undefined {
  const byLabel = labelled.find((l) => l.field === 'title')?.value;
  if (byLabel) return byLabel;
  for (const line of lines.slice(0, 6)) {
    const bracket = /^【(?:日程|会议|会议邀请|日程邀请)】\s*(.+)$/.exec(line.norm)?.[1];
    if (bracket) return bracket;
    const invitation = /^(?:updated\s+)?invitation:\s*(.+?)\s+@\s+/i.exec(line.norm.slice(0, 500))?.[1];
    if (invitation) return invitation;
  }
  const candidates = lines.filter((l) => l.norm.trim() !== '').slice(0, 2);
  for (const line of candidates) {
    const t = line.norm.trim();
    if (INVITED.test(t) || BOILERPLATE.test(t) || isLabelLine(t)) continue;
    if (findUrls(t).length > 0 || t.length > 200) continue;
    const w = readWhen(t);
    if (w.dates.length > 0 || w.times.length > 0) continue;
    return t;
  }
  return undefined;
}

function stripQuotes(s: string): string {
  return s.replace(/^[「『“"《]+|[」』”"》]+$/g, '').trim();
}

// ---------------------------------------------------------------------------------------------

/** Parse pasted invite text. Never throws. */
export function parseInviteText(text: string, opts: TextOptions): TextResult {
  try {
    return parseUnsafe(text, opts);
  } catch (e) {
    return fail('not-an-invite', e instanceof Error ? e.message : String(e));
  }
}

function parseUnsafe(text: string, opts: TextOptions): TextResult {
  const rejected = rejectInput(text, MAX_TEXT_LENGTH);
  if (rejected) return fail(rejected);
  const nowMs =
    opts?.now instanceof Date && Number.isFinite(opts.now.getTime()) ? opts.now.getTime() : Date.now();

  const lines: Line[] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => ({ raw, norm: raw.normalize('NFKC').replace(/\u00a0/g, ' '), index }));
  const labelled = labelledLines(lines);
  const first = (f: Field) => labelled.find((l) => l.field === f);

  // --- When
  let when: When | undefined;
  let whenText = '';
  const whenLabel = first('when') ?? first('start');
  if (whenLabel) {
    whenText = whenLabel.value;
    when = readWhen(whenText);
    // `时间：2026年12月1日 (周二)` with the times on the next line.
    const next = lines[whenLabel.line + 1];
    if (when.times.length === 0 && next && !isLabelLine(next.norm)) {
      const joined = readWhen(`${whenText} ${next.norm}`);
      if (joined.times.length > 0) {
        whenText = `${whenText} ${next.norm}`;
        when = joined;
      }
    }
    // The zone or the repeat rule on the line below (`(GMT+08:00) 中国标准时间 - 北京`, `每两周 (周二)`).
    const below = lines[whenLabel.line + 1];
    if (
      below &&
      !isLabelLine(below.norm) &&
      findUrls(below.norm).length === 0 &&
      below.norm.trim().length <= 80
    ) {
      const extra = readWhen(below.norm);
      if (extra.dates.length === 0 && extra.times.length === 0) {
        if (when.offset === undefined && when.zone === undefined) {
          if (extra.offset !== undefined) when.offset = extra.offset;
          if (extra.zone !== undefined) when.zone = extra.zone;
        }
        when.repeatDays ??= extra.repeatDays;
      }
    }
    const endLabel = first('end');
    if (endLabel && when.times.length === 1) {
      const endWhen = readWhen(endLabel.value);
      if (endWhen.times.length > 0) {
        whenText = `${whenText} - ${endLabel.value}`;
        when = readWhen(whenText);
      }
    }
  }
  if (!when || when.dates.length === 0) {
    const invitation = lines
      .map((l) => /^(?:updated\s+)?invitation:\s*.+?\s+@\s+(.+)$/i.exec(l.norm.slice(0, 500))?.[1])
      .find(Boolean);
    const candidates = [
      ...(invitation ? [invitation] : []),
      ...lines.map((l) => l.norm),
      ...lines.slice(0, -1).map((l, i) => `${l.norm} ${lines[i + 1]!.norm}`),
    ];
    let dateOnly: { w: When; t: string } | undefined;
    for (const c of candidates) {
      if (c.length > MAX_WHEN_LENGTH) continue;
      if (findUrls(c).length > 0 && !/\d{1,2}\s*[:点]/.test(c.replace(/https?:\/\/\S+/g, ''))) continue;
      const w = readWhen(c.replace(/https?:\/\/\S+/g, ' '));
      if (hasDateAndTime(w)) {
        when = w;
        whenText = c;
        break;
      }
      if (!dateOnly && w.dates.length > 0) dateOnly = { w, t: c };
      if (!when && w.invalidDate) when = w;
    }
    if ((!when || when.dates.length === 0) && dateOnly) {
      when = dateOnly.w;
      whenText = dateOnly.t;
    }
  }

  // --- Zone
  const zoneLabel = first('zone');
  const labelZone = zoneLabel ? resolveZoneName(zoneLabel.value) : undefined;
  let zone: string;
  let zoneFrom: ZoneFrom;
  if (labelZone ?? when?.zone) {
    zone = (labelZone ?? when?.zone)!;
    zoneFrom = 'text';
  } else if (when?.offset !== undefined) {
    const o = when.offset;
    zone = `${o < 0 ? '-' : '+'}${String(Math.floor(Math.abs(o) / 60)).padStart(2, '0')}:${String(Math.abs(o) % 60).padStart(2, '0')}`;
    zoneFrom = 'offset';
  } else if (isValidZone(opts?.timeZone)) {
    zone = opts.timeZone!;
    zoneFrom = 'option';
  } else {
    zone = hasCjk(text) ? 'Asia/Shanghai' : 'UTC';
    zoneFrom = 'default';
  }

  // --- Instants
  let start: string | undefined;
  let end: string | undefined;
  let allDay = false;
  let recurrence: InviteInfo['recurrence'];
  if (when && when.dates.length === 0 && when.invalidDate) return fail('bad-date', when.invalidDate);
  if (when && when.dates.length > 0) {
    const nowLocal = localParts(nowMs, zone)!;
    const today = Date.UTC(nowLocal.year, nowLocal.month - 1, nowLocal.day);
    const dayOf = (d: DateHit): number | undefined => {
      if (d.rel !== undefined) return today + d.rel * 86_400_000;
      if (d.y !== undefined) return Date.UTC(d.y, d.m - 1, d.d);
      for (const y of [nowLocal.year - 1, nowLocal.year, nowLocal.year + 1]) {
        if (!isRealDate(y, d.m, d.d)) continue;
        const t = Date.UTC(y, d.m - 1, d.d);
        if (t >= today - 60 * 86_400_000 && t < today + 305 * 86_400_000) return t;
      }
      return undefined;
    };
    const firstDate = when.dates[0]!;
    const startDay = dayOf(firstDate);
    const firstTime = when.times[0];
    // A second date after the first time is the end's date; one before it bounds a repeating series.
    const endDateHit = firstTime ? when.dates.find((d) => d.at > firstTime.at) : undefined;
    const untilHit = firstTime ? when.dates.find((d) => d !== firstDate && d.at < firstTime.at) : undefined;
    if (startDay !== undefined) {
      const at = (day: number, h: number, mi: number) => {
        const base = new Date(day + (h === 24 ? 86_400_000 : 0));
        return zonedTimeToUtc(
          base.getUTCFullYear(),
          base.getUTCMonth() + 1,
          base.getUTCDate(),
          h % 24,
          mi,
          zone,
        );
      };
      if (!firstTime) {
        allDay = true;
        start = toInstant(startDay);
        const lastDay = when.dates[1] ? dayOf(when.dates[1]) : undefined;
        end = toInstant((lastDay !== undefined && lastDay >= startDay ? lastDay : startDay) + 86_400_000);
      } else {
        const endTime = when.times[1];
        let sh = firstTime.h;
        let eh = endTime?.h;
        if (endTime) {
          const endMer = endTime.mer;
          eh = to24(endTime.h, endMer ?? firstTime.mer);
          if (!firstTime.mer && endMer && endMer !== 'noon') {
            const same = to24(firstTime.h, endMer);
            sh = same * 60 + firstTime.mi <= eh * 60 + endTime.mi ? same : to24(firstTime.h, 'am');
          } else {
            sh = to24(firstTime.h, firstTime.mer);
          }
          if (!endMer && eh * 60 + endTime.mi <= sh * 60 + firstTime.mi && eh < 12 && eh + 12 > sh) eh += 12;
        } else {
          sh = to24(firstTime.h, firstTime.mer);
        }
        const startMs = at(startDay, sh, firstTime.mi);
        let endMs: number | undefined;
        if (endTime && eh !== undefined) {
          const endDay = endDateHit ? dayOf(endDateHit) : startDay;
          endMs = endDay !== undefined ? at(endDay, eh, endTime.mi) : undefined;
          if (endMs !== undefined && startMs !== undefined && endMs <= startMs) {
            endMs = endDateHit ? undefined : at(startDay + 86_400_000, eh, endTime.mi);
          }
        }
        start = toInstant(startMs);
        end = toInstant(endMs);
        if (start && end && end <= start) end = undefined;

        if (when.repeatDays && startMs !== undefined) {
          const untilDay = untilHit ? dayOf(untilHit) : undefined;
          const length = endMs !== undefined ? endMs - startMs : 0;
          let pickStart: number | undefined;
          for (let k = 0; k < 1_000; k++) {
            const day = startDay + k * when.repeatDays * 86_400_000;
            if (untilDay !== undefined && day > untilDay) break;
            const s = at(day, sh, firstTime.mi);
            if (s === undefined) break;
            if (s + Math.max(length, 1) > nowMs) {
              pickStart = s;
              break;
            }
          }
          pickStart ??= startMs;
          const freq =
            when.repeatDays === 1
              ? 'FREQ=DAILY'
              : when.repeatDays === 14
                ? 'FREQ=WEEKLY;INTERVAL=2'
                : 'FREQ=WEEKLY';
          const until =
            untilDay !== undefined
              ? `;UNTIL=${new Date(untilDay).toISOString().slice(0, 10).replace(/-/g, '')}`
              : '';
          const picked = toInstant(pickStart);
          if (picked) {
            start = picked;
            end = endMs !== undefined ? toInstant(pickStart + length) : undefined;
          }
          recurrence = { rule: `${freq}${until}`, ...(start ? { instanceStart: start } : {}) };
        }
      }
    }
  }

  // --- People
  const people = new People();
  const organizerLabel = first('organizer') ?? first('sender');
  const organizerFound = organizerLabel ? peopleIn(organizerLabel.value)[0] : undefined;
  const attendeesFound = labelled.filter((l) => l.field === 'attendees').flatMap((l) => peopleIn(l.value));
  let organizer: InvitePerson | undefined = organizerFound
    ? person(organizerFound)
    : (() => {
        const tagged = attendeesFound.find((p) => p.isOrganizer);
        return tagged ? person(tagged) : undefined;
      })();
  if (!organizer) {
    for (const line of lines.slice(0, 8)) {
      const name = INVITED.exec(line.norm.trim())?.[1];
      const cleaned = name ? cleanName(name.replace(/^(?:您好|你好|hi|hello)[,，!！\s]*/i, '')) : undefined;
      if (cleaned) {
        organizer = { name: cleaned };
        break;
      }
    }
  }
  if (organizer) people.add(organizer, true);
  for (const p of attendeesFound) people.add(person(p), !!p.isOrganizer);
  const urlFree = text.replace(/https?:\/\/\S+/g, ' ');
  for (const m of urlFree.matchAll(
    /(?:"([^"\n<>]{1,80})"|([^\s<>,;:"，、；：][^<>,;:"，、；：\n]{0,60}?))\s*<\s*([^<>\s]+@[^<>\s]+)\s*>/g,
  )) {
    const email = cleanEmail(m[3]);
    if (!email || SERVICE_EMAIL.test(email)) continue;
    const rawName = m[1] ?? m[2] ?? '';
    const name = cleanName(rawName.replace(ROLE_TAG, ' ').replace(OTHER_TAG, ' '));
    people.add({ ...(name ? { name } : {}), email }, ROLE_TAG.test(rawName));
  }
  for (const m of urlFree.matchAll(EMAIL_IN_TEXT)) {
    const email = cleanEmail(m[0]);
    if (email && !SERVICE_EMAIL.test(email)) people.add({ email });
  }
  if (organizer?.email) {
    for (const a of people.list) if (a.email === organizer.email) a.organizer = true;
  }

  // --- The rest
  const meetingUrl = findMeetingUrl(text);
  const titleRaw = pickTitle(lines, labelled);
  const location = cleanText(first('location')?.value, 2_000);
  const signals =
    start !== undefined ||
    meetingUrl !== undefined ||
    labelled.length > 0 ||
    people.list.length > 0 ||
    lines.some((l) => INVITED.test(l.norm.trim()));
  if (!signals) return fail('not-an-invite');

  const title = titleRaw ? cleanText(stripQuotes(titleRaw), 1_000) : undefined;
  const description = cleanMultiline(text, 50_000);
  const invite: InviteInfo = {
    source: 'text',
    ...(title ? { title } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(start && !allDay ? { timeZone: zone } : {}),
    ...(allDay ? { allDay: true } : {}),
    attendees: people.list,
    ...(organizer ? { organizer: { ...organizer } } : {}),
    ...(description ? { description } : {}),
    ...(location ? { location } : {}),
    ...(meetingUrl && meetingUrl.length <= 2_000 ? { meetingUrl } : {}),
    ...(recurrence ? { recurrence } : {}),
  };
  return { ok: true, invite, ...(start && !allDay ? { timeZoneFrom: zoneFrom } : {}) };
}
