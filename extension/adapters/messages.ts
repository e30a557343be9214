/**
 * What the page adapters send to the background, and what the background stores for the side panel.
 * Types and constants only: safe in a content script (no zod here; the background validates).
 *
 * Storage (`browser.storage.local`):
 * - `tandem:pendingInvite` → `PendingInvite`: the last event the manager clicked "Prepare" on; the
 *   panel opens (or creates) the matching session from it and then removes the key.
 * - `tandem:calls` → `CallRecord[]`: calls seen on meeting pages, oldest first, at most 100; a call's
 *   `joinedAt`/`leftAt` become the session's `startedAt`/`endedAt` (match by `meetingUrl`, which is
 *   normalised with `normalizeMeetingUrl`, so compare it with the session's normalised link).
 * - `tandem:panelRequest` → `PanelRequest`: the launcher on a meeting page asked for the panel.
 */
import { browser } from 'wxt/browser';
import type { InviteInfo } from '../../shared/invite/types';

export const STORAGE_KEYS = {
  pendingInvite: 'tandem:pendingInvite',
  calls: 'tandem:calls',
  panelRequest: 'tandem:panelRequest',
  siteHealth: 'tandem:siteHealth',
  launcherCorner: 'tandem:launcherCorner',
} as const;

export const MAX_CALLS = 100;

export type PrepareMessage = {
  type: 'invite/prepare';
  invite: InviteInfo;
  /** The event's visible text, sent only when no usable time was read (the panel parses it). */
  pageText?: string;
};
export type CallMessage = {
  type: 'call/joined' | 'call/left';
  /** The meeting's link, normalised (`normalizeMeetingUrl`). */
  meetingUrl: string;
  /** When the page showed the change (ISO UTC). */
  at: string;
};
export type LauncherMessage = { type: 'launcher/open'; meetingUrl: string; at: string };
/**
 * What an adapter could not find: the open event or in-call UI (`anchor`), or, in a found event,
 * its `title`, `time`, `attendees` or `meeting-link`. Step names only: never page content.
 */
export type HealthStep = 'anchor' | 'title' | 'time' | 'attendees' | 'meeting-link';
/** `ok`: the adapter did its job (soft misses such as no attendees may still be listed). */
export type HealthMessage = { type: 'health/report'; ok: boolean; missed: HealthStep[] };
export type AdapterMessage = PrepareMessage | CallMessage | LauncherMessage | HealthMessage;

/** Asked of a calendar page by the side panel ("Use this page"): the user's selection, else the open event's text. */
export type PageTextRequest = { type: 'page/text' } | { type: 'page/ping' };
export type PageTextReply =
  | {
      text: string;
      from: 'selection' | 'event' | 'dialog';
      /** ISO date the page's address shows (the calendar's current view), for dates without a year. */
      ref?: string;
    }
  | { text: null };

/** The background's answer. */
export type AdapterReply = { ok: true; panel: boolean } | { ok: false; error: string };

export interface PendingInvite {
  invite: InviteInfo;
  /** ISO UTC. */
  receivedAt: string;
  tabId: number;
  pageUrl: string;
  /** See `PrepareMessage.pageText`. */
  pageText?: string;
}

export interface CallRecord {
  /** Random id of this call record. */
  id: string;
  meetingUrl: string;
  tabId: number;
  /** The page's address when the call was joined (origin + path). */
  pageUrl: string;
  joinedAt: string;
  /** Absent while the call is going on. */
  leftAt?: string;
}

export interface PanelRequest {
  meetingUrl: string;
  tabId: number;
  pageUrl: string;
  at: string;
}

/** What a page button says when the browser kept the panel closed (Firefox; see `showHint`). */
export function panelHint(zh: boolean): string {
  return zh
    ? '浏览器不允许网页上的按钮打开侧边栏：请点工具栏上的 Tandem 按钮（或按 Alt+Shift+T），面板会从这里接着做。'
    : 'The browser does not let a button on a web page open the sidebar: click Tandem in the toolbar (or press Alt+Shift+T) and the panel carries on from here.';
}

/** Send to the background; never throws (the extension may have been reloaded under the page). */
export async function send(msg: AdapterMessage): Promise<AdapterReply | undefined> {
  try {
    return (await browser.runtime.sendMessage(msg)) as AdapterReply | undefined;
  } catch {
    return undefined;
  }
}

/** A health reporter for one page: sends a report only when it differs from the previous one. */
export function healthReporter(): (ok: boolean, missed: HealthStep[]) => void {
  let last = '';
  return (ok, missed) => {
    const key = `${ok}:${missed.join(',')}`;
    if (key === last) return;
    last = key;
    void send({ type: 'health/report', ok, missed });
  };
}
