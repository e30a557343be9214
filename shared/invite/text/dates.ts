/**
 * Date and time phrases of pasted invite text, in Chinese and English: dates, times, ranges,
 * offsets, named zones and repeat rules on one line. Part of `../text.ts`.
 */
import { isRealDate, resolveZoneName } from '../zone';

// ---------------------------------------------------------------------------------------------
// Dates and times

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DateHit = { y?: number; m: number; d: number; rel?: number; at: number; end: number };
export type TimeHit = {
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

export function to24(h: number, mer: TimeHit['mer'] | undefined): number {
  if (mer === 'am') return h === 12 ? 0 : h;
  if (mer === 'pm') return h < 12 ? h + 12 : h;
  if (mer === 'noon') return h < 11 ? h + 12 : h;
  return h;
}

function mask(s: string, from: number, to: number): string {
  return s.slice(0, from) + ' '.repeat(to - from) + s.slice(to);
}

/** Longest text read as a date/time line. */
export const MAX_WHEN_LENGTH = 400;

export type When = {
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
export function readWhen(line: string): When {
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

export function hasDateAndTime(w: When): boolean {
  return w.dates.length > 0 && w.times.length > 0;
}
