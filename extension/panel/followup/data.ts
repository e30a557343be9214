/**
 * The Follow-up tab's view of things, as signals: reminders and the weekly view computed from the
 * local records (the same rules the background notifies with), and the survey outbox as the
 * background last fetched it. Lazy: loaded with the tab.
 */
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { computeReminders, type Reminder } from '../../../shared/followup/reminders';
import { isValidZone } from '../../../shared/followup/time';
import { type WeeklyView, weeklyView } from '../../../shared/followup/weekly';
import {
  browserTimeZone,
  dueOutbox,
  FOLLOWUP_KEYS,
  type OutboxCache,
  type OutboxItem,
  type PanelTarget,
  reportsFrom,
} from '../../background/followup-state';
import type { FollowupMessage, SentReply } from '../../background/reminders';
import { actionItems, connection, cycles, people, sessions } from '../../store';
import { applyTarget } from './target';

export const timeZone = (() => {
  const z = browserTimeZone();
  return isValidZone(z) ? z : 'UTC';
})();

/** The clock the tab reads; ticks each minute while the tab is shown. */
export const nowMs = signal(Date.now());

export const outboxCache = signal<OutboxCache | null>(null);
/** Survey ids marked sent in this panel, hidden at once while the background confirms. */
export const sentHere = signal<ReadonlySet<string>>(new Set());

let loaded = false;

/** Read the outbox copy and follow the background's updates; start the minute tick. */
export function startFollowUpData(): () => void {
  if (!loaded) {
    loaded = true;
    void browser.storage.local.get(FOLLOWUP_KEYS.outbox).then((got) => {
      outboxCache.value = (got[FOLLOWUP_KEYS.outbox] as OutboxCache | undefined) ?? null;
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && FOLLOWUP_KEYS.outbox in changes)
        outboxCache.value = (changes[FOLLOWUP_KEYS.outbox]?.newValue as OutboxCache | undefined) ?? null;
    });
  }
  nowMs.value = Date.now();
  const id = setInterval(() => {
    nowMs.value = Date.now();
  }, 60_000);
  return () => clearInterval(id);
}

const reports = computed(() => reportsFrom(people.value));
const sessionData = computed(() => sessions.value.map((e) => e.data));
const itemData = computed(() => actionItems.value.map((e) => e.data));

/** Due survey links (null: not connected, so no surveys). */
export const surveys = computed<OutboxItem[] | null>(() => {
  const items = dueOutbox(outboxCache.value, connection.value?.url ?? null, new Date(nowMs.value));
  return items ? items.filter((i) => !sentHere.value.has(i.surveyId)) : null;
});

/** Everything that needs doing, every kind (the options' switches only silence notifications). */
export const reminders = computed<Reminder[]>(() =>
  computeReminders({
    now: new Date(nowMs.value),
    timeZone,
    manager: { email: connection.value?.user?.email ?? '' },
    reports: reports.value,
    sessions: sessionData.value,
    actionItems: itemData.value,
    cycles: cycles.value,
    surveysDue: surveys.value ?? [],
  }),
);

export const week = computed<WeeklyView>(() =>
  weeklyView({
    now: new Date(nowMs.value),
    timeZone,
    reports: reports.value,
    sessions: sessionData.value,
    actionItems: itemData.value,
  }),
);

/** Go where a reminder leads (the same place its notification opens). */
export function go(target: Omit<PanelTarget, 'at'>): void {
  applyTarget({ ...target, at: new Date().toISOString() });
}

export async function ask<R>(message: FollowupMessage): Promise<R> {
  return (await browser.runtime.sendMessage(message)) as R;
}

export const refreshOutbox = () =>
  ask<{ ok: boolean }>({ kind: 'followup/outbox-refresh' }).catch(() => ({ ok: false }));

export async function markSent(surveyId: string): Promise<SentReply> {
  const before = sentHere.value;
  sentHere.value = new Set([...before, surveyId]);
  try {
    const r = await ask<SentReply>({ kind: 'followup/survey-sent', surveyId });
    if (!r?.ok) sentHere.value = before;
    return r ?? { ok: false, error: 'no answer' };
  } catch (e) {
    sentHere.value = before;
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
