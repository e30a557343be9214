/**
 * The calendar adapter runner: keeps exactly one `<tandem-calendar>` beside the open event while
 * the calendar app re-renders, and on click reads the event from the page into an `InviteInfo`
 * and sends it to the background. Each site only says where the event is and how to read it.
 */
import { findMeetingUrl, unwrapRedirect } from '../../shared/invite/links';
import type { InviteAttendee, InviteInfo, InviteSource } from '../../shared/invite/types';
import { cleanEmail, cleanMultiline, cleanText } from '../../shared/invite/util';
import { isZh, watch } from './dom';
import { dateFromPath, parseWhen, toInviteTimes } from './time';
import { askForPanel, createHost } from './ui';

export interface RawPerson {
  name?: string | null;
  email?: string | null;
  organizer?: boolean;
}

/** What a site reads from its open event: text as shown, links as found. */
export interface RawEvent {
  uid?: string | null;
  title?: string | null;
  /** The displayed time, e.g. "Tuesday, March 10⋅2:00 – 3:00pm". */
  when?: string | null;
  attendees?: RawPerson[];
  organizer?: RawPerson | null;
  description?: string | null;
  location?: string | null;
  /** Candidate join links (conference block first), unfiltered. */
  links?: (string | null | undefined)[];
}

export interface Found {
  /** The open event's container. */
  root: Element;
  /** Where the button goes: `anchor.insertAdjacentElement(position, host)`. */
  anchor: Element;
  position: InsertPosition;
}

export interface CalendarSite {
  source: Extract<InviteSource, 'google-calendar' | 'outlook' | 'feishu'>;
  /** The open event, or null when none is open or the markup is not what the adapter knows. */
  find(doc: Document): Found | null;
  read(root: Element): RawEvent;
}

const TAG = 'tandem-calendar';

/** Whether `3/10/2026` reads day first in the page's (else the browser's) language. */
function dayFirst(): boolean {
  try {
    const lang = document.documentElement.lang || navigator.language;
    const parts = new Intl.DateTimeFormat(lang).formatToParts(new Date(2000, 10, 22)).map((p) => p.type);
    return parts.indexOf('day') < parts.indexOf('month');
  } catch {
    return false;
  }
}

function person(p: RawPerson | null | undefined): { name?: string; email?: string } | undefined {
  if (!p) return undefined;
  const email = cleanEmail(p.email);
  const name = cleanText(p.name, 300);
  const out: { name?: string; email?: string } = {};
  if (name && name.toLowerCase() !== email) out.name = name;
  if (email) out.email = email;
  return out.name || out.email ? out : undefined;
}

function httpUrl(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  try {
    const u = new URL(unwrapRedirect(s));
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.href.length <= 2000 ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A plain `InviteInfo` from what the page shows; fields the page does not show are left out. */
export function toInvite(source: CalendarSite['source'], raw: RawEvent, ref = new Date()): InviteInfo {
  const invite: InviteInfo = { source, attendees: [] };
  const uid = cleanText(raw.uid, 1000);
  if (uid) invite.uid = uid;
  const title = cleanText(raw.title, 1000);
  if (title) invite.title = title;
  const when = raw.when ? parseWhen(raw.when, { ref, dayFirst: dayFirst() }) : undefined;
  if (when) Object.assign(invite, toInviteTimes(when));
  const seen = new Set<string>();
  for (const a of raw.attendees ?? []) {
    const p = person(a);
    if (!p) continue;
    const key = p.email ?? `name:${p.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const att: InviteAttendee = { ...p };
    if (a.organizer) att.organizer = true;
    invite.attendees.push(att);
    if (invite.attendees.length >= 1000) break;
  }
  const organizer = person(raw.organizer) ?? invite.attendees.find((a) => a.organizer);
  if (organizer)
    invite.organizer = {
      ...(organizer.name ? { name: organizer.name } : {}),
      ...(organizer.email ? { email: organizer.email } : {}),
    };
  const description = cleanMultiline(raw.description, 50_000);
  if (description) invite.description = description;
  const location = cleanText(raw.location, 2000);
  if (location) invite.location = location;
  const links = (raw.links ?? []).map(httpUrl).filter((u): u is string => !!u);
  const meetingUrl = httpUrl(
    findMeetingUrl(links.join(' ')) ?? findMeetingUrl(`${location ?? ''}\n${description ?? ''}`),
  );
  if (meetingUrl) invite.meetingUrl = meetingUrl;
  return invite;
}

/** Mount and keep the "Prepare" button for `site`; stops when `signal` aborts. */
export function runCalendar(site: CalendarSite, signal?: AbortSignal): void {
  const mounted = document.getElementsByTagName(TAG);
  let host: HTMLElement | null = null;
  const zh = isZh();

  const prepare = () => {
    const found = site.find(document);
    if (!found) return;
    const ref = dateFromPath(location.pathname + location.search) ?? new Date();
    askForPanel(
      host,
      { type: 'invite/prepare', invite: toInvite(site.source, site.read(found.root), ref) },
      zh,
    );
  };

  const clear = () => {
    for (const el of [...mounted]) el.remove();
    host = null;
  };

  const ensure = () => {
    const t0 = performance.now();
    const found = site.find(document);
    if (!found) {
      if (mounted.length) clear();
      return;
    }
    if (host?.isConnected && mounted.length === 1 && found.root.contains(host)) return;
    clear();
    host = createHost(TAG, {
      label: zh ? '用 Tandem 准备' : 'Prepare with Tandem',
      lang: zh ? 'zh-CN' : 'en',
      title: zh ? '在 Tandem 中准备这次面谈' : 'Prepare this conversation in Tandem',
      onClick: prepare,
    });
    found.anchor.insertAdjacentElement(found.position, host);
    host.dataset.mountMs = (performance.now() - t0).toFixed(3);
  };

  watch(
    () => {
      try {
        ensure();
      } catch {
        clear();
      }
    },
    document,
    signal,
  );
  signal?.addEventListener('abort', clear, { once: true });
}
