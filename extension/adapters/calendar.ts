/**
 * The calendar adapter runner: keeps exactly one `<tandem-calendar>` beside the open event while
 * the calendar app re-renders, and on click reads the event from the page into an `InviteInfo`
 * and sends it to the background. Each site only says where the event is and how to read it.
 */

import { browser } from 'wxt/browser';
import { findMeetingUrl, unwrapRedirect } from '../../shared/invite/links';
import type { InviteAttendee, InviteInfo, InviteSource } from '../../shared/invite/types';
import { cleanEmail, cleanMultiline, cleanText } from '../../shared/invite/util';
import { isZh, textOf, watch } from './dom';
import { type HealthStep, healthReporter, type PageTextReply } from './messages';
import { askForPanel } from './panel-hint';
import { dateFromPath, parseWhen, toInviteTimes } from './time';
import { createHost, type Host } from './ui';

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

/** An open event whose container was found but not this part of it. */
export interface Missed {
  missed: Extract<HealthStep, 'title' | 'time'>;
}

export interface CalendarSite {
  source: Extract<InviteSource, 'google-calendar' | 'outlook' | 'feishu'>;
  /** The open event; `Missed` when its container is there without a title or time; null when none is open. */
  find(doc: Document): Found | Missed | null;
  read(root: Element): RawEvent;
}

const TAG = 'tandem-calendar';

/** How long an open event may stay unreadable before site health records the miss. */
export const CAL_FALLBACK_MS = 4000;

/** Something that looks like an open event, whatever the site's markup: a dialog showing a time. */
const DIALOGS = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog[open]';
const TIMEISH = /\d{1,2}[:：]\d{2}|\d{1,2}\s?[ap]\.?m\b|[上下]午\s?\d/i;
const MAX_PAGE_TEXT = 20_000;

function openDialog(doc: Document): Element | null {
  const all = [...doc.querySelectorAll(DIALOGS)].filter(
    (d) => !d.closest(TAG) && d.getClientRects().length > 0 && TIMEISH.test(d.textContent ?? ''),
  );
  return all.at(-1) ?? null;
}

/** An event's visible text without its buttons' labels ("×", "Edit"), so its first line is the title. */
function eventText(el: Element): string {
  const buttons = new Set([...el.querySelectorAll('button, [role="button"]')].map((b) => textOf(b)));
  return textOf(el)
    .split('\n')
    .filter((l) => !buttons.has(l))
    .join('\n')
    .slice(0, MAX_PAGE_TEXT);
}

const isFound = (f: Found | Missed | null): f is Found => !!f && 'root' in f;

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
  let host: Host | null = null;
  const zh = isZh();
  const report = healthReporter();
  let missTimer: ReturnType<typeof setTimeout> | undefined;
  let missKey = '';

  const prepare = () => {
    const found = site.find(document);
    if (!isFound(found)) return;
    const ref = dateFromPath(location.pathname + location.search) ?? new Date();
    const invite = toInvite(site.source, site.read(found.root), ref);
    const missed: HealthStep[] = [];
    if (!invite.title) missed.push('title');
    if (!invite.start) missed.push('time');
    if (!invite.attendees.length) missed.push('attendees');
    if (!invite.meetingUrl) missed.push('meeting-link');
    report(!!invite.start, missed);
    // No usable time: the panel reads the event's visible text with the pasted-invite parser.
    const pageText = invite.start ? undefined : eventText(found.root);
    askForPanel(host, { type: 'invite/prepare', invite, ...(pageText ? { pageText } : {}) }, zh);
  };

  /** A miss that lasts `CAL_FALLBACK_MS` is reported (once per kind of miss, while it lasts). */
  const watchMiss = (step: HealthStep | null) => {
    const key = step ?? '';
    if (key === missKey) return;
    missKey = key;
    clearTimeout(missTimer);
    missTimer = step
      ? setTimeout(() => {
          try {
            const f = site.find(document);
            if (!isFound(f) && (f ? f.missed : openDialog(document) ? 'anchor' : null) === step)
              report(false, [step]);
          } catch {
            // Quiet on the page.
          }
        }, CAL_FALLBACK_MS)
      : undefined;
  };

  // "Use this page" in the side panel: the selection, else the open event's text.
  const onMessage = (msg: unknown): Promise<PageTextReply | true> | undefined => {
    const type = (msg as { type?: unknown } | null)?.type;
    if (type === 'page/ping') return Promise.resolve(true);
    if (type !== 'page/text') return undefined;
    const sel = String(getSelection?.() ?? '').trim();
    const found = site.find(document);
    if (!isFound(found)) report(false, [found ? found.missed : 'anchor']);
    const reply: PageTextReply = sel
      ? { text: sel.slice(0, MAX_PAGE_TEXT), from: 'selection' }
      : isFound(found)
        ? { text: eventText(found.root), from: 'event' }
        : (() => {
            const d = openDialog(document);
            return d ? { text: eventText(d), from: 'dialog' as const } : { text: null };
          })();
    const ref = dateFromPath(location.pathname + location.search);
    return Promise.resolve(reply.text && ref ? { ...reply, ref: ref.toISOString() } : reply);
  };
  browser.runtime.onMessage.addListener(onMessage);

  const clear = () => {
    for (const el of [...mounted]) el.remove();
    host = null;
  };

  const ensure = () => {
    const t0 = performance.now();
    const found = site.find(document);
    if (!isFound(found)) {
      if (mounted.length) clear();
      watchMiss(found ? found.missed : openDialog(document) ? 'anchor' : null);
      return;
    }
    watchMiss(null);
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
  signal?.addEventListener(
    'abort',
    () => {
      clear();
      clearTimeout(missTimer);
      browser.runtime.onMessage.removeListener(onMessage);
    },
    { once: true },
  );
}
