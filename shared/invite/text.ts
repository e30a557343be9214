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
import { findMeetingUrl } from './links';
import { type Field, type Line, labelledLines, pickTitle, stripQuotes } from './text/fields';
import { collectPeople, INVITED } from './text/people';
import { findWhen, resolveInstants } from './text/schedule';
import type { InviteError, InviteInfo, Localized } from './types';
import { cleanMultiline, cleanText, hasCjk, inviteFailure, rejectInput } from './util';
import { isValidZone, resolveZoneName } from './zone';

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
  const when = findWhen(lines, first);

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
  if (when && when.dates.length === 0 && when.invalidDate) return fail('bad-date', when.invalidDate);
  const { start, end, allDay, recurrence } = resolveInstants(when, zone, nowMs);

  // --- People
  const { people, organizer } = collectPeople(text, lines, labelled, first);

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
