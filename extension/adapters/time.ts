/**
 * Reading the time of an event as a calendar page shows it ("Tuesday, March 10⋅2:00 – 3:00pm",
 * "3月10日星期二⋅下午2:00至3:00", "Tue 3/10/2026 2:00 PM - 3:00 PM", "2026年3月10日 周二 14:00 - 15:00 (GMT+8)").
 *
 * Pure and framework-free (runs in content scripts). The text is read as wall-clock time in the
 * browser's time zone unless it names an offset (`GMT+8`, `UTC+08:00`): calendar pages show events
 * in the user's calendar zone, which is nearly always the browser's.
 */

/** A wall-clock time: month 1–12. */
export interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
}

export interface ParsedWhen {
  start: Wall;
  /** For all-day events: the last day shown (inclusive), at 00:00. */
  end: Wall;
  allDay: boolean;
  /** Minutes east of UTC, when the text names an offset. */
  offset?: number;
}

export interface ParseOptions {
  /** The date the page is showing (or today): fills in a missing year and "today"/"明天". */
  ref?: Date;
  /** Read `3/10/2026` as 3 October (en-GB and most of the world); default: month first. */
  dayFirst?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

interface DateTok {
  at: number;
  y?: number;
  m?: number;
  d: number;
}

interface TimeTok {
  at: number;
  h: number;
  mi: number;
  /** 'a' | 'p' from am/pm; 'n' for 中午 (noon); undefined when the text says nothing. */
  mer?: 'a' | 'p' | 'n';
}

type DateRule = [RegExp, (m: RegExpExecArray, dayFirst: boolean) => Omit<DateTok, 'at'> | undefined];

const num = (s: string | undefined) => (s === undefined ? undefined : Number.parseInt(s, 10));

/** Date patterns, most specific first; each match is blanked out before the next rule and the times. */
const DATE_RULES: DateRule[] = [
  // 2026-03-10, 2026/3/10, 2026.3.10, 2026年3月10日
  [
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/g,
    (m) => ({ y: num(m[1]), m: num(m[2]), d: num(m[3])! }),
  ],
  // 3/10/2026 or 10/3/2026, 10.03.2026
  [
    /(?<![\d:])(\d{1,2})[/.](\d{1,2})[/.](\d{4})/g,
    (m, dayFirst) => {
      let a = num(m[1])!;
      let b = num(m[2])!;
      if (a > 12 || (dayFirst && b <= 12)) [a, b] = [b, a];
      return { y: num(m[3]), m: a, d: b };
    },
  ],
  // 3月10日, 3月10号
  [/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/g, (m) => ({ m: num(m[1]), d: num(m[2])! })],
  // March 10, 2026 · Mar 10 · March 10th
  [
    new RegExp(
      `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[:.点點时時]\\s*\\d|\\s*[ap]\\.?m\\b)(?:,?\\s*(\\d{4})\\b)?`,
      'gi',
    ),
    (m) => ({ y: num(m[3]), m: monthIndex(m[1]!), d: num(m[2])! }),
  ],
  // 10 March 2026 · 10 Mar
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s*(\\d{4})\\b)?`, 'gi'),
    (m) => ({ y: num(m[3]), m: monthIndex(m[2]!), d: num(m[1])! }),
  ],
  // 3/10 (no year): Outlook's short form
  [
    /(?<![\d:/])(\d{1,2})\/(\d{1,2})(?![\d/:])/g,
    (m, dayFirst) => {
      let a = num(m[1])!;
      let b = num(m[2])!;
      if (a > 12 || (dayFirst && b <= 12)) [a, b] = [b, a];
      return { m: a, d: b };
    },
  ],
  // 11日 after "3月9日至": a day of the month before it
  [/(?<![\d月])(\d{1,2})\s*[日号號]/g, (m) => ({ d: num(m[1])! })],
];

/** "today", "明天": days from the reference date. */
const RELATIVE: [RegExp, number][] = [
  [/今天|今日|\btoday\b/gi, 0],
  [/明天|明日|\btomorrow\b/gi, 1],
  [/后天|後天/g, 2],
  [/昨天|昨日|\byesterday\b/gi, -1],
];

function monthIndex(s: string): number | undefined {
  const i = MONTHS.indexOf(s.slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

function blank(s: string, at: number, len: number): string {
  return s.slice(0, at) + ' '.repeat(len) + s.slice(at + len);
}

const PERIOD_AM = /^(?:上午|早上|早晨|凌晨|清晨|午前)$/;
const PERIOD_PM = /^(?:下午|晚上|傍晚|夜里|夜間|夜间|午後)$/;

/** The times in text (dates already blanked out). */
function findTimes(s: string): TimeTok[] {
  const out: TimeTok[] = [];
  const re =
    /(上午|下午|中午|晚上|凌晨|早上|早晨|清晨|傍晚|夜里|夜間|夜间|午前|午後)?\s*(?<!\d)(\d{1,2})(?:\s*[:：.]\s*(\d{2})(?!\d)|\s*([点點时時])\s*(半|(\d{1,2})\s*分?)?)?(?:\s*([ap])\.?\s?m\b\.?)?/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0].trim() === '') {
      re.lastIndex++;
      continue;
    }
    const period = m[1];
    const h = num(m[2])!;
    const minutes = m[3] ?? m[6];
    const mi = m[5] === '半' ? 30 : (num(minutes) ?? 0);
    const ampm = m[7]?.toLowerCase() as 'a' | 'p' | undefined;
    const bare = !period && m[3] === undefined && !m[4] && !ampm;
    // A bare number is a time only at the start of a range ("2 – 3pm").
    if (bare && !/^\s*(?:[–—~～〜至到-]|to\b)\s*\d/i.test(s.slice(m.index + m[0].length))) continue;
    if (h > 24 || mi > 59) continue;
    let mer: TimeTok['mer'] = ampm;
    if (!mer && period)
      mer = period === '中午' ? 'n' : PERIOD_AM.test(period) ? 'a' : PERIOD_PM.test(period) ? 'p' : undefined;
    out.push({ at: m.index + (period ? 0 : m[0].length - m[0].trimStart().length), h, mi, mer });
  }
  return out;
}

/** Hours in 24 h for a meridiem. */
function to24(h: number, mer: TimeTok['mer']): number {
  if (mer === 'a') return h === 12 ? 0 : h;
  if (mer === 'p') return h < 12 ? h + 12 : h;
  if (mer === 'n') return h >= 11 ? h : h + 12;
  return h;
}

/** A time without a meridiem takes its partner's when that keeps start ≤ end. */
function resolveHours(a: TimeTok, b: TimeTok | undefined, sameDay: boolean): [number, number | undefined] {
  if (!b) return [to24(a.h, a.mer), undefined];
  if (a.mer && b.mer) return [to24(a.h, a.mer), to24(b.h, b.mer)];
  if (!a.mer && !b.mer) return [a.h, b.h];
  const minutes = (h: number, t: TimeTok) => h * 60 + t.mi;
  if (!a.mer) {
    const e = to24(b.h, b.mer);
    const options = [to24(a.h, b.mer), a.h, to24(a.h, b.mer === 'p' ? 'a' : 'p')];
    const s = sameDay ? options.find((h) => minutes(h, a) <= minutes(e, b)) : undefined;
    return [s ?? options[0]!, e];
  }
  const s = to24(a.h, a.mer);
  const options = [to24(b.h, a.mer), b.h, to24(b.h, 'p')];
  const e = sameDay ? options.find((h) => minutes(h, b) >= minutes(s, a)) : undefined;
  return [s, e ?? options[0]!];
}

function addDays(w: Wall, days: number): Wall {
  const t = new Date(Date.UTC(w.y, w.m - 1, w.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: w.h, mi: w.mi };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The year that puts month/day closest to the reference date. */
function nearestYear(m: number, d: number, ref: Date): number {
  const y = ref.getFullYear();
  let best = y;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const c of [y - 1, y, y + 1]) {
    const gap = Math.abs(new Date(c, m - 1, d).getTime() - ref.getTime());
    if (gap < bestGap) {
      best = c;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * Parse an event's displayed time. Undefined when no date can be read (a time alone is read on
 * the reference date only when the text says "today"/"今天" or similar).
 */
export function parseWhen(text: string, opts: ParseOptions = {}): ParsedWhen | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const ref = opts.ref ?? new Date();
  let s = text
    .normalize('NFKC')
    .slice(0, 500)
    .replace(/[⋅·•|、()[\]【】]/g, ' ');

  // An explicit offset: GMT+8, UTC+08:00, GMT-05:30.
  let offset: number | undefined;
  const tz = /\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(s);
  if (tz) {
    offset = (tz[1] === '-' ? -1 : 1) * (num(tz[2])! * 60 + (num(tz[3]) ?? 0));
    s = blank(s, tz.index, tz[0].length);
  }
  s = s.replace(/\b(?:GMT|UTC)\b/gi, '   ');

  const dates: DateTok[] = [];
  for (const [re, make] of DATE_RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const tok = make(m, opts.dayFirst === true);
      if (tok?.m !== undefined || (tok?.d && dates.length > 0)) {
        dates.push({ at: m.index, ...tok });
        s = blank(s, m.index, m[0].length);
      }
    }
  }
  for (const [re, days] of RELATIVE) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const w = addDays({ y: ref.getFullYear(), m: ref.getMonth() + 1, d: ref.getDate(), h: 0, mi: 0 }, days);
      dates.push({ at: m.index, y: w.y, m: w.m, d: w.d });
      s = blank(s, m.index, m[0].length);
    }
  }
  // "March 9 – 11": a bare day after a date and a range separator (no time follows it).
  dates.sort((a, b) => a.at - b.at);
  const first = dates[0];
  if (dates.length === 1 && first) {
    const rest = /^\s*(?:[–—~～〜至到-]|to\b)\s*(\d{1,2})(?![\d:点點时時]|\s*[ap]\.?m\b)(?:,?\s*(\d{4})\b)?/i;
    const after = s.slice(first.at).search(/\S/);
    const tail = s.slice(first.at + Math.max(after, 0));
    const m = rest.exec(tail);
    if (m && !/\d/.test(tail.slice(m[0].length))) {
      dates.push({ at: first.at + 1, d: num(m[1])!, ...(m[2] ? { y: num(m[2]) } : {}) });
      s = blank(s, first.at + Math.max(after, 0), m[0].length);
    }
  }
  if (dates.length === 0) return undefined;

  const explicitYear = dates.map((t) => t.y !== undefined);
  // Months and years: a bare day takes the previous date's month; a missing year comes from
  // another date in the text, else the year nearest the reference date.
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i]!;
    if (t.m === undefined) t.m = dates[i - 1]?.m;
    if (t.y === undefined) t.y = dates[i - 1]?.y;
  }
  const withYear = dates.find((t) => t.y !== undefined);
  if (dates.some((t) => t.m === undefined)) return undefined;
  const year = withYear?.y ?? nearestYear(first!.m!, first!.d, ref);
  for (const t of dates) t.y ??= year;
  const [d0, d1] = dates as [Required<DateTok>, Required<DateTok> | undefined];
  if (!validDate(d0.y, d0.m, d0.d) || (d1 && !validDate(d1.y, d1.m, d1.d))) return undefined;
  const startDay: Wall = { y: d0.y, m: d0.m, d: d0.d, h: 0, mi: 0 };
  let endDay: Wall = d1 ? { y: d1.y, m: d1.m, d: d1.d, h: 0, mi: 0 } : startDay;
  // "Dec 30 – Jan 2" without years: the end is in the next year.
  if (d1 && wallKey(endDay) < wallKey(startDay) && !explicitYear[1]) endDay = { ...endDay, y: endDay.y + 1 };

  const times = findTimes(s);
  const [t0, t1] = times;
  if (!t0) {
    if (wallKey(endDay) < wallKey(startDay)) return undefined;
    return { start: startDay, end: endDay, allDay: true, ...(offset !== undefined ? { offset } : {}) };
  }
  const sameDay = !d1 || wallKey(endDay) === wallKey(startDay);
  const [h0, h1] = resolveHours(t0, t1, sameDay);
  const start = { ...startDay, h: h0, mi: t0.mi };
  let end = t1 ? { ...endDay, h: h1!, mi: t1.mi } : { ...start };
  if (wallKey(end) < wallKey(start)) {
    // Past midnight ("11pm – 1am") on a single date; otherwise the text makes no sense.
    if (!sameDay) return undefined;
    end = addDays(end, 1);
  }
  if (start.h > 23 || end.h > 24) return undefined;
  return { start, end, allDay: false, ...(offset !== undefined ? { offset } : {}) };
}

function wallKey(w: Wall): number {
  return (((w.y * 13 + w.m) * 32 + w.d) * 25 + w.h) * 60 + w.mi;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A wall-clock time as an ISO UTC instant: in the given offset, else in the browser's zone. */
export function wallToIso(w: Wall, offset?: number): string {
  const t =
    offset === undefined
      ? new Date(w.y, w.m - 1, w.d, w.h, w.mi)
      : new Date(Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi) - offset * 60_000);
  return t.toISOString().replace('.000Z', 'Z');
}

/** A date at 00:00Z, as `InviteInfo` writes all-day events. */
function dayIso(w: Wall): string {
  return `${w.y}-${pad(w.m)}-${pad(w.d)}T00:00:00Z`;
}

/** `InviteInfo`'s time fields from parsed text: all-day end is exclusive (the day after). */
export function toInviteTimes(p: ParsedWhen): { start: string; end: string; allDay?: true } {
  if (p.allDay) return { start: dayIso(p.start), end: dayIso(addDays(p.end, 1)), allDay: true };
  return { start: wallToIso(p.start, p.offset), end: wallToIso(p.end, p.offset) };
}

/** A date in a page URL (`/r/week/2026/3/10`, `/calendar/view/day/2026/3/10`), else undefined. */
export function dateFromPath(path: string): Date | undefined {
  const m =
    /\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\/|$|\?)/.exec(path) ?? /[=/](\d{4})-(\d{2})-(\d{2})\b/.exec(path);
  if (!m) return undefined;
  const [y, mo, d] = [num(m[1])!, num(m[2])!, num(m[3])!];
  return validDate(y, mo, d) ? new Date(y, mo - 1, d, 12) : undefined;
}
