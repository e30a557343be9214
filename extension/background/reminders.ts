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
import { KEYS, RECORD_PREFIX } from '../store/storage';
import { FOLLOWUP_KEYS } from './followup-state';
import { fromExtensionPage, type Sender } from './messages';
import {
  ALARM_REMINDERS,
  ALARM_REMINDERS_SAFETY,
  type ReminderDeps,
  SAFETY_PERIOD_MINUTES,
} from './reminders-base';
import { type CheckResult, checkReminders } from './reminders-check';
import { openFromNotification } from './reminders-open';
import { markSurveySent, refreshOutbox } from './reminders-outbox';

export {
  ALARM_REMINDERS,
  ALARM_REMINDERS_SAFETY,
  LOG_KEEP_MS,
  LOG_MAX,
  MAX_SINGLE,
  OUTBOX_MAX_AGE_MS,
  OUTBOX_RETRY_MS,
  type ReminderDeps,
  SAFETY_PERIOD_MINUTES,
} from './reminders-base';
export { type CheckResult, checkReminders } from './reminders-check';
export { pruneLog, readNotifiedLog } from './reminders-log';
export { type OpenedHow, openFromNotification } from './reminders-open';
export { markSurveySent, readOutboxCache, refreshOutbox, type SentReply } from './reminders-outbox';

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
