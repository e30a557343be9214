/** Reminders in the background: the check (compute, notify what is new, badge, next alarm). */
import { browser } from 'wxt/browser';
import { computeReminders, nextReminderChangeAt, type Reminder } from '../../shared/followup/reminders';
import type { ActionItem, Session } from '../../shared/schemas/records';
import { readAllEntries, readConnection, readCycles, readPeople, writeKey } from '../store/storage';
import {
  dueOutbox,
  FOLLOWUP_KEYS,
  type ReminderState,
  readReminderSettings,
  reportsFrom,
  targetOf,
} from './followup-state';
import {
  ALARM_REMINDERS,
  clock,
  MAX_SINGLE,
  type ReminderDeps,
  readLang,
  serial,
  zoneOf,
} from './reminders-base';
import { pruneLog, readNotifiedLog } from './reminders-log';
import { setBadge, showNotification, text } from './reminders-notify';
import { readOutboxCache, refreshOutbox } from './reminders-outbox';

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
// The check

export interface CheckResult {
  reminders: Reminder[];
  /** Notification ids shown by this check. */
  shown: string[];
  nextCheckAt: string;
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
