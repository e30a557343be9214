/**
 * `.ics` invites (RFC 5545) → `InviteInfo`, with ical.js.
 *
 * - Times: a TZID is read with the file's own VTIMEZONE (so the sender's DST rules apply). A TZID
 *   without a VTIMEZONE is looked up as an IANA id or a known Windows name (`China Standard Time`)
 *   via `Intl`. Floating times (no TZID, no `Z`) use `X-WR-TIMEZONE`, else `opts.timeZone`, else UTC.
 * - All-day events: `allDay: true`, `start`/`end` are the dates at 00:00Z, `end` exclusive.
 * - Recurrence: the instance picked is the first one not over at `now` (a call in progress counts),
 *   else the first of the series; EXDATEs are skipped, RECURRENCE-ID overrides replace their slot
 *   (and a cancelled override removes it). An override with no master is read as a single event.
 * - The join link, by priority: `X-GOOGLE-CONFERENCE` → `X-MICROSOFT-SKYPETEAMSMEETINGURL` /
 *   `X-MICROSOFT-ONLINEMEETINGCONFLINK` → `CONFERENCE` / `URL` → `LOCATION` → `DESCRIPTION` /
 *   `X-ALT-DESC` (HTML stripped); redirectors such as Outlook SafeLinks are unwrapped.
 * - Junk (empty, binary, not iCalendar, truncated, malformed) gives `{ok: false, error}`; this
 *   function never throws.
 */
import ICAL from 'ical.js';
import { findMeetingUrl, unwrapRedirect } from './links';
import type { InviteAttendee, InviteError, InviteInfo, InvitePerson, Localized } from './types';
import { cleanEmail, cleanMultiline, cleanText, inviteFailure, rejectInput, stripHtml } from './util';
import { isValidZone, resolveZoneName, toInstant, zonedTimeToUtc } from './zone';

export type IcsErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'not-icalendar'
  | 'truncated'
  | 'malformed'
  | 'no-events';

export type IcsOptions = {
  /** "Now" for picking the instance of a recurring event (default: the current time). */
  now?: Date;
  /** The zone for floating times when the file names none (default UTC). Pass the browser's zone. */
  timeZone?: string;
};

export type IcsResult =
  | { ok: true; events: InviteInfo[] }
  | { ok: false; error: InviteError<IcsErrorCode> & { detail?: string } };

export const MAX_ICS_LENGTH = 5_000_000;
/** How many instances of a recurring event are looked at before giving up on reaching `now`. */
const MAX_OCCURRENCES = 3_000;

const MESSAGES: Record<IcsErrorCode, Localized> = {
  empty: { 'zh-CN': '文件是空的。', en: 'The file is empty.' },
  'too-large': {
    'zh-CN': '文件太大，不像是一个会议邀请（上限 5 MB）。',
    en: 'The file is too large to be a meeting invite (limit 5 MB).',
  },
  binary: {
    'zh-CN': '这是一个二进制文件，不是日历邀请（.ics）。',
    en: 'This is a binary file, not a calendar invite (.ics).',
  },
  'not-icalendar': {
    'zh-CN': '这不是日历邀请文件：.ics 文件应以 BEGIN:VCALENDAR 开头。',
    en: 'This is not a calendar invite: an .ics file starts with BEGIN:VCALENDAR.',
  },
  truncated: {
    'zh-CN': '日历文件不完整（可能只复制或下载了一部分），请重新导出。',
    en: 'The calendar file is incomplete (perhaps only part of it was copied or downloaded). Export it again.',
  },
  malformed: {
    'zh-CN': '日历文件格式有误，无法读取其中的日程。',
    en: 'The calendar file is malformed; its events cannot be read.',
  },
  'no-events': {
    'zh-CN': '日历文件里没有日程（VEVENT）。',
    en: 'The calendar file contains no events (VEVENT).',
  },
};

function fail(code: IcsErrorCode, detail?: string): IcsResult {
  return inviteFailure(code, MESSAGES, detail, 300);
}

/** Unescape an iCalendar TEXT value ical.js left raw (it does so for unknown `X-` properties). */
function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function firstString(comp: ICAL.Component, name: string): string | undefined {
  const prop = comp.getFirstProperty(name);
  if (!prop) return undefined;
  const v = prop.getFirstValue();
  if (typeof v === 'string') return name.startsWith('x-') ? unescapeText(v) : v;
  return v == null ? undefined : String(v);
}

function allStrings(comp: ICAL.Component, name: string): string[] {
  return comp
    .getAllProperties(name)
    .map((p) => p.getFirstValue())
    .filter((v): v is string => typeof v === 'string')
    .map((v) => (name.startsWith('x-') ? unescapeText(v) : v));
}

function httpUrl(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const url = unwrapRedirect(v.trim());
  if (url.length > 2_000) return undefined;
  try {
    const u = new URL(url);
    // WHATWG URL parsing forgives a lot (`https:0//host` becomes host `0.0.0.0`): require the
    // `scheme://` form the schemas require, and a real host name.
    if (!/^https?:\/\//i.test(url)) return undefined;
    const realHost =
      /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$/i.test(u.hostname) || /^\[[0-9a-f:.]+\]$/i.test(u.hostname);
    return (u.protocol === 'https:' || u.protocol === 'http:') && realHost ? url : undefined;
  } catch {
    return undefined;
  }
}

function looksHtml(s: string): boolean {
  return /<(?:br|p|div|a|b|i|span|html|body|ul|li|strong|em)\b[^<>]{0,500}>/i.test(s);
}

function descriptionOf(vevent: ICAL.Component): { plain?: string; html?: string } {
  const desc = firstString(vevent, 'description');
  const alt = vevent
    .getAllProperties('x-alt-desc')
    .find((p) => !p.getParameter('fmttype') || /html/i.test(String(p.getParameter('fmttype'))));
  const altValue = alt ? alt.getFirstValue() : undefined;
  const html = typeof altValue === 'string' ? stripHtml(unescapeText(altValue)) : undefined;
  const plain = desc === undefined ? undefined : looksHtml(desc) ? stripHtml(desc) : desc;
  return { plain, html };
}

/** The join link by the documented priority. */
function meetingUrlOf(
  vevent: ICAL.Component,
  location: string | undefined,
  desc: { plain?: string; html?: string },
) {
  for (const name of [
    'x-google-conference',
    'x-microsoft-skypeteamsmeetingurl',
    'x-microsoft-onlinemeetingconflink',
  ]) {
    for (const v of allStrings(vevent, name)) {
      const url = httpUrl(v);
      if (url) return url;
    }
  }
  const conferences = vevent.getAllProperties('conference');
  const video = conferences.filter((p) => /video/i.test(String(p.getParameter('feature') ?? '')));
  for (const p of [...video, ...conferences]) {
    const v = p.getFirstValue();
    const url = typeof v === 'string' ? httpUrl(v) : undefined;
    if (url) return url;
  }
  for (const v of allStrings(vevent, 'url')) {
    const url = httpUrl(v);
    if (url && findMeetingUrl(url)) return url;
  }
  for (const text of [location, desc.plain, desc.html]) {
    const url = text ? httpUrl(findMeetingUrl(text)) : undefined;
    if (url) return url;
  }
  return undefined;
}

function personOf(prop: ICAL.Property): InvitePerson | undefined {
  const value = prop.getFirstValue();
  const emailParam = prop.getParameter('email');
  const email =
    cleanEmail(typeof value === 'string' ? value : undefined) ??
    cleanEmail(typeof emailParam === 'string' ? emailParam : undefined);
  const cnParam = prop.getParameter('cn');
  let name = cleanText(typeof cnParam === 'string' ? cnParam.replace(/^"|"$/g, '') : undefined, 300);
  if (name && (cleanEmail(name) === email || /^mailto:/i.test(name))) name = undefined;
  if (!email && !name) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function attendeesOf(vevent: ICAL.Component, organizer: InvitePerson | undefined): InviteAttendee[] {
  const out: InviteAttendee[] = [];
  const seen = new Set<string>();
  for (const prop of vevent.getAllProperties('attendee')) {
    const cutype = String(prop.getParameter('cutype') ?? '').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE') continue;
    const p = personOf(prop);
    if (!p) continue;
    const key = p.email ?? `name:${p.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const isOrganizer = !!organizer?.email && organizer.email === p.email;
    out.push({ ...p, ...(isOrganizer ? { organizer: true } : {}) });
  }
  if (organizer && !out.some((a) => a.organizer)) {
    const key = organizer.email ?? `name:${organizer.name}`;
    if (!seen.has(key)) out.unshift({ ...organizer, organizer: true });
  }
  return out.slice(0, 1_000);
}

type Resolved = { ms: number; isDate: boolean };

/** A time's instant: all-day dates at 00:00Z, zoned times by their zone, floating ones by `fallback`. */
function resolveTime(t: ICAL.Time | null | undefined, fallback: string): Resolved | undefined {
  if (!t) return undefined;
  if (t.isDate) {
    const ms = Date.UTC(t.year, t.month - 1, t.day);
    return Number.isFinite(ms) ? { ms, isDate: true } : undefined;
  }
  const zone = t.zone;
  const tzid = zone?.tzid;
  let ms: number | undefined;
  if (tzid === 'UTC' || tzid === 'Z' || zone === ICAL.Timezone.utcTimezone) {
    ms = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  } else if (
    zone &&
    tzid !== 'floating' &&
    zone !== ICAL.Timezone.localTimezone &&
    zone.component &&
    (zone.component.getFirstSubcomponent('standard') || zone.component.getFirstSubcomponent('daylight'))
  ) {
    ms = t.toUnixTime() * 1000;
  } else {
    const base = zonedTimeToUtc(t.year, t.month, t.day, t.hour, t.minute, fallback);
    ms = base === undefined ? undefined : base + t.second * 1000;
  }
  return ms !== undefined && Number.isFinite(ms) ? { ms, isDate: false } : undefined;
}

type Occurrence = { start?: Resolved; end?: Resolved; recurrenceId?: Resolved; item: ICAL.Event };

function isCancelled(comp: ICAL.Component): boolean {
  return String(comp.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

function pickOccurrence(event: ICAL.Event, nowMs: number, zone: string): Occurrence | undefined {
  let iterator: ICAL.RecurExpansion;
  try {
    iterator = event.iterator();
  } catch {
    return undefined;
  }
  let first: Occurrence | undefined;
  let chosen: Occurrence | undefined;
  for (let i = 0; i < MAX_OCCURRENCES; i++) {
    let slot: ICAL.Time | undefined;
    try {
      slot = iterator.next() ?? undefined;
    } catch {
      break;
    }
    if (!slot) break;
    const details = event.getOccurrenceDetails(slot);
    const item = details.item ?? event;
    if (details.item && isCancelled(details.item.component)) continue;
    const start = resolveTime(details.startDate, zone);
    const end = resolveTime(details.endDate, zone);
    const slotAt = resolveTime(slot, zone);
    if (!start) continue;
    const occ: Occurrence = { start, end, recurrenceId: details.item ? slotAt : undefined, item };
    first = first ?? occ;
    const over = (end && end.ms > start.ms ? end.ms : start.ms + (start.isDate ? 86_400_000 : 1)) <= nowMs;
    if (!over && (!chosen || start.ms < (chosen.start?.ms ?? Number.POSITIVE_INFINITY))) chosen = occ;
    // Overrides rarely move an instance by more than a few weeks: once past the pick by 90 days, stop.
    if (chosen?.start && slotAt && slotAt.ms > chosen.start.ms + 90 * 86_400_000) break;
  }
  return chosen ?? first;
}

function eventToInvite(
  event: ICAL.Event,
  opts: { nowMs: number; defaultZone: string; defaultZoneKnown: boolean; methodCancel: boolean },
): InviteInfo | undefined {
  const master = event.component;
  const dtstart = master.getFirstProperty('dtstart');
  if (!dtstart) return undefined;
  const tzidParam = dtstart.getParameter('tzid');
  const tzid = typeof tzidParam === 'string' ? tzidParam : undefined;
  const namedZone = resolveZoneName(tzid);
  const zone = namedZone ?? opts.defaultZone;

  let occ: Occurrence;
  const recurring = event.isRecurring();
  if (recurring) {
    const picked = pickOccurrence(event, opts.nowMs, zone);
    if (!picked) return undefined;
    occ = picked;
  } else {
    occ = {
      start: resolveTime(event.startDate, zone),
      end: resolveTime(event.endDate, zone),
      item: event,
    };
    if (event.isRecurrenceException()) {
      occ.recurrenceId = resolveTime(event.recurrenceId, zone);
    }
  }
  const comp = occ.item.component;
  const get = (name: string) => firstString(comp, name) ?? firstString(master, name);

  const location = cleanText(get('location'), 2_000);
  const desc = descriptionOf(
    comp.hasProperty('description') || comp.hasProperty('x-alt-desc') ? comp : master,
  );
  const description = cleanMultiline(desc.plain?.trim() ? desc.plain : desc.html, 50_000);
  const meetingUrl =
    meetingUrlOf(comp, location, desc) ??
    (comp === master ? undefined : meetingUrlOf(master, location, desc));

  const orgProp = comp.getFirstProperty('organizer') ?? master.getFirstProperty('organizer');
  const organizer = orgProp ? personOf(orgProp) : undefined;
  const attendees = attendeesOf(comp.hasProperty('attendee') ? comp : master, organizer);

  const allDay = occ.start?.isDate === true;
  const start = toInstant(occ.start?.ms);
  let end = toInstant(occ.end?.ms);
  if (start && end && end < start) end = undefined;

  let timeZone: string | undefined;
  if (allDay) timeZone = undefined;
  else if (namedZone) timeZone = namedZone;
  else if (tzid) timeZone = cleanText(tzid, 100);
  else if (event.startDate?.zone?.tzid === 'UTC') timeZone = 'UTC';
  else if (opts.defaultZoneKnown) timeZone = opts.defaultZone;

  const rrule = master.getFirstProperty('rrule')?.getFirstValue();
  const rule = rrule ? cleanText(String(rrule), 1_000) : undefined;
  const recurrenceId = toInstant(occ.recurrenceId?.ms);
  const recurrence =
    recurring || recurrenceId
      ? {
          ...(rule ? { rule } : {}),
          ...(recurring && start ? { instanceStart: start } : {}),
          ...(recurrenceId && recurrenceId !== start ? { recurrenceId } : {}),
        }
      : undefined;

  const uid = cleanText(firstString(master, 'uid'), 1_000);
  const title = cleanText(get('summary'), 1_000);
  const cancelled = opts.methodCancel || isCancelled(comp) || isCancelled(master);
  return {
    source: 'ics',
    ...(uid ? { uid } : {}),
    ...(title ? { title } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(allDay ? { allDay: true } : {}),
    attendees,
    ...(organizer ? { organizer } : {}),
    ...(description ? { description } : {}),
    ...(location ? { location } : {}),
    ...(meetingUrl ? { meetingUrl } : {}),
    ...(recurrence ? { recurrence } : {}),
    ...(cancelled ? { cancelled: true } : {}),
  };
}

function calendarsOf(text: string): ICAL.Component[] {
  const parsed = ICAL.parse(text) as unknown;
  const roots: unknown[] = Array.isArray(parsed) && typeof parsed[0] !== 'string' ? parsed : [parsed];
  return roots
    .filter((r): r is unknown[] => Array.isArray(r) && typeof r[0] === 'string')
    .map((r) => new ICAL.Component(r as unknown as ConstructorParameters<typeof ICAL.Component>[0]))
    .filter((c) => c.name === 'vcalendar');
}

/** Parse an `.ics` file's text. Never throws: junk comes back as `{ok: false, error}`. */
export function parseIcs(text: string, opts: IcsOptions = {}): IcsResult {
  try {
    return parseIcsUnsafe(text, opts);
  } catch (e) {
    return fail('malformed', e instanceof Error ? e.message : String(e));
  }
}

function parseIcsUnsafe(input: string, opts: IcsOptions): IcsResult {
  const rejected = rejectInput(input, MAX_ICS_LENGTH);
  // A file is "too large" where pasted text is "too long": same guard, the file's own wording.
  if (rejected) return fail(rejected === 'too-long' ? 'too-large' : rejected);
  const text = input.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (!/^BEGIN:VCALENDAR\s*(?:\r?\n|$)/i.test(text)) return fail('not-icalendar');
  if (!/(?:^|\n)END:VCALENDAR\s*$/i.test(text.trimEnd())) return fail('truncated');

  let calendars: ICAL.Component[];
  try {
    calendars = calendarsOf(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return fail(/did not end|began but/i.test(message) ? 'truncated' : 'malformed', message);
  }
  if (calendars.length === 0) return fail('not-icalendar');

  const nowMs = (opts.now ?? new Date()).getTime();
  const events: InviteInfo[] = [];
  let seenEvents = 0;
  for (const cal of calendars) {
    const wrTz = resolveZoneName(firstString(cal, 'x-wr-timezone'));
    const optZone = isValidZone(opts.timeZone) ? opts.timeZone : undefined;
    const defaultZone = wrTz ?? optZone ?? 'UTC';
    const methodCancel = String(cal.getFirstPropertyValue('method') ?? '').toUpperCase() === 'CANCEL';

    // Group by UID: the master (no RECURRENCE-ID) carries its overrides; lone overrides stand alone.
    const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
    const order: string[] = [];
    const vevents = cal.getAllSubcomponents('vevent');
    seenEvents += vevents.length;
    vevents.forEach((vevent, i) => {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? `#${i}`);
      let group = byUid.get(uid);
      if (!group) {
        group = { exceptions: [] };
        byUid.set(uid, group);
        order.push(uid);
      }
      if (vevent.hasProperty('recurrence-id')) group.exceptions.push(vevent);
      else if (!group.master) group.master = vevent;
      else {
        const extra = `${uid}#${i}`;
        byUid.set(extra, { master: vevent, exceptions: [] });
        order.push(extra);
      }
    });

    for (const uid of order) {
      const group = byUid.get(uid)!;
      const singles: ICAL.Event[] = [];
      try {
        if (group.master) {
          singles.push(
            new ICAL.Event(group.master, { exceptions: group.exceptions, strictExceptions: false }),
          );
        } else {
          for (const ex of group.exceptions) singles.push(new ICAL.Event(ex));
        }
      } catch {
        continue;
      }
      for (const ev of singles) {
        try {
          const invite = eventToInvite(ev, {
            nowMs,
            defaultZone,
            defaultZoneKnown: !!(wrTz ?? optZone),
            methodCancel,
          });
          if (invite) events.push(invite);
        } catch {
          // One broken event does not hide the others.
        }
      }
    }
  }
  if (seenEvents === 0) return fail('no-events');
  if (events.length === 0) return fail('malformed', 'no event could be read');
  return { ok: true, events };
}
