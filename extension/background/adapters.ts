/**
 * The background's side of the page adapters (content scripts on calendar and meeting pages).
 *
 * Every message is validated with zod and its sender checked: this extension, a tab, and a page on
 * the hosts that content script runs on (a calendar page may only send invites, a meeting page only
 * calls). Then:
 * - `invite/prepare` → `tandem:pendingInvite` and the side panel opens;
 * - `launcher/open` → `tandem:panelRequest` and the side panel opens;
 * - `call/joined` / `call/left` → `tandem:calls` (see `extension/adapters/messages.ts` for the shapes);
 * - `health/report` (from either kind of page) → `tandem:siteHealth`, keyed by the sender's host name.
 *
 * The side panel is opened before anything is awaited: Chrome allows `sidePanel.open()` only while
 * the click that sent the message still counts as a user gesture. Firefox's `sidebarAction.open()`
 * is tried the same way, but Firefox counts no click on a web page as a user action and refuses:
 * the stored key waits for the panel, the toolbar button gets a badge on that tab, and the page
 * button says to click it (or press the shortcut).
 */
import { type Browser, browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { z } from 'zod';
import { InviteInfoSchema } from '../../shared/invite/types';
import { Instant } from '../../shared/schemas/common';
import { applyHealth, HEALTH_STEPS, type SiteHealthMap, type SiteKind } from '../adapters/health';
import { CALENDAR_PATTERNS, MEETING_PATTERNS } from '../adapters/hosts';
import {
  type AdapterMessage,
  type AdapterReply,
  type CallRecord,
  MAX_CALLS,
  type PanelRequest,
  type PendingInvite,
  STORAGE_KEYS,
} from '../adapters/messages';
import { withLock } from '../store/storage';
import { markToolbar, openSidePanel } from './side-panel';

const Link = z.url({ protocol: /^https?$/ }).max(2_000);

export const AdapterMessageSchema = z.union([
  z
    .object({
      type: z.literal('invite/prepare'),
      invite: InviteInfoSchema,
      pageText: z.string().max(20_000).optional(),
    })
    .strict(),
  z.object({ type: z.enum(['call/joined', 'call/left']), meetingUrl: Link, at: Instant }).strict(),
  z.object({ type: z.literal('launcher/open'), meetingUrl: Link, at: Instant }).strict(),
  z
    .object({
      type: z.literal('health/report'),
      ok: z.boolean(),
      missed: z.array(z.enum(HEALTH_STEPS as [string, ...string[]])).max(HEALTH_STEPS.length),
    })
    .strict(),
]);

const TYPES = new Set(['invite/prepare', 'call/joined', 'call/left', 'launcher/open', 'health/report']);

const calendarPatterns = CALENDAR_PATTERNS.map((p) => new MatchPattern(p));
const meetingPatterns = MEETING_PATTERNS.map((p) => new MatchPattern(p));

type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'>;

/** The sender's tab id when the message may come from it, else null. */
export function checkSender(
  type: AdapterMessage['type'],
  sender: Sender,
  extensionId: string,
): number | null {
  if (sender.id !== extensionId) return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0 || !sender.url) return null;
  const patterns =
    type === 'invite/prepare'
      ? calendarPatterns
      : type === 'health/report'
        ? [...calendarPatterns, ...meetingPatterns]
        : meetingPatterns;
  try {
    return patterns.some((p) => p.includes(sender.url!)) ? tabId : null;
  } catch {
    return null;
  }
}

/** The page address without query and fragment (they may carry tokens or passwords). */
function pageUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return '';
  }
}

/** A page's clock may be off or a message late: never in the future. */
function clampAt(at: string): string {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return at > now ? now : at;
}

async function readCalls(): Promise<CallRecord[]> {
  const got = await browser.storage.local.get(STORAGE_KEYS.calls);
  const calls = got[STORAGE_KEYS.calls];
  return Array.isArray(calls) ? (calls as CallRecord[]) : [];
}

function writeCalls(calls: CallRecord[]): Promise<void> {
  return browser.storage.local.set({ [STORAGE_KEYS.calls]: calls.slice(-MAX_CALLS) });
}

/** Record a call start: idempotent for the same tab and link; an open call on the tab with another link ends. */
export function recordJoined(tabId: number, meetingUrl: string, at: string, page: string): Promise<void> {
  return withLock(async () => {
    const calls = await readCalls();
    if (calls.some((c) => c.tabId === tabId && c.meetingUrl === meetingUrl && !c.leftAt)) return;
    for (const c of calls) if (c.tabId === tabId && !c.leftAt) c.leftAt = at < c.joinedAt ? c.joinedAt : at;
    calls.push({ id: crypto.randomUUID(), meetingUrl, tabId, pageUrl: page, joinedAt: at });
    await writeCalls(calls);
  });
}

/** Record a call end on the latest open call of the tab (same link first). */
export function recordLeft(tabId: number, meetingUrl: string | null, at: string): Promise<void> {
  return withLock(async () => {
    const calls = await readCalls();
    const open = calls.filter((c) => c.tabId === tabId && !c.leftAt);
    const call = open.filter((c) => c.meetingUrl === meetingUrl).at(-1) ?? open.at(-1);
    if (!call) return;
    call.leftAt = at < call.joinedAt ? call.joinedAt : at;
    await writeCalls(calls);
  });
}

/** A tab closed: every call still open in it ended now. */
async function closeTab(tabId: number): Promise<void> {
  await withLock(async () => {
    const calls = await readCalls();
    const at = new Date().toISOString();
    let changed = false;
    for (const c of calls) {
      if (c.tabId === tabId && !c.leftAt) {
        c.leftAt = at;
        changed = true;
      }
    }
    if (changed) await writeCalls(calls);
  });
}

/** Which kind of adapter runs on `url`. */
function kindOf(url: string): SiteKind {
  return calendarPatterns.some((p) => p.includes(url)) ? 'calendar' : 'meeting';
}

/** One health report from the page at `url`: host name, time and step names only. */
export function recordHealth(url: string, report: { ok: boolean; missed: string[] }): Promise<void> {
  return withLock(async () => {
    const host = new URL(url).hostname;
    const got = await browser.storage.local.get(STORAGE_KEYS.siteHealth);
    const map = (got[STORAGE_KEYS.siteHealth] ?? {}) as SiteHealthMap;
    const missed = HEALTH_STEPS.filter((s) => report.missed.includes(s));
    const next = applyHealth(map, host, kindOf(url), { ok: report.ok, missed }, new Date().toISOString());
    await browser.storage.local.set({ [STORAGE_KEYS.siteHealth]: next });
  });
}

export async function handleAdapterMessage(
  message: z.infer<typeof AdapterMessageSchema>,
  tabId: number,
  sender: Sender,
  panel: Promise<boolean>,
): Promise<AdapterReply> {
  const page = pageUrl(sender.url ?? '');
  switch (message.type) {
    case 'invite/prepare': {
      const value: PendingInvite = {
        invite: message.invite,
        receivedAt: new Date().toISOString(),
        tabId,
        pageUrl: page,
        ...(message.pageText ? { pageText: message.pageText } : {}),
      };
      await browser.storage.local.set({ [STORAGE_KEYS.pendingInvite]: value });
      return { ok: true, panel: await panel };
    }
    case 'launcher/open': {
      const value: PanelRequest = {
        meetingUrl: message.meetingUrl,
        tabId,
        pageUrl: page,
        at: clampAt(message.at),
      };
      await browser.storage.local.set({ [STORAGE_KEYS.panelRequest]: value });
      return { ok: true, panel: await panel };
    }
    case 'call/joined':
      await recordJoined(tabId, message.meetingUrl, clampAt(message.at), page);
      return { ok: true, panel: false };
    case 'call/left':
      await recordLeft(tabId, message.meetingUrl, clampAt(message.at));
      return { ok: true, panel: false };
    case 'health/report':
      await recordHealth(sender.url ?? '', message);
      return { ok: true, panel: false };
  }
}

/** Register the adapters' message listener and the tab-closed hook. Call once at background start. */
export function registerAdapterHandlers(): void {
  browser.runtime.onMessage.addListener(
    (raw: unknown, sender: Sender, sendResponse: (reply: AdapterReply) => void): true | undefined => {
      const type = (raw as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !TYPES.has(type)) return undefined;
      const tabId = checkSender(type as AdapterMessage['type'], sender, browser.runtime.id);
      if (tabId === null) {
        sendResponse({ ok: false, error: 'sender not allowed' });
        return undefined;
      }
      const parsed = AdapterMessageSchema.safeParse(raw);
      if (!parsed.success) {
        sendResponse({ ok: false, error: 'invalid message' });
        return undefined;
      }
      // Before any await: the click's user gesture is still valid here.
      const wantsPanel = parsed.data.type === 'invite/prepare' || parsed.data.type === 'launcher/open';
      const panel = wantsPanel ? openSidePanel({ tabId }) : Promise.resolve(false);
      if (wantsPanel && import.meta.env.BROWSER === 'firefox')
        void panel.then((opened) => opened || markToolbar(tabId));
      handleAdapterMessage(parsed.data, tabId, sender, panel).then(sendResponse, (e: unknown) =>
        sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
      return true;
    },
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    void closeTab(tabId);
  });
}
