/**
 * Reminders in the background (DESIGN §5, issue 9): what needs doing, computed from the records in
 * this browser (so it works offline and in solo mode) plus the survey outbox (issue 7) as last
 * fetched from the service.
 *
 * - A check computes `computeReminders` with the manager's time zone, quiet hours and switches,
 *   shows a notification for each reminder whose `notifyAt` has come and whose id was never
 *   notified, sets the badge, and sets the one-shot alarm to the next moment the answer could
 *   change (`nextReminderChangeAt`, or the end of quiet hours). A periodic alarm is the safety net.
 * - "Never twice": notified ids are stored (`tandem:reminded`) before the notification is shown,
 *   under a lock, so that neither overlapping checks nor a restarted service worker repeat one.
 *   Ids of reminders no longer active are forgotten after `LOG_KEEP_MS`.
 * - A click on a notification stores `tandem:panelTarget` (the session and tab) and opens the side
 *   panel; the panel follows the target. When the browser does not let us open the side panel,
 *   the panel page opens in a tab instead.
 * - The outbox is fetched when connected (at most every `OUTBOX_MAX_AGE_MS`, or on demand from the
 *   Follow-up tab) and cached in `tandem:outbox`; "mark sent" made offline waits there and is
 *   retried.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { computeReminders, nextReminderChangeAt, type Reminder } from '../../shared/followup/reminders';
import { isValidZone } from '../../shared/followup/time';
import type { ActionItem, Session } from '../../shared/schemas/records';
import { followupMessages } from '../i18n/messages-followup';
import {
  KEYS,
  RECORD_PREFIX,
  readAllEntries,
  readConnection,
  readCycles,
  readKey,
  readPeople,
  writeKey,
} from '../store/storage';
import { ApiFailure, apiCall, type Fetch } from './api';
import {
  browserTimeZone,
  dueOutbox,
  FOLLOWUP_KEYS,
  type NotifiedLog,
  type OutboxCache,
  type OutboxItem,
  type PanelTarget,
  type ReminderState,
  readReminderSettings,
  reportsFrom,
  targetOf,
} from './followup-state';
import { fromExtensionPage, type Sender } from './messages';
import type { SecretStore } from './secrets';
import { openSidePanel } from './side-panel';
import { TOKEN } from './sync';

export const ALARM_REMINDERS = 'tandem-reminders';
export const ALARM_REMINDERS_SAFETY = 'tandem-reminders-safety';
export const SAFETY_PERIOD_MINUTES = 30;
/** How old the cached outbox may be before a check fetches it again. */
export const OUTBOX_MAX_AGE_MS = 15 * 60_000;
/** After a failed fetch, wait this long before the next automatic one. */
export const OUTBOX_RETRY_MS = 2 * 60_000;
/** More new reminders than this at once: the first ones, then one "and N more" notification. */
export const MAX_SINGLE = 3;
/** Ids of reminders no longer active are forgotten after this. */
export const LOG_KEEP_MS = 30 * 86_400_000;
export const LOG_MAX = 2_000;

export interface ReminderDeps {
  fetch: Fetch;
  secrets: SecretStore;
  now?: () => Date;
  /** The manager's IANA zone; default: the browser's. */
  timeZone?: () => string;
}

type Lang = 'zh-CN' | 'en';

const clock = (deps: Pick<ReminderDeps, 'now'>) => deps.now?.() ?? new Date();

function zoneOf(deps: Pick<ReminderDeps, 'timeZone'>): string {
  const z = deps.timeZone?.() ?? browserTimeZone();
  return isValidZone(z) ? z : 'UTC';
}

// ---------------------------------------------------------------------------------------------
// Serialising: one check at a time (Web Locks in the browser, a promise chain elsewhere)

const chains = new Map<string, Promise<unknown>>();

function serial<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request(name, { mode: 'exclusive' }, fn) as Promise<T>;
  const run = (chains.get(name) ?? Promise.resolve()).then(fn, fn);
  chains.set(
    name,
    run.catch(() => {}),
  );
  return run;
}

// ---------------------------------------------------------------------------------------------
// Reading what is stored

async function readLang(): Promise<Lang> {
  const pref = await readKey<unknown>('tandem:locale', 'auto');
  if (pref === 'zh-CN' || pref === 'en') return pref;
  return /^zh\b/i.test(globalThis.navigator?.language ?? '') ? 'zh-CN' : 'en';
}

/** The notified ids; the first version stored a plain list, taken over as notified now. */
export async function readNotifiedLog(now = new Date()): Promise<NotifiedLog> {
  const raw = await readKey<unknown>(FOLLOWUP_KEYS.notified, null);
  if (Array.isArray(raw)) {
    const at = now.toISOString();
    return { ids: Object.fromEntries(raw.filter((x) => typeof x === 'string').map((id) => [id, { at }])) };
  }
  if (
    raw &&
    typeof raw === 'object' &&
    (raw as NotifiedLog).ids &&
    typeof (raw as NotifiedLog).ids === 'object'
  )
    return raw as NotifiedLog;
  return { ids: {} };
}

/** Keep the ids still active, and the others for `LOG_KEEP_MS`; at most `LOG_MAX`, newest first. */
export function pruneLog(log: NotifiedLog, active: ReadonlySet<string>, nowMs: number): NotifiedLog {
  const kept = Object.entries(log.ids).filter(
    ([id, v]) => active.has(id) || nowMs - Date.parse(v.at) < LOG_KEEP_MS,
  );
  kept.sort((a, b) => Number(active.has(b[0])) - Number(active.has(a[0])) || b[1].at.localeCompare(a[1].at));
  return { ids: Object.fromEntries(kept.slice(0, LOG_MAX)) };
}

export const readOutboxCache = () => readKey<OutboxCache | null>(FOLLOWUP_KEYS.outbox, null);

/** The records and team in this browser, as the reminder rules want them. */
async function localInput(now: Date, timeZone: string) {
  const [entries, people, cycles, conn] = await Promise.all([
    readAllEntries(),
    readPeople(),
    readCycles(),
    readConnection(),
  ]);
  const live = [...entries.values()].filter((e) => !e.deleted);
  return {
    now,
    timeZone,
    manager: { email: conn?.user?.email ?? '', ...(conn?.user?.id ? { id: conn.user.id } : {}) },
    reports: reportsFrom(people),
    sessions: live.filter((e) => e.type === 'session').map((e) => e.data as Session),
    actionItems: live.filter((e) => e.type === 'actionItem').map((e) => e.data as ActionItem),
    cycles,
    connectionUrl: conn?.url ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// The survey outbox

const OutboxItemSchema = z.object({
  surveyId: z.string().min(1).max(200),
  sessionId: z.string().min(1).max(200),
  kind: z.enum(['employee', 'manager']),
  url: z.url({ protocol: /^https?$/ }).max(2_000),
  sendAfter: z.string().max(40),
  expiresAt: z.string().max(40),
  message: z.object({ 'zh-CN': z.string().max(5_000), en: z.string().max(5_000) }),
});
const OutboxAnswer = z.object({ items: z.array(z.unknown()).max(1_000) });

/** Items the service sent that we can use; anything malformed is left out. */
function parseItems(raw: unknown): OutboxItem[] {
  const items = OutboxAnswer.parse(raw).items;
  const out: OutboxItem[] = [];
  for (const i of items) {
    const r = OutboxItemSchema.safeParse(i);
    if (r.success) out.push(r.data);
  }
  return out;
}

/** A failure that may pass (offline, service down, rate limited): worth retrying later. */
const transient = (e: unknown) =>
  !(e instanceof ApiFailure) || e.kind === 'network' || e.status >= 500 || e.status === 429;

async function postSent(deps: ReminderDeps, base: string, token: string, surveyId: string): Promise<void> {
  await apiCall(deps.fetch, base, `/api/v1/surveys/${encodeURIComponent(surveyId)}/sent`, {
    method: 'POST',
    token,
    json: {},
  });
}

/** Send the "sent" marks that waited; returns those still waiting. */
async function flushPending(deps: ReminderDeps, base: string, token: string, pending: string[]) {
  const left: string[] = [];
  for (const [i, id] of pending.entries()) {
    try {
      await postSent(deps, base, token, id);
    } catch (e) {
      if (transient(e)) {
        left.push(...pending.slice(i));
        break;
      }
      // 404 (gone) or refused: nothing more to do for it.
    }
  }
  return left;
}

/**
 * Fetch the outbox when connected and the copy is older than `OUTBOX_MAX_AGE_MS` (or `force`).
 * Returns the cache (null in solo mode). A failure keeps the older copy, marked `failedAt`.
 */
export function refreshOutbox(
  deps: ReminderDeps,
  opts: { force?: boolean } = {},
): Promise<OutboxCache | null> {
  return serial('tandem-outbox', async () => {
    const [conn, token, cache] = await Promise.all([
      readConnection(),
      deps.secrets.get(TOKEN),
      readOutboxCache(),
    ]);
    if (!conn || !token) return null;
    const nowMs = clock(deps).getTime();
    const mine = cache?.url === conn.url ? cache : null;
    if (!opts.force && mine) {
      const fresh = mine.fetchedAt && nowMs - Date.parse(mine.fetchedAt) < OUTBOX_MAX_AGE_MS;
      const resting = mine.failedAt && nowMs - Date.parse(mine.failedAt) < OUTBOX_RETRY_MS;
      if ((fresh && !mine.failedAt) || resting) return mine;
    }
    let pending = mine?.pendingSent ?? [];
    let next: OutboxCache;
    try {
      if (pending.length) pending = await flushPending(deps, conn.url, token, pending);
      const raw = await apiCall<unknown>(deps.fetch, conn.url, '/api/v1/surveys/outbox', { token });
      next = {
        url: conn.url,
        fetchedAt: new Date(nowMs).toISOString(),
        items: parseItems(raw),
        pendingSent: pending,
      };
    } catch {
      next = {
        url: conn.url,
        fetchedAt: mine?.fetchedAt ?? '',
        items: mine?.items ?? [],
        pendingSent: pending,
        failedAt: new Date(nowMs).toISOString(),
      };
    }
    await writeKey(FOLLOWUP_KEYS.outbox, next);
    return next;
  });
}

export type SentReply = { ok: true; queued?: boolean } | { ok: false; error: string };

/**
 * Mark a survey link sent. Hidden at once; the service hears about it now, or (offline) with the
 * next fetch of the outbox.
 */
export function markSurveySent(deps: ReminderDeps, surveyId: string): Promise<SentReply> {
  return serial('tandem-outbox', async (): Promise<SentReply> => {
    const [conn, token, cache] = await Promise.all([
      readConnection(),
      deps.secrets.get(TOKEN),
      readOutboxCache(),
    ]);
    if (!conn || !token) return { ok: false, error: 'not connected' };
    const mine: OutboxCache =
      cache?.url === conn.url ? cache : { url: conn.url, fetchedAt: '', items: [], pendingSent: [] };
    try {
      await postSent(deps, conn.url, token, surveyId);
    } catch (e) {
      if (transient(e)) {
        const pendingSent = [...new Set([...mine.pendingSent, surveyId])];
        await writeKey(FOLLOWUP_KEYS.outbox, { ...mine, pendingSent });
        return { ok: true, queued: true };
      }
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    await writeKey(FOLLOWUP_KEYS.outbox, {
      ...mine,
      items: mine.items.filter((i) => i.surveyId !== surveyId),
      pendingSent: mine.pendingSent.filter((id) => id !== surveyId),
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// The check

export interface CheckResult {
  reminders: Reminder[];
  /** Notification ids shown by this check. */
  shown: string[];
  nextCheckAt: string;
}

function text(key: keyof typeof followupMessages, lang: Lang, vars: Record<string, string | number> = {}) {
  return followupMessages[key][lang].replace(/\{(\w+)\}/g, (m, k: string) =>
    k in vars ? String(vars[k]) : m,
  );
}

async function showNotification(id: string, title: string, message: string): Promise<boolean> {
  if (!browser.notifications?.create) return false;
  try {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
    return true;
  } catch {
    return false;
  }
}

type ActionApi = {
  setBadgeText(d: { text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { color: string }): Promise<void>;
  setTitle?(d: { title: string }): Promise<void>;
};

async function setBadge(count: number, overdue: number, lang: Lang): Promise<void> {
  const action = (browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction) as
    | ActionApi
    | undefined;
  if (!action) return;
  try {
    await action.setBadgeText({ text: count === 0 ? '' : count > 99 ? '99+' : String(count) });
    if (count) await action.setBadgeBackgroundColor({ color: overdue ? '#c5221f' : '#2d57c8' });
    await action.setTitle?.({
      title: count ? `Tandem · ${text('fu.todo.count', lang, { n: count, m: overdue })}` : 'Tandem',
    });
  } catch {
    // The toolbar button may be missing (tests, some browsers): the panel still lists everything.
  }
}

/**
 * Compute, notify what is new, set the badge and the next alarm. `refreshOutbox`: fetch the survey
 * outbox first even if the cached copy is recent.
 */
export async function checkReminders(
  deps: ReminderDeps,
  opts: { refreshOutbox?: boolean } = {},
): Promise<CheckResult> {
  await refreshOutbox(deps, { force: opts.refreshOutbox }).catch(() => null);
  return serial('tandem-reminders', async () => {
    const now = clock(deps);
    const nowMs = now.getTime();
    const at = now.toISOString();
    const timeZone = zoneOf(deps);
    const [settings, cache, base, log, lang] = await Promise.all([
      readReminderSettings(),
      readOutboxCache(),
      localInput(now, timeZone),
      readNotifiedLog(now),
      readLang(),
    ]);
    const input = {
      ...base,
      surveysDue: dueOutbox(cache, base.connectionUrl, now) ?? [],
      prefs: { quietHours: settings.quietHours, kinds: settings.kinds },
    };
    const list = computeReminders(input);

    const fresh = settings.enabled
      ? list.filter((r) => !log.ids[r.id] && Date.parse(r.notifyAt) <= nowMs)
      : [];
    const single = fresh.length <= MAX_SINGLE ? fresh : fresh.slice(0, MAX_SINGLE - 1);
    const more = fresh.length - single.length;
    const summaryId = more > 0 ? `summary:${at}` : null;
    // Mark first, then show: a worker stopped in between loses a notification, never doubles one.
    for (const r of fresh) log.ids[r.id] = { at, target: targetOf(r, at) };
    if (summaryId) log.ids[summaryId] = { at, target: { tab: 'followUp', at } };
    const active = new Set(list.map((r) => r.id));
    await writeKey(FOLLOWUP_KEYS.notified, pruneLog(log, active, nowMs));

    const shown: string[] = [];
    for (const r of single) {
      const title = text('fu.notify.title', lang, { kind: text(`fu.kind.${r.kind}`, lang) });
      if (await showNotification(r.id, title, r.message[lang])) shown.push(r.id);
    }
    if (summaryId && (await showNotification(summaryId, 'Tandem', text('fu.notify.more', lang, { n: more }))))
      shown.push(summaryId);

    const counted = settings.enabled ? list : [];
    const overdue = counted.filter((r) => r.overdue).length;
    await setBadge(counted.length, overdue, lang);

    // Next look: when the answer may change, or when reminders held back by quiet hours may show.
    let next = nextReminderChangeAt(input).getTime();
    if (settings.enabled) {
      for (const r of list) {
        const ms = Date.parse(r.notifyAt);
        if (!log.ids[r.id] && ms > nowMs && ms < next) next = ms;
      }
    }
    const nextCheckAt = new Date(next).toISOString();
    await browser.alarms?.create(ALARM_REMINDERS, { when: next });
    const state: ReminderState = {
      checkedAt: at,
      count: counted.length,
      overdue,
      nextCheckAt,
      timeZone,
      lastShown: shown,
    };
    await writeKey(FOLLOWUP_KEYS.state, state);
    return { reminders: list, shown, nextCheckAt };
  });
}

// ---------------------------------------------------------------------------------------------
// Opening the side panel where a notification leads

/** Whether a side panel of ours is open somewhere (it then follows the target by itself). */
async function sidePanelOpen(): Promise<boolean> {
  const getContexts = (
    browser.runtime as unknown as {
      getContexts?: (f: { contextTypes: string[] }) => Promise<unknown[]>;
    }
  ).getContexts;
  if (!getContexts) return false;
  try {
    return (await getContexts({ contextTypes: ['SIDE_PANEL'] })).length > 0;
  } catch {
    return false;
  }
}

export type OpenedHow = 'side-panel' | 'existing' | 'tab';

/**
 * What a click on notification `id` does (also reachable by message, for tests): store where to
 * go, clear the notification, and show the side panel (or, when the browser refuses and none is
 * open, the panel page in a tab).
 */
export function openFromNotification(id: string, deps: Pick<ReminderDeps, 'now'> = {}): Promise<OpenedHow> {
  // Before any await, so that it counts as the user's click.
  const opened = openSidePanel({ windowId: browser.windows?.WINDOW_ID_CURRENT ?? -2 });
  return (async () => {
    const at = clock(deps).toISOString();
    const log = await readNotifiedLog();
    const target: PanelTarget = { ...(log.ids[id]?.target ?? { tab: 'followUp' }), at };
    await writeKey(FOLLOWUP_KEYS.panelTarget, target);
    await browser.notifications?.clear(id).catch(() => false);
    if (await opened) return 'side-panel';
    if (await sidePanelOpen()) return 'existing';
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    return 'tab';
  })();
}

// ---------------------------------------------------------------------------------------------
// Messages from the side panel and options page

export const FollowupMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('followup/check') }).strict(),
  z.object({ kind: z.literal('followup/outbox-refresh') }).strict(),
  z.object({ kind: z.literal('followup/survey-sent'), surveyId: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('followup/open'), notificationId: z.string().min(1).max(500) }).strict(),
]);
export type FollowupMessage = z.infer<typeof FollowupMessage>;

export async function handleFollowupMessage(
  m: FollowupMessage,
  deps: ReminderDeps,
  run: (opts?: { refreshOutbox?: boolean }) => Promise<CheckResult>,
): Promise<unknown> {
  switch (m.kind) {
    case 'followup/check': {
      const r = await run();
      return { ok: true, count: r.reminders.length, shown: r.shown };
    }
    case 'followup/outbox-refresh': {
      const cache = await refreshOutbox(deps, { force: true });
      void run();
      return { ok: !!cache && !cache.failedAt, solo: !cache };
    }
    case 'followup/survey-sent': {
      const reply = await markSurveySent(deps, m.surveyId);
      void run();
      return reply;
    }
    case 'followup/open':
      return { ok: true, opened: await openFromNotification(m.notificationId, deps) };
  }
}

/** Storage keys whose change may change the reminders. */
function relevant(key: string): boolean {
  return (
    key.startsWith(RECORD_PREFIX) ||
    key === KEYS.people ||
    key === KEYS.cycles ||
    key === KEYS.connection ||
    key === FOLLOWUP_KEYS.prefs
  );
}

export const CHANGE_DEBOUNCE_MS = 1_500;

/** Wire it all up; call once, synchronously, when the background starts. */
export function registerReminders(deps: ReminderDeps): {
  check: () => Promise<CheckResult>;
  /** Remove the listeners and pending timer (tests; a worker simply stops). */
  stop: () => void;
} {
  type Opts = { refreshOutbox?: boolean };
  let running: Promise<CheckResult> | null = null;
  let queued: { opts: Opts; promise: Promise<CheckResult> } | null = null;
  const start = (opts: Opts): Promise<CheckResult> => {
    const p: Promise<CheckResult> = checkReminders(deps, opts)
      .catch((e: unknown): CheckResult => {
        console.error('Tandem: reminder check failed', e);
        return { reminders: [], shown: [], nextCheckAt: '' };
      })
      .finally(() => {
        if (running === p) running = null;
      });
    running = p;
    return p;
  };
  // One check at a time; asks made during a check fold into one more, which they all wait for.
  const run = (opts: Opts = {}): Promise<CheckResult> => {
    if (!running) return start(opts);
    if (queued) {
      queued.opts.refreshOutbox ||= opts.refreshOutbox;
      return queued.promise;
    }
    const q: { opts: Opts; promise: Promise<CheckResult> } = {
      opts: { ...opts },
      promise: running.then(() => {
        queued = null;
        return start(q.opts);
      }),
    };
    queued = q;
    return q.promise;
  };

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === ALARM_REMINDERS) void run();
    else if (alarm.name === ALARM_REMINDERS_SAFETY) void run({ refreshOutbox: true });
  };
  const onClicked = (id: string) => {
    void openFromNotification(id, deps);
  };

  let timer: ReturnType<typeof setTimeout> | null = null;
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    if (!keys.some(relevant)) return;
    const reconnect = keys.includes(KEYS.connection);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run({ refreshOutbox: reconnect });
    }, CHANGE_DEBOUNCE_MS);
  };

  const extensionId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  const onMessage = (raw: unknown, sender: Sender) => {
    const kind = (raw as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !kind.startsWith('followup/')) return undefined;
    if (!fromExtensionPage(sender, extensionId, origin)) return undefined;
    const parsed = FollowupMessage.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'invalid message' });
    return handleFollowupMessage(parsed.data, deps, run).catch((e: unknown) => ({
      ok: false,
      error: e instanceof Error ? e.message : String(e),
    }));
  };

  browser.alarms.onAlarm.addListener(onAlarm);
  browser.notifications?.onClicked.addListener(onClicked);
  browser.storage.onChanged.addListener(onChanged);
  browser.runtime.onMessage.addListener(onMessage);

  // The safety net survives restarts; create it once (re-creating would push it back each time).
  void browser.alarms
    .get(ALARM_REMINDERS_SAFETY)
    .then((a) => {
      if (!a) browser.alarms.create(ALARM_REMINDERS_SAFETY, { periodInMinutes: SAFETY_PERIOD_MINUTES });
    })
    .catch(() => {});
  void run();
  return {
    check: () => run(),
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.notifications?.onClicked.removeListener(onClicked);
      browser.storage.onChanged.removeListener(onChanged);
      browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}
